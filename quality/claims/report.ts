/**
 * docs/claims.json (for scripts) and docs/claims.md (for people), the second written from the
 * first. A run of some lessons replaces their records and keeps the others'.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { README, withClaimsTable } from '../../scripts/claimsReport.mjs';
import type { ClaimRecord, SeedResult } from './types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLAIMS_JSON = join(root, 'docs', 'claims.json');
export const CLAIMS_MD = join(root, 'docs', 'claims.md');

export function readClaimRecords(file = CLAIMS_JSON): ClaimRecord[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ClaimRecord[]) : [];
}

/** Replaces (or adds) one lesson's record and rewrites both files and the README's claims table. */
export function saveClaimRecord(record: ClaimRecord): void {
  const records = readClaimRecords().filter((r) => r.lesson !== record.lesson);
  records.push(record);
  records.sort((a, b) => a.order - b.order);
  writeFileSync(CLAIMS_JSON, `${JSON.stringify(records, null, 2)}\n`);
  writeFileSync(CLAIMS_MD, claimsMarkdown(records));
  writeFileSync(README, withClaimsTable(readFileSync(README, 'utf8'), records));
}

function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(1) : a >= 10 ? v.toFixed(2) : a >= 1 ? v.toFixed(3) : v.toFixed(4);
}

function cell(s: SeedResult): string {
  const guard = s.guard ? ` (${s.guard.metric} ${num(s.guard.value)})` : '';
  return `${num(s.value)}${guard} ${s.holds ? 'holds' : 'fails'}`;
}

const allHold = (seeds: SeedResult[]) => seeds.length > 0 && seeds.every((s) => s.holds);
const allFail = (seeds: SeedResult[]) => seeds.length > 0 && seeds.every((s) => !s.holds);

export function claimsMarkdown(records: ClaimRecord[]): string {
  const good = records.filter((r) => allHold(r.seeds) && allFail(r.control.seeds)).length;
  const seconds = records.reduce((t, r) => t + r.seconds, 0);
  const lines = [
    '# The lessons\' claims, each against its control',
    '',
    `Written by \`npm run claims\` (quality/claims/): each lesson's own preset and its control trained headless in Node ` +
      `(tfjs wasm backend, real MNIST) on seeds 1, 2 and 3, judged by the page's judge (src/lessons/claims.ts) at the ` +
      `epoch the claim names. The control is the run the lecture says should not have the property; the same check ` +
      `must fail on it. Figures: docs/claims.json.`,
    '',
    `${good} of ${records.length} claims hold on every seed with a control that fails on every seed. ` +
      `Total ${Math.round(seconds)} s on ${cpus().length} cores (shared machine; seconds per lesson below).`,
    '',
    '| # | lesson | claim | judged at epoch | seed 1 / 2 / 3 (target) | control | control seed 1 / 2 / 3 | s |',
    '| ---: | --- | --- | ---: | --- | --- | --- | ---: |',
    ...records.map((r) => {
      const targets = [...new Set(r.seeds.map((s) => num(s.target)))].join(', ');
      const rel = r.relation === 'lt' ? '<' : '>';
      return (
        `| ${r.order} | ${r.lesson} | ${r.claim} | ${r.epoch} | ${r.seeds.map(cell).join('; ')} (${r.metric} ${rel} ${targets}) | ` +
        `${r.control.name} | ${r.control.seeds.map(cell).join('; ')} | ${Math.round(r.seconds)} |`
      );
    }),
    '',
    ...records.flatMap((r) => (r.notes?.length ? [`**${r.order}. ${r.lesson}.** ${r.notes.join(' ')}`, ''] : [])),
  ];
  return lines.join('\n');
}
