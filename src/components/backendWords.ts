/**
 * The backend report's codes (worker/backendReport.ts) in the reader's language: the sentences
 * of the "Why?" list. Pure functions of a translate function, so they are tested in Node.
 */
import { plainInteger } from '../i18n/format';
import type { BackendCandidate, CandidateReason, ThreadsReport } from '../worker/api';

/** i18next's `t`, as much of it as these need. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A reason's parameters as its sentence shows them (speeds as whole samples per second). */
function reasonValues(r: CandidateReason): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.params as Record<string, string | number>)) {
    values[name] = typeof value === 'number' ? plainInteger(value) : value;
  }
  return values;
}

/** A candidate's reason as a sentence, with the outside words that came with it (an error, the self-check's finding). */
export function reasonWords(t: Translate, r: CandidateReason): string {
  const sentence = t(`backendWhy.reason.${r.code}`, reasonValues(r));
  return r.detail ? `${sentence} ${t('backendWhy.detail', { text: r.detail })}` : sentence;
}

/** Both builds' speeds as measured at start-up. */
function measuredWords(t: Translate, m: NonNullable<ThreadsReport['measured']>): string {
  return t('backendWhy.threads.measured', { threads: m.threads, threaded: plainInteger(m.threaded), single: plainInteger(m.single) });
}

/** How many threads wasm computes with and, when one, why. */
export function threadsWords(t: Translate, threads: ThreadsReport): string {
  const values = { count: threads.count, cores: threads.cores };
  if (threads.count > 1) return [t('backendWhy.threads.many', values), ...(threads.measured ? [measuredWords(t, threads.measured)] : [])].join(' ');
  const parts = [t('backendWhy.threads.one', values)];
  if (threads.why) parts.push(t(`backendWhy.threads.why.${threads.why}`));
  if (threads.error) parts.push(t('backendWhy.detail', { text: threads.error }));
  if (threads.measured) parts.push(measuredWords(t, threads.measured));
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
