import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_ACTIVATIONS, SPARSITY_PENALTIES } from '../../core/config';
import type { ConfigDraft } from '../architectureDraft';

type SparseField = 'codeActivation' | 'sparsity' | 'sparsityWeight' | 'sparsityTarget';

interface Props {
  draft: ConfigDraft;
  set: <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]) => void;
  /** The translated problem of a field, if the schema refused it. */
  error: (field: SparseField) => string | undefined;
}

/**
 * The sparse autoencoder's settings in the model editor (issue 4): the code layer's activation,
 * the sparsity penalty (none, L1, KL), its weight and KL's target ρ. Drafts, applied with the
 * rest of the form; the schema refuses KL without a sigmoid code, with its reason.
 */
export function SparseFields({ draft, set, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const select = <F extends 'codeActivation' | 'sparsity'>(field: F, options: readonly ConfigDraft[F][], testId: string) => (
    <div className={error(field) ? 'field field--invalid' : 'field'}>
      <label htmlFor={`${id}-${field}`}>{t(`variants.editor.${field}`)}</label>
      <select
        id={`${id}-${field}`}
        value={draft[field]}
        aria-invalid={error(field) ? true : undefined}
        aria-describedby={`${id}-${field}-note`}
        data-testid={testId}
        onChange={(e) => set(field, options.find((o) => o === e.target.value) ?? draft[field])}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`variants.editor.sparseOption.${o}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-${field}-note`} className={error(field) ? 'field-error' : 'field-hint'}>
        {error(field) ?? t(`variants.editor.${field}Hint`)}
      </p>
    </div>
  );
  const number = (field: 'sparsityWeight' | 'sparsityTarget', testId: string, disabled: boolean) => (
    <div className={error(field) ? 'field field--invalid' : 'field'}>
      <label htmlFor={`${id}-${field}`}>{t(`variants.editor.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft[field]}
        disabled={disabled}
        aria-invalid={error(field) ? true : undefined}
        aria-describedby={`${id}-${field}-note`}
        data-testid={testId}
        onChange={(e) => set(field, e.target.value)}
      />
      <p id={`${id}-${field}-note`} className={error(field) ? 'field-error' : 'field-hint'}>
        {error(field) ?? t(`variants.editor.${field}Hint`)}
      </p>
    </div>
  );
  return (
    <>
      {select('codeActivation', CODE_ACTIVATIONS, 'variant-code-activation')}
      {select('sparsity', SPARSITY_PENALTIES, 'variant-sparsity')}
      {number('sparsityWeight', 'variant-sparsity-weight', draft.sparsity === 'none')}
      {number('sparsityTarget', 'variant-sparsity-target', draft.sparsity !== 'kl')}
    </>
  );
}
