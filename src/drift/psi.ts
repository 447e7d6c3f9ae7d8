/**
 * Population stability index between two distributions given as counts per bin or category.
 */

/**
 * Share that replaces an empty bin's share (0) before taking logarithms, as common PSI
 * implementations (e.g. Evidently) do: small enough not to matter when the bin really is
 * negligible, large enough that one empty bin adds a bounded, visible amount instead of ∞.
 */
export const PSI_EMPTY_BIN_SHARE = 1e-4

/**
 * `PSI = Σ_i (c_i - r_i) · ln(c_i / r_i)` over bins or categories, where `r_i` and `c_i` are the
 * reference's and the current sample's shares of bin `i`, and a share of 0 is replaced by
 * `PSI_EMPTY_BIN_SHARE` (1e-4; the shares are not renormalized).
 *
 * Range [0, ∞): 0 for identical shares. Conventional reading: < 0.1 no significant change,
 * 0.1–0.2 moderate, >= 0.2 significant shift (ml-gate's default threshold).
 *
 * For numeric columns, call it on `binCounts` over the reference's `quantileEdges` (deciles by
 * default); for categorical columns, on counts per category (union of both sides' categories: a
 * category present on one side only contributes through the empty-bin share).
 *
 * Undefined: all-zero counts on a side, negative or non-finite counts, or lengths that differ are
 * caller bugs (`RangeError`).
 *
 * @example populationStabilityIndex([50, 50], [60, 40]) // 0.04054651081081645 (= 0.2 · ln 1.5)
 */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (reference.length !== current.length) {
    throw new RangeError(
      `populationStabilityIndex: lengths differ (${reference.length} vs ${current.length})`
    )
  }
  const refTotal = total(reference, 'reference')
  const curTotal = total(current, 'current')
  let psi = 0
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] / refTotal || PSI_EMPTY_BIN_SHARE
    const c = current[i] / curTotal || PSI_EMPTY_BIN_SHARE
    psi += (c - r) * Math.log(c / r)
  }
  return psi
}

function total(counts: ArrayLike<number>, name: string): number {
  let sum = 0
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]
    if (!(c >= 0) || !Number.isFinite(c))
      throw new RangeError(`populationStabilityIndex: ${name}[${i}] = ${c} is not a count >= 0`)
    sum += c
  }
  if (sum === 0) throw new RangeError(`populationStabilityIndex: the ${name} sample has no counts`)
  return sum
}
