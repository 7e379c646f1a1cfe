/**
 * When two configurations are the same experiment: equal once validated (defaults filled in,
 * other kinds' fields dropped), compared as canonical JSON. A saved model is restored only into
 * exactly its own configuration (state/modelSaving.ts, worker/lab.worker.ts importModel).
 */
import { checkConfig } from './config';

/** JSON with object keys sorted at every level, so equal configs give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The canonical text of a config in its validated form (the config itself if it does not validate). */
export function configText(config: unknown): string {
  const checked = checkConfig(config);
  return canonicalJson(checked.ok ? checked.config : config);
}

/** True when `a` and `b` are the same configuration, setting for setting. */
export function sameConfig(a: unknown, b: unknown): boolean {
  return configText(a) === configText(b);
}
