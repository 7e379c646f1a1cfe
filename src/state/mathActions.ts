/**
 * The page's reads for the math with its numbers (worker/apiMath.ts): a unit of the diagram for
 * the digit in view, that digit's loss, the first layer's weights. The views ask at most a few
 * times a second (components/math/useLatestRead.ts); a read that lands after the page began
 * another run is dropped, and a failure is worded as 'internal.actionFailed' ('readMath') unless
 * the run changed under it (the model it asked about is gone; the view asks again).
 */
import { IMAGE_SIZE } from '../core/config';
import { message } from '../core/messages';
import type { DigitLoss, FirstLayerWeights, LabApi, MathDigitQuery, UnitInspection } from '../worker/api';
import { errorText, expected, ready, report, stillRun } from './labConnection';
import type { MathDigit } from './mathSlice';
import { useLab, type LabState } from './store';

const store = () => useLab.getState();

/**
 * The digit in view as the worker takes it: a showcase test digit by its test index, or the
 * reader's drawing (the first showcase digit once the drawing is cleared). Undefined before the
 * test digits arrive.
 */
export function mathDigitQuery(digit: MathDigit, s: Pick<LabState, 'testSample' | 'drawing'> = store()): MathDigitQuery | undefined {
  if (digit === 'drawing' && s.drawing?.length === IMAGE_SIZE) return { image: Float32Array.from(s.drawing) };
  const index = s.testSample?.showcase[digit === 'drawing' ? 0 : digit.showcase];
  return index === undefined ? undefined : { testIndex: index };
}

async function read<T>(fn: (api: LabApi) => Promise<T>): Promise<T | undefined> {
  const runId = store().run.id;
  try {
    const result = await (await ready()).call(fn);
    return stillRun(runId) ? result : undefined;
  } catch (e) {
    if (!expected(e) && stillRun(runId)) report('internal', message('internal.actionFailed', { action: 'readMath' }, errorText(e)));
    return undefined;
  }
}

export const mathActions = {
  inspectUnit: (digit: MathDigitQuery, layer: number, unit: number): Promise<UnitInspection | undefined> => read((api) => api.inspectUnit(digit, layer, unit)),
  digitLoss: (digit: MathDigitQuery): Promise<DigitLoss | undefined> => read((api) => api.digitLoss(digit)),
  firstLayerWeights: (count: number): Promise<FirstLayerWeights | undefined> => read((api) => api.firstLayerWeights(count)),
};
