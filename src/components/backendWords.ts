/**
 * The backend report's codes (worker/backendReport.ts) in the reader's language: the sentences
 * of the "Why?" list. Pure functions of a translate function, so they are tested in Node.
 */
import { plainInteger } from '../app/format';
import type { BackendCandidate, CandidateReason, ThreadsReport } from '../worker/api';

/** i18next's `t`, as much of it as these need. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The parameters a reason's sentence interpolates. */
function reasonValues(r: CandidateReason): Record<string, string | number> {
  switch (r.code) {
    case 'forcedOther':
      return { forced: r.forced };
    case 'probeLate':
      return { seconds: plainInteger(r.seconds) };
    case 'fastest':
    case 'onlyPassed':
      return { speed: plainInteger(r.samplesPerSec) };
    case 'slower':
      return { speed: plainInteger(r.samplesPerSec), chosen: r.chosen, chosenSpeed: plainInteger(r.chosenSamplesPerSec) };
    case 'notNeeded':
      return { chosen: r.chosen };
    default:
      return {};
  }
}

/** Words from outside the lab that come with a reason (a browser's error, the self-check's finding). */
function reasonDetail(r: CandidateReason): string | undefined {
  if (r.code === 'selfCheckFailed') return r.detail;
  return 'error' in r && r.error ? r.error : undefined;
}

/** A candidate's reason as one or two sentences. */
export function reasonWords(t: Translate, r: CandidateReason): string {
  const sentence = t(`backendWhy.reason.${r.code}`, reasonValues(r));
  const detail = reasonDetail(r);
  return detail ? `${sentence} ${t('backendWhy.detail', { text: detail })}` : sentence;
}

/** How many threads wasm computes with and, when one, why. */
export function threadsWords(t: Translate, threads: ThreadsReport): string {
  const values = { count: threads.count, cores: threads.cores };
  if (threads.count > 1) return t('backendWhy.threads.many', values);
  const parts = [t('backendWhy.threads.one', values)];
  if (threads.why) parts.push(t(`backendWhy.threads.why.${threads.why}`));
  if (threads.error) parts.push(t('backendWhy.detail', { text: threads.error }));
  return parts.join(' ');
}

/** The sentences the "Why?" list shows for a candidate, in reading order (threads apart: threadsWords). */
export function candidateWords(t: Translate, c: BackendCandidate): string[] {
  const lines: string[] = [];
  if (c.software && c.adapter) lines.push(t('backendWhy.software', { adapter: c.adapter }));
  lines.push(reasonWords(t, c.reason));
  if (c.forModel) lines.push(c.forModel.code === 'inUse' ? t('backendWhy.forModel.inUse') : t('backendWhy.forModel.cannotTrain', { detail: c.forModel.detail }));
  return lines;
}
