/**
 * Every model kind the lab trains, on wasm: one page opens a tiny model of each kind in turn
 * from a free-lab link (the hash changes in place, as a followed lesson link does), trains it
 * until its test loss falls by a tenth. Where the backend lacks what a kind needs the lab must
 * say so and train on the next checked backend (worker/kindBackend.ts): then the notice names
 * the reason, and the loss still falls. Issue 4: "each must train on the webgpu, webgl and wasm
 * backends": the software-GPU projects train the kinds with kernels of their own
 * (e2e/kindsTable.ts) a few steps each, in the one page they boot (e2e/softwareGpu.spec.ts).
 */
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { hashOf, KINDS } from './kindsTable';
import { readMetric, watchMetric } from './labPage';

test('every model kind trains on the project\'s backend (or says why not) and its test loss falls', async ({ page, backend }, testInfo) => {
  const perKind = 60_000;
  test.setTimeout(BOOT_TIMEOUT_MS + KINDS.length * (perKind + 30_000));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./?backend=${backend}#${hashOf(KINDS[0].fields)}`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  const toggle = page.getByTestId('train-toggle');

  for (const [i, kind] of KINDS.entries()) {
    await test.step(`kind ${kind.name}`, async () => {
      const t0 = Date.now();
      if (i > 0) {
        await page.evaluate((h) => (location.hash = h), hashOf(kind.fields));
        // The new model is built when the kind shows in the editor and the old run's numbers are gone.
        await expect(page.getByTestId('model-kind')).toHaveValue(kind.fields.kind, { timeout: perKind });
        await expect(page.getByTestId('metric-test-loss')).not.toHaveText(/^\d/, { timeout: perKind });
      }
      await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
      await expect(toggle).toBeEnabled({ timeout: perKind });
      // One step measures the test loss of the (nearly) untrained model.
      await page.getByTestId('step-button').click();
      await expect(page.getByTestId('metric-test-loss')).toHaveText(/^\d/, { timeout: perKind });
      const first = await readMetric(page, 'metric-test-loss');
      await expect(toggle).toBeEnabled({ timeout: perKind });
      await toggle.click();
      const seen = await watchMetric(page, 'metric-test-loss', (v) => v < 0.9 * first, perKind);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: perKind });
      const badge = (await page.getByTestId('backend-badge').textContent())?.trim();
      // Moved to another checked backend: the page must say why.
      if (badge !== backend) await expect(page.getByText(/missing on|self-check/).first()).toBeVisible();
      testInfo.annotations.push({
        type: `kind ${kind.name}`,
        description: `${backend} (trained on ${badge}): test loss ${first} -> ${seen.at(-1)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      });
    });
  }
  expect(errors).toEqual([]);
});
