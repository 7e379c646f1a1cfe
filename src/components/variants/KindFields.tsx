import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONV_DECODER_KINDS, MODEL_KINDS, type ConvDecoderKind, type ModelKind } from '../../core/config';
import type { ConfigDraft } from '../architectureDraft';

interface Props {
  draft: ConfigDraft;
  set: <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]) => void;
  /** The translated problem of a field, if the schema refused it. */
  error: (field: 'kind' | 'convChannels' | 'convDecoder') => string | undefined;
}

/**
 * The model kind in the editor (issue 4) and, for the convolutional kind, its stages and its
 * decoder. Drafts like every other field: applied with the rest.
 */
export function KindFields({ draft, set, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const channelsError = error('convChannels');
  const chooseKind = (kind: ModelKind) => {
    set('kind', kind);
    // A convolutional encoder has no dense hidden layers: clear them rather than refuse.
    if (kind === 'conv') set('encoderLayers', []);
  };
  return (
    <fieldset className="arch-fieldset" data-testid="kind-fields">
      <legend>{t('kinds.editor.kind')}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`} className="visually-hidden">
          {t('kinds.editor.kind')}
        </label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          aria-describedby={`${id}-kind-note`}
          data-testid="model-kind"
          onChange={(e) => chooseKind(MODEL_KINDS.find((k) => k === e.target.value) ?? draft.kind)}
        >
          {MODEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.editor.option.${k}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-kind-note`} className={error('kind') ? 'field-error' : 'field-hint'}>
          {error('kind') ?? t('kinds.editor.kindHint')}
        </p>
      </div>
      {draft.kind === 'conv' && (
        <>
          <div className={channelsError ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-channels`}>{t('kinds.editor.convChannels')}</label>
            <input
              id={`${id}-channels`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={draft.convChannels}
              aria-invalid={channelsError ? true : undefined}
              aria-describedby={`${id}-channels-note`}
              data-testid="conv-channels"
              onChange={(e) => set('convChannels', e.target.value)}
            />
            <p id={`${id}-channels-note`} className={channelsError ? 'field-error' : 'field-hint'}>
              {channelsError ?? t('kinds.editor.convChannelsHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-decoder`}>{t('kinds.editor.convDecoder')}</label>
            <select
              id={`${id}-decoder`}
              value={draft.convDecoder}
              data-testid="conv-decoder"
              onChange={(e) => set('convDecoder', CONV_DECODER_KINDS.find((d) => d === e.target.value) ?? draft.convDecoder)}
            >
              {CONV_DECODER_KINDS.map((d: ConvDecoderKind) => (
                <option key={d} value={d}>
                  {t(`kinds.editor.decoderOption.${d}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </fieldset>
  );
}
