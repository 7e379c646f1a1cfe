/**
 * Writes one quality table to docs/quality/<name>.md: what was trained, on what budget, on
 * which machine, and the measured rows, so a reader can hold the lessons against the
 * literature (../shared/REFERENCES.md) and rerun the measurement.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface QualityTable {
  /** File name under docs/quality/ without .md, e.g. 'dense'. */
  name: string;
  /** The data measured on, for the header line; 'real MNIST' when left out. */
  data?: string;
  title: string;
  /** What was trained and how long: model, data, epochs, batch, optimizer, seed. */
  budget: string;
  /** Column headings. */
  columns: string[];
  rows: (string | number)[][];
  /** Sentences under the table: the reference figures and what the numbers say. */
  notes?: string[];
  /** Wall-clock seconds the measurement took. */
  seconds: number;
}

function cell(v: string | number): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toFixed(4);
}

export function writeQualityTable(t: QualityTable): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`;
  const lines = [
    `# ${t.title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run quality -- quality/${t.name}.quality.ts\` ` +
      `in ${Math.round(t.seconds)} s on ${machine}; tfjs wasm backend, ${t.data ?? 'real MNIST'}.`,
    '',
    `Budget: ${t.budget}`,
    '',
    `| ${t.columns.join(' | ')} |`,
    `| ${t.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
    ...(t.notes ?? []).flatMap((n) => [n, '']),
  ];
  const file = join(root, 'docs', 'quality', `${t.name}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  return file;
}
