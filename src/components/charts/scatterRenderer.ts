/**
 * Draws the latent scatter on a canvas: thousands of test digits at their map points,
 * coloured by label, with the zoom transform, the decoded point's crosshair and the user's
 * drawing. Owned by LatentScatter; fed by store subscriptions, so no React render per update.
 *
 * Coordinates: "map" is the code (or its 2-D PCA projection); "base" is CSS pixels before
 * zoom (the extent fills the canvas); "screen" is CSS pixels after the d3-zoom transform.
 */
import { quadtree, scaleLinear, type Quadtree, type ScaleLinear } from 'd3';

/**
 * Colour of each digit label: Okabe & Ito's 8 colour-blind-safe colours ("Color Universal
 * Design", 2008), extended to 10 with a neutral grey and Paul Tol's "wine".
 */
export const LABEL_COLOURS: readonly string[] = [
  '#E69F00', // 0 orange
  '#56B4E9', // 1 sky blue
  '#009E73', // 2 bluish green
  '#F0E442', // 3 yellow
  '#0072B2', // 4 blue
  '#D55E00', // 5 vermillion
  '#CC79A7', // 6 reddish purple
  '#000000', // 7 black
  '#999999', // 8 grey
  '#882255', // 9 wine
];

export interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The d3-zoom transform: screen = k * base + (x, y). */
export interface ZoomTransformLike {
  k: number;
  x: number;
  y: number;
}

/** CSS pixels kept free around the extent, so edge points are not cut. */
const PAD = 12;
/** Point radius in CSS pixels at zoom 1. */
const RADIUS = 2.2;

export class ScatterRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  private width = 1;
  private height = 1;
  private dpr = 1;
  private points: Float32Array = new Float32Array(0);
  private labels: Uint8Array = new Uint8Array(0);
  private n = 0;
  /** Base (pre-zoom) CSS-pixel positions, [n] each. */
  private bx = new Float32Array(0);
  private by = new Float32Array(0);
  private tree: Quadtree<number> | undefined;
  private extent: Extent = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  private sx: ScaleLinear<number, number> = scaleLinear();
  private sy: ScaleLinear<number, number> = scaleLinear();
  private transform: ZoomTransformLike = { k: 1, x: 0, y: 0 };
  private selected: [number, number] | undefined;
  private drawing: [number, number] | undefined;
  private highlight: number | undefined;
  private hover: number | undefined;
  private axisNames: [string, string] = ['z1', 'z2'];
  private frame = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d');
    this.updateScales();
  }

  /** Canvas size in CSS pixels and the device pixel ratio (for a sharp backing store). */
  resize(width: number, height: number, dpr: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.dpr = dpr;
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
    this.updateScales();
  }

  /** Map points [n, 2] with their labels [>= n]; the extent becomes the base view. */
  setPoints(points: Float32Array, labels: Uint8Array, n: number, extent: Extent): void {
    this.points = points;
    this.labels = labels;
    this.n = Math.min(n, labels.length, Math.floor(points.length / 2));
    this.extent = extent;
    this.updateScales();
  }

  setTransform(t: ZoomTransformLike): void {
    this.transform = { k: t.k, x: t.x, y: t.y };
    this.schedule();
  }

  setSelected(p: [number, number] | undefined): void {
    this.selected = p;
    this.schedule();
  }

  setDrawing(p: [number, number] | undefined): void {
    this.drawing = p;
    this.schedule();
  }

  /** Draws one label in full colour and fades the others; undefined shows all. */
  setHighlight(label: number | undefined): void {
    this.highlight = label;
    this.schedule();
  }

  setHover(index: number | undefined): void {
    if (index === this.hover) return;
    this.hover = index;
    this.schedule();
  }

  setAxisNames(names: [string, string]): void {
    this.axisNames = names;
    this.schedule();
  }

  /** Map point under a screen position (CSS pixels relative to the canvas). */
  toMap(sx: number, sy: number): [number, number] {
    const { k, x, y } = this.transform;
    return [this.sx.invert((sx - x) / k), this.sy.invert((sy - y) / k)];
  }

  /** Screen position (CSS pixels) of a map point. */
  toScreen(mx: number, my: number): [number, number] {
    const { k, x, y } = this.transform;
    return [this.sx(mx) * k + x, this.sy(my) * k + y];
  }

  /** Index of the digit nearest to a screen position within `radius` CSS pixels, if any. */
  pick(sx: number, sy: number, radius: number): number | undefined {
    if (!this.tree) return undefined;
    const { k, x, y } = this.transform;
    return this.tree.find((sx - x) / k, (sy - y) / k, radius / k);
  }

  /** Map point of digit `index`. */
  pointOf(index: number): [number, number] {
    return [this.points[2 * index], this.points[2 * index + 1]];
  }

  /** Cancels a pending frame (on unmount). */
  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private updateScales(): void {
    const { xMin, xMax, yMin, yMax } = this.extent;
    // A degenerate extent (all codes equal, e.g. a dead model) still gets a usable scale.
    const dx = xMax > xMin ? 0 : 1;
    const dy = yMax > yMin ? 0 : 1;
    this.sx = scaleLinear().domain([xMin - dx, xMax + dx]).range([PAD, this.width - PAD]);
    this.sy = scaleLinear().domain([yMin - dy, yMax + dy]).range([this.height - PAD, PAD]);
    if (this.bx.length !== this.n) {
      this.bx = new Float32Array(this.n);
      this.by = new Float32Array(this.n);
    }
    for (let i = 0; i < this.n; i++) {
      this.bx[i] = this.sx(this.points[2 * i]);
      this.by[i] = this.sy(this.points[2 * i + 1]);
    }
    const bx = this.bx;
    const by = this.by;
    this.tree = quadtree<number>()
      .x((i) => bx[i])
      .y((i) => by[i])
      .addAll(Array.from({ length: this.n }, (_, i) => i));
    this.schedule();
  }

  private schedule(): void {
    // Without a 2-D context (no canvas support) there is nothing to draw; geometry still works.
    if (this.frame || !this.ctx) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const { k, x, y } = this.transform;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    this.drawAxes(ctx);

    // Points grow a little when zoomed in, so clusters open up without turning into blobs.
    const r = RADIUS * Math.min(2.5, Math.sqrt(k));
    for (let i = 0; i < this.n; i++) {
      const px = this.bx[i] * k + x;
      const py = this.by[i] * k + y;
      if (px < -r || py < -r || px > this.width + r || py > this.height + r) continue;
      const label = this.labels[i];
      ctx.globalAlpha = this.highlight === undefined || this.highlight === label ? 0.75 : 0.08;
      ctx.fillStyle = LABEL_COLOURS[label] ?? '#666';
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;

    if (this.hover !== undefined && this.hover < this.n) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(this.bx[this.hover] * k + x, this.by[this.hover] * k + y, r + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (this.selected) this.drawCrosshair(ctx, this.toScreen(...this.selected));
    if (this.drawing) {
      // A drawing unlike any test digit can land off the map: pin its star to the edge, hollow.
      const [px, py] = this.toScreen(...this.drawing);
      const cx = Math.min(this.width - PAD, Math.max(PAD, px));
      const cy = Math.min(this.height - PAD, Math.max(PAD, py));
      this.drawStar(ctx, [cx, cy], cx === px && cy === py);
    }
  }

  private drawAxes(ctx: CanvasRenderingContext2D): void {
    const { k, x, y } = this.transform;
    // Zoomed scales: screen = k * base + offset.
    const zx = this.sx.copy().range(this.sx.range().map((v) => v * k + x));
    const zy = this.sy.copy().range(this.sy.range().map((v) => v * k + y));
    ctx.strokeStyle = '#e6e6e6';
    ctx.fillStyle = '#777';
    ctx.lineWidth = 1;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'center';
    for (const t of zx.ticks(6)) {
      const px = Math.round(zx(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(px, 0);
      ctx.lineTo(px, this.height);
      ctx.stroke();
      ctx.fillText(zx.tickFormat(6)(t), px, this.height - 2);
    }
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const t of zy.ticks(6)) {
      const py = Math.round(zy(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(0, py);
      ctx.lineTo(this.width, py);
      ctx.stroke();
      ctx.fillText(zy.tickFormat(6)(t), 2, py);
    }
    ctx.fillStyle = '#333';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${this.axisNames[0]} →`, this.width - 4, this.height - 14);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(`↑ ${this.axisNames[1]}`, 24, 4);
  }

  private drawCrosshair(ctx: CanvasRenderingContext2D, [px, py]: [number, number]): void {
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, this.height);
    ctx.moveTo(0, py);
    ctx.lineTo(this.width, py);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#000';
    ctx.beginPath();
    ctx.arc(px, py, 6, 0, 2 * Math.PI);
    ctx.stroke();
  }

  private drawStar(ctx: CanvasRenderingContext2D, [px, py]: [number, number], onMap: boolean): void {
    const outer = 10;
    const inner = 4.2;
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 === 0 ? outer : inner;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      ctx.lineTo(px + radius * Math.cos(a), py + radius * Math.sin(a));
    }
    ctx.closePath();
    ctx.fillStyle = onMap ? '#fff' : 'rgba(255, 255, 255, 0.4)';
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.setLineDash(onMap ? [] : [3, 2]);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
