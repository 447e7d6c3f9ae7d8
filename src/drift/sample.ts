/**
 * What the drift functions receive for one column on one side (reference or current): the numeric
 * values (all of them, or a reservoir sample), the counts per category, or the count of trues.
 */

/** Counts per category. `other` counts values lumped together once a counter hit its cap. */
export interface CategoryCounts {
  readonly counts: ReadonlyMap<string, number>
  readonly other?: number
}

export type ColumnSample =
  | { readonly kind: 'numeric'; readonly values: ArrayLike<number> }
  | { readonly kind: 'categorical'; readonly counts: CategoryCounts }
  | { readonly kind: 'boolean'; readonly trues: number; readonly total: number }

/** Number of (non-missing) values the sample holds. */
export function sampleSize(sample: ColumnSample): number {
  switch (sample.kind) {
    case 'numeric':
      return sample.values.length
    case 'boolean':
      return sample.total
    case 'categorical': {
      let n = sample.counts.other ?? 0
      for (const count of sample.counts.counts.values()) n += count
      return n
    }
  }
}

/**
 * `n_ref · n_cur / (n_ref + n_cur)`: the size that governs a two-sample test's power (two samples
 * of 5,000 have an effective size of 2,500). 0 when either sample is empty.
 */
export function effectiveSampleSize(nReference: number, nCurrent: number): number {
  return nReference === 0 || nCurrent === 0 ? 0 : (nReference * nCurrent) / (nReference + nCurrent)
}

/** Label of the cell that holds lumped categories, in messages. */
export const OTHER_CATEGORY_LABEL = '(other)'

/** Two aligned count vectors over the union of categories. */
export interface AlignedCounts {
  /** Category names in cell order; the lumped cell, if any, is last and is `OTHER_CATEGORY_LABEL`. */
  readonly labels: readonly string[]
  readonly reference: Float64Array
  readonly current: Float64Array
}

/**
 * Aligns two category count tables on the union of their categories (sorted by code unit, so the
 * result does not depend on arrival order), dropping categories counted 0 on both sides. Lumped
 * `other` counts form one last cell, present when either side has some: the two lumps are compared
 * as if they were one category, an approximation that only arises past a counter's cap.
 */
export function alignCategories(reference: CategoryCounts, current: CategoryCounts): AlignedCounts {
  const names = new Set<string>()
  for (const [name, count] of reference.counts) if (count > 0) names.add(name)
  for (const [name, count] of current.counts) if (count > 0) names.add(name)
  const labels = [...names].sort()
  const refOther = reference.other ?? 0
  const curOther = current.other ?? 0
  const cells = labels.length + (refOther + curOther > 0 ? 1 : 0)
  const ref = new Float64Array(cells)
  const cur = new Float64Array(cells)
  labels.forEach((name, i) => {
    ref[i] = reference.counts.get(name) ?? 0
    cur[i] = current.counts.get(name) ?? 0
  })
  if (cells > labels.length) {
    ref[cells - 1] = refOther
    cur[cells - 1] = curOther
    labels.push(OTHER_CATEGORY_LABEL)
  }
  return { labels, reference: ref, current: cur }
}

/** A boolean sample as two categories, `false` and `true`. */
export function booleanAsCategories(trues: number, total: number): CategoryCounts {
  return {
    counts: new Map([
      ['false', total - trues],
      ['true', trues]
    ])
  }
}

/** The counts per category of a categorical or boolean sample (a numeric sample has none). */
export function categoryCountsOf(sample: ColumnSample): CategoryCounts {
  if (sample.kind === 'categorical') return sample.counts
  if (sample.kind === 'boolean') return booleanAsCategories(sample.trues, sample.total)
  throw new RangeError('a numeric sample has no category counts; bin it with quantileEdges and binCounts')
}
