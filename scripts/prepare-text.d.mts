// Types for prepare-text.mjs, for scripts/prepare-text.test.ts.
/** Absolute path of public/data/brown-passages.json.gz. */
export const TEXT_OUTPUT: string;
/** Builds the passage file unless it is fresh; `output` is for tests. */
export function prepareText(options?: { force?: boolean; output?: string }): Promise<{ bytes: number; rebuilt: boolean }>;
