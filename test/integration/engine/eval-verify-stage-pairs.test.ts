// `eval verify` with the covered-face stage prints, beside the run's own figures, the figures over
// exactly the pairs the run without the stage compares (issue 13's "no worse", like for like). A
// small labelled set: two masked photos only the stage finds, four bare photos the first detectors
// find. Real engine, real photos (linked from facedata into a temp folder, never copied).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../tools/cli/run-cli';
import { FACEDATA, HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

const ROWS = [
  ['masks/with_mask/numeric_330.jpg', 'masked'],
  ['masks/with_mask/rmfd_1_0_0.jpg', 'masked'],
  ['verification/deepface/angelina_jolie/img1.jpg', 'angelina_jolie'],
  ['verification/deepface/angelina_jolie/img2.jpg', 'angelina_jolie'],
  ['verification/deepface/elon_musk/img18.jpg', 'elon_musk'],
  ['verification/deepface/elon_musk/img19.jpg', 'elon_musk'],
];

describe.skipIf(!HAS_FACEDATA)(`eval verify: pairs found before the stage${SKIP_NOTE}`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceauth-stage-pairs-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(extra: string[]): Promise<Record<string, unknown>> {
    for (const folder of ['masks', 'verification']) {
      const link = path.join(dir, folder);
      if (!fs.existsSync(link)) fs.symlinkSync(path.join(FACEDATA, folder), link);
    }
    fs.writeFileSync(
      path.join(dir, 'labels.csv'),
      ['path,identity', ...ROWS.map((r) => r.join(','))].join('\n') + '\n',
    );
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
    const args = ['eval', 'verify', '--data', dir, '--json', '--workers', '1', ...extra];
    expect(await runCli(args, io), err).toBe(0);
    return JSON.parse(out) as Record<string, unknown>;
  }

  it('splits the pairs into those compared without the stage and those it adds', async () => {
    const withStage = await run([]);
    expect(withStage.fte).toBe(0);
    expect(withStage.genuine_pairs).toBe(3);
    expect(withStage.without_covered_stage).toMatchObject({
      stage: 'covered',
      images_found_before: 4,
      genuine_pairs: 2,
      impostor_pairs: 4,
      added_genuine_pairs: 1,
    });
    const without = await run(['--no-covered']);
    expect(without.genuine_pairs).toBe(2);
    expect(without.impostor_pairs).toBe(4);
    expect(without.without_covered_stage).toBeUndefined();
    const before = withStage.without_covered_stage as Record<string, unknown>;
    expect(before.fnmr_at_fmr_1e3).toBe((without.fnmr_at_fmr as Record<string, number>)['1e-3']);
  }, 180_000);
});
