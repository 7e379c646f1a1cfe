import { useEffect, useRef } from 'react';
import { weightGridShape, weightImageRgba } from './weightImage';

/** One unit's incoming weights as an image (weightImage.ts), scaled up with square pixels. */
export function WeightImage({ weights, label, testId }: { weights: Float32Array; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { cols, rows } = weightGridShape(weights.length);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    if (c.width !== cols || c.height !== rows) Object.assign(c, { width: cols, height: rows });
    c.getContext('2d')?.putImageData(new ImageData(weightImageRgba(weights), cols, rows), 0, 0);
  }, [weights, cols, rows]);
  return <canvas ref={canvas} className="math-weights" role="img" aria-label={label} data-testid={testId} data-count={weights.length} />;
}
