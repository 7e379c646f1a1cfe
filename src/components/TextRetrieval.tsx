import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainInteger, plainNumber } from '../i18n/format';
import { CLAIM_RETRIEVED, fractionAt } from '../core/analysis/textRetrieval';
import { textRetrieval } from '../state/textRetrieval';
import { useLab } from '../state/store';
import { GENRE_COLOURS, drawPointMap } from './charts/pointMap';
import { RetrievalCurveChart, type CurveSeries } from './charts/RetrievalCurveChart';
import { TextQuery } from './TextQuery';
import { withCode, wordMessage } from './MessageText';
import './TextRetrieval.css';

/** Map side in CSS pixels. */
const SIDE = 280;
const percent = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${plainNumber(100 * v, 3)}%`);

function PassageMap({ id, title, points, genre, share, marker }: { id: string; title: string; points?: Float32Array; genre?: Uint8Array; share?: number; marker?: [number, number] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && points && genre) drawPointMap(ref.current, points, genre, GENRE_COLOURS, SIDE, marker);
  }, [points, genre, marker]);
  return (
    <figure className="text-map" data-testid={`text-map-${id}`} data-marker={marker ? 'yes' : 'no'}>
      <figcaption>{title}</figcaption>
      {points && genre ? (
        <canvas ref={ref} style={{ width: SIDE, height: SIDE }} role="img" aria-label={t('text.mapLabel', { method: title, n: genre.length })} />
      ) : (
        <div className="text-map-pending" style={{ width: SIDE, height: SIDE }}>
          {t('text.mapPending')}
        </div>
      )}
      {share !== undefined && <p className="text-map-share">{t('text.mapShare', { share: percent(share) })}</p>}
    </figure>
  );
}

/**
 * Text retrieval (issue 5): the Brown passages' 2-D maps by the autoencoder and by LSA, the
 * retrieval curves of both 10-number codes (and the maps' 2-number codes) measured live, and a
 * query box. The text autoencoders are the lesson's experiment: the header's Train/Pause/Reset
 * drive them (state/experiments.ts) in the lab worker, only while this panel is shown (it pauses
 * them when it goes); LSA runs once in a plain worker.
 */
export function TextRetrieval() {
  const { t } = useTranslation();
  const booting = useLab((s) => s.booting);
  const text = useLab((s) => s.text);
  const { status, info, measure, lsa, progress, query } = text;

  useEffect(() => {
    if (!booting && status === 'idle') void textRetrieval.load();
  }, [booting, status]);
  // Leaving the lesson (or a teacher hiding the panel) stops the text models' training.
  useEffect(() => () => void (useLab.getState().text.running && textRetrieval.train(false)), []);

  const counts = info?.counts ?? [];
  const at = (f?: ArrayLike<number>) => (f ? fractionAt({ counts, fraction: f }, CLAIM_RETRIEVED) : undefined);
  const curves: Partial<Record<CurveSeries, ArrayLike<number>>> = {
    autoencoder: measure?.retrieval.fraction,
    lsa: lsa?.retrieval.fraction,
    autoencoderMap: measure?.map.fraction,
    lsaMap: lsa?.map.fraction,
  };
  const layers = info ? [info.vocabularySize, ...info.encoderLayers, 2].join('-') : '';
  const aeFraction = at(measure?.retrieval.fraction);
  const lsaFraction = at(lsa?.retrieval.fraction);

  return (
    <section className="text-retrieval" data-testid="text-retrieval" data-status={status} aria-labelledby="text-retrieval-title">
      <h2 id="text-retrieval-title">{t('text.title')}</h2>
      <p className="panel-help">{t('text.help', { size: info?.size ?? '…', vocabulary: info?.vocabularySize ?? 2000 })}</p>
      {status === 'loading' && <p role="status">{t('text.loading')}</p>}
      {status === 'failed' && (
        <div className="notice notice--error" role="alert" data-testid="text-error">
          <div className="notice-body">
            <p className="notice-text">{t('text.failed', { message: text.error ? wordMessage(t, text.error) : '' })}</p>
            {text.error?.detail && <p className="notice-detail">{text.error.detail}</p>}
            {text.errorHint && <p className="notice-hint">{withCode(wordMessage(t, text.errorHint))}</p>}
          </div>
          <button type="button" className="button button--primary" data-testid="text-retry" onClick={() => void textRetrieval.retry()}>
            {t('notices.retry')}
          </button>
        </div>
      )}
      {status === 'ready' && info && (
        <>
          <div className="text-run">
            <span className="text-counters" data-testid="text-counters" data-step={progress?.step ?? 0} data-epoch={progress?.epoch ?? 0}>
              {progress && progress.step > 0
                ? t('text.counters', { step: plainInteger(progress.step), epoch: plainEpoch(progress.epoch), speed: plainInteger(progress.passagesPerSec) })
                : t('text.untrained')}
            </span>
          </div>
          {progress && Number.isFinite(progress.loss) && (
            <p className="text-loss">
              {t('text.loss', { loss: plainNumber(progress.loss, 4), mapLoss: plainNumber(progress.mapLoss, 4), unigram: plainNumber(info.unigramLoss, 4) })}
            </p>
          )}
        </>
      )}
      {info && (
        <>
          <p className="text-legend" role="group" aria-label={t('text.legend')}>
            {info.genres.map((g, i) => (
              <span key={g.code}>
                <span className="text-swatch" style={{ background: GENRE_COLOURS[i] }} aria-hidden="true" />
                {t(`text.genres.${g.code}`, { defaultValue: g.name })}
              </span>
            ))}
          </p>
          <div className="text-maps">
            <PassageMap id="autoencoder" title={t('text.mapAutoencoder', { layers })} points={measure?.mapPoints} genre={info.genre} share={at(measure?.map.fraction)} marker={query?.autoencoder?.point} />
            <PassageMap id="lsa" title={t('text.mapLsa')} points={lsa?.mapPoints} genre={info.genre} share={at(lsa?.map.fraction)} marker={query?.lsa?.point} />
          </div>
          <h3>{t('text.curveTitle')}</h3>
          <p className="panel-help">{t('text.curveHelp', { queries: info.queries })}</p>
          <p className="text-at15" data-testid="text-at15" data-autoencoder={aeFraction?.toFixed(4)} data-lsa={lsaFraction?.toFixed(4)} data-epoch={measure?.epoch.toFixed(3)}>
            <strong>{t('text.at15', { autoencoder: percent(aeFraction), lsa: percent(lsaFraction), chance: percent(info.chance), epoch: plainEpoch(measure?.epoch ?? 0) })}</strong>
          </p>
          <RetrievalCurveChart counts={counts} curves={curves} chance={info.chance} />
          {lsa && <p className="panel-help">{t('text.lsaSeconds', { seconds: plainNumber(lsa.seconds, 2) })}</p>}
          {text.lsaError && <p className="notice notice--error">{t('text.lsaFailed', { message: text.lsaError })}</p>}
          <TextQuery />
        </>
      )}
    </section>
  );
}
