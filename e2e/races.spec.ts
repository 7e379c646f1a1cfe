/**
 * The last link or edit wins (issue 11, item 3), in the real page with the real worker:
 * thirty lesson switches in four seconds build the model of the last one (the worker skips a
 * configure as soon as a newer one has arrived, worker/runChannel.ts `asked`), not each in turn,
 * and Train steps that one. Counted, not timed: the worker's runs begun by cause.
 * (A saved model restored only into exactly its own settings: e2e/storage.spec.ts.)
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import { expect, test } from './fixtures';
import { announced, labState, type LabWindow } from './labConsole';

test('thirty lesson switches in four seconds: one build for the last lesson, and Train steps it', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab();
  await announced(page);
  const built = () => page.evaluate(async () => (await (window as LabWindow).__lab!.memory()).runsBegun.configure);
  const before = await built();
  // The lessons that train the MNIST autoencoder, as the navigator links them.
  const links = await page.getByTestId('lesson-nav').locator('a[href*="lesson="]').evaluateAll((as) =>
    as.map((a) => a.getAttribute('href')!).filter((h) => !/lesson=(text-retrieval|pretraining)&/.test(h)),
  );
  expect(links.length).toBeGreaterThan(10);
  // Ends on the first lesson (a small dense model: the time goes to the switches, not its build).
  const sequence = Array.from({ length: 30 }, (_, i) => links[(i + 1 + links.length - (30 % links.length)) % links.length]);
  expect(sequence.at(-1)).toBe(links[0]);
  await page.evaluate(async (hashes) => {
    for (const hash of hashes) {
      location.hash = hash;
      await new Promise((r) => setTimeout(r, 4000 / hashes.length));
    }
  }, sequence);
  const lastLesson = /lesson=([^&]+)/.exec(sequence.at(-1)!)![1];
  await page.waitForFunction((id) => (window as LabWindow).__lab!.store.getState().lessonId === id, lastLesson);
  const run = await announced(page, 120_000);
  const s = await labState(page);
  expect(run.announced?.config).toEqual(s.config);
  // A build that begins runs to its end (about a second each on 2 cores), and the switches go on for
  // 4 s: a few builds finish between them, then only the last is built. Built one by one, as
  // before runChannel.asked had its messages read first, it was 28 of 30.
  const builds = (await built()) - before;
  console.log(`30 lesson switches: ${builds} models built`);
  expect(builds).toBeLessThanOrEqual(5);

  await page.getByTestId('train-toggle').click();
  await page.waitForFunction(() => ((window as LabWindow).__lab!.store.getState().progress?.step ?? 0) > 0, null, { timeout: 60_000 });
  expect((await labState(page)).progress?.runId).toBe(run.id);
  await page.getByTestId('train-toggle').click();
});
