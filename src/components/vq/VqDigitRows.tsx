import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitPixels } from '../digitCanvas';
import { drawDigit } from '../digitCanvas';

export interface Pick {
  row: number;
  position: number;
}

interface Props {
  /** The rows' test digits [rows, 784] (uint8) and their labels. */
  images: DigitPixels;
  labels: number[];
  /** [rows, positions] the indices shown (the model's, or the reader's edits). */
  indices: Int32Array;
  positions: number;
  /** Rows whose indices the reader changed, and which positions. */
  edited: (row: number, position: number) => boolean;
  /** [rows, 784] decoded from `indices`, in [0, 1]; undefined until the first decode. */
  decoded?: Float32Array;
  picked?: Pick;
  onPick: (p: Pick) => void;
}

/**
 * One row per test digit: the digit, its code indices as buttons (click: pick that position),
 * and the image the decoder draws from exactly those indices.
 */
export function VqDigitRows({ images, labels, indices, positions, edited, decoded, picked, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <table className="vq-rows" data-testid="vq-rows">
      <thead>
        <tr>
          <th scope="col">{t('vq.codes.digit')}</th>
          <th scope="col">{t('vq.codes.indices')}</th>
          <th scope="col">{t('vq.codes.decoded')}</th>
        </tr>
      </thead>
      <tbody>
        {labels.map((label, row) => {
          const rowIndices = Array.from(indices.subarray(row * positions, (row + 1) * positions));
          return (
            <tr key={row} data-testid={`vq-row-${row}`} aria-label={t('vq.codes.rowLabel', { label, indices: rowIndices.join(' ') })}>
              <td>
                <Digit pixels={images} index={row} label={String(label)} testId={`vq-digit-${row}`} />
              </td>
              <td>
                <div className="vq-chips">
                  {rowIndices.map((k, position) => {
                    const isPicked = picked?.row === row && picked.position === position;
                    const classes = ['vq-chip', isPicked ? 'vq-chip--picked' : '', edited(row, position) ? 'vq-chip--edited' : ''].join(' ');
                    return (
                      <button
                        key={position}
                        type="button"
                        className={classes.trim()}
                        aria-pressed={isPicked}
                        aria-label={t('vq.codes.indexButton', { position: position + 1, label, index: k })}
                        data-testid={`vq-index-${row}-${position}`}
                        onClick={() => onPick({ row, position })}
                      >
                        {k}
                      </button>
                    );
                  })}
                </div>
              </td>
              <td>
                <Digit
                  pixels={decoded}
                  index={row}
                  label={t('vq.codes.decodedLabel', { label, count: positions })}
                  testId={`vq-decoded-${row}`}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One 28 x 28 image of `pixels` ([n, 784]) on its own canvas, redrawn when the pixels change. */
export function Digit({ pixels, index, label, testId }: { pixels?: DigitPixels; index: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current && pixels) drawDigit(canvas.current, pixels, index);
  }, [pixels, index]);
  return <canvas ref={canvas} width={28} height={28} className="vq-digit" role="img" aria-label={label} data-testid={testId} />;
}
