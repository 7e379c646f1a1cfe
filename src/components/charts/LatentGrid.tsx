import { useEffect, useId, useRef, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lab, priorGrid } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { drawDigits, firstIndices } from '../digitCanvas';
import { latestPerFrame, type LatestPerFrame } from '../latestPerFrame';
import { useLabEffect } from '../useLabEffect';
import { gridFractionToMap, gridNeighbour, mapToGridFraction, type Extent } from './latentGeometry';
import './LatentGrid.css';

/** Fewest milliseconds between two grid decodes while codes stream in during training. */
const REFRESH_MS = 1000;
const GRID_SIZES = [6, 8, 10, 12, 16, 20] as const;

/**
 * An N x N grid of images decoded (one batched call) from evenly spaced points over the
 * range the codes occupy: the decoder's view of the whole map. Refreshed when the codes
 * change, at most once a second; click or drag decodes that exact point, and with the
 * keyboard focus on the grid the arrow keys move from image to image.
 */
export function LatentGrid() {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const vRef = useRef<SVGLineElement>(null);
  const hRef = useRef<SVGLineElement>(null);
  /** The extent of the grid on screen (not the newest codes'), for mapping clicks. */
  const shownRef = useRef<{ extent: Extent; n: number } | null>(null);
  const decoderRef = useRef<LatestPerFrame<[number, number]> | null>(null);
  const dragRef = useRef<number | null>(null);
  const gridSize = useLab((s) => s.gridSize);
  const setGridSize = useLab((s) => s.setGridSize);
  const hasCodes = useLab((s) => s.codes !== undefined);
  /** The cell centre the arrow keys last moved to; a click starts the keys again from the decoded point. */
  const keyPointRef = useRef<[number, number] | undefined>(undefined);
  const keysId = useId();

  const placeCrosshair = () => {
    const p = useLab.getState().selectedPoint;
    const shown = shownRef.current;
    const v = vRef.current;
    const h = hRef.current;
    if (!v || !h) return;
    const visible = p !== undefined && shown !== null;
    v.style.display = h.style.display = visible ? '' : 'none';
    if (!visible) return;
    const [fx, fy] = mapToGridFraction(p[0], p[1], shown.extent);
    v.setAttribute('x1', String(fx));
    v.setAttribute('x2', String(fx));
    h.setAttribute('y1', String(fy));
    h.setAttribute('y2', String(fy));
  };
  useLabEffect((s) => s.selectedPoint, placeCrosshair);

  useEffect(() => {
    decoderRef.current = latestPerFrame(([x, y]) => lab.decodeMapPoint(x, y));
    let alive = true;
    let inFlight = false;
    let again = false;
    let lastStart = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = async () => {
      timer = undefined;
      const { codes, gridSize: n, config } = useLab.getState();
      if (!codes) return;
      inFlight = true;
      lastStart = performance.now();
      // A VAE's grid sits at the prior's quantiles (labBridge.decodeGrid); clicks map back through them.
      const extent: Extent = { ...codes.extent, prior: priorGrid(config) };
      try {
        const pixels = await lab.decodeGrid(n, extent); // [n * n, 784], row-major from the top-left
        const canvas = canvasRef.current;
        if (alive && canvas) {
          drawDigits(canvas, pixels, firstIndices(n * n), { cols: n, rows: n, gap: 0 });
          canvas.dataset.cells = String(n * n);
          canvas.dataset.axes = extent.prior ? 'prior' : 'codes';
          // 'true' while the grid shows the newest codes (clicks then decode what is on screen).
          canvas.dataset.current = String(useLab.getState().codes === codes && !again);
          shownRef.current = { extent, n };
          placeCrosshair();
        }
      } catch {
        // The bridge reports worker failures in the store's errors; the old grid stays up.
      } finally {
        inFlight = false;
        if (again && alive) {
          again = false;
          request();
        }
      }
    };
    /** At most one refresh a second while training; at once when training has stopped. */
    const request = (now = false) => {
      if (canvasRef.current) canvasRef.current.dataset.current = 'false';
      if (inFlight) {
        again = true;
        return;
      }
      if (timer !== undefined && !now) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), now ? 0 : Math.max(0, lastStart + REFRESH_MS - performance.now()));
    };

    request();
    const unsubscribe = useLab.subscribe((s, prev) => {
      // The last codes of a run (pause, step) are drawn at once, so the grid on screen is the
      // model a click decodes.
      if (s.codes !== prev.codes || s.gridSize !== prev.gridSize) request(s.runState !== 'running');
      else if (s.runState !== prev.runState && s.runState !== 'running' && timer !== undefined) request(true);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
      decoderRef.current?.cancel();
    };
  }, []);

  const pointAt = (e: ReactPointerEvent<HTMLCanvasElement>): [number, number] | undefined => {
    const shown = shownRef.current;
    if (!shown) return undefined;
    const el = e.currentTarget;
    const box = el.getBoundingClientRect();
    // Fractions of the content box (inside the border), where the images are.
    const fx = Math.min(1, Math.max(0, (e.clientX - box.left - el.clientLeft) / el.clientWidth));
    const fy = Math.min(1, Math.max(0, (e.clientY - box.top - el.clientTop) / el.clientHeight));
    return gridFractionToMap(fx, fy, shown.extent);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const p = pointAt(e);
    if (!p) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragRef.current = e.pointerId;
    keyPointRef.current = undefined;
    decoderRef.current?.push(p);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (dragRef.current !== e.pointerId) return;
    const p = pointAt(e);
    if (p) decoderRef.current?.push(p);
  };
  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (dragRef.current === e.pointerId) dragRef.current = null;
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLCanvasElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const move = moves[e.key];
    const shown = shownRef.current;
    if (!move || !shown) return;
    // preventDefault also tells the page's shortcuts (→ steps training) that the grid took the key.
    e.preventDefault();
    const cells = e.shiftKey ? 3 : 1;
    const p = gridNeighbour(keyPointRef.current ?? useLab.getState().selectedPoint, shown.extent, shown.n, move[0] * cells, move[1] * cells);
    keyPointRef.current = p;
    decoderRef.current?.push(p);
  };

  return (
    <figure className="latent-grid">
      <figcaption>
        <h3>{t('latent.grid.title')}</h3>
        <p className="caption">{hasCodes ? t('latent.grid.help', { n: gridSize }) : t('latent.grid.waiting')}</p>
      </figcaption>
      <div className="grid-wrap">
        <canvas
          ref={canvasRef}
          data-testid="latent-grid"
          tabIndex={0}
          role="application"
          aria-roledescription={t('latent.grid.roleDescription')}
          aria-label={t('latent.grid.canvasLabel', { n: gridSize })}
          aria-describedby={keysId}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
        />
        <svg className="grid-crosshair" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
          <line ref={vRef} y1={0} y2={1} style={{ display: 'none' }} />
          <line ref={hRef} x1={0} x2={1} style={{ display: 'none' }} />
        </svg>
      </div>
      <p className="grid-keys" id={keysId}>
        {t('latent.grid.keys')}
      </p>
      <label className="grid-size">
        {t('latent.grid.size')}{' '}
        <select value={gridSize} onChange={(e) => setGridSize(Number(e.target.value))}>
          {GRID_SIZES.map((n) => (
            <option key={n} value={n}>
              {n} × {n}
            </option>
          ))}
        </select>
      </label>
    </figure>
  );
}
