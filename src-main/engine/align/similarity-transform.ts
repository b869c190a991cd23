// Least-squares similarity transform (scale, rotation, translation) between two point sets in 2-D,
// the closed form of Umeyama (1991) restricted to the plane. Used to warp a face so that its
// landmarks land on a canonical template.
export interface Point2 {
  x: number;
  y: number;
}

/** Maps (x, y) to (a*x - b*y + tx, b*x + a*y + ty): a = s*cos(theta), b = s*sin(theta). */
export interface SimilarityTransform {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

export function applyTransform(t: SimilarityTransform, p: Point2): Point2 {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/** The inverse map of `t` (a similarity is invertible unless its scale is 0). */
export function invertTransform(t: SimilarityTransform): (q: Point2) => Point2 {
  const s2 = t.a * t.a + t.b * t.b || 1;
  return (q) => {
    const dx = q.x - t.tx;
    const dy = q.y - t.ty;
    return { x: (t.a * dx + t.b * dy) / s2, y: (-t.b * dx + t.a * dy) / s2 };
  };
}

/** Finds the transform T minimising sum |T(from[i]) - to[i]|^2. */
export function fitSimilarity(from: readonly Point2[], to: readonly Point2[]): SimilarityTransform {
  if (from.length !== to.length || from.length < 2) {
    throw new Error('fitSimilarity needs two equally long lists of at least 2 points');
  }
  const n = from.length;
  const pairs = from.map((p, i) => [p, to[i] ?? p] as const);
  let fx = 0;
  let fy = 0;
  let qx = 0;
  let qy = 0;
  for (const [p, q] of pairs) {
    fx += p.x;
    fy += p.y;
    qx += q.x;
    qy += q.y;
  }
  fx /= n;
  fy /= n;
  qx /= n;
  qy /= n;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (const [p, q] of pairs) {
    const px = p.x - fx;
    const py = p.y - fy;
    const tx = q.x - qx;
    const ty = q.y - qy;
    dot += px * tx + py * ty;
    cross += px * ty - py * tx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new Error('fitSimilarity: source points are all identical');
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: qx - (a * fx - b * fy), ty: qy - (b * fx + a * fy) };
}
