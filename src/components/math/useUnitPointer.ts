import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { densePath, pathWidths } from '../../core/analysis/densePath';
import { useLab } from '../../state/store';

/** A unit of the architecture diagram: layer 0 = the input pixels. */
export interface DiagramUnit {
  layer: number;
  unit: number;
}

/** The dense path's widths of the applied model, or undefined (a convolutional model). */
function appliedWidths(model: Parameters<typeof densePath>[0]): number[] | undefined {
  try {
    const path = densePath(model);
    return path && pathWidths(path);
  } catch {
    return undefined;
  }
}

/**
 * Which unit of the diagram the reader points at. Over each layer box lies a slider over its
 * units (an HTML element with role slider, in the tab order; the drawing stays one image): the
 * pointer picks the unit under it, the arrow keys step
 * (PageUp/PageDown a tenth of the layer, Home/End the ends), Escape closes. The last unit
 * pointed at stays shown, so the pointer can move on to the inspector below. Only when the
 * widths drawn are the applied dense model's (`on`): an edit not applied yet has no weights.
 */
export function useUnitPointer(widths: readonly number[], draft: boolean) {
  const { t } = useTranslation();
  const model = useLab((s) => s.config.model);
  const applied = useMemo(() => appliedWidths(model), [model]);
  const on = !draft && applied !== undefined && applied.length === widths.length && applied.every((w, i) => w === widths[i]);
  const [selected, setSelected] = useState<DiagramUnit>();
  const shown = on && selected && selected.layer < widths.length && selected.unit < widths[selected.layer] ? selected : undefined;

  const layerProps = (layer: number, width: number, name: string) => {
    const unit = shown?.layer === layer ? shown.unit : 0;
    const go = (u: number) => setSelected({ layer, unit: Math.min(width - 1, Math.max(0, u)) });
    const page = Math.max(1, Math.round(width / 10));
    const keys: Record<string, () => void> = {
      ArrowUp: () => go(unit + 1),
      ArrowRight: () => go(unit + 1),
      ArrowDown: () => go(unit - 1),
      ArrowLeft: () => go(unit - 1),
      PageUp: () => go(unit + page),
      PageDown: () => go(unit - page),
      Home: () => go(0),
      End: () => go(width - 1),
      Escape: () => setSelected(undefined),
    };
    return {
      tabIndex: 0,
      role: 'slider',
      'aria-label': name,
      'aria-valuemin': 1,
      'aria-valuemax': width,
      'aria-valuenow': unit + 1,
      'aria-valuetext': t('math.unit.valueText', { unit: unit + 1, count: width }),
      'data-testid': `arch-layer-${layer}`,
      onMouseMove: (e: MouseEvent<HTMLDivElement>) => {
        const box = e.currentTarget.getBoundingClientRect();
        const u = Math.min(width - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * width)));
        if (shown?.layer !== layer || shown.unit !== u) go(u);
      },
      onFocus: () => {
        if (shown?.layer !== layer) go(0);
      },
      onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
        const act = keys[e.key];
        if (!act) return;
        e.preventDefault();
        act();
      },
    };
  };

  return { on, shown, layerProps };
}
