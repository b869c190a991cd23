// Every unordered pair of enrolled images once, with one distance column per matcher, and the
// pairs that belong to a cross-validation fold's training or test side.

export interface PairTable {
  first: Uint32Array;
  second: Uint32Array;
  /** 1 when both images show the same identity. */
  genuine: Uint8Array;
}

export function allPairs(identities: readonly string[]): PairTable {
  const n = identities.length;
  const count = (n * (n - 1)) / 2;
  const table: PairTable = {
    first: new Uint32Array(count),
    second: new Uint32Array(count),
    genuine: new Uint8Array(count),
  };
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      table.first[k] = i;
      table.second[k] = j;
      table.genuine[k] = identities[i] === identities[j] ? 1 : 0;
      k++;
    }
  }
  return table;
}

export type DescriptorDistance = (a: ArrayLike<number>, b: ArrayLike<number>) => number;

export function distanceColumn(
  table: PairTable,
  descriptors: readonly ArrayLike<number>[],
  distance: DescriptorDistance,
): Float64Array {
  return Float64Array.from(table.first, (i, k) => {
    const a = descriptors[i];
    const b = descriptors[table.second[k] ?? 0];
    if (a === undefined || b === undefined) throw new RangeError(`pair ${k}: no descriptor`);
    return distance(a, b);
  });
}

export interface FoldPairs {
  /** Pairs whose two images both lie outside the fold. */
  train: Uint32Array;
  /** Pairs whose two images both lie in the fold; pairs across the split are used by neither. */
  test: Uint32Array;
}

export function foldPairs(
  table: PairTable,
  foldOfImage: ArrayLike<number>,
  fold: number,
): FoldPairs {
  const train: number[] = [];
  const test: number[] = [];
  for (let k = 0; k < table.first.length; k++) {
    const fa = foldOfImage[table.first[k] ?? 0];
    const fb = foldOfImage[table.second[k] ?? 0];
    if (fa === fold && fb === fold) test.push(k);
    else if (fa !== fold && fb !== fold) train.push(k);
  }
  return { train: Uint32Array.from(train), test: Uint32Array.from(test) };
}

export interface SplitDistances {
  genuine: Float64Array;
  impostor: Float64Array;
}

/** The column's distances of the chosen pairs, split into genuine and impostor. */
export function splitDistances(
  table: PairTable,
  column: Float64Array,
  pairs: Uint32Array,
): SplitDistances {
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (const k of pairs) (table.genuine[k] === 1 ? genuine : impostor).push(column[k] ?? NaN);
  return { genuine: Float64Array.from(genuine), impostor: Float64Array.from(impostor) };
}
