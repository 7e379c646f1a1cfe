/**
 * `npm run claims`: every lesson's claim on its preset and on its control, seeds 1-3, judged at
 * the epoch the claim names; writes docs/claims.json and docs/claims.md. One lesson:
 * `npm run claims -- -t <lesson id>` (the other lessons' records are kept).
 */
import { expect, it } from 'vitest';
import { findLesson } from '../../src/lessons';
import { judge } from './judge';
import { saveClaimRecord } from './report';
import type { Arm, ClaimRecord, LessonClaimRun, SeedResult } from './types';

export const SEEDS = [1, 2, 3] as const;

const modules = import.meta.glob<LessonClaimRun>('./lessons/*.ts', { eager: true, import: 'run' });
const runs = Object.values(modules).sort((a, b) => (findLesson(a.lesson)?.order ?? 99) - (findLesson(b.lesson)?.order ?? 99));

async function arm(run: LessonClaimRun, which: Arm): Promise<SeedResult[]> {
  const results: SeedResult[] = [];
  for (const seed of SEEDS) {
    const t0 = performance.now();
    const result = judge(run.check, seed, await run.measure(seed, which));
    console.log(`${run.lesson} ${which} seed ${seed}: ${JSON.stringify(result)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    results.push(result);
  }
  return results;
}

for (const run of runs) {
  it(run.lesson, async () => {
    const lesson = findLesson(run.lesson);
    if (!lesson) throw new Error(`no lesson ${run.lesson}`);
    const t0 = performance.now();
    const seeds = await arm(run, 'claim');
    const control = await arm(run, 'control');
    const record: ClaimRecord = {
      lesson: run.lesson,
      order: lesson.order,
      claim: run.claim,
      metric: run.check.metric,
      relation: run.check.relation,
      epoch: run.check.minEpochs,
      check: run.check,
      seeds,
      control: { name: run.control.name, seeds: control },
      seconds: (performance.now() - t0) / 1000,
      notes: run.notes,
    };
    saveClaimRecord(record);
    expect(seeds.map((s) => s.holds), 'the claim on seeds 1-3').toEqual([true, true, true]);
    expect(control.map((s) => s.holds), 'the control on seeds 1-3').toEqual([false, false, false]);
  });
}
