// Builds the matchers of the experiment over all pairs of enrolled images: the engine's
// descriptor (Euclidean, as the engine compares) and faceres per crop with the Euclidean
// distance (what human uses) and the cosine distance; then the in-sample figures (all pairs, for
// comparison with `eval verify`) and the cross-validation split by identity.
import { cosineDistance } from '../../tools/evaluation/cosine-distance';
import {
  crossValidateFusion,
  type FusionCvReport,
  type Matcher,
} from '../../tools/evaluation/fusion-cv';
import { assignIdentityFolds } from '../../tools/evaluation/identity-folds';
import { allPairs, distanceColumn } from '../../tools/evaluation/pair-table';
import { ratesAtFmr } from '../../tools/evaluation/score-fusion';
import { areaUnderRoc, equalErrorRate } from '../../tools/evaluation/verification-metrics';
import { euclidean } from '../../src-main/engine/match/descriptor-distance';

export interface EnrolledImage<Crop extends string> {
  identity: string;
  baseline: number[];
  faceres: Record<Crop, number[]>;
}

export interface MatcherComparison {
  folds: number;
  seed: number;
  identities: number;
  genuine_pairs: number;
  impostor_pairs: number;
  /** Over all pairs, thresholds placed on the same pairs (in-sample, as `eval verify` does):
   *  FNMR at FMR 1e-3, EER and ROC AUC of each matcher alone. */
  in_sample: Record<string, { fnmr_at_fmr_1e3: number; eer: number; auc: number }>;
  cross_validation: FusionCvReport;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function compareMatchers<Crop extends string>(
  images: readonly EnrolledImage<Crop>[],
  crops: readonly Crop[],
  options: { folds: number; seed: number },
): MatcherComparison {
  const identities = images.map((im) => im.identity);
  const table = allPairs(identities);
  const baseline: Matcher = {
    name: 'faceapi-euclidean',
    distances: distanceColumn(
      table,
      images.map((im) => im.baseline),
      euclidean,
    ),
  };
  const seconds: Matcher[] = crops.flatMap((crop) => {
    const descriptors = images.map((im) => im.faceres[crop]);
    return [
      {
        name: `faceres-${crop}-euclidean`,
        distances: distanceColumn(table, descriptors, euclidean),
      },
      {
        name: `faceres-${crop}-cosine`,
        distances: distanceColumn(table, descriptors, cosineDistance),
      },
    ];
  });
  const everyPair = Uint32Array.from(table.first, (_, k) => k);
  const inSample = Object.fromEntries(
    [baseline, ...seconds].map((m) => {
      const genuine: number[] = [];
      const impostor: number[] = [];
      for (const k of everyPair)
        (table.genuine[k] === 1 ? genuine : impostor).push(m.distances[k] ?? NaN);
      const split = { genuine: Float64Array.from(genuine), impostor: Float64Array.from(impostor) };
      const similarity = {
        genuine: split.genuine.map((d) => -d),
        impostor: split.impostor.map((d) => -d),
      };
      const figures = {
        fnmr_at_fmr_1e3: round(ratesAtFmr(split, 1e-3).fnmr),
        eer: round(equalErrorRate(similarity)),
        auc: round(areaUnderRoc(similarity)),
      };
      return [m.name, figures];
    }),
  );
  const folds = assignIdentityFolds(identities, options.folds, options.seed);
  const foldOfImage = Int32Array.from(identities, (id) => folds.get(id) ?? -1);
  const genuinePairs = table.genuine.reduce((s, g) => s + g, 0);
  return {
    folds: options.folds,
    seed: options.seed,
    identities: folds.size,
    genuine_pairs: genuinePairs,
    impostor_pairs: table.genuine.length - genuinePairs,
    in_sample: inSample,
    cross_validation: crossValidateFusion(table, foldOfImage, options.folds, baseline, seconds),
  };
}
