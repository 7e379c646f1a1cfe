import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { preprocessDrawing } from '../core/data/preprocess';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { clearCanvas, drawDigit, inkSum } from './digitCanvas';
import './DrawPad.css';

/** Pad resolution in canvas pixels: ten per MNIST pixel. */
const PAD_SIZE = 280;
/**
 * Stroke width in pad pixels. A digit drawn most of the pad's height then has strokes about
 * 1/9 of its height, like MNIST's pen strokes (2-3 pixels in a 20-pixel box).
 */
const STROKE = 22;
/** Fewest milliseconds between re-encodings of the drawing while the model trains. */
const REENCODE_MS = 1000;

type Status = 'empty' | 'ready' | 'notReady';

/**
 * Draw a digit with mouse, finger or pen. On each stroke's end the drawing is prepared like
 * MNIST (preprocessDrawing: 20 x 20 box, centred by centre of mass in 28 x 28), encoded, and
 * shown next to its reconstruction; its map point goes to store.drawingPoint, which the
 * scatter marks. While the model trains, the drawing is re-encoded about once a second so
 * its mark follows the moving map.
 */
export function DrawPad() {
  const { t } = useTranslation();
  const padRef = useRef<HTMLCanvasElement>(null);
  const inputRef = useRef<HTMLCanvasElement>(null);
  const outputRef = useRef<HTMLCanvasElement>(null);
  const lastRef = useRef<{ id: number; x: number; y: number } | null>(null);
  /** The prepared drawing, [784] in [0, 1], while one exists. */
  const drawingRef = useRef<Float32Array | null>(null);
  const [status, setStatus] = useState<Status>('empty');
  const [codeText, setCodeText] = useState('');

  const encode = async (pixels: Float32Array) => {
    try {
      // codes [1, codeSize], points [1, 2], reconstructions [1, 784]; undefined when the model
      // could not encode (the bridge has reported why in the store's errors).
      const result = await lab.encodeDrawing(pixels);
      if (drawingRef.current !== pixels || !outputRef.current) {
        // Cleared meanwhile: the bridge has just marked the old drawing again, so unmark it.
        if (!drawingRef.current) useLab.getState().setDrawingPoint(undefined);
        return;
      }
      if (!result) {
        setStatus('notReady');
        return;
      }
      const { codes, points, reconstructions } = result;
      drawDigit(outputRef.current, reconstructions);
      outputRef.current.dataset.ink = inkSum(reconstructions).toFixed(2);
      useLab.getState().setDrawingPoint([points[0], points[1]]);
      const shown = Array.from(codes.slice(0, 4), (v) => v.toFixed(2)).join(', ');
      setCodeText(codes.length > 4 ? `${shown}, …` : shown);
      setStatus('ready');
    } catch {
      if (drawingRef.current === pixels) setStatus('notReady');
    }
  };

  const finishStroke = () => {
    const pad = padRef.current;
    const ctx = pad?.getContext('2d', { willReadFrequently: true });
    if (!pad || !ctx) return;
    const rgba = ctx.getImageData(0, 0, pad.width, pad.height).data;
    const alpha = new Float32Array(pad.width * pad.height); // ink coverage in [0, 1], row-major
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[4 * i + 3] / 255;
    const pixels = preprocessDrawing(alpha, pad.width, pad.height);
    drawingRef.current = pixels;
    useLab.getState().setDrawing(pixels ?? undefined);
    if (!pixels || !inputRef.current) return;
    drawDigit(inputRef.current, pixels);
    inputRef.current.dataset.ink = inkSum(pixels).toFixed(2);
    void encode(pixels);
  };

  const clear = () => {
    drawingRef.current = null;
    for (const c of [padRef.current, inputRef.current, outputRef.current]) {
      if (!c) continue;
      clearCanvas(c);
      delete c.dataset.ink;
    }
    useLab.getState().setDrawingPoint(undefined);
    useLab.getState().setDrawing(undefined);
    setCodeText('');
    setStatus('empty');
  };

  // Follow the training model: re-encode the drawing when the codes change, at most once a second.
  useEffect(() => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useLab.subscribe((s, prev) => {
      if (s.codes === prev.codes || timer !== undefined || !drawingRef.current) return;
      timer = setTimeout(() => {
        timer = undefined;
        last = performance.now();
        if (drawingRef.current) void encode(drawingRef.current);
      }, Math.max(0, last + REENCODE_MS - performance.now()));
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
    // encode reads only refs and stable setters.
  }, []);

  const padPoint = (e: ReactPointerEvent<HTMLCanvasElement>): [number, number] => {
    const el = e.currentTarget;
    const box = el.getBoundingClientRect();
    return [
      ((e.clientX - box.left - el.clientLeft) * el.width) / el.clientWidth,
      ((e.clientY - box.top - el.clientTop) * el.height) / el.clientHeight,
    ];
  };

  const strokeTo = (ctx: CanvasRenderingContext2D, x: number, y: number) => {
    const last = lastRef.current;
    if (!last) return;
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(x, y);
    ctx.stroke();
    last.x = x;
    last.y = y;
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (lastRef.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const ctx = e.currentTarget.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    ctx.strokeStyle = ctx.fillStyle = '#000';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const [x, y] = padPoint(e);
    lastRef.current = { id: e.pointerId, x, y };
    // A tap leaves a dot.
    ctx.beginPath();
    ctx.arc(x, y, STROKE / 2, 0, 2 * Math.PI);
    ctx.fill();
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (lastRef.current?.id !== e.pointerId) return;
    const ctx = e.currentTarget.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    // Coalesced events keep fast pen and finger strokes smooth.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    if (events.length === 0) {
      strokeTo(ctx, ...padPoint(e));
      return;
    }
    const el = e.currentTarget;
    const box = el.getBoundingClientRect();
    for (const ev of events) {
      strokeTo(
        ctx,
        ((ev.clientX - box.left - el.clientLeft) * el.width) / el.clientWidth,
        ((ev.clientY - box.top - el.clientTop) * el.height) / el.clientHeight,
      );
    }
  };

  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (lastRef.current?.id !== e.pointerId) return;
    lastRef.current = null;
    finishStroke();
  };

  return (
    <section className="draw-pad" aria-labelledby="draw-pad-title">
      <h2 id="draw-pad-title">{t('latent.draw.title')}</h2>
      <p className="panel-intro">{t('latent.draw.help')}</p>
      <div className="draw-row">
        <div className="draw-surface">
          <canvas
            ref={padRef}
            width={PAD_SIZE}
            height={PAD_SIZE}
            data-testid="draw-pad"
            aria-label={t('latent.draw.padLabel')}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
            onLostPointerCapture={onPointerEnd}
          />
          <button type="button" className="button" onClick={clear} data-testid="draw-clear">
            {t('latent.draw.clear')}
          </button>
        </div>
        <figure>
          <canvas ref={inputRef} width={28} height={28} className="digit" data-testid="draw-input" />
          <figcaption>{t('latent.draw.input')}</figcaption>
        </figure>
        <figure>
          <canvas ref={outputRef} width={28} height={28} className="digit" data-testid="draw-reconstruction" />
          <figcaption>{t('latent.draw.reconstruction')}</figcaption>
        </figure>
      </div>
      <p className="draw-status" aria-live="polite">
        {status === 'ready' ? t('latent.draw.whereOnMap', { code: codeText }) : status === 'notReady' ? t('latent.draw.notReady') : t('latent.draw.empty')}
      </p>
    </section>
  );
}
