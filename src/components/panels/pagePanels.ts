/**
 * Which panels the page shows, in which order, and how they pair up on a wide screen. Pure:
 * the rules come from the registry (registry.ts), the page's facts from the store.
 */
import type { LabConfig, ModelKind } from '../../core/config';
import { PANEL_IDS, type ExperimentId, type PanelId } from '../../lessons/catalog';
import type { ControlGroup } from '../../lessons/types';

type Model = LabConfig['model'];

/** When a panel applies: the registry's facts about it, without its view. */
export interface PanelRule {
  /** The experiment whose results it shows: on a page of another experiment it never appears. */
  experiment: ExperimentId;
  /**
   * The control groups that show it (teacher mode, `<group>_hide` link keys): hidden when every
   * one of them is hidden. None: always shown (the model editor and the training numbers).
   */
  groups?: readonly ControlGroup[];
  /** Control groups that hide parts inside the panel (the editor's fields, the loss chart); the panel stays. */
  inside?: readonly ControlGroup[];
  /** The model kinds it can draw; any kind when absent. */
  kinds?: readonly ModelKind[];
  /**
   * The variant it belongs to is switched on in the model (noise, a contractive weight, a sparse
   * code). A lesson that lists the panel shows it even when it is off, so a student can turn the
   * variant off and compare.
   */
  variant?: (model: Model) => boolean;
  /**
   * Hidden whenever its variant is off, even in a lesson that lists it: the panel has nothing
   * to compare without the variant (denoising without noise shows the clean digit three times
   * and the worker measures no PSNR).
   */
  onlyWhenOn?: boolean;
  /** 'half': beside another half panel on a wide screen; 'full': the lab's whole width. */
  width: 'half' | 'full';
  /**
   * On a lesson's page only where the lesson lists it (the first layer's weights: lessons 1 and
   * 2); the free lab, which lists nothing, shows it whenever it applies.
   */
  listedOnly?: true;
}

/** What the page is showing: the lesson's experiment and panel list (the free lab lists none), the model, the hidden groups. */
export interface PageFacts {
  experiment: ExperimentId;
  listed: readonly PanelId[];
  model: Model;
  hidden: readonly ControlGroup[];
}

/**
 * The panels to render, in order: the lesson's own list first (its teaching order), then any
 * other panel that applies now (the student switched the kind, or a teacher showed a group the
 * lesson hides) in the free lab's order (PANEL_IDS).
 */
export function pagePanels(rules: Readonly<Record<PanelId, PanelRule>>, page: PageFacts): PanelId[] {
  const order = [...page.listed, ...PANEL_IDS.filter((id) => !page.listed.includes(id))];
  return order.filter((id) => {
    const r = rules[id];
    if (r.experiment !== page.experiment) return false;
    if (r.kinds && !r.kinds.includes(page.model.kind)) return false;
    if (r.variant && (r.onlyWhenOn || !page.listed.includes(id)) && !r.variant(page.model)) return false;
    if (r.listedOnly && page.listed.length > 0 && !page.listed.includes(id)) return false;
    return !r.groups?.length || r.groups.some((g) => !page.hidden.includes(g));
  });
}

/** A row of the page: one panel across the width, or a half panel beside a column of the next ones. */
export type PanelRow = { full: PanelId } | { main: PanelId; side: PanelId[] };

/**
 * Consecutive half panels share a row: the first on the left (the model editor, tall), the
 * rest stacked on the right. A half panel alone takes the whole width.
 */
export function panelRows(ids: readonly PanelId[], width: (id: PanelId) => 'half' | 'full'): PanelRow[] {
  const rows: PanelRow[] = [];
  let halves: PanelId[] = [];
  const flush = () => {
    if (halves.length === 1) rows.push({ full: halves[0] });
    else if (halves.length > 1) rows.push({ main: halves[0], side: halves.slice(1) });
    halves = [];
  };
  for (const id of ids) {
    if (width(id) === 'half') halves.push(id);
    else {
      flush();
      rows.push({ full: id });
    }
  }
  flush();
  return rows;
}

/**
 * The control groups a teacher can usefully tick on a page of `experiment`: the header's (run
 * buttons, seed: no panel holds them) and those of the panels of that experiment, on them or
 * inside them. (The text lesson's group does nothing on an MNIST page, nor the editor's fields
 * in the text lesson.)
 */
export function teacherGroups(rules: Readonly<Record<PanelId, PanelRule>>, experiment: ExperimentId, groups: readonly ControlGroup[]): ControlGroup[] {
  const owned = (r: PanelRule, g: ControlGroup) => (r.groups?.includes(g) ?? false) || (r.inside?.includes(g) ?? false);
  const panels = Object.values(rules);
  return groups.filter((g) => !panels.some((r) => owned(r, g)) || panels.some((r) => owned(r, g) && r.experiment === experiment));
}
