/**
 * Histogram bins cut at the reference's quantiles, shared by PSI and Jensen–Shannon on numeric
 * columns: each bin holds about the same share of the reference, so no bin is empty by design
 * and the bins follow the reference's shape whatever its scale.
 */

/** Default number of bins: deciles, the usual choice for PSI. */
export const DEFAULT_BIN_COUNT = 10

/**
 * The interior edges of `bins` reference-quantile bins: the quantiles at `1/bins, 2/bins, …,
 * (bins-1)/bins` by numpy's default linear interpolation (`np.quantile(reference, q)`), with
 * repeated edges removed (heavily tied data gives fewer, wider bins).
 *
 * The bins are right-closed: `(-∞, e₀], (e₀, e₁], …, (e_last, +∞)`, so values outside the
 * reference's range fall into the outer bins.
 *
 * @example quantileEdges([1, 2, 3, 4, 5], 4) // Float64Array [2, 3, 4]
 */
export function quantileEdges(reference: ArrayLike<number>, bins = DEFAULT_BIN_COUNT): Float64Array {
  if (!Number.isInteger(bins) || bins < 2)
    throw new RangeError(`quantileEdges: bins must be an integer >= 2, got ${bins}`)
  if (reference.length === 0) throw new RangeError('quantileEdges: the reference sample is empty')
  const sorted = Float64Array.from(reference).sort()
  const edges: number[] = []
  for (let b = 1; b < bins; b++) {
    const edge = linearQuantile(sorted, b / bins)
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge)
  }
  return Float64Array.from(edges)
}

/** numpy's 'linear' quantile of sorted data, including its symmetric lerp for t >= 0.5. */
function linearQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.min(lower + 1, sorted.length - 1)
  const t = position - lower
  const a = sorted[lower]
  const b = sorted[upper]
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/**
 * Counts of `values` per bin for the given interior edges (`edges.length + 1` bins, right-closed):
 * value `x` goes to bin `#{edges < x}` (`np.searchsorted(edges, x, side='left')`).
 */
export function binCounts(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1)
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    let lo = 0
    let hi = edges.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (edges[mid] < x) lo = mid + 1
      else hi = mid
    }
    counts[lo]++
  }
  return counts
}
