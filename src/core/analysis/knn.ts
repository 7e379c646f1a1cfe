/**
 * How well the code separates the digits: accuracy of a k-nearest-neighbour classifier that
 * labels each test point by the majority label of its k nearest training points (Euclidean
 * distance in the code space or its 2-D map).
 */

/**
 * Brute force: every test point against every training point, O(nTest · nTrain · dims).
 * A tied vote goes to the tied label with the nearest neighbour; equally distant training
 * points are ranked by index. k larger than the training set is clamped to its size.
 * @param trainPoints [nTrain, dims] row-major, nTrain = trainLabels.length
 * @param testPoints [nTest, dims] row-major, nTest = testLabels.length
 * @returns fraction of test points whose predicted label equals their label, in [0, 1]
 */
export function knnAccuracy(
  trainPoints: Float32Array,
  trainLabels: ArrayLike<number>,
  testPoints: Float32Array,
  testLabels: ArrayLike<number>,
  dims: number,
  k: number,
): number {
  const nTrain = trainLabels.length;
  const nTest = testLabels.length;
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims=${dims} must be a positive integer`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k} must be a positive integer`);
  if (nTrain < 1 || nTest < 1) throw new RangeError('k-NN needs at least one training and one test point');
  if (trainPoints.length < nTrain * dims || testPoints.length < nTest * dims) {
    throw new RangeError(`points arrays are shorter than their labels times dims=${dims}`);
  }
  const kk = Math.min(k, nTrain);
  // The kk nearest so far, sorted by distance (insertion sort: kk is small).
  const bestDistance = new Float64Array(kk);
  const bestIndex = new Int32Array(kk);
  const votes = new Map<number, number>();
  let correct = 0;
  for (let t = 0; t < nTest; t++) {
    const q = t * dims;
    let found = 0;
    for (let r = 0; r < nTrain; r++) {
      const p = r * dims;
      let dist = 0;
      for (let j = 0; j < dims; j++) {
        const diff = trainPoints[p + j] - testPoints[q + j];
        dist += diff * diff;
      }
      if (found === kk && dist >= bestDistance[kk - 1]) continue;
      // Strict comparison keeps the earlier index first among equal distances.
      let slot = found < kk ? found++ : kk - 1;
      while (slot > 0 && bestDistance[slot - 1] > dist) {
        bestDistance[slot] = bestDistance[slot - 1];
        bestIndex[slot] = bestIndex[slot - 1];
        slot--;
      }
      bestDistance[slot] = dist;
      bestIndex[slot] = r;
    }
    votes.clear();
    let most = 0;
    for (let i = 0; i < kk; i++) {
      const label = trainLabels[bestIndex[i]];
      const count = (votes.get(label) ?? 0) + 1;
      votes.set(label, count);
      most = Math.max(most, count);
    }
    // Among the labels with the most votes, the one whose neighbour comes first (is nearest).
    let predicted = trainLabels[bestIndex[0]];
    for (let i = 0; i < kk; i++) {
      const label = trainLabels[bestIndex[i]];
      if (votes.get(label) === most) {
        predicted = label;
        break;
      }
    }
    if (predicted === testLabels[t]) correct++;
  }
  return correct / nTest;
}
