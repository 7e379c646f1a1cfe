// Types for find-browser.mjs, so playwright.config.ts can import it under `strict`.
export interface FoundBrowser {
  /** Absolute path of the Chromium executable. */
  path: string;
  /** Where it was found: '$CHROMIUM_PATH', 'system', 'playwright cache', ... */
  source: string;
}
export function findBrowser(): FoundBrowser | null;
export function howToGetBrowser(): string;
/** Chromium flags: common (always), webgpu (SwiftShader WebGPU), webgl (SwiftShader WebGL). */
export const FLAGS: { common: string[]; webgpu: string[]; webgl: string[] };
