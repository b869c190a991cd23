// `faceauth-station engine providers`: the CLI's view of runtime selection, on the real engine.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tools/cli/run-cli';
import { RUNTIME_ORDER } from '../../../src-main/engine/runtime/runtime-names';

function capture() {
  const io = {
    outText: '',
    errText: '',
    out: (t: string) => void (io.outText += t),
    err: (t: string) => void (io.errText += t),
  };
  return io;
}

interface Report {
  backend: string;
  forced: boolean;
  providers: { runtime: string; outcome: string; warm_up_ms?: number; reason?: string }[];
}

describe('engine providers', { timeout: 180_000 }, () => {
  it('lists every runtime tried, the one serving with its warm-up latency', async () => {
    const io = capture();
    expect(await runCli(['engine', 'providers', '--json'], io)).toBe(0);
    const report = JSON.parse(io.outText) as Report;
    expect(report.providers.map((p) => p.runtime)).toEqual(RUNTIME_ORDER);
    const serving = report.providers.find((p) => p.outcome === 'serves');
    expect(serving?.runtime).toBe(report.backend);
    if (report.backend.startsWith('onnx-')) expect(serving?.warm_up_ms).toBeGreaterThan(0);
    for (const p of report.providers.filter((x) => x.outcome === 'refused')) {
      expect(p.reason).toBeTruthy();
    }
  });

  it('refuses an unknown --backend before loading anything', async () => {
    const io = capture();
    expect(await runCli(['engine', 'providers', '--backend', 'webgl'], io)).toBe(2);
    expect(io.errText).toContain('--backend must be one of onnx-webgpu');
  });
});
