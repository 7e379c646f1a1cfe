import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { samplePriorCodes } from '../../core/models/priors2d';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { drawDigit } from '../digitCanvas';
import { latestPerFrame, type LatestPerFrame } from '../latestPerFrame';
import { useLabEffect } from '../useLabEffect';
import { LABEL_COLOURS, ScatterRenderer, type Extent, type ScatterStyle } from './scatterRenderer';
import './LatentScatter.css';

/** CSS pixels within which the cursor "is on" a digit (hover image, click snaps to it). */
const PICK_RADIUS = 6;
const ZOOM_STEP = 1.6;
/** CSS pixels an arrow key moves the decoded point; with Shift, six times as far. */
const KEY_STEP = 8;

/** Prior samples drawn beneath the map (fixed seed: the same cloud every time). */
const PRIOR_POINTS = 1500;
const PRIOR_SEED = 7;

/** The smallest extent holding `extent` and the points [m, 2], (the renderer pads it on screen). */
function unionExtent(extent: Extent, points: Float32Array): Extent {
  let { xMin, xMax, yMin, yMax } = extent;
  for (let i = 0; i + 1 < points.length; i += 2) {
    xMin = Math.min(xMin, points[i]);
    xMax = Math.max(xMax, points[i]);
    yMin = Math.min(yMin, points[i + 1]);
    yMax = Math.max(yMax, points[i + 1]);
  }
  return { xMin, xMax, yMin, yMax };
}

/** Point and text sizes from the page's CSS variables (presenter mode makes them larger). */
function cssStyle(el: Element): ScatterStyle {
  const css = getComputedStyle(el);
  return {
    pointRadius: Number.parseFloat(css.getPropertyValue('--scatter-point-radius')),
    fontSize: Number.parseFloat(css.getPropertyValue('--scatter-font-size')),
  };
}

/**
 * The latent scatter: test digits at their codes (or the codes' 2-D PCA projection), coloured
 * by label. Scroll zooms, Shift+drag pans; click or drag decodes the point under the pointer
 * into the decoded image (clicking on a digit takes that digit's point, which also loads its
 * code into the sliders). Points, crosshair and drawing marker follow the store by subscription.
 * With the keyboard: arrows move the decoded point, + and − zoom, 0 resets the zoom. "Show
 * numerals" also draws labels as numerals, so the map does not rely on colour alone.
 */
export function LatentScatter() {
  const { t } = useTranslation();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const marksRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const tipCanvasRef = useRef<HTMLCanvasElement>(null);
  const tipTextRef = useRef<HTMLSpanElement>(null);
  const rendererRef = useRef<ScatterRenderer | null>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const decoderRef = useRef<LatestPerFrame<[number, number]> | null>(null);
  const dragRef = useRef<number | null>(null);
  /** The point the arrow keys last moved to; a click starts the keys again from the decoded point. */
  const keyPointRef = useRef<[number, number] | undefined>(undefined);
  const [highlight, setHighlight] = useState<number | undefined>(undefined);
  const howToId = useId();

  const projected = useLab((s) => s.codes?.projected ?? false);
  const codeSize = useLab((s) => s.codes?.codeSize);
  const count = useLab((s) => s.codes?.n ?? 0);
  const presenter = useLab((s) => s.presenter);
  const showNumerals = useLab((s) => s.showNumerals);
  const setShowNumerals = useLab((s) => s.setShowNumerals);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const renderer = new ScatterRenderer(canvas, marksRef.current ?? undefined);
    rendererRef.current = renderer;
    decoderRef.current = latestPerFrame(([x, y]) => lab.decodeMapPoint(x, y));

    const observer = new ResizeObserver(() => {
      renderer.resize(canvas.clientWidth, canvas.clientHeight, window.devicePixelRatio || 1);
    });
    observer.observe(canvas);

    // Wheel and pinch zoom; pan only with Shift (or the middle button, or two fingers), so a
    // plain drag stays free for decoding.
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.5, 50])
      .filter((event: Event) => {
        if (event.type === 'wheel') return true;
        if (event.type === 'touchstart') return (event as TouchEvent).touches.length > 1;
        if (event.type === 'mousedown') {
          const m = event as MouseEvent;
          return m.button === 1 || (m.button === 0 && m.shiftKey);
        }
        return false;
      })
      .on('zoom', (event: { transform: { k: number; x: number; y: number } }) => {
        renderer.setTransform(event.transform);
        // The hovered digit moved away from the cursor.
        if (tipRef.current) tipRef.current.hidden = true;
        renderer.setHover(undefined);
      });
    zoomRef.current = behaviour;
    select(canvas).call(behaviour).on('dblclick.zoom', null);

    return () => {
      observer.disconnect();
      select(canvas).on('.zoom', null);
      decoderRef.current?.cancel();
      renderer.dispose();
      rendererRef.current = null;
    };
  }, []);

  // An adversarial autoencoder's prior, drawn in grey beneath the codes it should fill.
  const priorShown = useLab((s) => (s.config.model.kind === 'adversarial' && s.codes?.codeSize === 2 && !s.codes.projected ? s.config.model.prior : undefined));
  const priorPoints = useMemo(() => (priorShown ? samplePriorCodes(priorShown, PRIOR_POINTS, 2, PRIOR_SEED) : undefined), [priorShown]);

  const feedPoints = () => {
    const { codes, testSample } = useLab.getState();
    if (!codes || !testSample) return;
    // The view holds the prior's shape too, so it shows while the codes are still small.
    const extent = priorPoints ? unionExtent(codes.extent, priorPoints) : codes.extent;
    rendererRef.current?.setPoints(codes.points, testSample.labels, codes.n, extent);
  };
  useEffect(() => {
    rendererRef.current?.setBackground(priorPoints);
    feedPoints();
    // feedPoints reads the store; it changes with priorPoints only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [priorPoints]);
  useLabEffect((s) => s.codes, feedPoints);
  useLabEffect((s) => s.testSample, feedPoints);
  useLabEffect((s) => s.selectedPoint, (p) => rendererRef.current?.setSelected(p));
  useLabEffect((s) => s.drawingPoint, (p) => rendererRef.current?.setDrawing(p));

  useEffect(() => {
    rendererRef.current?.setAxisNames(projected ? ['PC1', 'PC2'] : ['z1', 'z2']);
  }, [projected]);
  useEffect(() => rendererRef.current?.setHighlight(highlight), [highlight]);
  useEffect(() => rendererRef.current?.setNumerals(showNumerals), [showNumerals]);
  // The presenter class on <html> is set before this effect runs, so the variables are current.
  useEffect(() => {
    if (canvasRef.current) rendererRef.current?.setStyle(cssStyle(canvasRef.current));
  }, [presenter]);

  const local = (e: ReactPointerEvent<HTMLCanvasElement>): [number, number] => {
    // Relative to the canvas content box (inside its border), where the renderer draws.
    const el = e.currentTarget;
    const box = el.getBoundingClientRect();
    return [e.clientX - box.left - el.clientLeft, e.clientY - box.top - el.clientTop];
  };

  const hideTip = () => {
    if (tipRef.current) tipRef.current.hidden = true;
    rendererRef.current?.setHover(undefined);
  };

  const showTip = (index: number | undefined, sx: number, sy: number) => {
    const tip = tipRef.current;
    const sample = useLab.getState().testSample;
    if (!tip || index === undefined || !sample || !tipCanvasRef.current || !tipTextRef.current) {
      hideTip();
      return;
    }
    rendererRef.current?.setHover(index);
    drawDigit(tipCanvasRef.current, sample.images, index);
    tipTextRef.current.textContent = t('latent.scatter.hover', { index, label: sample.labels[index] });
    // Keep the tooltip inside the canvas: flip to the left/top near the far edges.
    tip.hidden = false;
    const w = wrapRef.current?.clientWidth ?? 0;
    const tw = tip.offsetWidth;
    tip.style.left = `${sx + 14 + tw > w ? Math.max(0, sx - 14 - tw) : sx + 14}px`;
    tip.style.top = `${Math.max(0, sy - tip.offsetHeight - 8)}px`;
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    // A second finger means pinch or pan (d3-zoom), not decoding.
    if (!e.isPrimary) {
      dragRef.current = null;
      return;
    }
    if (e.button !== 0 || e.shiftKey) return;
    const renderer = rendererRef.current;
    if (!renderer || !useLab.getState().codes) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragRef.current = e.pointerId;
    keyPointRef.current = undefined;
    const [sx, sy] = local(e);
    const hit = renderer.pick(sx, sy, PICK_RADIUS);
    decoderRef.current?.push(hit !== undefined ? renderer.pointOf(hit) : renderer.toMap(sx, sy));
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    const [sx, sy] = local(e);
    if (dragRef.current === e.pointerId) {
      hideTip();
      decoderRef.current?.push(renderer.toMap(sx, sy));
      return;
    }
    if (e.pointerType === 'mouse' && e.buttons === 0) showTip(renderer.pick(sx, sy, PICK_RADIUS), sx, sy);
  };

  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (dragRef.current === e.pointerId) dragRef.current = null;
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLCanvasElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const renderer = rendererRef.current;
    if (!renderer || !useLab.getState().codes) return;
    const step = e.shiftKey ? 6 * KEY_STEP : KEY_STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    // preventDefault also tells the page's shortcuts (→ steps training) that the map took the key.
    if (move) {
      e.preventDefault();
      hideTip();
      const p = renderer.nudge(keyPointRef.current ?? useLab.getState().selectedPoint, move[0], move[1]);
      keyPointRef.current = p;
      decoderRef.current?.push(p);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      zoomBy(ZOOM_STEP);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      zoomBy(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      e.preventDefault();
      resetZoom();
    }
  };

  const zoomBy = (factor: number) => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) zoomRef.current.scaleBy(select(canvas), factor);
  };
  const resetZoom = () => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) zoomRef.current.transform(select(canvas), zoomIdentity);
  };

  return (
    <figure className="latent-scatter">
      <figcaption>
        <h3>{t('latent.scatter.title')}</h3>
        <p className="caption" data-testid="latent-scatter-caption">
          {codeSize === undefined
            ? t('latent.scatter.waiting')
            : projected
              ? t('latent.scatter.projected', { codeSize })
              : t('latent.scatter.direct')}
        </p>
      </figcaption>
      <div className="scatter-wrap" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          data-testid="latent-scatter"
          data-points={count}
          data-prior={priorShown ?? ''}
          tabIndex={0}
          role="application"
          aria-roledescription={t('latent.scatter.roleDescription')}
          aria-label={t('latent.scatter.canvasLabel', { count })}
          aria-describedby={howToId}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
          onPointerLeave={hideTip}
        />
        <canvas ref={marksRef} className="scatter-marks" aria-hidden="true" />
        <div className="scatter-tip" ref={tipRef} hidden>
          <canvas ref={tipCanvasRef} width={28} height={28} />
          <span ref={tipTextRef} />
        </div>
        <div className="scatter-zoom">
          <button type="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label={t('latent.scatter.zoomIn')} title={t('latent.scatter.zoomIn')}>
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={t('latent.scatter.zoomOut')} title={t('latent.scatter.zoomOut')}>
            −
          </button>
          <button type="button" onClick={resetZoom}>
            {t('latent.scatter.resetView')}
          </button>
        </div>
      </div>
      {priorShown && (
        <p className="caption" data-testid="scatter-prior-caption">
          {t('variants.adversarial.mapPrior')}
        </p>
      )}
      <p className="how-to" id={howToId}>
        {t('latent.scatter.howTo')} {t('latent.scatter.keys')}
      </p>
      <div className="scatter-legend" role="group" aria-label={t('latent.scatter.legend')} title={t('latent.scatter.legendHint')}>
        {LABEL_COLOURS.map((colour, label) => (
          <button
            key={label}
            type="button"
            aria-pressed={highlight === label}
            aria-label={t('latent.scatter.digit', { label })}
            onClick={() => setHighlight((h) => (h === label ? undefined : label))}
          >
            <span className="swatch" style={{ background: colour }} />
            {label}
          </button>
        ))}
        <span className="legend-drawing">★ {t('latent.scatter.yourDrawing')}</span>
      </div>
      <label className="checkbox scatter-numerals">
        <input type="checkbox" data-testid="show-numerals" checked={showNumerals} onChange={(e) => setShowNumerals(e.target.checked)} />
        {t('latent.scatter.numerals')}
      </label>
      <p className="palette-note">{t('latent.scatter.palette')}</p>
    </figure>
  );
}
