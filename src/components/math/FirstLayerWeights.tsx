import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { plainEpoch } from '../../i18n/format';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { featureCanvasSize, featureTilesRgba } from '../variants/featureTiles';
import { useLatestRead } from './useLatestRead';
import './math.css';

/** Units drawn: the first 64 of the layer, 4 rows of 16 (the ConvNetJS demo drew its first layer this way, one tile per unit). */
const UNITS = 64;
const LAYOUT = { cols: 16, gap: 2 };
/** While training, the weights are read at most once a second. */
const READ_EVERY_MS = 1000;

/**
 * The first layer's weights as images while the model trains (issue 14 item 4; the classic view
 * of the ConvNetJS MNIST demo): each tile is one unit's 784 incoming weights as 28 x 28 pixels,
 * dark where a pixel's ink switches the unit on, light where it switches it off, each tile
 * scaled to its own largest weight. Redrawn about once a second while training and after every
 * step, pause or new run. `data-step` on the canvas holds the step of the weights drawn.
 */
export function FirstLayerWeights() {
  const { t } = useTranslation();
  const runId = useLab((s) => s.run.id);
  const step = useLab((s) => s.progress?.step ?? 0);
  const answer = useLatestRead(`${runId}:${step}`, () => lab.firstLayerWeights(UNITS), READ_EVERY_MS);
  const w = answer.key?.startsWith(`${runId}:`) ? answer.value : undefined;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !w) return;
    const { width, height } = featureCanvasSize(w.units, LAYOUT);
    if (c.width !== width || c.height !== height) Object.assign(c, { width, height });
    c.getContext('2d')?.putImageData(new ImageData(featureTilesRgba(w.weights, w.units, LAYOUT), width, height), 0, 0);
  }, [w]);

  return (
    <div className="first-layer-weights">
      <p className="panel-intro">{t('math.weights.help')}</p>
      <canvas
        ref={canvas}
        className="first-layer-weights-canvas"
        role="img"
        aria-label={t('math.weights.label', { units: w?.units ?? 0, total: w?.total ?? 0 })}
        data-testid="first-layer-weights"
        data-step={w?.step}
        data-units={w?.units}
      />
      <p className="field-hint" aria-live="off">
        {w ? t('math.weights.caption', { units: w.units, total: w.total, step: w.step, epoch: plainEpoch(w.epoch) }) : t('math.unit.reading')}
      </p>
    </div>
  );
}
