/**
 * First Wasserstein (earth mover's) distance between two numeric samples, normalized by the
 * reference's spread so that one threshold fits every column.
 */

export interface WassersteinResult {
  /** scipy.stats.wasserstein_distance(reference, current), in the column's units, >= 0. */
  readonly distance: number
  /** Population standard deviation of the reference (numpy's `np.std`, ddof = 0). */
  readonly referenceStd: number
  /**
   * `distance / referenceStd`, >= 0; `null` when the reference is constant (std 0), where no
   * scale exists to normalize by.
   */
  readonly normalized: number | null
}

/**
 * `W1(ref, cur) = ∫ |F_ref(x) - F_cur(x)| dx` over the empirical CDFs — the average distance each
 * unit of probability mass must move — divided by the reference's standard deviation.
 *
 * The standard deviation uses ddof = 0 (`np.std(reference)`), as Evidently's "normed Wasserstein
 * distance" whose default threshold of 0.1 ml-gate adopts: 0.1 means the current distribution is,
 * on average, a tenth of a reference standard deviation away.
 *
 * Range: [0, ∞). Identical samples give 0. Undefined: `normalized` is `null` for a constant
 * reference. An empty sample or a non-finite value is a caller bug (`RangeError`).
 * Agreement with scipy 1.17: 1e-12 relative (summation order differs).
 *
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // { distance: 5, referenceStd: 1.247…, normalized: 4.009… }
 */
export function wassersteinDistance(
  reference: ArrayLike<number>,
  current: ArrayLike<number>
): WassersteinResult {
  const u = sortedFinite(reference, 'reference')
  const v = sortedFinite(current, 'current')
  let i = 0
  let j = 0
  let distance = 0
  let previous = Math.min(u[0], v[0])
  while (i < u.length || j < v.length) {
    const value = j >= v.length || (i < u.length && u[i] <= v[j]) ? u[i] : v[j]
    // Between two consecutive distinct values both CDFs are flat: add |F_u - F_v| × width.
    distance += Math.abs(i / u.length - j / v.length) * (value - previous)
    while (i < u.length && u[i] === value) i++
    while (j < v.length && v[j] === value) j++
    previous = value
  }
  const referenceStd = populationStd(u)
  return { distance, referenceStd, normalized: referenceStd > 0 ? distance / referenceStd : null }
}

/** numpy's `np.std(x)`: two passes, `√(mean((x - mean)²))`. */
export function populationStd(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  const mean = sum / values.length
  let squares = 0
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2
  return Math.sqrt(squares / values.length)
}

function sortedFinite(values: ArrayLike<number>, name: string): Float64Array {
  if (values.length === 0) throw new RangeError(`wassersteinDistance: the ${name} sample is empty`)
  const copy = Float64Array.from(values)
  for (let i = 0; i < copy.length; i++) {
    if (!Number.isFinite(copy[i])) {
      throw new RangeError(
        `wassersteinDistance: the ${name} sample holds a non-finite value (${copy[i]}) at index ${i}`
      )
    }
  }
  return copy.sort()
}
