import { scaleLinear, scaleSqrt } from 'd3';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from './charts/useElementWidth';
import { UnitInspector } from './math/UnitInspector';
import { useUnitPointer } from './math/useUnitPointer';
import './ArchitectureDiagram.css';

interface Props {
  /** Layer widths input -> output, e.g. [784, 256, 64, 2, 64, 256, 784]; the code is in the middle. */
  widths: number[];
  /** True when the widths are an edit not yet applied (drawn with a dashed outline). */
  draft?: boolean;
}

const HEIGHT = 230;
/** Vertical layout in px: brackets on top, boxes in the middle, numbers and names below. */
const BRACKET_Y = 20;
const BOX_TOP = 38;
const BOX_MAX = 130;
const BOX_MIN = 5;
const NUMBER_Y = BOX_TOP + BOX_MAX + 20;
const NAME_Y = NUMBER_Y + 22;

/**
 * The autoencoder as a row of layer boxes whose height grows with the square root of the
 * layer's width (so a 2-number code is still visible next to 784 pixels), joined by funnels.
 * The code (bottleneck) is highlighted; brackets name the encoder and the decoder.
 *
 * The math with its numbers (issue 14): when the widths are the applied dense model's, each
 * layer is a slider over its units: hovering a box (the unit under the pointer) or focusing it
 * and moving with the arrow keys shows that unit's incoming weights, input sum and output for
 * the digit in view (math/UnitInspector.tsx).
 */
export function ArchitectureDiagram({ widths, draft = false }: Props) {
  const { t } = useTranslation();
  const [ref, width] = useElementWidth<HTMLDivElement>(440);
  const codeIndex = Math.floor(widths.length / 2);
  const pointer = useUnitPointer(widths, draft);
  const layerName = (i: number) =>
    i === 0
      ? t('math.layer.input')
      : i === widths.length - 1
        ? t('math.layer.output')
        : i === codeIndex
          ? t('math.layer.code')
          : i < codeIndex
            ? t('math.layer.encoder', { n: i })
            : t('math.layer.decoder', { n: i - codeIndex });
  const pad = 34;
  const x = scaleLinear()
    .domain([0, widths.length - 1])
    .range([pad, Math.max(pad + 1, width - pad)]);
  const boxWidth = Math.min(34, Math.max(14, (width - 2 * pad) / widths.length / 2.2));
  const h = scaleSqrt()
    .domain([0, Math.max(...widths)])
    .range([0, BOX_MAX]);
  const boxHeight = (w: number) => Math.max(BOX_MIN, h(w));
  const mid = BOX_TOP + BOX_MAX / 2;

  return (
    <div ref={ref} className={draft ? 'arch-diagram arch-diagram--draft' : 'arch-diagram'}>
      <div className="arch-diagram-figure">
      <svg width={width} height={HEIGHT} role="img" aria-label={t('diagram.label', { widths: widths.join('–') })}>
        {widths.slice(0, -1).map((w, i) => {
          const x0 = x(i) + boxWidth / 2;
          const x1 = x(i + 1) - boxWidth / 2;
          const h0 = boxHeight(w) / 2;
          const h1 = boxHeight(widths[i + 1]) / 2;
          return (
            <polygon
              key={`funnel-${i}`}
              className={i < codeIndex ? 'arch-funnel arch-funnel--encoder' : 'arch-funnel arch-funnel--decoder'}
              points={`${x0},${mid - h0} ${x1},${mid - h1} ${x1},${mid + h1} ${x0},${mid + h0}`}
            />
          );
        })}
        {widths.map((w, i) => {
          const bh = boxHeight(w);
          const isCode = i === codeIndex;
          const isEnd = i === 0 || i === widths.length - 1;
          const top = mid - bh / 2;
          const shown = pointer.shown?.layer === i ? pointer.shown.unit : undefined;
          return (
            <g key={`layer-${i}`} className={isCode ? 'arch-layer arch-layer--code' : isEnd ? 'arch-layer arch-layer--io' : 'arch-layer'}>
              <rect x={x(i) - boxWidth / 2} y={top} width={boxWidth} height={bh} rx={3} />
              {shown !== undefined && <line className="arch-unit-mark" x1={x(i) - boxWidth / 2 - 4} x2={x(i) + boxWidth / 2 + 4} y1={top + ((shown + 0.5) / w) * bh} y2={top + ((shown + 0.5) / w) * bh} />}
              <text x={x(i)} y={NUMBER_Y} textAnchor="middle" className="arch-width">
                {w}
              </text>
            </g>
          );
        })}
        <Bracket x0={x(0) - boxWidth / 2} x1={x(codeIndex) - boxWidth / 2 - 4} label={t('diagram.encoder')} />
        <Bracket x0={x(codeIndex) + boxWidth / 2 + 4} x1={x(widths.length - 1) + boxWidth / 2} label={t('diagram.decoder')} />
        <text x={x(0)} y={NAME_Y} textAnchor="start" className="arch-name" dx={-boxWidth / 2}>
          {t('diagram.input')}
        </text>
        <text x={x(codeIndex)} y={NAME_Y} textAnchor="middle" className="arch-name arch-name--code">
          {t('diagram.codeBottleneck')}
        </text>
        <text x={x(widths.length - 1)} y={NAME_Y} textAnchor="end" className="arch-name" dx={boxWidth / 2}>
          {t('diagram.output')}
        </text>
      </svg>
      {/* Over each layer box, a slider over its units (HTML, so the drawing stays one image for a screen reader). */}
      {pointer.on &&
        widths.map((w, i) => (
          <div
            key={`units-${i}`}
            className={pointer.shown?.layer === i ? 'arch-units arch-units--shown' : 'arch-units'}
            style={{ left: x(i) - boxWidth / 2, top: mid - boxHeight(w) / 2, width: boxWidth, height: boxHeight(w) }}
            {...pointer.layerProps(i, w, layerName(i))}
          />
        ))}
      </div>
      {draft && <p className="arch-draft-note">{t('diagram.draft')}</p>}
      {pointer.on && !pointer.shown && <p className="arch-hint">{t('math.unit.hint')}</p>}
      {pointer.on && pointer.shown && (
        <UnitInspector
          layer={pointer.shown.layer}
          unit={pointer.shown.unit}
          last={widths.length - 1}
          name={layerName(pointer.shown.layer)}
          decoder={pointer.shown.layer > codeIndex}
        />
      )}
    </div>
  );
}

/** A horizontal bracket over part of the network with its name in the middle. */
function Bracket({ x0, x1, label }: { x0: number; x1: number; label: string }) {
  if (x1 - x0 < 8) return null;
  const y = BRACKET_Y;
  return (
    <g className="arch-bracket">
      <path d={`M${x0},${y + 8} V${y} H${x1} V${y + 8}`} />
      <text x={(x0 + x1) / 2} y={y - 6} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}
