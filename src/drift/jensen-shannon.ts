/**
 * Jensen–Shannon distance between two distributions given as counts (or weights) per bin or
 * category.
 */

/**
 * Jensen–Shannon DISTANCE in base 2, exactly scipy.spatial.distance.jensenshannon(p, q, base=2):
 * normalize `p` and `q` to sum 1, `m = (p + q) / 2`, divergence
 * `JSD = (KL(p‖m) + KL(q‖m)) / 2` in bits, distance `= √JSD`.
 *
 * Range [0, 1]: 0 for identical distributions, 1 for distributions with disjoint support. Symmetric
 * and finite even when a category is absent from one side (no smoothing needed), which is why it
 * serves large categorical samples. (The divergence is the square of this value.) A rounding-level
 * negative divergence is clamped to 0 so the result is never NaN.
 *
 * For numeric columns, call it on `binCounts` of both samples over the reference's `quantileEdges`;
 * for categorical columns, on the counts per category (union of both sides' categories).
 *
 * Undefined: all-zero weights on a side, negative or non-finite weights, or lengths that differ are
 * caller bugs (`RangeError`). Agreement with scipy 1.17: 1e-12 relative.
 *
 * @example jensenShannonDistance([1, 0], [0, 1]) // 1
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length)
    throw new RangeError(`jensenShannonDistance: lengths differ (${p.length} vs ${q.length})`)
  const pTotal = total(p, 'p')
  const qTotal = total(q, 'q')
  let left = 0
  let right = 0
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / pTotal
    const qi = q[i] / qTotal
    const m = (pi + qi) / 2
    // scipy's rel_entr: x ln(x / y), 0 when x = 0.
    if (pi > 0) left += pi * Math.log(pi / m)
    if (qi > 0) right += qi * Math.log(qi / m)
  }
  const divergence = (left + right) / Math.LN2
  return Math.sqrt(Math.max(0, divergence / 2))
}

function total(weights: ArrayLike<number>, name: string): number {
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]
    if (!(w >= 0) || !Number.isFinite(w))
      throw new RangeError(`jensenShannonDistance: ${name}[${i}] = ${w} is not a weight >= 0`)
    sum += w
  }
  if (sum === 0) throw new RangeError(`jensenShannonDistance: ${name} has no weight`)
  return sum
}
