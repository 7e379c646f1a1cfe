import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../core/config';
import type { AnySettingRow } from '../core/settings/row';
import type { FieldView } from './editorLayout';
import type { SettingText } from './settingText';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  labelHidden?: boolean;
  className?: string;
}

/** A labelled field with its message below: the error if refused, else the hint. */
export function Field({ label, error, hint, labelHidden, className, children }: FieldProps & { children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={[error ? 'field field--invalid' : 'field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children({ id, describedBy: note ? noteId : undefined })}
      {note && (
        <p id={noteId} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </p>
      )}
    </div>
  );
}

interface SettingFieldProps {
  row: AnySettingRow;
  view: FieldView;
  text: SettingText;
  onChange: (text: SettingText) => void;
  /** The worded problem of the setting (or of one entry of a list: `entryError(i)`). */
  error?: string;
  entryError?: (i: number) => string | undefined;
  hint?: string;
  disabled?: boolean;
  /** Width for a new encoder layer (architectureDraft.proposedLayerWidth). */
  newLayerWidth?: () => number;
}

/**
 * One setting of the editor, its input from its row of the settings table: a select of the
 * row's options, a text input for a number or a list of channels, one input per encoder layer.
 */
export function SettingField({ row, view, text, onChange, error, entryError, hint, disabled, newLayerWidth }: SettingFieldProps) {
  const { t } = useTranslation();
  const label = t(row.label);
  const input = row.input;
  if (input.kind === 'widthList') {
    return <LayerList widths={text as string[]} onChange={onChange} error={error} entryError={entryError} newWidth={newLayerWidth} />;
  }
  const className = view.accent ? 'arch-code-field' : undefined;
  if (input.kind === 'enum') {
    return (
      <Field label={label} error={error} hint={hint} labelHidden={view.labelHidden} className={className}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={text as string}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid={view.testId}
            onChange={(e) => onChange(input.options.find((o) => o === e.target.value) ?? (text as string))}
          >
            {input.options.map((o) => (
              <option key={o} value={o}>
                {t(`${view.options}.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  return (
    <Field label={label} error={error} hint={hint} labelHidden={view.labelHidden} className={className}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          inputMode={input.kind === 'decimal' ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          value={text as string}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={view.testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The encoder's widths, one input per layer from the input side, with remove and add. */
function LayerList({
  widths,
  onChange,
  error,
  entryError,
  newWidth,
}: {
  widths: string[];
  onChange: (widths: string[]) => void;
  error?: string;
  entryError?: (i: number) => string | undefined;
  newWidth?: () => number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field-hint">{widths.length === 0 ? t('architecture.noLayers') : t('architecture.layersHint')}</p>
      <ol className="arch-layers">
        {widths.map((w, i) => (
          <li key={i} className="arch-layer-row">
            <Field label={t('architecture.encoderLayer', { n: i + 1 })} error={entryError?.(i)}>
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={w}
                  aria-invalid={entryError?.(i) ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange(widths.map((x, j) => (j === i ? e.target.value : x)))}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--quiet arch-remove"
              onClick={() => onChange(widths.filter((_, j) => j !== i))}
              aria-label={t('architecture.removeLayer', { n: i + 1 })}
              title={t('architecture.removeLayer', { n: i + 1 })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {error && <p className="field-error">{error}</p>}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => onChange([...widths, String(newWidth?.() ?? 64)])}
        disabled={widths.length >= LIMITS.encoderLayers.max}
      >
        + {t('architecture.addLayer')}
      </button>
    </>
  );
}
