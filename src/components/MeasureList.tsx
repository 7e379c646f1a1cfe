import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Lesson } from '../lessons/types';
import { fieldsRead, formatMeasure, measureNameKey, MEASURES, type MeasureState } from '../state/measures';
import { useLab, type LabState } from '../state/store';
import './MeasureList.css';

/** The store fields the measures read, picked for a shallow compare (a new list only when one changes). */
function pick(fields: readonly (keyof MeasureState)[]) {
  return (s: LabState) => Object.fromEntries(fields.map((f) => [f, s[f]])) as MeasureState;
}

/**
 * The lesson's measures in its teaching order, as measured now: each value beside its baseline
 * (PCA at the same code size, LSA-10 ...), read through the measures registry (state/measures.ts).
 * The test-id element holds the formatted value alone ("13.87", "56.7%"); `data-value` the raw one.
 */
export function MeasureList({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const state = useLab(useShallow(pick(fieldsRead(lesson.measures))));
  const none = t('metrics.none');
  return (
    <dl className="measure-list" aria-label={t('classroom.measures.label')} data-testid="measure-list">
      {lesson.measures.map((id) => {
        const measure = MEASURES[id];
        const r = measure.read(state);
        const baseline = measure.baseline && t(`classroom.measures.baseline.${measure.baseline}`);
        return (
          <div key={id} className="measure-list-row">
            <dt>{t(measureNameKey(id))}</dt>
            <dd>
              <span className="measure-list-value" data-testid={`measure-${id}`} data-value={r.value}>
                {r.value !== undefined ? formatMeasure(id, r.value) : none}
              </span>
              {baseline && (
                <span className="measure-list-baseline" data-testid={`measure-${id}-baseline`} data-value={r.baseline}>
                  {measure.relative || r.baseline === undefined
                    ? t('classroom.measures.against', { baseline })
                    : t('classroom.measures.versus', { baseline, value: formatMeasure(id, r.baseline) })}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
