/**
 * Test builds' switch that makes a panel's view throw while it renders (e2e: a panel fails
 * alone, its error boundary catches it, the rest of the page goes on). A set of panel ids that
 * views subscribe to; only state/testHooks.ts sets it, so in a production build it stays empty.
 */
const failing = new Set<string>();
const listeners = new Set<() => void>();

/** Makes panel `id` throw on its next render (`on`), or lets it render again. */
export function setPanelFailing(id: string, on: boolean): void {
  if (on) failing.add(id);
  else failing.delete(id);
  for (const l of listeners) l();
}

export function subscribePanelFailures(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function panelFailing(id: string): boolean {
  return failing.has(id);
}
