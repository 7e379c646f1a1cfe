import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigDraft } from '../architectureDraft';

type VqField = 'vqPositions' | 'codebookSize' | 'commitment' | 'vqResetEvery';

interface Props {
  draft: ConfigDraft;
  set: <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]) => void;
  /** The translated problem of a field, if the schema refused it. */
  error: (field: VqField) => string | undefined;
}

const FIELDS: { field: VqField; label: string; hint: string; inputMode: 'numeric' | 'decimal'; testId: string }[] = [
  { field: 'vqPositions', label: 'vq.editor.positions', hint: 'vq.editor.positionsHint', inputMode: 'numeric', testId: 'vq-positions' },
  { field: 'codebookSize', label: 'vq.editor.codebookSize', hint: 'vq.editor.codebookSizeHint', inputMode: 'numeric', testId: 'vq-codebook-size' },
  { field: 'commitment', label: 'vq.editor.commitment', hint: 'vq.editor.commitmentHint', inputMode: 'decimal', testId: 'vq-commitment' },
  { field: 'vqResetEvery', label: 'vq.editor.resetEvery', hint: 'vq.editor.resetEveryHint', inputMode: 'numeric', testId: 'vq-reset-every' },
];

/**
 * The VQ-VAE's settings in the model editor (model.kind 'vq'): code positions, codebook size K,
 * commitment β and the dead-code reset interval. Drafts, applied with the rest of the form.
 */
export function VqFields({ draft, set, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="arch-fieldset" data-testid="vq-fields">
      <legend>{t('vq.editor.legend')}</legend>
      {FIELDS.map(({ field, label, hint, inputMode, testId }) => {
        const problem = error(field);
        return (
          <div key={field} className={problem ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-${field}`}>{t(label)}</label>
            <input
              id={`${id}-${field}`}
              type="text"
              inputMode={inputMode}
              autoComplete="off"
              spellCheck={false}
              value={draft[field]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-${field}-note`}
              data-testid={testId}
              onChange={(e) => set(field, e.target.value)}
            />
            <p id={`${id}-${field}-note`} className={problem ? 'field-error' : 'field-hint'}>
              {problem ?? t(hint)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
