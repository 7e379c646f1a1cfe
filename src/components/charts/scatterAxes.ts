/**
 * The latent scatter's grid lines, tick labels and axis names, drawn under the points. The
 * scales map map coordinates to "base" CSS pixels; the zoom transform moves them on screen.
 */
import type { ScaleLinear } from 'd3';

/** The canvas in CSS pixels, the tick-label size in CSS pixels and the two axis names (z1, z2 or PC1, PC2). */
export interface AxesFrame {
  width: number;
  height: number;
  fontSize: number;
  names: readonly [string, string];
}

/** Light grid lines at about six ticks per axis, their labels at the edges, and the names of both axes. */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  sx: ScaleLinear<number, number>,
  sy: ScaleLinear<number, number>,
  { k, x, y }: { k: number; x: number; y: number },
  { width, height, fontSize: font, names }: AxesFrame,
): void {
  // Zoomed scales: screen = k * base + offset.
  const zx = sx.copy().range(sx.range().map((v) => v * k + x));
  const zy = sy.copy().range(sy.range().map((v) => v * k + y));
  ctx.strokeStyle = '#e6e6e6';
  ctx.fillStyle = '#777';
  ctx.lineWidth = 1;
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'center';
  for (const t of zx.ticks(6)) {
    const px = Math.round(zx(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, height);
    ctx.stroke();
    ctx.fillText(zx.tickFormat(6)(t), px, height - 2);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const t of zy.ticks(6)) {
    const py = Math.round(zy(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(0, py);
    ctx.lineTo(width, py);
    ctx.stroke();
    ctx.fillText(zy.tickFormat(6)(t), 2, py);
  }
  ctx.fillStyle = '#333';
  ctx.font = `${Math.round(font * 1.2)}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${names[0]} →`, width - 4, height - font - 4);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(`↑ ${names[1]}`, font * 2.4, 4);
}
