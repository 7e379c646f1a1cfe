/**
 * Every model kind the lab trains, on every backend project (webgpu, webgl, wasm): one page
 * opens a tiny model of each kind in turn from a free-lab link (the hash changes in place, as a
 * followed lesson link does), trains it for a moment, and its test loss falls. Where a backend
 * lacks what a kind needs the lab must say so and train on the next checked backend
 * (worker/kindBackend.ts): then the notice names the reason, and the loss still falls.
 * Issue 4: "each must train on the webgpu, webgl and wasm backends". One page for all kinds: a
 * software GPU (SwiftShader) takes a minute or more to boot, so each kind pays only its shaders.
 * On the software-GPU projects the kinds with their own kernels run (see KINDS), a few steps each.
 */
import { bootTimeout, expect, test, type Backend } from './fixtures';
import { readMetric, watchMetric } from './labPage';

/**
 * Tiny models, one per kind (and per conv decoder: each runs other kernels). `gpu`: also on the
 * software-GPU projects, the kinds whose kernels go beyond the dense model's (convolutions,
 * pooling, unpooling, transposed convolution; the VQ-VAE's nearest-code search): the VAE, the
 * adversarial and the conditional kinds are dense layers plus element-wise terms, whose kernels
 * the backend self-check and kindSupport.ts cover; SwiftShader takes minutes per kind. Software
 * WebGPU compiles slowest (three kinds took 4.8 min in CI, webgl 1.3 min): it trains the conv
 * model with max-unpooling (convolutions, pooling switches, unpooling), webgl all three.
 */
const KINDS: { name: string; gpu?: readonly Backend[]; fields: Record<string, string> }[] = [
  { name: 'conv, max-unpooling', gpu: ['webgl', 'webgpu'], fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'maxUnpool' } },
  { name: 'conv, repeat-unpooling', fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'repeatUnpool' } },
  { name: 'conv, deconvolution', gpu: ['webgl'], fields: { kind: 'conv', layers: 'none', channels: '4', code: '8', decoder: 'deconvolution' } },
  { name: 'vae', fields: { kind: 'vae', layers: '32', code: '2' } },
  { name: 'vq', gpu: ['webgl'], fields: { kind: 'vq', layers: '32', code: '8', positions: '4', codebook: '16', vqreset: '10' } },
  { name: 'adversarial, ring prior', fields: { kind: 'adversarial', layers: '32', code: '2', prior: 'ring' } },
  { name: 'conditional', fields: { kind: 'conditional', layers: '32', code: '4' } },
];

const BASE: Record<string, string> = {
  v: '1', lesson: 'free', act: 'relu', out: 'sigmoid', loss: 'bce', l2: '0', opt: 'adam', lr: '0.005', mom: '0.9',
  batch: '32', n: '1000', seed: '1', log: '1', grid: '12', lang: 'en',
};
/** Single training steps per kind on a software GPU (batch 32, learning rate 0.005). */
const GPU_STEPS = 4;
const hashOf = (fields: Record<string, string>) => Object.entries({ ...BASE, ...fields }).map(([k, v]) => `${k}=${v}`).join('&');

test('every model kind trains on the project\'s backend (or says why not) and its test loss falls', async ({ page, backend }, testInfo) => {
  const gpu = backend === 'webgpu' || backend === 'webgl';
  // A software GPU compiles every new shader on the CPU: there a few single steps must lower the
  // test loss (the kernels run and the weights learn); wasm trains until it falls by a tenth.
  const perKind = gpu ? 180_000 : 60_000;
  const kinds = KINDS.filter((k) => !gpu || k.gpu?.includes(backend));
  test.setTimeout(bootTimeout(backend) + kinds.length * (perKind + 30_000));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./?backend=${backend}#${hashOf(kinds[0].fields)}`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: bootTimeout(backend) });
  const toggle = page.getByTestId('train-toggle');

  for (const [i, kind] of kinds.entries()) {
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
      let seen: number[];
      if (gpu) {
        for (let s = 2; s <= GPU_STEPS; s++) {
          await page.getByTestId('step-button').click();
          await expect(page.getByTestId('metric-step')).toHaveText(String(s), { timeout: perKind });
          await expect(toggle).toBeEnabled({ timeout: perKind });
        }
        seen = await watchMetric(page, 'metric-test-loss', (v) => Number.isFinite(v) && v < first, perKind);
      } else {
        await toggle.click();
        seen = await watchMetric(page, 'metric-test-loss', (v) => v < 0.9 * first, perKind);
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-pressed', 'false', { timeout: perKind });
      }
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
