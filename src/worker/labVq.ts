/**
 * The VQ-VAE's views, computed in the lab worker (model.kind 'vq'): the showcase digits' code
 * indices and the codebook's use on the live test digits, sent as a 'vq' event with each live
 * test evaluation, and the decoding of indices the page edits (core/train/vqViews.ts).
 */
import { imagesToFloat, showcaseIndices } from '../core/data/dataset';
import type { Trainer } from '../core/train/trainer';
import type { MnistData } from '../core/train/types';
import { decodeVqIndices, readVqCodes } from '../core/kinds/vq/views';
import { own } from './labViews';
import type { Emit } from './runChannel';

export class LabVq {
  /** [n, 784] in [0, 1]: the showcase test digits (one per class), as LabViews streams them. */
  private readonly showcase: { images: Float32Array; n: number };

  constructor(data: MnistData, private readonly emit: Emit) {
    const showcase = showcaseIndices(data.testLabels);
    this.showcase = { images: imagesToFloat(data.testImages, showcase), n: showcase.length };
  }

  /** For a VQ-VAE: the 'vq' event of the current model; nothing for other kinds. */
  async publish(trainer: Trainer): Promise<void> {
    const { model } = trainer.config;
    if (model.kind !== 'vq') return;
    const r = await readVqCodes(trainer, this.showcase.images, this.showcase.n);
    this.emit(
      {
        type: 'vq',
        step: trainer.step,
        epoch: trainer.epoch,
        codebookSize: model.codebookSize,
        positions: model.vqPositions,
        showcaseIndices: r.indices,
        n: this.showcase.n,
        usage: r.usage,
        perplexity: r.perplexity,
        codesUsed: r.codesUsed,
        count: r.count,
      },
      [r.indices.buffer, r.usage.buffer],
    );
  }

  /** [n, positions] indices -> [n, 784] images in [0, 1] (an own buffer, to transfer). */
  async decode(trainer: Trainer, indices: Int32Array, n: number): Promise<Float32Array> {
    return own(await decodeVqIndices(trainer, indices, n));
  }
}
