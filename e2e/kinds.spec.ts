/**
 * Every model kind the lab trains, on every backend project (webgpu, webgl, wasm): a tiny model
 * of the kind opens from a free-lab link, trains for a moment, and its test loss falls. Where a
 * backend lacks what a kind needs the lab must say so and train on the next checked backend
 * (worker/kindBackend.ts): then the notice names the reason, and the loss still falls.
 * Issue 4: "each must train on the webgpu, webgl and wasm backends".
 */
import { bootTimeout, expect, test } from './fixtures';
import { readMetric, watchMetric } from './labPage';

/**
 * Tiny models, one per kind (and per conv decoder: each runs other kernels), so a software GPU
 * (SwiftShader compiles every new shader on the CPU) gets through them in a few minutes.
 */
const KINDS: { name: string; fields: Record<string, string> }[] = [
  { name: 'conv, max-unpooling', fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'maxUnpool' } },
  { name: 'conv, repeat-unpooling', fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'repeatUnpool' } },
  { name: 'conv, deconvolution', fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'deconvolution' } },
];

const BASE: Record<string, string> = {
  v: '1', lesson: 'free', act: 'relu', out: 'sigmoid', loss: 'bce', l2: '0', opt: 'adam', lr: '0.005', mom: '0.9',
  batch: '32', n: '1000', seed: '1', log: '1', grid: '12', lang: 'en',
};

for (const kind of KINDS) {
  test(`kind ${kind.name}: trains on the project's backend (or says why not) and its test loss falls`, async ({ page, backend }, testInfo) => {
    const gpu = backend === 'webgpu' || backend === 'webgl';
    const budget = gpu ? 300_000 : 60_000;
    test.setTimeout(bootTimeout(backend) + budget + 60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const hash = Object.entries({ ...BASE, ...kind.fields }).map(([k, v]) => `${k}=${v}`).join('&');
    await page.goto(`./?backend=${backend}#${hash}`);
    await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: bootTimeout(backend) });
    await expect(page.getByTestId('notice-link-ignored')).toHaveCount(0);
    await expect(page.getByTestId('model-kind')).toHaveValue(kind.fields.kind);

    // One step measures the test loss of the (nearly) untrained model.
    await page.getByTestId('step-button').click();
    await expect(page.getByTestId('metric-test-loss')).toHaveText(/^\d/, { timeout: budget });
    const first = await readMetric(page, 'metric-test-loss');
    await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: budget });
    await page.getByTestId('train-toggle').click();
    const seen = await watchMetric(page, 'metric-test-loss', (v) => v < 0.9 * first, budget);
    await page.getByTestId('train-toggle').click();

    const badge = (await page.getByTestId('backend-badge').textContent())?.trim();
    if (badge !== backend) {
      // Moved to another checked backend: the page must say why.
      await expect(page.getByText(/missing on|self-check/).first()).toBeVisible();
    }
    testInfo.annotations.push({ type: 'test loss', description: `${backend} (trained on ${badge}): ${first} -> ${seen.at(-1)}` });
    expect(errors).toEqual([]);
  });
}
