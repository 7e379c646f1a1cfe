/**
 * Saved models in the browser's storage (issue 11, items 3 and 4; src/state/savedModels.ts), in
 * the real page with the real IndexedDB:
 * - storage that cannot be opened (a private mode, a blocked origin): the lab works and says
 *   that models are not kept;
 * - the page asks the browser to keep its storage (navigator.storage.persist) when it saves; the
 *   least recently used models go when the saved ones pass the budget;
 * - a damaged record, and a record that holds another configuration's model (same architecture,
 *   other settings): skipped with a notice, never restored;
 * - two tabs: Reset in one does not erase the model the other saved, and a tab's autosave
 *   never replaces the other's further-trained model.
 * Backend-independent (forced wasm): runs in the wasm project only.
 */
import type { Page } from '@playwright/test';
import { BOOT_TIMEOUT_MS, expect, test } from './fixtures';
import { announced, labState, noticeCodes, stepAndSave, type LabWindow } from './labConsole';

/** Every saved record in the lab's database: key -> step (the index record aside). */
function savedSteps(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('autoencoder-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('models').objectStore('models');
          const out: Record<string, number> = {};
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) {
              db.close();
              return resolve(out);
            }
            if (String(c.key).startsWith('model:')) out[String(c.key)] = (c.value as { step: number }).step;
            c.continue();
          };
        };
      }),
  );
}

/** Writes `value` under `key` in the lab's store, as another program (or a damaged disk) would. */
function putRecord(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('autoencoder-lab');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('models', 'readwrite');
          tx.objectStore('models').put(v, k as string);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/** The saved record under `key` (structured-cloned out of the page). */
function getRecord(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('autoencoder-lab');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('models').objectStore('models').get(k);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
        };
      }),
    key,
  );
}

/** Builds the free lab with another seed (same architecture, other settings). */
async function useSeed(page: Page, seed: number): Promise<void> {
  await page.evaluate(async (s) => {
    const lab = (window as LabWindow).__lab!;
    const { config } = lab.store.getState();
    await lab.applyConfig({ ...config, train: { ...config.train, seed: s } });
  }, seed);
  await announced(page);
}

test('storage that cannot be opened: the lab trains and says models are not kept', async ({ page, openLab }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await openLab();
  const notice = page.locator('[data-testid="notice-error-storage"][data-code="storage.unavailable"]');
  await expect(notice).toContainText('not kept');
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('1', { timeout: 30_000 });
  expect(await noticeCodes(page)).toEqual(['storage.unavailable']);
});

test('saving asks the browser to keep the storage, and the least recently used model goes past the budget', async ({ page, openLab }) => {
  test.setTimeout(180_000);
  // Counts the page's calls of the real persist() (it still runs).
  await page.addInitScript(() => {
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      (window as unknown as { __persistAsked: number }).__persistAsked = ((window as unknown as { __persistAsked?: number }).__persistAsked ?? 0) + 1;
      return persist.call(this);
    };
  });
  await openLab();
  await stepAndSave(page, 2);
  expect(await page.evaluate(() => (window as unknown as { __persistAsked?: number }).__persistAsked)).toBe(1);
  const [first] = Object.keys(await savedSteps(page));
  // Room for two of these models (~5 MB each with Adam's slots), not three.
  await page.evaluate(() => (window as LabWindow).__lab!.setStorageBudget(12 * 2 ** 20));
  await useSeed(page, 2);
  await stepAndSave(page, 2);
  expect(Object.keys(await savedSteps(page))).toHaveLength(2);
  await useSeed(page, 3);
  await stepAndSave(page, 2);
  const kept = await savedSteps(page);
  expect(Object.keys(kept)).toHaveLength(2);
  expect(kept[first], 'the least recently used model was evicted').toBeUndefined();
});

test('a damaged record and another configuration\'s record are skipped with a notice, never restored', async ({ page, openLab, backend }) => {
  test.setTimeout(180_000);
  await openLab();
  await stepAndSave(page, 3);
  const [plainKey] = Object.keys(await savedSteps(page));
  await useSeed(page, 2);
  await stepAndSave(page, 5);
  const otherKey = Object.keys(await savedSteps(page)).find((k) => k !== plainKey)!;
  // The seed-2 model under the plain config's key (same architecture: main restored it), and
  // bytes that are no model under the seed-2 key.
  await putRecord(page, plainKey, await getRecord(page, otherKey));
  await putRecord(page, otherKey, { version: 1, snapshot: 'not a model', history: [] });

  await page.goto(`./?backend=${backend}`);
  await expect(page.getByTestId('train-toggle')).toBeEnabled({ timeout: BOOT_TIMEOUT_MS });
  await expect(page.locator('[data-testid="notice-error-storage"][data-code="storage.recordSkipped"]')).toBeVisible();
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  expect((await labState(page)).restoredModel).toBeUndefined();

  await useSeed(page, 2);
  await expect(page.locator('[data-code="storage.recordSkipped"] [data-testid="notice-count"]')).toBeVisible();
  expect((await labState(page)).restoredModel).toBeUndefined();
  // Both were removed: nothing is skipped twice.
  expect(await savedSteps(page)).toEqual({});
});

test('two tabs: Reset in one keeps the model the other saved; an autosave never replaces a further-trained one', async ({ page, context, openLab, backend }) => {
  test.setTimeout(240_000);
  await openLab();
  await stepAndSave(page, 4);
  const other = await context.newPage();
  await other.goto(`./?backend=${backend}`);
  await expect(other.getByTestId('metric-step')).toHaveText('4', { timeout: BOOT_TIMEOUT_MS });
  const further = await stepAndSave(other, 3);
  expect(further).toBe(7);
  const [key] = Object.keys(await savedSteps(page));

  // The first tab resets: its model goes, the other tab's saved one stays.
  await page.getByTestId('reset-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 30_000 });
  expect(await savedSteps(page)).toEqual({ [key]: 7 });
  // It trains on; its younger model does not replace the other's (step(n) resolves after its save was tried).
  await page.evaluate(() => (window as LabWindow).__lab!.step(2));
  await expect(page.getByTestId('metric-step')).toHaveText('2');
  expect(await savedSteps(page)).toEqual({ [key]: 7 });
  await other.close();
});
