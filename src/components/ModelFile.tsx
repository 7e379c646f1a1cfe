import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/messages';
import { lab } from '../state/labBridge';
import { readModelFile } from '../state/modelFileReading';
import { useLab } from '../state/store';
import { MessageText } from './MessageText';
import './ModelFile.css';

/** File name extension of an exported model (see core/train/snapshotFile.ts for the layout). */
const EXTENSION = '.aelab';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; step: number; warnings: string[] }
  | { kind: 'refused'; problems: string[]; message?: Message }
  | { kind: 'failed' };

/**
 * Export the trained model to a .aelab file and import one back. A file is judged by its size
 * and header before it is read (state/modelFileReading.ts); an import that does not fit
 * the current architecture is refused with the list of what differs; the line under the buttons
 * says when the model was last saved in (or restored from) this browser.
 */
export function ModelFile() {
  const { t } = useTranslation();
  const booting = useLab((s) => s.booting);
  const saved = useLab((s) => s.savedModel);
  const restored = useLab((s) => s.restoredModel);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const download = useRef<string | undefined>(undefined);

  useEffect(() => () => {
    if (download.current) URL.revokeObjectURL(download.current);
  }, []);

  const exportModel = async () => {
    setBusy(true);
    try {
      const file = await lab.exportModelFile();
      if (!file) return setOutcome({ kind: 'failed' });
      const name = `autoencoder-step${file.step}${EXTENSION}`;
      if (download.current) URL.revokeObjectURL(download.current);
      download.current = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = download.current;
      a.download = name;
      a.click();
      setOutcome({ kind: 'exported', file: name });
    } finally {
      setBusy(false);
    }
  };

  const importModel = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      // Judged by its size and header before its body is read; a failed read is a refusal too.
      const read = await readModelFile(file);
      if (!read.ok) return setOutcome({ kind: 'refused', problems: read.problems, message: read.message });
      const r = await lab.importModelFile(read.bytes);
      setOutcome(r.ok ? { kind: 'imported', step: r.step, warnings: r.warnings } : { kind: 'refused', problems: r.problems });
    } finally {
      setBusy(false);
      // The same file can be chosen again after a refusal.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="model-file" role="group" aria-label={t('modelFile.label')}>
      <div className="model-file-buttons">
        <button type="button" className="button" data-testid="model-export" title={t('modelFile.exportHint')} disabled={booting || busy} onClick={() => void exportModel()}>
          {t('modelFile.export')}
        </button>
        <button type="button" className="button" data-testid="model-import" title={t('modelFile.importHint')} disabled={booting || busy} onClick={() => input.current?.click()}>
          {t('modelFile.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept={EXTENSION}
          hidden
          data-testid="model-import-file"
          aria-label={t('modelFile.import')}
          onChange={(e) => void importModel(e.target.files?.[0])}
        />
      </div>
      <div className="model-file-status" role="status" data-testid="model-file-status">
        {outcome.kind === 'exported' && t('modelFile.exported', { file: outcome.file })}
        {outcome.kind === 'failed' && t('modelFile.failed')}
        {outcome.kind === 'imported' && (
          <>
            {t('modelFile.imported', { step: outcome.step })}
            {outcome.warnings.length > 0 && <Issues title={t('modelFile.importWarnings')} items={outcome.warnings} />}
          </>
        )}
      </div>
      {outcome.kind === 'refused' && (
        <div className="model-file-refused" role="alert" data-testid="model-file-refused" data-code={outcome.message?.code}>
          {outcome.message && <MessageText message={outcome.message} className="model-file-issues-title" />}
          {outcome.problems.length > 0 && <Issues title={t('modelFile.refused')} items={outcome.problems} />}
        </div>
      )}
      {(saved || restored) && (
        <p className="model-file-saved" data-testid="model-saved" data-save-ms={saved?.ms === undefined ? undefined : Math.round(saved.ms)}>
          {saved ? t('modelFile.saved', { step: saved.step }) : t('modelFile.restored', { step: restored?.step ?? 0 })}
        </p>
      )}
    </div>
  );
}

function Issues({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <p className="model-file-issues-title">{title}</p>
      <ul className="model-file-issues">
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </>
  );
}
