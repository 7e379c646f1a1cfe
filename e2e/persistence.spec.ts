/**
 * Nothing lost: the trained model is saved in IndexedDB as it trains and comes back on reload
 * (step counter, loss history, codes of the same weights); it can be exported to a .aelab file
 * and imported back (also into a fresh page); a file of another architecture is refused with
 * what differs; a full storage quota is reported once while training goes on. The worker's
 * tensor count stays flat across export and import.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';

interface LabConsole {
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  applyConfig(config: unknown): Promise<boolean>;
  store: { getState(): LabStoreState };
}
interface LabStoreState {
  config: { model: { codeSize: number } };
  progress?: { step: number };
  history: { step: number }[];
  runState: string;
  savedModel?: { step: number };
  restoredModel?: { step: number; from: string };
  measurements?: { step: number; codeRadius95: number; knnAccuracy: number };
  errors: { message: { code: string } }[];
}
type LabWindow = Window & { __lab?: LabConsole };

const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    return {
      step: s.progress?.step ?? 0,
      historySteps: s.history.map((p) => p.step),
      runState: s.runState,
      saved: s.savedModel?.step,
      restored: s.restoredModel,
      measurements: s.measurements,
      codeSize: s.config.model.codeSize,
      errors: s.errors.map((e) => e.message.code),
    };
  });
const tensors = (page: Page) => page.evaluate(() => (window as LabWindow).__lab!.memory().then((m) => m.numTensors));

/** Trains for `ms`, pauses, and waits for the pause's save of the step it stopped at. */
async function trainAndPause(page: Page, ms: number): Promise<number> {
  const toggle = page.getByTestId('train-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(ms);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  // One step publishes the codes and measurements of the exact model, and saves it.
  await page.getByTestId('step-button').click();
  await page.waitForFunction(
    () => {
      const s = (window as LabWindow).__lab!.store.getState();
      return s.progress !== undefined && s.savedModel?.step === s.progress.step && s.measurements?.step === s.progress.step;
    },
    null,
    { timeout: 60_000 },
  );
  return (await state(page)).step;
}

test('a trained model is saved as it trains and restored on reload', async ({ page, backend, openLab }) => {
  test.setTimeout(300_000);
  await openLab();
  // Saved while running (every ~5 s), not only on pause.
  const toggle = page.getByTestId('train-toggle');
  await toggle.click();
  await page.waitForFunction(() => ((window as LabWindow).__lab!.store.getState().savedModel?.step ?? 0) > 0, null, { timeout: 90_000 });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  await page.getByTestId('step-button').click();
  await page.waitForFunction(() => {
    const s = (window as LabWindow).__lab!.store.getState();
    return s.progress !== undefined && s.savedModel?.step === s.progress.step && s.measurements?.step === s.progress.step;
  });
  const before = await state(page);
  expect(before.step).toBeGreaterThan(0);
  expect(before.historySteps.length).toBeGreaterThan(1);

  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveText(backend, { timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  await expect(page.getByTestId('metric-step')).toHaveText(String(before.step));
  const after = await state(page);
  expect(after.restored).toEqual({ step: before.step, from: 'storage' });
  expect(after.historySteps).toEqual(before.historySteps);
  // The codes come from the restored weights: the same code radius as before the reload.
  expect(after.measurements?.step).toBe(before.step);
  expect(after.measurements!.codeRadius95).toBeCloseTo(before.measurements!.codeRadius95, 4);
  expect(after.measurements!.knnAccuracy).toBeCloseTo(before.measurements!.knnAccuracy, 2);

  // Training goes on from the restored step.
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(before.step + 1), { timeout: 60_000 });
});

test('export to a file and import it back; another architecture is refused with what differs', async ({ page, browser, backend, openLab }, testInfo) => {
  test.setTimeout(300_000);
  await openLab();
  const step = await trainAndPause(page, 3_000);
  const trained = await state(page);
  const tensorsBefore = await tensors(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('model-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.aelab$/);
  const file = testInfo.outputPath('model.aelab');
  await download.saveAs(file);
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('AELABMLP');
  // Weights of the default MLP plus Adam's two moments: far more than a header.
  expect(bytes.length).toBeGreaterThan(100_000);
  expect(await tensors(page), 'tensors after export').toBe(tensorsBefore);

  // Import into the same page: the same tensors, one set replacing the other.
  await page.getByTestId('model-import-file').setInputFiles(file);
  await expect(page.getByTestId('model-file-status')).toContainText(`step ${step}`);
  expect(await tensors(page), 'tensors after import').toBe(tensorsBefore);

  // A fresh page (its own storage): the imported model computes the same codes.
  const fresh = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await fresh.goto(`./?backend=${backend}`);
  await expect(fresh.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  await expect(fresh.getByTestId('metric-step')).toHaveText('0');
  await fresh.getByTestId('model-import-file').setInputFiles(file);
  await expect(fresh.getByTestId('model-file-status')).toContainText(`step ${step}`);
  await expect(fresh.getByTestId('metric-step')).toHaveText(String(step));
  const imported = await state(fresh);
  expect(imported.restored).toEqual({ step, from: 'file' });
  expect(imported.measurements?.step).toBe(step);
  expect(imported.measurements!.codeRadius95).toBeCloseTo(trained.measurements!.codeRadius95, 4);

  // Another code size: refused, naming the difference, and the model is unchanged.
  const codeSize = imported.codeSize;
  const applied = await fresh.evaluate(async (n) => {
    const lab = (window as LabWindow).__lab!;
    const config = structuredClone(lab.store.getState().config) as { model: { codeSize: number } };
    config.model.codeSize = n;
    return lab.applyConfig(config);
  }, codeSize + 1);
  expect(applied).toBe(true);
  await expect(fresh.getByTestId('metric-step')).toHaveText('0');
  await fresh.getByTestId('model-import-file').setInputFiles(file);
  const refused = fresh.getByTestId('model-file-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText(`Code size ${codeSize} in the file, ${codeSize + 1} here`);
  await expect(fresh.getByTestId('metric-step')).toHaveText('0');

  // Not a model file at all.
  await fresh.getByTestId('model-import-file').setInputFiles({ name: 'notes.aelab', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(refused).toContainText('not an Autoencoder Lab model');
  await fresh.close();
});

test('a full storage quota is reported once and training goes on', async ({ page, openLab }) => {
  test.setTimeout(240_000);
  await openLab();
  // A real quota, not a stub: Chromium's own limit for this origin, set far below one model.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 1024 });
  const toggle = page.getByTestId('train-toggle');
  await toggle.click();
  await page.waitForFunction(() => (window as LabWindow).__lab!.store.getState().errors.some((e) => e.message.code === 'storage.full'), null, {
    timeout: 60_000,
  });
  const stepAtNotice = (await state(page)).step;
  // Several more save attempts (every ~5 s): training continues and the notice stays single.
  await page.waitForTimeout(12_000);
  const later = await state(page);
  expect(later.runState).toBe('running');
  expect(later.step).toBeGreaterThan(stepAtNotice);
  expect(later.errors.filter((code) => code === 'storage.full')).toHaveLength(1);
  // Worded on the page in the reader's language (here English).
  await expect(page.locator('[data-code="storage.full"]')).toContainText("The browser's storage is full");
  expect(later.saved).toBeUndefined();
  await toggle.click();
});
