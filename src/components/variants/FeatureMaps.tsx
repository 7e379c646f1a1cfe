import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureMap } from '../../core/kinds/conv/layout';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { featureMapRgba } from './featureMapTiles';
import './variants.css';

/** Redraw at most this often while training (each draw runs the model once on one digit). */
const REFRESH_MS = 1500;

/**
 * The convolutional autoencoder's feature maps (issue 4): every layer's activations for one
 * test digit, encoder to decoder, redrawn live as the model trains. The digit is one of the
 * reconstruction showcase's test digits, chosen with the buttons above.
 */
export function FeatureMaps() {
  const { t } = useTranslation();
  const sample = useLab((s) => s.testSample);
  const step = useLab((s) => s.progress?.step ?? 0);
  const config = useLab((s) => s.config);
  const choices = sample?.showcase.slice(0, 8) ?? [];
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const testIndex = chosen ?? choices[0];
  const [maps, setMaps] = useState<FeatureMap[] | undefined>(undefined);
  const lastDraw = useRef(-Infinity);

  useEffect(() => {
    if (testIndex === undefined) return;
    const now = performance.now();
    // Every step count is worth a draw when paused; while training, a few a second.
    const wait = Math.max(0, lastDraw.current + REFRESH_MS - now);
    let cancelled = false;
    const timer = setTimeout(() => {
      lastDraw.current = performance.now();
      void lab.featureMaps(testIndex).then((m) => {
        if (!cancelled && m) setMaps(m);
      });
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [testIndex, step, config]);

  return (
    <section className="variant-view feature-maps" data-testid="feature-maps" aria-labelledby="feature-maps-title">
      <h2 id="feature-maps-title">{t('kinds.featureMaps.title')}</h2>
      <p className="panel-intro">{t('kinds.featureMaps.help')}</p>
      <div className="feature-map-digits" role="group" aria-label={t('kinds.featureMaps.digit')}>
        {choices.map((i) => (
          <button
            key={i}
            type="button"
            className={i === testIndex ? 'button button--quiet is-current' : 'button button--quiet'}
            aria-pressed={i === testIndex}
            aria-label={t('kinds.featureMaps.pick', { n: i })}
            onClick={() => setChosen(i)}
          >
            {sample?.labels[i]}
          </button>
        ))}
      </div>
      {!maps && <p className="waiting">{t('kinds.featureMaps.waiting')}</p>}
      {maps && (
        <ol className="feature-map-layers" data-testid="feature-map-layers">
          {maps.map((m, i) => (
            <LayerRow key={`${i}-${m.name}`} map={m} />
          ))}
        </ol>
      )}
    </section>
  );
}

function LayerRow({ map }: { map: FeatureMap }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = map.shape;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const { rgba, grid } = featureMapRgba(map);
    el.width = grid.width;
    el.height = grid.height;
    // Image pixels to CSS pixels: a lone 28 x 28 map as large as a row of eight 14 x 14 tiles, about.
    el.style.width = `${Math.round(grid.width * Math.max(1.5, Math.min(4, 300 / grid.width)))}px`;
    el.getContext('2d')?.putImageData(new ImageData(rgba, grid.width, grid.height), 0, 0);
  }, [map]);
  const isCode = h === 1 && w === 1;
  return (
    <li className={`feature-map-layer feature-map-layer--${map.part}`} data-testid="feature-map-layer" data-channels={c} data-side={h}>
      <span className="row-label">
        {map.name}
        <small>
          {t(`kinds.featureMaps.part.${map.part}`)} ·{' '}
          {isCode ? t('kinds.featureMaps.codeValues', { count: c }) : t('kinds.featureMaps.channels', { count: c, side: h })}
        </small>
      </span>
      <canvas ref={canvas} className="feature-map-canvas" role="img" aria-label={t('kinds.featureMaps.canvasLabel', { name: map.name, count: c, side: h })} />
    </li>
  );
}
