/**
 * Adjusted p-values for a family of tests judged at once: the segments of one gate's rule, the
 * drift tests of one dataset's columns. A result is significant at level α when its adjusted
 * p-value is at most α (below it, for drift's strict `p < threshold`).
 */

/**
 * - `holm`: Holm's step-down procedure, which bounds the family-wise error rate (the chance of
 *   any false finding) at α. The default: a gate must not fail a model by luck.
 * - `bh`: Benjamini–Hochberg's step-up procedure, which bounds the false discovery rate (the
 *   expected share of false findings among the findings) at α: more power with many segments.
 * - `none`: each test at α on its own.
 */
export type Correction = 'holm' | 'bh' | 'none'

/** The correction's name in reasons: `Holm`, `Benjamini–Hochberg`, `no correction`. */
export const CORRECTION_NAMES: Readonly<Record<Correction, string>> = {
  holm: 'Holm',
  bh: 'Benjamini–Hochberg',
  none: 'no correction'
}

/** The indices of `pValues` sorted by p ascending, ties in input order. */
export function ascending(pValues: readonly number[]): number[] {
  return pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b)
}

/**
 * Adjusted p-values of `pValues` (each in [0, 1]), in input order, as
 * `statsmodels.stats.multitest.multipletests(p, method=…)[1]` computes them (m tests, p_(i) the
 * i-th smallest):
 * - `holm`: `p̃_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j))` (Holm 1979; method `holm`);
 * - `bh`: `p̃_(i) = min(1, min_{j ≥ i} m·p_(j) / j)` (Benjamini & Hochberg 1995; method
 *   `fdr_bh`), monotone in p;
 * - `none`: `p̃ = p`.
 *
 * An empty list gives an empty array.
 *
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm') // [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'bh')   // [0.03, 0.04, 0.04]
 */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length
  if (correction === 'none') return [...pValues]
  const order = ascending(pValues)
  const adjusted = new Array<number>(m)
  if (correction === 'holm') {
    let running = 0
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * pValues[index]))
      adjusted[index] = running
    })
    return adjusted
  }
  let running = 1
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]
    running = Math.min(running, (m * pValues[index]) / (rank + 1))
    adjusted[index] = running
  }
  return adjusted
}
