import { IMAGE_SIZE } from '../core/config';
import { Metric } from './MetricCard';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainInteger, plainNumber, ratio } from '../i18n/format';
import { useShallow } from 'zustand/react/shallow';
import { MEASURES } from '../state/measures';
import { useLab, type LabState, type LossPoint } from '../state/store';
import { useShown } from './useShown';
import './Metrics.css';

/** The last history point that carries test metrics (they are measured every few ticks). */
const lastTested = (s: LabState): LossPoint | undefined => {
  for (let i = s.history.length - 1; i >= 0; i--) if (s.history[i].testLoss !== undefined) return s.history[i];
  return undefined;
};

/**
 * The training numbers. Elements with a test id hold only the plain number (tests and
 * teachers' scripts parse them); labels and units sit beside them.
 */
export function Metrics() {
  const { t } = useTranslation();
  const progress = useLab((s) => s.progress);
  const tested = useLab(lastTested);
  const pca = useLab((s) => s.pcaBaseline);
  const loss = useLab((s) => s.config.model.loss);
  const codeSize = useLab((s) => s.config.model.codeSize);
  const none = t('metrics.none');
  // The step, epoch and speed counters belong to the run controls a teacher may hide.
  const showCounters = useShown('run');

  // The squared error and its PCA baseline as the claims read them (the measures registry).
  const { value: se, baseline: pcaError } = useLab(useShallow(MEASURES.testSquaredError.read));
  let comparison = pca ? t('metrics.vsPca.untrained') : t('metrics.vsPca.pending');
  if (pcaError !== undefined && se !== undefined && Number.isFinite(se) && se > 0) {
    const r = pcaError / se;
    if (Math.abs(r - 1) < 0.05) comparison = t('metrics.vsPca.level');
    else if (r > 1) comparison = t('metrics.vsPca.better', { ratio: ratio(pcaError, se) });
    else comparison = t('metrics.vsPca.worse', { ratio: ratio(se, pcaError) });
  }

  return (
    <section className="metrics" aria-label={t('metrics.label')}>
      <dl className="metrics-grid">
        {showCounters && (
          <>
            <Metric label={t('metrics.step')} testId="metric-step">
              {progress ? plainInteger(progress.step) : '0'}
            </Metric>
            <Metric label={t('metrics.epoch')} testId="metric-epoch">
              {progress ? plainEpoch(progress.epoch) : none}
            </Metric>
            <Metric label={t('metrics.samplesPerSec')} testId="metric-samples-per-sec">
              {progress ? plainInteger(progress.samplesPerSec) : none}
            </Metric>
          </>
        )}
        <Metric label={t('metrics.trainLoss')} unit={t(`metrics.lossUnit.${loss}`)} testId="metric-train-loss">
          {progress ? plainNumber(progress.trainLoss) : none}
        </Metric>
        <Metric label={t('metrics.testLoss')} unit={t(`metrics.lossUnit.${loss}`)} testId="metric-test-loss" emphasis>
          {tested?.testLoss !== undefined ? plainNumber(tested.testLoss) : none}
        </Metric>
        <Metric label={t('metrics.testSquaredError')} unit={t('metrics.squaredErrorUnit')} testId="metric-test-squared-error" emphasis>
          {se !== undefined ? plainNumber(se) : none}
        </Metric>
      </dl>
      <div className="metrics-pca" aria-live="polite">
        <span className="metrics-pca-swatch" aria-hidden="true" />
        <span className="metrics-pca-label">{(pca?.codeSize ?? codeSize) >= IMAGE_SIZE ? t('variants.sparse.pcaAll') : t('metrics.pca', { k: pca?.codeSize ?? codeSize })}</span>
        <span className="metrics-pca-value">
          {pca ? (
            <>
              <span data-testid="metric-pca-squared-error">{plainNumber(pca.testSquaredError)}</span>{' '}
              {t('metrics.perImage')}
            </>
          ) : (
            none
          )}
        </span>
        <span className="metrics-pca-comparison">{comparison}</span>
      </div>
    </section>
  );
}

