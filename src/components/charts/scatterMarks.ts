/**
 * The marks drawn over the latent scatter's points: the decoded point's crosshair and the
 * user's drawing as a star. `scale` grows lines and shapes with the page's type (presenter
 * mode draws them about 1.5x).
 */

/** Dashed lines across the whole canvas through (px, py), CSS pixels, and a ring on the point. */
export function drawCrosshair(ctx: CanvasRenderingContext2D, width: number, height: number, [px, py]: [number, number], scale = 1): void {
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.lineWidth = scale;
  ctx.setLineDash([4 * scale, 3 * scale]);
  ctx.beginPath();
  ctx.moveTo(px, 0);
  ctx.lineTo(px, height);
  ctx.moveTo(0, py);
  ctx.lineTo(width, py);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 2 * scale;
  ctx.strokeStyle = '#000';
  ctx.beginPath();
  ctx.arc(px, py, 6 * scale, 0, 2 * Math.PI);
  ctx.stroke();
}

/** A five-pointed star at (px, py): solid when the drawing's point is on the map, hollow and dashed when pinned to the edge. */
export function drawStar(ctx: CanvasRenderingContext2D, [px, py]: [number, number], onMap: boolean, scale = 1): void {
  const outer = 10 * scale;
  const inner = 4.2 * scale;
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(px + radius * Math.cos(a), py + radius * Math.sin(a));
  }
  ctx.closePath();
  ctx.fillStyle = onMap ? '#fff' : 'rgba(255, 255, 255, 0.4)';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2 * scale;
  ctx.setLineDash(onMap ? [] : [3 * scale, 2 * scale]);
  ctx.fill();
  ctx.stroke();
  ctx.setLineDash([]);
}

/**
 * Points [m, 2] in map coordinates as small grey squares (the prior's samples beneath the
 * codes): light, so the digits' colours stay readable on top.
 * @param toScreen map -> screen CSS pixels
 */
export function drawBackground(ctx: CanvasRenderingContext2D, points: Float32Array, toScreen: (mx: number, my: number) => [number, number]): void {
  ctx.save();
  ctx.globalAlpha = 0.35;
  ctx.fillStyle = '#8a8a8a';
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [px, py] = toScreen(points[i], points[i + 1]);
    ctx.fillRect(px - 1.5, py - 1.5, 3, 3);
  }
  ctx.restore();
}
