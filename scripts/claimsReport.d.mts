// Types for claimsReport.mjs (scripts/claimsReport.test.ts imports it under `strict`).
export interface SeedRecord {
  seed: number;
  value: number;
  target: number;
  holds: boolean;
  epoch: number;
  guard?: { metric: string; value: number; target: number };
}
/** One record of docs/claims.json (quality/claims/types.ts ClaimRecord). */
export interface ClaimsRecord {
  lesson: string;
  order: number;
  claim: string;
  metric: string;
  relation: 'lt' | 'gt';
  epoch: number;
  check: Record<string, unknown> & { metric: string; relation: 'lt' | 'gt'; minEpochs: number; compare: 'fixed' | 'baseline' | 'initial' };
  seeds: SeedRecord[];
  control: { name: string; seeds: SeedRecord[] };
  seconds: number;
  notes?: string[];
}
export const BEGIN: string;
export const END: string;
export const README: string;
export const CLAIMS_JSON: string;
export function claimsTable(records: ClaimsRecord[]): string;
export function withClaimsTable(readme: string, records: ClaimsRecord[]): string;
export function readClaims(file?: string): ClaimsRecord[];
