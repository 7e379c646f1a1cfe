import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { experimentOf, findLesson } from '../../lessons';
import type { PanelId } from '../../lessons/catalog';
import { useLab } from '../../state/store';
import { PanelFocusButton } from '../PanelFocusButton';
import { pagePanels, panelRows } from './pagePanels';
import { PANELS } from './registry';
import './panels.css';

/** One panel in its frame, with the ⤢ button that fills the screen with it (a direct child, as presenter.css needs). */
function PanelFrame({ id }: { id: PanelId }) {
  const { t } = useTranslation();
  const { component: View, titleKey, className, heading } = PANELS[id];
  const title = t(titleKey);
  if (heading) {
    return (
      <section className={`panel ${className}`} aria-labelledby={`panel-${id}`} data-panel={id}>
        <PanelFocusButton panel={id} name={title} />
        <h2 id={`panel-${id}`}>{title}</h2>
        <View />
      </section>
    );
  }
  return (
    <div className={`panel ${className}`} data-panel={id}>
      <PanelFocusButton panel={id} name={title} />
      <View />
    </div>
  );
}

/**
 * The lab's panels for the open lesson: its own list in its teaching order (the lesson's point
 * first), then whatever else applies to the model now; the free lab shows every panel that
 * applies to its model. Only panels of the lesson's experiment: the text lesson shows no MNIST
 * panel. The order travels in `data-panels` for tests.
 */
export function LabPanels() {
  const ids = useLab(
    useShallow((s) => {
      const lesson = findLesson(s.lessonId);
      return pagePanels(PANELS, { experiment: experimentOf(s.lessonId), listed: lesson?.panels ?? [], model: s.config.model, hidden: s.hidden });
    }),
  );
  const rows = panelRows(ids, (id) => PANELS[id].width);
  return (
    <div className="app-panels" data-panels={ids.join(' ')}>
      {rows.map((row) =>
        'full' in row ? (
          <PanelFrame key={row.full} id={row.full} />
        ) : (
          <div key={row.main} className="panel-pair">
            <div className="panel-pair-main">
              <PanelFrame id={row.main} />
            </div>
            <div className="panel-pair-side">
              {row.side.map((id) => (
                <PanelFrame key={id} id={id} />
              ))}
            </div>
          </div>
        ),
      )}
    </div>
  );
}
