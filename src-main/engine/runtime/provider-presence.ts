// Providers that cannot start on this machine, told without starting them. Trying them anyway is
// not free: ONNX Runtime's CUDA probe prints a native error dump on stderr when its provider
// library is absent (its own logger, which a session's log level does not reach), and WebGPU's
// probe loads the Vulkan loader and every ICD it finds (a software rasteriser links LLVM), which
// stays mapped in the process: +77 MB of RSS measured on a desk with no GPU, for a refusal.
// The refusal reasons still appear in diagnostics.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OnnxProvider } from './runtime-names';

export interface PresenceProbe {
  platform: NodeJS.Platform;
  arch: string;
  /** Entries of a directory, [] when it does not exist. */
  list(dir: string): string[];
  exists(path: string): boolean;
  /** Where onnxruntime-node keeps its native libraries, if it can be found. */
  bindingDir(): string | undefined;
}

function onnxBindingDir(): string | undefined {
  try {
    const main = createRequire(import.meta.url).resolve('onnxruntime-node');
    return join(dirname(main), '..', 'bin', 'napi-v6', process.platform, process.arch);
  } catch {
    return undefined;
  }
}

export const hostPresence: PresenceProbe = {
  platform: process.platform,
  arch: process.arch,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  exists: existsSync,
  bindingDir: onnxBindingDir,
};

const CUDA_LIBRARY: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'libonnxruntime_providers_cuda.so',
  win32: 'onnxruntime_providers_cuda.dll',
};

/** Why `provider` cannot start here, or undefined when it may (then it is probed). */
export function providerUnavailable(
  provider: OnnxProvider,
  host: PresenceProbe = hostPresence,
): string | undefined {
  if (provider === 'webgpu' && host.platform === 'linux') {
    // A GPU shows up as a DRM render node (Mesa, NVIDIA open), an NVIDIA device, or WSL's dxg.
    const gpu =
      host.list('/dev/dri').some((name) => name.startsWith('renderD')) ||
      host.list('/dev').some((name) => /^nvidia\d+$/.test(name) || name === 'dxg');
    return gpu ? undefined : 'no GPU device on this machine (no /dev/dri/renderD*, /dev/nvidia*)';
  }
  if (provider === 'cuda') {
    const library = CUDA_LIBRARY[host.platform];
    const dir = host.bindingDir();
    if (library === undefined) return `no CUDA provider for ${host.platform}`;
    if (dir !== undefined && !host.exists(join(dir, library))) {
      return `not bundled with onnxruntime-node and not installed: ${library} not in ${dir}`;
    }
  }
  return undefined;
}
