import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  architectureString,
  CODE_LANGUAGES,
  DEFAULT_EPOCHS,
  exportCode,
  FILE_NAME,
  INSTALL,
  type CodeLanguage,
} from '../core/kinds/mlp/exportCode';
import { useLab } from '../state/store';
import './ShowAsCode.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long the "Copied" confirmation stays, in milliseconds. */
const CONFIRMATION_MS = 2500;

/**
 * "Show as code": a button that opens a dialog with the current model and training settings
 * as a Keras or PyTorch script (tabs), a Copy button with a visible confirmation, and a
 * download of the .py file. The code follows the store's config, so it always shows the
 * model in use.
 */
export function ShowAsCode() {
  const { t, i18n } = useTranslation();
  const config = useLab((s) => s.config);
  const [language, setLanguage] = useState<CodeLanguage>('keras');
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  const tabRefs = useRef<Partial<Record<CodeLanguage, HTMLButtonElement | null>>>({});
  const id = useId();
  const code = useMemo(() => exportCode(config, language), [config, language]);

  // A confirmation or a refusal belongs to the text it was about: a new text clears it.
  useEffect(() => setCopyState('idle'), [code]);
  useEffect(() => {
    if (copyState !== 'copied') return;
    const timer = setTimeout(() => setCopyState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copyState]);

  const open = () => dialogRef.current?.showModal();
  const close = () => dialogRef.current?.close();

  const selectCode = () => {
    const node = codeRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      // Absent outside secure contexts (plain http), and refused when permission is denied.
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
      selectCode();
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([code], { type: 'text/x-python' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME[language];
    link.click();
    // Revoked later: some browsers start the download after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // Tabs pattern (WAI-ARIA): arrow keys, Home and End move between the tabs and select them.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = CODE_LANGUAGES.indexOf(language);
    const last = CODE_LANGUAGES.length - 1;
    const next =
      e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
      : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : -1;
    if (next < 0) return;
    e.preventDefault();
    const target = CODE_LANGUAGES[next];
    setLanguage(target);
    tabRefs.current[target]?.focus();
  };

  const framework = t(`exportCode.${language}`);
  const architecture = architectureString(config.model);
  const titleId = `${id}-title`;
  const panelId = `${id}-panel`;
  const tabId = (l: CodeLanguage) => `${id}-tab-${l}`;

  return (
    <>
      <button
        type="button"
        ref={openerRef}
        className="button show-as-code-open"
        aria-haspopup="dialog"
        onClick={open}
        // The scripts build the dense autoencoder and its variants; the other kinds are not exported (yet).
        disabled={config.model.kind !== 'mlp'}
        title={config.model.kind !== 'mlp' ? t('kinds.exportNotYet', { kind: t(`kinds.editor.option.${config.model.kind}`) }) : undefined}
        data-testid="show-as-code-open"
      >
        {t('exportCode.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="show-as-code"
        aria-labelledby={titleId}
        data-testid="show-as-code-dialog"
        onClose={() => openerRef.current?.focus()}
        // A click on the backdrop lands on the dialog element itself: close, as Escape does.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
      >
        <div className="show-as-code-body">
          <header className="show-as-code-header">
            <h2 id={titleId}>{t('exportCode.title')}</h2>
            <button type="button" className="button button--quiet" onClick={close} data-testid="show-as-code-close">
              {t('exportCode.close')}
            </button>
          </header>
          <p className="show-as-code-intro">
            {t('exportCode.intro', { trainSize: new Intl.NumberFormat(i18n.language).format(config.train.trainSize) })}
          </p>
          <div className="show-as-code-bar">
            <div role="tablist" aria-label={t('exportCode.tabs')} className="show-as-code-tabs">
              {CODE_LANGUAGES.map((l) => (
                <button
                  key={l}
                  ref={(el) => {
                    tabRefs.current[l] = el;
                  }}
                  type="button"
                  role="tab"
                  id={tabId(l)}
                  aria-selected={l === language}
                  aria-controls={panelId}
                  tabIndex={l === language ? 0 : -1}
                  className="show-as-code-tab"
                  onClick={() => setLanguage(l)}
                  onKeyDown={onTabKey}
                  data-testid={`show-as-code-tab-${l}`}
                >
                  {t(`exportCode.${l}`)}
                </button>
              ))}
            </div>
            <div className="show-as-code-actions">
              <span
                className={`show-as-code-status show-as-code-status--${copyState}`}
                role="status"
                data-testid="show-as-code-status"
              >
                {copyState === 'copied' && t('exportCode.copied')}
              </span>
              <button type="button" className="button" onClick={download} data-testid="show-as-code-download">
                {t('exportCode.download', { file: FILE_NAME[language] })}
              </button>
              <button type="button" className="button button--primary" onClick={() => void copy()} data-testid="show-as-code-copy">
                {t('exportCode.copy')}
              </button>
            </div>
          </div>
          {copyState === 'failed' && (
            <p className="show-as-code-refused" role="alert" data-testid="show-as-code-refused">
              {t('exportCode.copyFailed')}
            </p>
          )}
          <div role="tabpanel" id={panelId} aria-labelledby={tabId(language)} className="show-as-code-panel">
            <pre
              className="show-as-code-pre"
              tabIndex={0}
              aria-label={t('exportCode.codeLabel', { framework, architecture })}
            >
              <code ref={codeRef} data-testid="show-as-code-code" data-language={language}>
                {code}
              </code>
            </pre>
          </div>
          <p className="show-as-code-run">
            {t('exportCode.run', { file: FILE_NAME[language], install: INSTALL[language], epochs: DEFAULT_EPOCHS })}
          </p>
        </div>
      </dialog>
    </>
  );
}
