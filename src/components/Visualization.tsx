import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { plainEpoch, plainNumber } from '../i18n/format';
import { EMBEDDING_DIGITS, lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { EMBEDDING_METHODS, type EmbeddingMap, type EmbeddingMethod } from '../core/analysis/embeddingTypes';
import { drawPointMap } from './charts/pointMap';
import { LABEL_COLOURS } from './charts/scatterRenderer';
import './Visualization.css';

/** Canvas side in CSS pixels; drawn at the device's pixel ratio. */
const SIDE = 260;

function MapCard({ method, map, labels, codeSize }: { method: EmbeddingMethod; map?: EmbeddingMap; labels?: Uint8Array; codeSize: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && map && labels) drawPointMap(ref.current, map.points, labels, LABEL_COLOURS, SIDE);
  }, [map, labels]);
  const name = t(`applications.visualization.method.${method}`, { codeSize });
  const accuracy = map ? `${plainNumber(100 * map.knnAccuracy, 3)}%` : '';
  return (
    <figure className="visualization-map" data-testid={`embedding-${method}`} data-accuracy={map ? map.knnAccuracy.toFixed(4) : undefined}>
      <figcaption>{name}</figcaption>
      {map && labels ? (
        <canvas
          ref={ref}
          style={{ width: SIDE, height: SIDE }}
          role="img"
          aria-label={t('applications.visualization.mapLabel', { method: name, n: labels.length, accuracy })}
        />
      ) : (
        <div className="visualization-pending" style={{ width: SIDE, height: SIDE }}>
          {t('applications.visualization.pending')}
        </div>
      )}
      {map && (
        <p className="visualization-numbers">
          <strong>{t('applications.visualization.accuracy', { accuracy })}</strong>
          <br />
          {t('applications.visualization.seconds', { seconds: plainNumber(map.seconds, 2) })}
        </p>
      )}
    </figure>
  );
}

/**
 * Visualization (issue 5): the lecture's recipe of reducing the digits with an autoencoder first
 * and then mapping the codes with UMAP, beside PCA-2 and UMAP of the raw pixels, each with the
 * time it took and the 5-NN accuracy of its map. The maps are made on request, of the model as
 * it is then (training can go on meanwhile).
 */
export function Visualization() {
  const { t } = useTranslation();
  const embedding = useLab((s) => s.embedding);
  const codeSize = useLab((s) => s.config.model.codeSize);
  const step = useLab((s) => s.progress?.step ?? 0);
  const booting = useLab((s) => s.booting);
  const running = embedding?.running ?? false;
  return (
    <section className="visualization" data-testid="visualization" aria-labelledby="visualization-title">
      <h2 id="visualization-title">{t('applications.visualization.title')}</h2>
      <p className="panel-help">{t('applications.visualization.help', { n: EMBEDDING_DIGITS.toLocaleString('en') })}</p>
      <p>
        <button type="button" className="button" data-testid="make-maps" onClick={() => void lab.makeMaps()} disabled={booting || running}>
          {embedding ? t('applications.visualization.remake', { step }) : t('applications.visualization.make')}
        </button>{' '}
        <span role="status" aria-live="polite">
          {running && t('applications.visualization.making')}
          {embedding && !running && !embedding.error && t('applications.visualization.of', { step: embedding.step, epoch: plainEpoch(embedding.epoch) })}
          {embedding?.error && t('applications.visualization.failed', { message: embedding.error })}
        </span>
      </p>
      {embedding && (
        <p className="visualization-legend" role="group" aria-label={t('latent.scatter.legend')}>
          {LABEL_COLOURS.map((colour, label) => (
            <span key={label}>
              <span className="visualization-swatch" style={{ background: colour }} aria-hidden="true" />
              {label}
            </span>
          ))}
        </p>
      )}
      {embedding && (
        <div className="visualization-maps">
          {EMBEDDING_METHODS.map((m) => (
            <MapCard key={m} method={m} map={embedding.maps[m]} labels={embedding.labels} codeSize={codeSize} />
          ))}
        </div>
      )}
    </section>
  );
}
