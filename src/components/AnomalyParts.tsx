import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainNumber } from '../i18n/format';
import { ALL_DIGITS } from '../core/data/normalSubset';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import type { AnomalyDigits } from '../worker/api';
import { drawDigits, firstIndices } from './digitCanvas';
import { configWith } from './settingText';

/**
 * Which digits are normal: a training-data setting, so Apply builds a new model trained on
 * those digits only (the link's `normal` key follows).
 */
export function NormalDigitsChooser({ normalDigits }: { normalDigits: readonly number[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number[]>([...normalDigits]);
  const key = normalDigits.join(',');
  useEffect(() => setDraft(key.split(',').map(Number)), [key]);
  const toggle = (d: number) => setDraft((cur) => (cur.includes(d) ? cur.filter((x) => x !== d) : [...cur, d].sort((a, b) => a - b)));
  const changed = draft.join(',') !== key;
  const apply = () => {
    // Validated here, where the setting enters (at least one digit: Apply is disabled for none).
    const checked = configWith(useLab.getState().config, { normalDigits: draft });
    if (checked.ok) void lab.applyConfig(checked.config);
  };
  return (
    <fieldset className="anomaly-normal" data-testid="anomaly-normal">
      <legend>{t('applications.anomaly.normalLegend')}</legend>
      {ALL_DIGITS.map((d) => (
        <button key={d} type="button" className="digit-toggle" aria-pressed={draft.includes(d)} data-testid={`anomaly-normal-${d}`} onClick={() => toggle(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="button button--primary" disabled={!changed || draft.length === 0} data-testid="anomaly-normal-apply" onClick={apply}>
        {t('applications.anomaly.apply')}
      </button>
      {draft.length === 0 && <span className="anomaly-note">{t('applications.anomaly.needOne')}</span>}
    </fieldset>
  );
}

const GAP = 2;

/** A row of test digits with their label and score underneath. */
export function AnomalyDigitsRow({ digits, testId }: { digits: AnomalyDigits; testId: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const k = digits.labels.length;
  useEffect(() => {
    if (ref.current && k > 0) drawDigits(ref.current, digits.images, firstIndices(k), { cols: k, rows: 1, gap: GAP });
  }, [digits, k]);
  const labels = Array.from(digits.labels);
  return (
    <div className="anomaly-row" data-testid={testId} data-labels={labels.join(',')} style={{ ['--digits' as string]: Math.max(k, 1) }}>
      <canvas ref={ref} className="digits" role="img" aria-label={t('applications.anomaly.rowLabel', { labels: labels.join(', ') })} />
      <p className="anomaly-row-labels">
        {labels.map((l, i) => (
          <span key={i}>
            {l}
            <small>{plainNumber(digits.scores[i], 3)}</small>
          </span>
        ))}
      </p>
    </div>
  );
}
