import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HIDDEN_ACTIVATIONS,
  LIMITS,
  LOSSES,
  OPTIMIZERS,
  OUTPUT_ACTIVATIONS,
  layerWidths,
  type LabConfig,
} from '../core/config';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import {
  checkDraft,
  draftFromConfig,
  draftWidths,
  isDraftDirty,
  mergeDraft,
  proposedLayerWidth,
  type ConfigDraft,
  type FieldKey,
  type FieldProblem,
  type ScalarField,
} from './architectureDraft';
import { useShown } from './useShown';
import { KindFields } from './variants/KindFields';
import { VariantFields } from './variants/VariantFields';
import './ArchitectureEditor.css';

/**
 * Every setting of the engine, edited as a draft. Invalid values are refused with a message
 * next to the field (the config schema decides); Apply sends the valid config to the worker,
 * which builds the new model and restarts training. The diagram previews the draft.
 */
export function ArchitectureEditor() {
  const { t } = useTranslation();
  const config = useLab((s) => s.config);
  const booting = useLab((s) => s.booting);
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromConfig(config));
  // When the applied config changes elsewhere (a seed from the controls, a lesson link), keep
  // the user's edits and take every untouched field from the new config.
  const [seen, setSeen] = useState<LabConfig>(config);
  if (seen !== config) {
    setSeen(config);
    setDraft((d) => mergeDraft(d, seen, config));
  }

  const check = useMemo(() => checkDraft(draft), [draft]);
  const dirty = useMemo(() => isDraftDirty(draft, config), [draft, config]);
  const problems = check.ok ? {} : check.problems;
  const previewWidths = draftWidths(draft);

  const set = <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setLayer = (i: number, value: string) =>
    setDraft((d) => ({ ...d, encoderLayers: d.encoderLayers.map((w, j) => (j === i ? value : w)) }));
  const removeLayer = (i: number) => setDraft((d) => ({ ...d, encoderLayers: d.encoderLayers.filter((_, j) => j !== i) }));
  const addLayer = () => setDraft((d) => ({ ...d, encoderLayers: [...d.encoderLayers, String(proposedLayerWidth(d))] }));

  const say = (p: FieldProblem | undefined): string | undefined => {
    if (!p) return undefined;
    switch (p.code) {
      case 'notANumber':
        return t('architecture.errors.notANumber');
      case 'wholeNumber':
        return t('architecture.errors.wholeNumber');
      case 'range':
        return t('architecture.errors.range', { min: p.min, max: p.max });
      case 'tooManyLayers':
        return t('architecture.errors.tooManyLayers', { max: p.max });
      case 'bceNeedsSigmoid':
        return t('architecture.errors.bceNeedsSigmoid');
      case 'other':
        return p.message;
      case 'contractiveDepth':
        return t('variants.editor.contractiveDepth');
    }
  };
  const error = (f: FieldKey) => say(problems[f]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (check.ok && dirty) void lab.applyConfig(check.config);
  };

  const textField = (field: ScalarField & keyof typeof LABELS, inputMode: 'numeric' | 'decimal', extra?: { disabled?: boolean; hint?: string }) => (
    <TextField
      label={t(LABELS[field])}
      value={draft[field]}
      onChange={(v) => set(field, v)}
      error={error(field)}
      inputMode={inputMode}
      disabled={extra?.disabled}
      hint={extra?.hint}
    />
  );

  const status = !check.ok ? t('architecture.invalid') : dirty ? t('architecture.pending') : t('architecture.unchanged');
  // Groups a teacher hid are not rendered; the diagram (a view, not a control) always is.
  const show = {
    architecture: useShown('architecture'),
    loss: useShown('loss'),
    optimizer: useShown('optimizer'),
    data: useShown('data'),
    seed: useShown('seed'),
    variants: useShown('variants'),
  };
  const anyField = Object.values(show).some(Boolean);

  return (
    <div className="arch-editor">
      <p className="panel-intro">{t('architecture.intro')}</p>
      <ArchitectureDiagram widths={previewWidths ?? layerWidths(config.model)} draft={dirty && previewWidths !== undefined} />
      {anyField && (
        <form className="arch-form" onSubmit={apply} noValidate>
          {show.architecture && <KindFields draft={draft} set={set} error={error} />}
          {show.architecture && (
            <fieldset className="arch-fieldset">
              <legend>{t('architecture.layers')}</legend>
              <p className="field-hint">
                {draft.kind === 'conv' ? t('kinds.editor.convNoLayers') : draft.encoderLayers.length === 0 ? t('architecture.noLayers') : t('architecture.layersHint')}
              </p>
              <ol className="arch-layers">
                {draft.encoderLayers.map((w, i) => (
                  <li key={i} className="arch-layer-row">
                    <TextField
                      label={t('architecture.encoderLayer', { n: i + 1 })}
                      value={w}
                      onChange={(v) => setLayer(i, v)}
                      error={error(`layer.${i}`)}
                      inputMode="numeric"
                    />
                    <button
                      type="button"
                      className="button button--quiet arch-remove"
                      onClick={() => removeLayer(i)}
                      aria-label={t('architecture.removeLayer', { n: i + 1 })}
                      title={t('architecture.removeLayer', { n: i + 1 })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ol>
              {error('layers') && <p className="field-error">{error('layers')}</p>}
              <button
                type="button"
                className="button button--quiet"
                onClick={addLayer}
                disabled={draft.kind === 'conv' || draft.encoderLayers.length >= LIMITS.encoderLayers.max}
              >
                + {t('architecture.addLayer')}
              </button>
              <div className="arch-code-field">{textField('codeSize', 'numeric')}</div>
              <div className="arch-code-field">{textField('codeL2', 'decimal', { hint: t('architecture.codeL2Hint') })}</div>
            </fieldset>
          )}

          {(show.architecture || show.loss) && (
            <fieldset className="arch-fieldset">
              <legend>{t('architecture.activations')}</legend>
              {show.architecture && (
                <>
                  <SelectField label={t('architecture.hiddenActivation')} value={draft.hiddenActivation} options={HIDDEN_ACTIVATIONS} onChange={(v) => set('hiddenActivation', v)} />
                  <SelectField label={t('architecture.outputActivation')} value={draft.outputActivation} options={OUTPUT_ACTIVATIONS} onChange={(v) => set('outputActivation', v)} />
                </>
              )}
              {show.loss && <SelectField label={t('architecture.loss')} value={draft.loss} options={LOSSES} onChange={(v) => set('loss', v)} error={error('loss')} />}
              {/* bce with a linear output is refused on the loss; without the loss field, say it here. */}
              {!show.loss && error('loss') && <p className="field-error">{error('loss')}</p>}
            </fieldset>
          )}

          {show.architecture && show.variants && <VariantFields draft={draft} set={set} error={error} />}

          {(show.optimizer || show.data || show.seed) && (
            <fieldset className="arch-fieldset arch-fieldset--training">
              <legend>{t('architecture.training')}</legend>
              {show.optimizer && (
                <>
                  <SelectField label={t('architecture.optimizer')} value={draft.optimizer} options={OPTIMIZERS} onChange={(v) => set('optimizer', v)} />
                  {textField('learningRate', 'decimal')}
                  {textField('momentum', 'decimal', {
                    disabled: draft.optimizer !== 'sgd',
                    hint: draft.optimizer !== 'sgd' ? t('architecture.momentumSgdOnly') : undefined,
                  })}
                  {textField('batchSize', 'numeric')}
                </>
              )}
              {show.data && textField('trainSize', 'numeric')}
              {show.seed && textField('seed', 'numeric')}
            </fieldset>
          )}

          <div className="arch-actions">
            <button type="submit" className="button button--primary" disabled={!check.ok || !dirty || booting} data-testid="apply-config">
              {t('architecture.apply')}
            </button>
            <button type="button" className="button" disabled={!dirty} onClick={() => setDraft(draftFromConfig(config))}>
              {t('architecture.revert')}
            </button>
            <p className={check.ok ? 'arch-status' : 'arch-status arch-status--invalid'} aria-live="polite">
              {status} {dirty && check.ok ? t('architecture.applyHint') : ''}
            </p>
          </div>
        </form>
      )}
    </div>
  );
}

/** i18n keys of the text fields' labels. */
const LABELS = {
  codeSize: 'architecture.codeSize',
  codeL2: 'architecture.codeL2',
  learningRate: 'architecture.learningRate',
  momentum: 'architecture.momentum',
  batchSize: 'architecture.batchSize',
  trainSize: 'architecture.trainSize',
  seed: 'architecture.seed',
} as const;

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled field with its message below: the error if refused, else the hint. */
function Field({ label, error, hint, children }: FieldProps & { children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: note ? noteId : undefined })}
      {note && (
        <p id={noteId} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </p>
      )}
    </div>
  );
}

function TextField({
  value,
  onChange,
  inputMode,
  disabled,
  ...field
}: FieldProps & { value: string; onChange: (v: string) => void; inputMode: 'numeric' | 'decimal'; disabled?: boolean }) {
  return (
    <Field {...field}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={disabled}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: FieldProps & { value: T; options: readonly T[]; onChange: (v: T) => void }) {
  const { t } = useTranslation();
  return (
    <Field {...field}>
      {({ id, describedBy }) => (
        <select
          id={id}
          value={value}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`architecture.option.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
