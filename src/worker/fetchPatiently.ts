/**
 * Fetching a file over a slow or broken network without waiting forever: the request is given
 * up when nothing (no headers, no byte of the body) arrives for STALL_MS, and asked once more;
 * a second stall (or a second failed request) is the caller's error. A slow but moving download
 * (11 MB of MNIST over classroom Wi-Fi) is never cut: only silence is.
 */

/** No byte for this long: the request is stalled (ms). Twice of it stays under the 15 s a message may take. */
export const STALL_MS = 5000;

/** Nothing arrived for `ms` twice in a row. */
export class StalledError extends Error {
  constructor(readonly url: string, readonly ms: number) {
    super(`no answer for ${ms / 1000} s, twice (${url})`);
    this.name = 'StalledError';
  }
}

export interface Fetched {
  /** The response's status line and headers (its body has been read). */
  response: Response;
  body: Uint8Array;
}

/** One try: the response and its whole body, or a rejection once nothing came for `stallMs`. */
async function once(url: string, fetchImpl: typeof fetch, stallMs: number): Promise<Fetched> {
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  arm();
  try {
    const response = await fetchImpl(url, { signal: controller.signal });
    arm();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        chunks.push(value);
        size += value.length;
      }
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.length;
    }
    return { response, body };
  } catch (e) {
    if (stalled) throw new StalledError(url, stallMs);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches `url` and reads its body; a stalled or failed request is asked once more.
 * @throws StalledError after two stalls; the fetch's own error after two failed requests.
 */
export async function fetchPatiently(url: string, fetchImpl: typeof fetch = fetch, stallMs = STALL_MS): Promise<Fetched> {
  try {
    return await once(url, fetchImpl, stallMs);
  } catch (e) {
    if (!(e instanceof StalledError) && !(e instanceof TypeError)) throw e;
    return once(url, fetchImpl, stallMs);
  }
}
