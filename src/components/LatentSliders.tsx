import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { sliderRange } from './charts/latentGeometry';
import { latestPerFrame, type LatestPerFrame } from './latestPerFrame';
import { useLabEffect } from './useLabEffect';
import './LatentSliders.css';

/** Sliders shown at most; a larger code keeps its other numbers fixed. */
export const MAX_SLIDERS = 16;

/**
 * One range input per code number (up to 16), labelled z1, z2, …. Moving one decodes the
 * code live (coalesced to one decode per animation frame); clicking a digit on the map loads
 * its code here through store.sliderCode. Native range inputs, so arrow keys work too.
 */
export function LatentSliders() {
  const { t } = useTranslation();
  const codeSize = useLab((s) => s.codes?.codeSize ?? 0);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const outputs = useRef<(HTMLOutputElement | null)[]>([]);
  const decoderRef = useRef<LatestPerFrame<Float32Array> | null>(null);
  const shown = Math.min(codeSize, MAX_SLIDERS);

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
      if (!input || i >= codes.codeSize) return;
      const { lo, hi, step } = sliderRange(codes.codeMin[i], codes.codeMax[i]);
      input.min = String(lo);
      input.max = String(hi);
      input.step = String(step);
    });
  };

  const applyValues = () => {
    const code = currentCode();
    if (!code) return;
    inputs.current.forEach((input, i) => {
      if (!input || i >= code.length) return;
      input.value = String(code[i]);
      const out = outputs.current[i];
      if (out) out.textContent = code[i].toFixed(2);
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
  }, [shown]);

  useEffect(() => {
    decoderRef.current = latestPerFrame((code: Float32Array) => lab.decodeSliderCode(code));
    return () => decoderRef.current?.cancel();
  }, []);

  const onInput = (i: number, value: number) => {
    const base = currentCode();
    if (!base) return;
    const code = Float32Array.from(base); // replaced, never mutated: the store's arrays are shared
    code[i] = value;
    useLab.getState().setSliderCode(code);
    decoderRef.current?.push(code);
  };

  return (
    <fieldset className="latent-sliders">
      <legend>{t('latent.sliders.title')}</legend>
      <p className="panel-intro">{shown > 0 ? t('latent.sliders.help') : t('latent.sliders.waiting')}</p>
      <div className="slider-list">
        {Array.from({ length: shown }, (_, i) => {
          const name = t('latent.sliders.dimension', { index: i + 1 });
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
