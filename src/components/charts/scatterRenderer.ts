/**
 * Draws the latent scatter on a canvas: thousands of test digits at their map points,
 * coloured by label, with the zoom transform, the decoded point's crosshair and the user's
 * drawing. Owned by LatentScatter; fed by store subscriptions, so no React render per update.
 *
 * Coordinates: "map" is the code (or its 2-D PCA projection); "base" is CSS pixels before
 * zoom (the extent fills the canvas); "screen" is CSS pixels after the d3-zoom transform.
 */
import { quadtree, scaleLinear, type Quadtree, type ScaleLinear } from 'd3';
import { drawAxes } from './scatterAxes';
import { drawBackground, drawCrosshair, drawStar } from './scatterMarks';
import { drawingOrder, placeNumerals } from './scatterPlacement';

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
/** Point radius in CSS pixels at zoom 1, and the canvas text size, unless setStyle says otherwise. */
const RADIUS = 2.2;
const FONT_SIZE = 10;
/**
 * Up to this many points on screen are drawn as discs; more as small squares, about 3x faster
 * to fill on a software rasteriser (measured in headless Chromium, 5,000 points).
 */
const MAX_DISCS = 1500;
/** Numerals drawn at most per frame (text is slow to fill); fewer when they would overlap. */
const MAX_NUMERALS = 400;

/** Sizes the page's CSS variables set (bigger in presenter mode). */
export interface ScatterStyle {
  /** Point radius in CSS pixels at zoom 1. */
  pointRadius: number;
  /** Tick-label size in CSS pixels; axis names and numerals scale from it. */
  fontSize: number;
}

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
  /** Point indices in drawing order (see drawingOrder). */
  private order: Uint32Array = new Uint32Array(0);
  private extent: Extent = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  private sx: ScaleLinear<number, number> = scaleLinear();
  private sy: ScaleLinear<number, number> = scaleLinear();
  private transform: ZoomTransformLike = { k: 1, x: 0, y: 0 };
  private selected: [number, number] | undefined;
  private drawing: [number, number] | undefined;
  private highlight: number | undefined;
  private hover: number | undefined;
  private axisNames: [string, string] = ['z1', 'z2'];
  private style: ScatterStyle = { pointRadius: RADIUS, fontSize: FONT_SIZE };
  private numerals = false;
  private frame = 0;
  /** The next frame also redraws the points layer (costly); the marks layer is cheap and always redrawn. */
  private dirtyPoints = false;
  private readonly marksCtx: CanvasRenderingContext2D | null;
  /** Map points [m, 2] drawn in grey beneath the digits (an adversarial autoencoder's prior). */
  private background: Float32Array | undefined;

  /**
   * @param canvas the points layer: axes and digits
   * @param marks a canvas of the same size stacked on top for the hover ring, crosshair and
   *   drawing star, so that moving them does not redraw thousands of points
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly marks?: HTMLCanvasElement,
  ) {
    this.ctx = canvas.getContext('2d');
    this.marksCtx = marks?.getContext('2d') ?? null;
    this.updateScales();
  }

  /** Grey points [m, 2] in map coordinates under the digits, or none. */
  setBackground(points: Float32Array | undefined): void {
    this.background = points;
    this.schedule(true);
  }

  /** Canvas size in CSS pixels and the device pixel ratio (for a sharp backing store). */
  resize(width: number, height: number, dpr: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.dpr = dpr;
    for (const c of [this.canvas, this.marks]) {
      if (!c) continue;
      c.width = Math.round(this.width * dpr);
      c.height = Math.round(this.height * dpr);
    }
    this.updateScales();
  }

  /** Map points [n, 2] with their labels [>= n]; the extent becomes the base view. */
  setPoints(points: Float32Array, labels: Uint8Array, n: number, extent: Extent): void {
    const count = Math.min(n, labels.length, Math.floor(points.length / 2));
    if (labels !== this.labels || count !== this.n) this.order = drawingOrder(labels, count);
    this.points = points;
    this.labels = labels;
    this.n = count;
    this.extent = extent;
    this.updateScales();
  }

  setTransform(t: ZoomTransformLike): void {
    this.transform = { k: t.k, x: t.x, y: t.y };
    this.schedule(true);
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
    this.schedule(true);
  }

  setHover(index: number | undefined): void {
    if (index === this.hover) return;
    this.hover = index;
    this.schedule();
  }

  setAxisNames(names: [string, string]): void {
    this.axisNames = names;
    this.schedule(true);
  }

  setStyle(style: ScatterStyle): void {
    if (!(style.pointRadius > 0) || !(style.fontSize > 0)) return;
    this.style = { ...style };
    this.schedule(true);
  }

  /** Also draws each digit's label as a numeral, for as many points as fit without overlapping. */
  setNumerals(on: boolean): void {
    this.numerals = on;
    this.schedule(true);
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

  /**
   * Keyboard moves on the map: the map point `dx`, `dy` CSS pixels on screen from `from`
   * (from the centre of the view when undefined), kept inside the visible canvas.
   */
  nudge(from: [number, number] | undefined, dx: number, dy: number): [number, number] {
    const [px, py] = from ? this.toScreen(...from) : [this.width / 2, this.height / 2];
    const clamp = (v: number, size: number) => Math.min(size - PAD, Math.max(PAD, v));
    return this.toMap(clamp(px + dx, this.width), clamp(py + dy, this.height));
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
    this.schedule(true);
  }

  /** Asks for a frame; `points` also redraws the points layer (marks always follow). */
  private schedule(points = false): void {
    // Without a 2-D context (no canvas support) there is nothing to draw; geometry still works.
    if (!this.ctx) return;
    if (points || !this.marksCtx) this.dirtyPoints = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const ctx = this.ctx;
      if (!ctx) return;
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      if (this.dirtyPoints) {
        ctx.clearRect(0, 0, this.width, this.height);
        drawAxes(ctx, this.sx, this.sy, this.transform, { width: this.width, height: this.height, fontSize: this.style.fontSize, names: this.axisNames });
        this.drawPoints(ctx);
      }
      const marks = this.marksCtx;
      if (marks) {
        marks.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
        marks.clearRect(0, 0, this.width, this.height);
      }
      this.drawMarks(marks ?? ctx);
      this.dirtyPoints = false;
    });
  }

  /** Point radius in CSS pixels at the current zoom: a little larger when zoomed in. */
  private radius(): number {
    return this.style.pointRadius * Math.min(2.5, Math.sqrt(this.transform.k));
  }

  /** Line and shape scale of the marks: 1 at the normal type size. */
  private markScale(): number {
    return Math.max(1, this.style.fontSize / FONT_SIZE);
  }

  private drawPoints(ctx: CanvasRenderingContext2D): void {
    const { k, x, y } = this.transform;
    if (this.background) drawBackground(ctx, this.background, (mx, my) => [this.sx(mx) * k + x, this.sy(my) * k + y]);

    const r = this.radius();
    const visible = (i: number) => {
      const px = this.bx[i] * k + x;
      const py = this.by[i] * k + y;
      return px >= -r && py >= -r && px <= this.width + r && py <= this.height + r;
    };
    let onScreen = 0;
    for (let i = 0; i < this.n && onScreen <= MAX_DISCS; i++) if (visible(i)) onScreen++;
    const discs = onScreen <= MAX_DISCS;
    let label = -1;
    for (const i of this.order) {
      if (!visible(i)) continue;
      if (this.labels[i] !== label) {
        label = this.labels[i];
        ctx.globalAlpha = this.highlight === undefined || this.highlight === label ? 0.75 : 0.08;
        ctx.fillStyle = LABEL_COLOURS[label] ?? '#666';
      }
      const px = this.bx[i] * k + x;
      const py = this.by[i] * k + y;
      if (discs) {
        ctx.beginPath();
        ctx.arc(px, py, r, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.fillRect(px - r * 0.9, py - r * 0.9, r * 1.8, r * 1.8);
      }
    }
    ctx.globalAlpha = 1;
    if (this.numerals) this.drawNumerals(ctx, visible);
  }

  /**
   * Dark numerals on a white halo over the coloured points: the label is read from its shape,
   * not only its colour. Points in index order (the test set is shuffled, so this is a random
   * sample), each kept only if no numeral already sits within one numeral's size.
   */
  private drawNumerals(ctx: CanvasRenderingContext2D, visible: (i: number) => boolean): void {
    const { k, x, y } = this.transform;
    const size = Math.round(this.style.fontSize * 1.2);
    const xs = new Float32Array(this.n);
    const ys = new Float32Array(this.n);
    const candidates: number[] = [];
    for (let i = 0; i < this.n; i++) {
      if (!visible(i)) continue;
      xs[i] = this.bx[i] * k + x;
      ys[i] = this.by[i] * k + y;
      candidates.push(i);
    }
    const chosen = placeNumerals(xs, ys, candidates, size, MAX_NUMERALS);
    ctx.font = `700 ${size}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.max(2.5, size / 4);
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#111';
    for (const i of chosen) {
      const label = this.labels[i];
      ctx.globalAlpha = this.highlight === undefined || this.highlight === label ? 1 : 0.15;
      ctx.strokeText(String(label), xs[i], ys[i]);
      ctx.fillText(String(label), xs[i], ys[i]);
    }
    ctx.globalAlpha = 1;
  }

  private drawMarks(ctx: CanvasRenderingContext2D): void {
    const { k, x, y } = this.transform;
    const r = this.radius();
    if (this.hover !== undefined && this.hover < this.n) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1.5 * this.markScale();
      ctx.beginPath();
      ctx.arc(this.bx[this.hover] * k + x, this.by[this.hover] * k + y, r + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (this.selected) drawCrosshair(ctx, this.width, this.height, this.toScreen(...this.selected), this.markScale());
    if (this.drawing) {
      // A drawing unlike any test digit can land off the map: pin its star to the edge, hollow.
      const [px, py] = this.toScreen(...this.drawing);
      const cx = Math.min(this.width - PAD, Math.max(PAD, px));
      const cy = Math.min(this.height - PAD, Math.max(PAD, py));
      drawStar(ctx, [cx, cy], cx === px && cy === py, this.markScale());
    }
  }
}
