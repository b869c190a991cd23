// Providers that cannot start are refused without being started (issue 12): no native error dump
// from ONNX Runtime's CUDA probe on a machine without CUDA, no Vulkan drivers loaded into the
// process for a WebGPU refusal on a machine without a GPU, and the reason still listed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  hostPresence,
  providerUnavailable,
  type PresenceProbe,
} from '../../../src-main/engine/runtime/provider-presence';

function host(devices: Record<string, string[]>, files: string[] = []): PresenceProbe {
  return {
    platform: 'linux',
    arch: 'x64',
    list: (dir) => devices[dir] ?? [],
    exists: (path) => files.includes(path),
    bindingDir: () => '/ort/bin',
  };
}

describe('provider presence', () => {
  it('refuses WebGPU on Linux without a GPU device node, and tries it with one', () => {
    expect(providerUnavailable('webgpu', host({ '/dev': ['null', 'tty0'] }))).toMatch(
      /no GPU device/,
    );
    expect(providerUnavailable('webgpu', host({ '/dev/dri': ['renderD128'] }))).toBeUndefined();
    expect(providerUnavailable('webgpu', host({ '/dev': ['nvidia0', 'nvidiactl'] }))).toBe(
      undefined,
    );
    expect(providerUnavailable('webgpu', { ...host({}), platform: 'win32' })).toBeUndefined();
  });

  it('refuses CUDA when its provider library is not beside the binding', () => {
    expect(providerUnavailable('cuda', host({}))).toBe(
      'not bundled with onnxruntime-node and not installed: libonnxruntime_providers_cuda.so not in /ort/bin',
    );
    expect(
      providerUnavailable('cuda', host({}, ['/ort/bin/libonnxruntime_providers_cuda.so'])),
    ).toBeUndefined();
    expect(providerUnavailable('cpu', host({}))).toBeUndefined();
  });

  it('finds the real onnxruntime-node binding folder', () => {
    const dir = hostPresence.bindingDir();
    expect(dir).toBeDefined();
    expect(hostPresence.exists(`${dir}/onnxruntime_binding.node`)).toBe(true);
  });

  it('starts the real engine runtimes with nothing from ONNX Runtime on stderr', () => {
    // A child process: ONNX Runtime writes its native errors straight to fd 2.
    const script = `
      import { loadNetworks } from './src-main/engine/runtime/load-networks.ts';
      import { loadOnnxFaceNetworks } from './src-main/engine/runtime/onnx-loader.ts';
      const loaded = await loadNetworks({ loadSsd: false, threads: 1 }, {
        importOrt: () => import('onnxruntime-node'),
        loadOnnxNetworks: loadOnnxFaceNetworks,
        loadTfjs: () => { throw new Error('not expected'); },
      });
      console.log(JSON.stringify(loaded.choice.trials));
      await loaded.nets.dispose();`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        env: { ...process.env, FACEAUTH_BACKEND: '' },
        timeout: 120_000,
      },
    );
    expect(child.status).toBe(0);
    const trials = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]') as {
      runtime: string;
      outcome: string;
      reason?: string;
    }[];
    const cuda = trials.find((t) => t.runtime === 'onnx-cuda');
    expect(cuda?.outcome).toBe('refused');
    expect(cuda?.reason).toMatch(/CUDA|cuda/);
    if (providerUnavailable('cuda') !== undefined) {
      expect(child.stderr).not.toMatch(/onnxruntime|providers_shared|ONNXRuntimeError/);
    }
    if (providerUnavailable('webgpu') !== undefined) {
      expect(child.stderr).not.toMatch(/Vulkan|XDG_RUNTIME_DIR|dawn/);
    }
  }, 150_000);
});
