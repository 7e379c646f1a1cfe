/**
 * The README's claims table is docs/claims.json as scripts/claimsReport.mjs writes it: a figure
 * typed into the README by hand, or a JSON that changed without `node scripts/claimsReport.mjs`, fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, claimsTable, END, README, readClaims, withClaimsTable } from './claimsReport.mjs';

describe('README claims table', () => {
  it('is the table generated from docs/claims.json', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(BEGIN);
    expect(readme).toContain(END);
    expect(readme).toBe(withClaimsTable(readme, readClaims()));
  });

  it('has one row per record, with every seed value of the record', () => {
    const records = readClaims();
    const rows = claimsTable(records).split('\n').slice(2);
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, i) => {
      expect(row).toContain(`| ${records[i].lesson} |`);
      expect(row.split('|').length).toBe(11);
    });
  });

  it('refuses a README without the markers', () => {
    expect(() => withClaimsTable('# no table here\n', readClaims())).toThrow(/markers/);
  });
});
