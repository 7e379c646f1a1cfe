/**
 * What a GPU backend would run on, learnt before any shader is compiled: the WebGPU adapter and
 * the WebGL renderer. A software one (SwiftShader, llvmpipe) computes on the CPU, so the
 * selection measures it last and briefly (backends.ts).
 */
import { reason, type CandidateReason } from './backendReport';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface AdapterProbe {
  ok: boolean;
  /** e.g. "google swiftshader (fallback adapter)" */
  description?: string;
  software: boolean;
  /** Why there is none, when not ok. */
  reason?: CandidateReason;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Asks for a WebGPU adapter ourselves to learn what it is (tfjs keeps its adapter info private). */
export async function probeWebGpu(): Promise<AdapterProbe> {
  const gpu = (self.navigator as Navigator).gpu;
  if (!gpu) return { ok: false, software: false, reason: reason('noWebGpu', {}) };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, software: false, reason: reason('noAdapter', {}, errorText(e)) };
  }
  if (!adapter) return { ok: false, software: false, reason: reason('noAdapter', {}) };
  // Chromium has `adapter.info` (with isFallbackAdapter); older browsers requestAdapterInfo().
  const withInfo = adapter as GPUAdapter & { info?: AdapterInfoLike };
  let info: AdapterInfoLike | undefined = withInfo.info;
  if (!info && typeof adapter.requestAdapterInfo === 'function') info = await adapter.requestAdapterInfo().catch(() => undefined);
  const fallback = Boolean(info?.isFallbackAdapter ?? adapter.isFallbackAdapter);
  const architecture = info?.architecture ?? '';
  const description =
    [info?.vendor, architecture].filter((s) => s).join(' ') + (fallback ? ' (fallback adapter)' : '') || 'unknown adapter';
  const software = fallback || /swiftshader|llvmpipe|software/i.test(`${architecture} ${info?.description ?? ''}`);
  return { ok: true, description, software };
}

/** What renders WebGL here: a software renderer (SwiftShader, llvmpipe) compiles and runs shaders on the CPU. */
export function probeWebGl(): AdapterProbe {
  if (typeof OffscreenCanvas === 'undefined') return { ok: false, software: false, reason: reason('noOffscreenCanvas', {}) };
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { ok: false, software: false, reason: reason('noWebGl', {}) };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  return { ok: true, software, description: renderer || 'unknown renderer' };
}
