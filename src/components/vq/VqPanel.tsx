import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_SIZE } from '../../core/config';
import { lab } from '../../state/labBridge';
import { useLab } from '../../state/store';
import { Digit, VqDigitRows, type Pick } from './VqDigitRows';
import { VqCodebook } from './VqCodebook';
import '../variants/variants.css';
import './vq.css';

/** Showcase digits shown with their indices (one per class, from 0). */
const ROWS = 5;

/**
 * The VQ-VAE's discrete codes (model.kind 'vq'): a few test digits with their code indices and
 * what the decoder draws from them; the reader picks a position and changes its index (the
 * row is decoded again at once), or picks a code to see it at every position; beside them the
 * codebook's use and its perplexity over training. Indices and edits are plain numbers; the
 * worker decodes them (LabApi.decodeIndices).
 */
export function VqPanel() {
  const { t } = useTranslation();
  const id = useId();
  const vq = useLab((s) => s.vq);
  const sample = useLab((s) => s.testSample);
  const history = useLab((s) => s.vqHistory);
  const [edits, setEdits] = useState<Record<number, Int32Array>>({});
  const [picked, setPicked] = useState<Pick | undefined>();
  const [pickedCode, setPickedCode] = useState<number | undefined>();
  const [typed, setTyped] = useState<string | undefined>();
  /** The rows' decoded images and the step of the codes they were decoded for. */
  const [decoded, setDecoded] = useState<{ pixels: Float32Array; step: number } | undefined>();
  const [everywhere, setEverywhere] = useState<{ k: number; pixels: Float32Array } | undefined>();
  const K = vq?.codebookSize ?? 0;
  const positions = vq?.positions ?? 0;
  const rows = Math.min(ROWS, vq?.n ?? 0, sample?.showcase.length ?? 0);

  // A model with another codebook shape: the edits and picks no longer mean anything.
  const shape = `${K}x${positions}`;
  const [seenShape, setSeenShape] = useState(shape);
  if (seenShape !== shape) {
    setSeenShape(shape);
    setEdits({});
    setPicked(undefined);
    setPickedCode(undefined);
  }

  /** [rows, positions]: the model's indices with the reader's edited rows over them. */
  const shown = useMemo(() => {
    const out = new Int32Array(rows * positions);
    if (!vq) return out;
    for (let r = 0; r < rows; r++) out.set(edits[r] ?? vq.showcaseIndices.subarray(r * positions, (r + 1) * positions), r * positions);
    return out;
  }, [vq, edits, rows, positions]);

  const images = useMemo(() => {
    if (!sample) return undefined;
    const out = new Uint8Array(rows * IMAGE_SIZE);
    for (let r = 0; r < rows; r++) out.set(sample.images.subarray(sample.showcase[r] * IMAGE_SIZE, (sample.showcase[r] + 1) * IMAGE_SIZE), r * IMAGE_SIZE);
    return out;
  }, [sample, rows]);
  const labels = useMemo(() => (sample ? sample.showcase.slice(0, rows).map((i) => sample.labels[i]) : []), [sample, rows]);

  // Decode the rows as shown (latest request wins: an older answer arriving late is dropped).
  const decodeRequest = useRef(0);
  useEffect(() => {
    if (!vq || rows === 0) return;
    const request = ++decodeRequest.current;
    const step = vq.step;
    void lab.decodeIndices(shown, rows).then((pixels) => {
      if (pixels && request === decodeRequest.current) setDecoded({ pixels, step });
    });
  }, [vq, shown, rows]);

  // The picked code at every position, redrawn as the model trains.
  const everywhereRequest = useRef(0);
  useEffect(() => {
    if (!vq || pickedCode === undefined || pickedCode >= K) return;
    const request = ++everywhereRequest.current;
    void lab.decodeIndices(new Int32Array(positions).fill(pickedCode), 1).then((pixels) => {
      if (pixels && request === everywhereRequest.current) setEverywhere({ k: pickedCode, pixels });
    });
  }, [vq, pickedCode, positions, K]);

  const setIndex = (p: Pick, k: number) => {
    const row = Int32Array.from(shown.subarray(p.row * positions, (p.row + 1) * positions));
    row[p.position] = k;
    setEdits((e) => ({ ...e, [p.row]: row }));
  };
  const pick = (p: Pick) => {
    setPicked(p);
    setTyped(undefined);
    setPickedCode(shown[p.row * positions + p.position]);
  };
  const pickCode = (k: number) => {
    setPickedCode(k);
    setTyped(undefined);
    // With a position picked, the code goes there: "that index swapped into the digit's code".
    if (picked) setIndex(picked, k);
  };
  const edited = (row: number, position: number) => {
    const e = edits[row];
    return !!e && !!vq && e[position] !== vq.showcaseIndices[row * positions + position];
  };

  const max = K - 1;
  const current = picked ? shown[picked.row * positions + picked.position] : undefined;
  const text = typed ?? (current === undefined ? '' : String(current));
  const typedValue = Number(text.trim());
  const typedProblem = typed !== undefined && !(text.trim() !== '' && Number.isInteger(typedValue) && typedValue >= 0 && typedValue <= max);

  return (
    <section
      className="variant-view vq-panel"
      data-testid="vq-codes"
      aria-labelledby="vq-codes-title"
      data-codes-step={vq?.step}
      data-decoded-step={decoded?.step}
    >
      <h2 id="vq-codes-title">{t('vq.codes.title')}</h2>
      <p className="panel-intro">{t('vq.codes.help')}</p>
      {!vq || !images ? (
        <p className="waiting">{t('vq.codes.waiting')}</p>
      ) : (
        <div className="vq-layout">
          <div>
            <VqDigitRows images={images} labels={labels} indices={shown} positions={positions} edited={edited} decoded={decoded?.pixels} picked={picked} onPick={pick} />
            <div className="vq-editor" data-testid="vq-editor">
              {picked ? (
                <>
                  <h3>{t('vq.codes.editorTitle', { label: labels[picked.row], position: picked.position + 1 })}</h3>
                  <div className={typedProblem ? 'field field--invalid' : 'field'}>
                    <label htmlFor={`${id}-index`}>{t('vq.codes.indexLabel', { max })}</label>
                    <input
                      id={`${id}-index`}
                      type="number"
                      min={0}
                      max={max}
                      step={1}
                      value={text}
                      aria-invalid={typedProblem || undefined}
                      aria-describedby={`${id}-index-note`}
                      data-testid="vq-index-input"
                      onChange={(e) => {
                        const v = e.target.value;
                        setTyped(v);
                        const k = Number(v.trim());
                        if (v.trim() !== '' && Number.isInteger(k) && k >= 0 && k <= max) {
                          setIndex(picked, k);
                          setPickedCode(k);
                        }
                      }}
                    />
                    <p id={`${id}-index-note`} className={typedProblem ? 'field-error' : 'field-hint'}>
                      {typedProblem ? t('vq.codes.indexProblem', { max }) : t('vq.codes.pickHint')}
                    </p>
                  </div>
                  <div className="vq-editor-actions">
                    <button type="button" className="button" data-testid="vq-restore" disabled={!edits[picked.row]} onClick={() => {
                      setEdits(({ [picked.row]: _dropped, ...rest }) => rest);
                      setTyped(undefined);
                      setPickedCode(vq.showcaseIndices[picked.row * positions + picked.position]);
                    }}>
                      {t('vq.codes.restore')}
                    </button>
                    <button type="button" className="button" data-testid="vq-restore-all" disabled={Object.keys(edits).length === 0} onClick={() => {
                      setEdits({});
                      setTyped(undefined);
                      setPickedCode(vq.showcaseIndices[picked.row * positions + picked.position]);
                    }}>
                      {t('vq.codes.restoreAll')}
                    </button>
                  </div>
                </>
              ) : (
                <p className="field-hint">{t('vq.codes.pickHint')}</p>
              )}
              {everywhere && everywhere.k === pickedCode && (
                <figure className="vq-everywhere">
                  <Digit pixels={everywhere.pixels} index={0} label={t('vq.codes.everywhereLabel', { index: everywhere.k, count: positions })} testId="vq-everywhere" />
                  <figcaption>
                    <strong>{t('vq.codes.everywhere', { index: everywhere.k })}</strong>
                    <span className="field-hint">{t('vq.codes.everywhereHint')}</span>
                  </figcaption>
                </figure>
              )}
            </div>
          </div>
          <div>
            <h3>{t('vq.usage.title')}</h3>
            <VqCodebook usage={vq.usage} count={vq.count} perplexity={vq.perplexity} codesUsed={vq.codesUsed} history={history} pickedCode={pickedCode} onPickCode={pickCode} />
          </div>
        </div>
      )}
    </section>
  );
}
