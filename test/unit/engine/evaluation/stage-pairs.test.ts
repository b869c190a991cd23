import { describe, expect, it } from 'vitest';
import { stagePairsReport, type StagedSample } from '../../../../tools/evaluation/stage-pairs';
import { pairDistances } from '../../../../tools/evaluation/pair-scores';
import { verificationReport } from '../../../../tools/evaluation/verification-report';
import { SHIPPED_CALIBRATION } from '../../../../src-main/engine/calibration/score-calibration';
import { seededRandom } from '../../../../src-shared/seeded-random';

/** 40 identities of 3 images each: a point per identity plus noise, in 8 dimensions. */
function samples(): StagedSample[] {
  const rand = seededRandom(7);
  const out: StagedSample[] = [];
  for (let id = 0; id < 40; id++) {
    const centre = Array.from({ length: 8 }, () => rand() * 0.6);
    for (let k = 0; k < 3; k++) {
      out.push({
        identity: `id${id}`,
        descriptor: centre.map((v) => v + (rand() - 0.5) * 0.25),
        // Every tenth identity's third image only the covered stage found.
        detectionStage: id % 10 === 0 && k === 2 ? 'covered' : 'tiny',
      });
    }
  }
  return out;
}

describe('stagePairsReport', () => {
  it('measures exactly what a run without the stage measures, over the pairs it compares', () => {
    const all = samples();
    const without = all.filter((s) => s.detectionStage !== 'covered');
    const reference = verificationReport(
      without.length,
      0,
      pairDistances(without),
      SHIPPED_CALIBRATION,
      85,
    );
    const full = verificationReport(all.length, 0, pairDistances(all), SHIPPED_CALIBRATION, 85);
    const r = stagePairsReport(all, 'covered', SHIPPED_CALIBRATION, full.threshold_at_fmr['1e-3']);
    expect(r.images_found_before).toBe(116);
    expect(r.genuine_pairs).toBe(reference.genuine_pairs);
    expect(r.impostor_pairs).toBe(reference.impostor_pairs);
    expect(r.fnmr_at_fmr_1e3).toBe(reference.fnmr_at_fmr['1e-3']);
    expect(r.threshold_at_fmr_1e3).toBe(reference.threshold_at_fmr['1e-3']);
    // 4 identities gain 2 genuine pairs each (their third image with the other two).
    expect(r.added_genuine_pairs).toBe(8);
    expect(r.genuine_pairs + r.added_genuine_pairs).toBe(full.genuine_pairs);
  });

  it('counts the added pairs the run threshold rejects', () => {
    const all = samples();
    expect(stagePairsReport(all, 'covered', SHIPPED_CALIBRATION, 101).added_genuine_rejected).toBe(
      8,
    );
    expect(stagePairsReport(all, 'covered', SHIPPED_CALIBRATION, -1).added_genuine_rejected).toBe(
      0,
    );
  });
});
