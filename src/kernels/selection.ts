/**
 * The k-th smallest (0-based) of `values`, which it reorders: Hoare's selection in Wirth's form,
 * linear on average. The callers select among hashes (the hash sample's ranks, the reservoir's keys),
 * so the middle element is as good as a random pivot. `values` must not hold NaN.
 *
 * @example kthSmallest(Uint32Array.of(9, 2, 7, 4), 1) // 4
 */
export function kthSmallest(values: Float64Array | Uint32Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i] < pivot) i++
      while (values[j] > pivot) j--
      if (i <= j) {
        const t = values[i]
        values[i++] = values[j]
        values[j--] = t
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else break
  }
  return values[k]
}
