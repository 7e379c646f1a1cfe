import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NOISE_TYPES, type NoiseType } from '../../core/config';
import type { ConfigDraft } from '../architectureDraft';
import { SparseFields } from './SparseFields';

interface Props {
  draft: ConfigDraft;
  set: <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]) => void;
  /** The translated problem of a field, if the schema refused it. */
  error: (field: 'noise' | 'noiseLevel' | 'contractive' | 'codeActivation' | 'sparsity' | 'sparsityWeight' | 'sparsityTarget') => string | undefined;
}

/**
 * The variants' settings in the model editor (issue 4): the denoising autoencoder's input noise
 * and its level, the contractive penalty's weight, the sparse autoencoder's code activation and penalty (SparseFields). Part of the editor's form: the values are drafts, applied with the rest.
 */
export function VariantFields({ draft, set, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const levelError = error('noiseLevel');
  const contractiveError = error('contractive');
  return (
    <fieldset className="arch-fieldset" data-testid="variant-fields">
      <legend>{t('variants.editor.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-noise`}>{t('variants.editor.noise')}</label>
        <select
          id={`${id}-noise`}
          value={draft.noise}
          aria-describedby={`${id}-noise-note`}
          data-testid="variant-noise"
          onChange={(e) => set('noise', NOISE_TYPES.find((o) => o === e.target.value) ?? draft.noise)}
        >
          {NOISE_TYPES.map((o: NoiseType) => (
            <option key={o} value={o}>
              {t(`variants.editor.option.${o}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-noise-note`} className={error('noise') ? 'field-error' : 'field-hint'}>
          {error('noise') ?? t('variants.editor.noiseHint')}
        </p>
      </div>
      <div className={levelError ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-level`}>{t('variants.editor.noiseLevel')}</label>
        <input
          id={`${id}-level`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={draft.noiseLevel}
          disabled={draft.noise === 'none'}
          aria-invalid={levelError ? true : undefined}
          aria-describedby={`${id}-level-note`}
          data-testid="variant-noise-level"
          onChange={(e) => set('noiseLevel', e.target.value)}
        />
        <p id={`${id}-level-note`} className={levelError ? 'field-error' : 'field-hint'}>
          {levelError ?? t(`variants.editor.noiseLevelHint.${draft.noise}`)}
        </p>
      </div>
      <div className={contractiveError ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-contractive`}>{t('variants.editor.contractive')}</label>
        <input
          id={`${id}-contractive`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={draft.contractive}
          aria-invalid={contractiveError ? true : undefined}
          aria-describedby={`${id}-contractive-note`}
          data-testid="variant-contractive"
          onChange={(e) => set('contractive', e.target.value)}
        />
        <p id={`${id}-contractive-note`} className={contractiveError ? 'field-error' : 'field-hint'}>
          {contractiveError ?? t('variants.editor.contractiveHint')}
        </p>
      </div>
      <SparseFields draft={draft} set={set} error={error} />
    </fieldset>
  );
}
