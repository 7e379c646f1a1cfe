/**
 * docs/claims.json (`npm run claims`) against the lessons as the page judges them, no training:
 * every measured lesson states the researched claim, judges it at the epoch it was measured at,
 * and its check still holds on the three seeds and fails on every seed of the control. Moving a
 * threshold so far that a control passes (or the claim fails) fails here.
 */
import { describe, expect, it } from 'vitest';
import { readClaims, type ClaimsRecord, type SeedRecord } from '../../scripts/claimsReport.mjs';
import { evaluateClaim, type ClaimInputs } from './claims';
import { findLesson } from './index';
import type { ClaimCheck } from './types';

const records = readClaims();

/** The baseline a seed was compared with, from the target and the check that made it. */
function baselineOf(record: ClaimsRecord, seed: SeedRecord): number | undefined {
  const c = record.check;
  if (c.compare !== 'baseline') return undefined;
  return (seed.target - (c.margin as number)) / (c.factor as number);
}

/** The page's verdict on one recorded seed under `check`. */
function verdict(check: ClaimCheck, record: ClaimsRecord, seed: SeedRecord): string {
  const current: ClaimInputs['current'] = { [check.metric]: seed.value };
  if (seed.guard) Object.assign(current, { [seed.guard.metric]: seed.guard.value });
  const baseline = baselineOf(record, seed);
  const inputs: ClaimInputs = {
    epoch: Math.max(seed.epoch, check.minEpochs),
    current,
    baseline: baseline === undefined ? {} : { [check.metric]: baseline },
    initial: {},
  };
  return evaluateClaim(check, inputs).state;
}

describe('docs/claims.json against the lessons', () => {
  it('has records to check, each holding on every seed with a control failing on every seed', () => {
    expect(records.length).toBeGreaterThanOrEqual(15);
    for (const r of records) {
      expect(r.seeds.map((s) => s.holds), r.lesson).toEqual([true, true, true]);
      expect(r.control.seeds.map((s) => s.holds), r.lesson).toEqual([false, false, false]);
    }
  });

  for (const record of records) {
    describe(record.lesson, () => {
      const lesson = findLesson(record.lesson);

      it('states the researched claim and judges it at the measured epoch', () => {
        expect(lesson, 'a lesson of that id').toBeDefined();
        const check = lesson!.claim.check;
        expect(lesson!.claim.text.en).toBe(record.claim);
        expect(check.metric).toBe(record.metric);
        expect(check.relation).toBe(record.relation);
        expect(check.minEpochs).toBe(record.epoch);
        expect(check.compare).toBe(record.check.compare);
        expect(check.guard?.metric).toBe((record.check.guard as { metric?: string } | undefined)?.metric);
      });

      it("the lesson's check holds on every seed and fails on every seed of the control", () => {
        const check = lesson!.claim.check;
        expect(record.seeds.map((s) => verdict(check, record, s))).toEqual(['holds', 'holds', 'holds']);
        expect(record.control.seeds.map((s) => verdict(check, record, s))).toEqual(['fails', 'fails', 'fails']);
      });
    });
  }

  it('would catch a threshold that lets the control pass', () => {
    const r = records.find((x) => x.lesson === 'anomaly-detection')!;
    const loose: ClaimCheck = { metric: 'anomalyAuroc', compare: 'fixed', relation: 'gt', value: 0.95, minEpochs: r.epoch };
    expect(r.control.seeds.map((s) => verdict(loose, r, s))).toContain('holds');
  });
});
