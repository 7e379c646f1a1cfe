/**
 * Where the architecture editor puts each setting: what the settings table cannot say, because
 * it is the page's (the fieldset, the teacher's control groups, the test id, the hint, when an
 * input is idle, the i18n prefix of an enum's options). Which settings show, in which order, is
 * the chosen kind's (KindModule.editorFields); the input, its options, limits and label are the
 * setting's row. Pure data and small functions of the draft.
 */
import type { ModelKind } from '../core/config';
import { KINDS } from '../core/kinds/registry';
import type { ModelSettingId } from '../core/settings/modelRows';
import type { ControlGroup } from '../lessons/types';
import { EDITOR_TRAIN_SETTINGS, type ConfigDraft } from './architectureDraft';

export type Section = 'kind' | 'layers' | 'activations' | 'variants' | 'training';

/** The editor's fieldsets in order, each with its legend's i18n key and test id. */
export const SECTIONS: readonly { id: Section; legend: string; testId: string }[] = [
  { id: 'kind', legend: 'kinds.editor.kind', testId: 'kind-fields' },
  { id: 'layers', legend: 'architecture.layers', testId: 'layer-fields' },
  { id: 'activations', legend: 'architecture.activations', testId: 'activation-fields' },
  { id: 'variants', legend: 'variants.editor.legend', testId: 'variant-fields' },
  { id: 'training', legend: 'architecture.training', testId: 'training-fields' },
];

export interface FieldView {
  section: Section;
  /** Control groups that must all be shown (teacher mode) for the input to be rendered. */
  groups: readonly ControlGroup[];
  testId?: string;
  /** i18n key of the hint under the input (it may depend on the draft). */
  hint?: string | ((d: ConfigDraft) => string);
  /** The input is idle: its value is not used with the draft's other settings. */
  idle?: (d: ConfigDraft) => boolean;
  /** i18n key prefix of an enum's options: `${options}.${option}`. */
  options?: string;
  /** The label is read by screen readers only (the fieldset's legend says it). */
  labelHidden?: true;
  /** Shown in the accent box of the bottleneck. */
  accent?: true;
}

type EditorTrainId = (typeof EDITOR_TRAIN_SETTINGS)[number];
export type EditorFieldId = 'kind' | ModelSettingId | EditorTrainId;

const ARCH = ['architecture'] as const;
const VARIANT = ['architecture', 'variants'] as const;
const text = (d: ConfigDraft, id: string) => d.text[id] as string;

export const FIELD_VIEWS: Record<EditorFieldId, FieldView> = {
  kind: { section: 'kind', groups: ARCH, testId: 'model-kind', hint: 'kinds.editor.kindHint', options: 'kinds.editor.option', labelHidden: true },
  convChannels: { section: 'kind', groups: ARCH, testId: 'conv-channels', hint: 'kinds.editor.convChannelsHint' },
  convDecoder: { section: 'kind', groups: ARCH, testId: 'conv-decoder', options: 'kinds.editor.decoderOption' },
  vqPositions: { section: 'kind', groups: ARCH, testId: 'vq-positions', hint: 'vq.editor.positionsHint' },
  codebookSize: { section: 'kind', groups: ARCH, testId: 'vq-codebook-size', hint: 'vq.editor.codebookSizeHint' },
  commitment: { section: 'kind', groups: ARCH, testId: 'vq-commitment', hint: 'vq.editor.commitmentHint' },
  vqResetEvery: { section: 'kind', groups: ARCH, testId: 'vq-reset-every', hint: 'vq.editor.resetEveryHint' },
  beta: { section: 'kind', groups: ARCH, testId: 'editor-beta', hint: 'vae.betaHint' },
  prior: { section: 'kind', groups: ARCH, testId: 'editor-prior', hint: 'variants.adversarial.priorHint', options: 'variants.adversarial.priors' },
  encoderLayers: { section: 'layers', groups: ARCH },
  codeSize: { section: 'layers', groups: ARCH, accent: true },
  codeL2: { section: 'layers', groups: ARCH, accent: true, hint: 'architecture.codeL2Hint' },
  hiddenActivation: { section: 'activations', groups: ARCH, options: 'architecture.option' },
  outputActivation: { section: 'activations', groups: ARCH, options: 'architecture.option' },
  loss: { section: 'activations', groups: ['loss'], options: 'architecture.option' },
  noise: { section: 'variants', groups: VARIANT, testId: 'variant-noise', hint: 'variants.editor.noiseHint', options: 'variants.editor.option' },
  noiseLevel: {
    section: 'variants',
    groups: VARIANT,
    testId: 'variant-noise-level',
    hint: (d) => `variants.editor.noiseLevelHint.${text(d, 'noise')}`,
    idle: (d) => text(d, 'noise') === 'none',
  },
  contractive: { section: 'variants', groups: VARIANT, testId: 'variant-contractive', hint: 'variants.editor.contractiveHint' },
  codeActivation: { section: 'variants', groups: VARIANT, testId: 'variant-code-activation', hint: 'variants.editor.codeActivationHint', options: 'variants.editor.sparseOption' },
  sparsity: { section: 'variants', groups: VARIANT, testId: 'variant-sparsity', hint: 'variants.editor.sparsityHint', options: 'variants.editor.sparseOption' },
  sparsityWeight: {
    section: 'variants',
    groups: VARIANT,
    testId: 'variant-sparsity-weight',
    hint: 'variants.editor.sparsityWeightHint',
    idle: (d) => text(d, 'sparsity') === 'none',
  },
  sparsityTarget: {
    section: 'variants',
    groups: VARIANT,
    testId: 'variant-sparsity-target',
    hint: 'variants.editor.sparsityTargetHint',
    idle: (d) => text(d, 'sparsity') !== 'kl',
  },
  optimizer: { section: 'training', groups: ['optimizer'], options: 'architecture.option' },
  learningRate: { section: 'training', groups: ['optimizer'] },
  momentum: {
    section: 'training',
    groups: ['optimizer'],
    hint: (d) => (text(d, 'optimizer') === 'sgd' ? '' : 'architecture.momentumSgdOnly'),
    idle: (d) => text(d, 'optimizer') !== 'sgd',
  },
  batchSize: { section: 'training', groups: ['optimizer'] },
  trainSize: { section: 'training', groups: ['data'] },
};

/** The fields the editor shows for a kind, in its order: the kind, its settings, then training. */
export function editorFields(kind: ModelKind): EditorFieldId[] {
  return ['kind', ...(KINDS[kind].editorFields as readonly ModelSettingId[]), ...EDITOR_TRAIN_SETTINGS];
}

/** The hint's i18n key for the draft, if any. */
export function hintOf(view: FieldView, d: ConfigDraft): string | undefined {
  const key = typeof view.hint === 'function' ? view.hint(d) : view.hint;
  return key || undefined;
}
