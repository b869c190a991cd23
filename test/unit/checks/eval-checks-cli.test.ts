// `eval checks` refuses a data folder without the three labelled sets, before starting an engine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tools/cli/run-cli';
import { checkSamples } from '../../../tools/checks/check-datasets';
import { useTempDirs } from '../../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

function capture() {
  const io = {
    outText: '',
    errText: '',
    out: (t: string) => void (io.outText += t),
    err: (t: string) => void (io.errText += t),
  };
  return io;
}

describe('eval checks', () => {
  it('is listed and needs --data', async () => {
    const io = capture();
    expect(await runCli(['eval', 'checks'], io)).toBe(2);
    expect(io.errText).toMatch(/--data is required/);
  });

  it('names the missing labels.csv', async () => {
    const dir = tempDir('checks-');
    const io = capture();
    expect(await runCli(['eval', 'checks', '--data', dir], io)).toBe(2);
    expect(io.errText).toMatch(/masks.*labels\.csv not found/);
  });

  it('splits labels into positives and negatives as issue 4 lists them', () => {
    const dir = tempDir('checks-');
    const write = (folder: string, rows: string[]) => {
      fs.mkdirSync(path.join(dir, folder));
      fs.writeFileSync(path.join(dir, folder, 'labels.csv'), ['path,label', ...rows].join('\n'));
    };
    write('masks', ['m/a.jpg,with_mask', 'm/b.jpg,without_mask']);
    write('head_cover', ['h/a.jpg,hard_hat', 'h/b.jpg,hat_cap', 'h/c.jpg,none']);
    write('occlusion', [
      'o/a.jpg,sunglasses',
      'o/b.jpg,eyeglasses_clear',
      'o/c.jpg,hand',
      'o/d.jpg,not_occluded_hard',
    ]);
    const brief = (c: 'face_cover' | 'head_cover' | 'occluded') =>
      checkSamples(dir, c).map((s) => `${s.label}:${s.positive ? '+' : '-'}`);
    expect(brief('face_cover')).toEqual(['with_mask:+', 'without_mask:-']);
    expect(brief('head_cover')).toEqual(['hard_hat:+', 'hat_cap:+', 'none:-']);
    expect(brief('occluded')).toEqual([
      'sunglasses:+',
      'eyeglasses_clear:-',
      'hand:+',
      'not_occluded_hard:-',
      'without_mask:-',
    ]);
  });
});
