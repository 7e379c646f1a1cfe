import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { useShallow } from 'zustand/react/shallow';
import { sliderRange, widestDimensions } from './charts/latentGeometry';
import { latestPerFrame, type LatestPerFrame } from './latestPerFrame';
import { useLabEffect } from './useLabEffect';
import './LatentSliders.css';

/** Sliders shown at most; a larger code shows its widest-ranging numbers and keeps the others fixed. */
export const MAX_SLIDERS = 16;

/**
 * One range input per code number (up to 16; of a larger code, the 16 whose range over the
 * map's digits is widest), labelled by their number z1, z2, …. Moving one decodes the
 * code live (coalesced to one decode per animation frame); clicking a digit on the map loads
 * its code here through store.sliderCode. Native range inputs, so arrow keys work too.
 */
export function LatentSliders() {
  const { t } = useTranslation();
  const codeSize = useLab((s) => s.codes?.codeSize ?? 0);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const outputs = useRef<(HTMLOutputElement | null)[]>([]);
  const decoderRef = useRef<LatestPerFrame<Float32Array> | null>(null);
  // Which code number each slider moves; useShallow keeps the list while its numbers stay the same.
  const dims = useLab(useShallow((s) => (s.codes ? widestDimensions(s.codes.codeMin, s.codes.codeMax, MAX_SLIDERS) : [])));
  const dimsRef = useRef(dims);
  dimsRef.current = dims;
  const shown = dims.length;

  /** The code the sliders stand for: store.sliderCode if it fits, else the range midpoints. */
  const currentCode = (): Float32Array | undefined => {
    const { codes, sliderCode } = useLab.getState();
    if (!codes) return undefined;
    if (sliderCode && sliderCode.length === codes.codeSize) return sliderCode;
    const mid = new Float32Array(codes.codeSize);
    for (let i = 0; i < codes.codeSize; i++) mid[i] = (codes.codeMin[i] + codes.codeMax[i]) / 2;
    return mid;
  };

  const applyRanges = () => {
    const codes = useLab.getState().codes;
    if (!codes) return;
    inputs.current.forEach((input, i) => {
      const d = dimsRef.current[i];
      if (!input || d === undefined || d >= codes.codeSize) return;
      const { lo, hi, step } = sliderRange(codes.codeMin[d], codes.codeMax[d]);
      input.min = String(lo);
      input.max = String(hi);
      input.step = String(step);
    });
  };

  const applyValues = () => {
    const code = currentCode();
    if (!code) return;
    inputs.current.forEach((input, i) => {
      const d = dimsRef.current[i];
      if (!input || d === undefined || d >= code.length) return;
      input.value = String(code[d]);
      const out = outputs.current[i];
      if (out) out.textContent = code[d].toFixed(2);
    });
  };

  useLabEffect(
    (s) => s.codes,
    () => {
      applyRanges();
      applyValues();
    },
  );
  useLabEffect((s) => s.sliderCode, applyValues);
  // New inputs after a change of code size need their ranges and values at once.
  useLayoutEffect(() => {
    applyRanges();
    applyValues();
  }, [dims]);

  useEffect(() => {
    decoderRef.current = latestPerFrame((code: Float32Array) => lab.decodeSliderCode(code));
    return () => decoderRef.current?.cancel();
  }, []);

  const onInput = (i: number, value: number) => {
    const base = currentCode();
    if (!base) return;
    const code = Float32Array.from(base); // replaced, never mutated: the store's arrays are shared
    code[dimsRef.current[i] ?? i] = value;
    useLab.getState().setSliderCode(code);
    decoderRef.current?.push(code);
  };

  return (
    <fieldset className="latent-sliders">
      <legend>{t('latent.sliders.title')}</legend>
      <p className="panel-intro">{shown > 0 ? t('latent.sliders.help') : t('latent.sliders.waiting')}</p>
      <div className="slider-list">
        {Array.from({ length: shown }, (_, i) => {
          const name = t('latent.sliders.dimension', { index: (dims[i] ?? i) + 1 });
          return (
            <label key={i} className="slider-row">
              <span className="slider-name">{name}</span>
              <input
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                type="range"
                data-testid={`latent-slider-${i}`}
                aria-label={name}
                onInput={(e) => onInput(i, Number(e.currentTarget.value))}
              />
              <output
                ref={(el) => {
                  outputs.current[i] = el;
                }}
              />
            </label>
          );
        })}
      </div>
      {codeSize > MAX_SLIDERS && <p className="panel-intro">{t('latent.sliders.more', { shown, codeSize })}</p>}
    </fieldset>
  );
}
