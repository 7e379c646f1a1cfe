/**
 * The page's actions on the code space, shared by every lesson: decoding a map point, the
 * sliders' code or a whole grid, encoding the reader's drawing, and (conditional autoencoder)
 * the digit the grid and sliders draw. labBridge.ts gathers them into `lab`.
 */
import { IMAGE_SIZE, type LabConfig } from '../core/config';
import { message } from '../core/messages';
import type { CodesEvent, EncodeResult } from '../worker/api';
import { act, errorText, expected, ready, report, started } from './labConnection';
import { useLab } from './store';

type Extent = CodesEvent['extent'];

const store = () => useLab.getState();

/**
 * The latent grid is a 2-D VAE's: at the prior's quantiles rather than over the codes' range.
 * (A longer code's map is a PCA of the codes, whose points are not prior quantiles.)
 */
export function priorGrid(config: LabConfig): boolean {
  return config.model.kind === 'vae' && config.model.codeSize === 2;
}

/** A 2-D map point for the code the sliders hold, when the map is the code itself. */
function pointOfCode(code: Float32Array): [number, number] | undefined {
  if (code.length === 2) return [code[0], code[1]];
  if (code.length === 1) return [code[0], 0];
  return undefined;
}

export const latentActions = {
  /** Decodes map point (x, y) into the big decoded image and loads its code into the sliders. */
  async decodeMapPoint(x: number, y: number): Promise<Float32Array | undefined> {
    const point = new Float32Array([x, y]);
    return act('decode', async (c) => {
      const [pixels, code] = await Promise.all([
        c.call((api) => api.decodeMapPoints(point.slice(), 1)),
        c.call((api) => api.mapPointsToCodes(point.slice(), 1)),
      ]);
      store().setDecoded(pixels, [x, y]);
      store().setSliderCode(code);
      return pixels;
    });
  },

  /** Decodes the code the sliders hold, [codeSize]. */
  async decodeSliderCode(code: Float32Array): Promise<Float32Array | undefined> {
    const copy = Float32Array.from(code);
    store().setSliderCode(copy);
    return act('decode', async (c) => {
      const pixels = await c.call((api) => api.decodeCodes(copy.slice(), 1));
      store().setDecoded(pixels, pointOfCode(copy));
      return pixels;
    });
  },

  /**
   * Decodes an n x n grid over `extent` in one batched call: cell (row, col) is the centre of
   * its square, row 0 at the top (yMax), col 0 at the left (xMin).
   * @returns [n * n, 784] row-major from the top-left cell
   */
  async decodeGrid(n: number, extent: Extent): Promise<Float32Array> {
    const points = new Float32Array(2 * n * n);
    const dx = (extent.xMax - extent.xMin) / n;
    const dy = (extent.yMax - extent.yMin) / n;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const i = row * n + col;
        points[2 * i] = extent.xMin + (col + 0.5) * dx;
        points[2 * i + 1] = extent.yMax - (row + 0.5) * dy;
      }
    }
    try {
      const c = await ready();
      // A VAE's grid covers its prior: cells at the quantiles Φ⁻¹((i + 0.5) / n) (core/models/priorCodes.ts).
      if (priorGrid(store().config)) return await c.call((api) => api.decodePriorGrid(n));
      return await c.call((api) => api.decodeMapPoints(points, n * n));
    } catch (e) {
      if (!expected(e)) report('internal', message('internal.actionFailed', { action: 'decodeGrid' }, errorText(e)));
      throw e;
    }
  },

  /** Encodes a drawn digit ([784] in [0, 1], preprocessed like MNIST) and marks it on the map. */
  async encodeDrawing(pixels: Float32Array): Promise<EncodeResult | undefined> {
    if (pixels.length !== IMAGE_SIZE) throw new RangeError(`a drawing has ${IMAGE_SIZE} pixels, got ${pixels.length}`);
    return act('encodeDrawing', async (c) => {
      const r = await c.call((api) => api.encode(Float32Array.from(pixels), 1));
      store().setDrawingPoint([r.points[0], r.points[1]]);
      return r;
    });
  },

  /**
   * Decodes n codes [n, codeSize] in one batched call (the adversarial panel's samples of the
   * prior). @returns [n, 784] in [0, 1], or undefined when the worker is busy being replaced
   */
  async decodeCodes(codes: Float32Array, n: number): Promise<Float32Array | undefined> {
    const copy = Float32Array.from(codes);
    return act('decodePriorSamples', (c) => c.call((api) => api.decodeCodes(copy, n)));
  },

  /** Conditional autoencoder: the digit the latent grid and the sliders draw; they redraw with it. */
  async setDecodeLabel(digit: number): Promise<void> {
    store().setDecodeLabel(digit);
    if (!started()) return;
    await act('chooseDigit', (c) => c.call((api) => api.setDecodeLabel(digit)));
    // The grid redraws on a new codes object; the sliders' image on a new decode.
    const codes = store().codes;
    if (codes) store().setCodes({ ...codes });
    const code = store().sliderCode;
    if (code) await latentActions.decodeSliderCode(code);
  },
};
