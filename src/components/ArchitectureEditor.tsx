import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { layerWidths, type LabConfig } from '../core/config';
import { lab } from '../state/labBridge';
import { useLab } from '../state/store';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { checkDraft, chooseKind, draftFromConfig, draftWidths, isDraftDirty, mergeDraft, proposedLayerWidth, withText, type ConfigDraft } from './architectureDraft';
import { editorFields, FIELD_VIEWS, hintOf, SECTIONS, type EditorFieldId } from './editorLayout';
import { SettingField } from './SettingField';
import { rowOf, wordProblem, type SettingText } from './settingText';
import { useShown } from './useShown';
import './ArchitectureEditor.css';

/**
 * The model's settings, edited as a draft: the chosen kind's fields in its order (its
 * KindModule's editorFields), each input from its row of the settings table. Invalid values are
 * refused with a worded reason next to the field (checkConfig decides); Apply sends the valid
 * config to the worker, which builds the new model as a new run. The diagram previews the draft.
 */
export function ArchitectureEditor() {
  const { t } = useTranslation();
  const config = useLab((s) => s.config);
  const booting = useLab((s) => s.booting);
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromConfig(config));
  // When the applied config changes elsewhere (a seed from the controls, a lesson link), keep
  // the user's edits and take every untouched setting from the new config.
  const [seen, setSeen] = useState<LabConfig>(config);
  if (seen !== config) {
    setSeen(config);
    setDraft((d) => mergeDraft(d, seen, config));
  }

  const check = useMemo(() => checkDraft(draft), [draft]);
  const dirty = useMemo(() => isDraftDirty(draft, config), [draft, config]);
  const problems = check.ok ? {} : check.problems;
  const error = (field: string) => {
    const p = problems[field];
    return p && wordProblem(t, p);
  };
  const previewWidths = draftWidths(draft);

  // Groups a teacher hid are not rendered; the diagram (a view, not a control) always is.
  const shown: Record<string, boolean> = {
    architecture: useShown('architecture'),
    loss: useShown('loss'),
    variants: useShown('variants'),
    optimizer: useShown('optimizer'),
    data: useShown('data'),
  };
  const fields = editorFields(draft.kind).filter((id) => FIELD_VIEWS[id].groups.every((g) => shown[g]));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (check.ok && dirty) void lab.applyConfig(check.config);
  };

  const field = (id: EditorFieldId) => {
    const view = FIELD_VIEWS[id];
    const isKind = id === 'kind';
    const onChange = (text: SettingText) =>
      setDraft((d) => (isKind ? chooseKind(d, text as ConfigDraft['kind']) : withText(d, id, text)));
    const hint = hintOf(view, draft);
    return (
      <SettingField
        key={id}
        row={rowOf(id)}
        view={view}
        text={isKind ? draft.kind : draft.text[id]}
        onChange={onChange}
        error={error(id)}
        entryError={(i) => error(`${id}.${i}`)}
        hint={hint && t(hint)}
        disabled={view.idle?.(draft)}
        newLayerWidth={() => proposedLayerWidth(draft)}
      />
    );
  };

  const status = !check.ok ? t('architecture.invalid') : dirty ? t('architecture.pending') : t('architecture.unchanged');
  // A problem at a setting the page does not show (a hidden group): said above the buttons.
  const unshown = Object.entries(problems).filter(([key]) => !fields.includes(key.split('.')[0] as EditorFieldId));

  return (
    <div className="arch-editor">
      <p className="panel-intro">{t('architecture.intro')}</p>
      <ArchitectureDiagram widths={previewWidths ?? layerWidths(config.model)} draft={dirty && previewWidths !== undefined} />
      {fields.length > 0 && (
        <form className="arch-form" onSubmit={apply} noValidate>
          {SECTIONS.map(({ id, legend, testId }) => {
            const inSection = fields.filter((f) => FIELD_VIEWS[f].section === id);
            if (inSection.length === 0) return null;
            return (
              <fieldset key={id} className={id === 'training' ? 'arch-fieldset arch-fieldset--training' : 'arch-fieldset'} data-testid={testId}>
                <legend>{t(legend)}</legend>
                {id === 'layers' && !inSection.includes('encoderLayers') && <p className="field-hint">{t('kinds.editor.convNoLayers')}</p>}
                {inSection.map(field)}
              </fieldset>
            );
          })}
          {unshown.map(([key, p]) => p && <p key={key} className="field-error">{wordProblem(t, p)}</p>)}
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
