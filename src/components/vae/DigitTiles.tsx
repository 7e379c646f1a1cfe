import { useEffect, useRef } from 'react';
import { drawDigits, firstIndices } from '../digitCanvas';

/**
 * `rows` x `cols` digits ([rows * cols, 784] in [0, 1], row-major) on one canvas; redrawn when
 * the pixels change. The label describes the picture for screen readers.
 */
export function DigitTiles({ pixels, rows, cols, label, testId, gap = 1 }: { pixels?: Float32Array; rows: number; cols: number; label: string; testId: string; gap?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && pixels && pixels.length >= rows * cols * 784) drawDigits(ref.current, pixels, firstIndices(rows * cols), { cols, rows, gap });
  }, [pixels, rows, cols, gap]);
  return <canvas ref={ref} className="digit-tiles" role="img" aria-label={label} data-testid={testId} data-drawn={pixels ? 'true' : 'false'} style={{ ['--cols' as string]: cols }} />;
}
