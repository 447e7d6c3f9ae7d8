/**
 * Bounded-memory counts per category of a categorical column, mergeable across shards.
 */
import { CountTable } from '../profile/count-table.js'
import type { CategoryCounts } from './sample.js'

/** Default cap on distinct categories counted exactly. */
export const DEFAULT_MAX_CATEGORIES = 10000

/** Plain-data form of a counter (JSON-safe). */
export interface CategoryCounterState {
  readonly max_categories: number
  readonly values: readonly string[]
  readonly counts: readonly number[]
  readonly other: number
}

/**
 * Counts values per category, exactly for the first `maxCategories` distinct categories. Values of
 * any further category are counted together in `other` (reported as `(other)`), and `capped` says
 * so: a column with that many distinct values is closer to an identifier than to a category, and
 * its drift is measured on the frequent categories plus one lump.
 *
 * Merging adds counts; it equals counting the whole data as long as the merged counter stays under
 * the cap. Past the cap, which categories are exact depends on arrival order.
 *
 * @example
 * const counter = new CategoryCounter()
 * for (const home of ['rent', 'owner', 'rent']) counter.add(home)
 * counter.snapshot() // { counts: Map { 'rent' => 2, 'owner' => 1 }, other: 0 }
 */
export class CategoryCounter {
  readonly maxCategories: number
  /**
   * The exact counts, in first-seen order. A `CountTable` rather than a `Map`: one lookup per value
   * instead of a get and a set, with a hash computed in JS on a small index that stays in cache.
   */
  private readonly exact = new CountTable()
  private otherCount = 0

  constructor(options: { readonly maxCategories?: number } = {}) {
    this.maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES
    if (!Number.isInteger(this.maxCategories) || this.maxCategories < 1) {
      throw new RangeError(
        `CategoryCounter: maxCategories must be an integer >= 1, got ${this.maxCategories}`
      )
    }
  }

  /** Whether some values were lumped into `other`. */
  get capped(): boolean {
    return this.otherCount > 0
  }

  /** Counts `count` (default 1) occurrences of `category`. */
  add(category: string, count = 1): void {
    const exact = this.exact
    const e = exact.find(category)
    if (e >= 0) exact.counts[e] += count
    else if (exact.size < this.maxCategories) exact.append(category, count)
    else this.otherCount += count
  }

  /** Plain data for passing between jobs: the exact counts in first-seen order, and `other`. */
  state(): CategoryCounterState {
    const { values, counts, size } = this.exact
    return {
      max_categories: this.maxCategories,
      values: values.slice(0, size).map(String),
      counts: Array.from(counts.subarray(0, size)),
      other: this.otherCount
    }
  }

  /** @throws RangeError for an inconsistent state */
  static fromState(state: CategoryCounterState): CategoryCounter {
    const counter = new CategoryCounter({ maxCategories: state.max_categories })
    if (state.values.length !== state.counts.length || state.values.length > state.max_categories)
      throw new RangeError('CategoryCounter.fromState: inconsistent state')
    state.values.forEach((value, e) => counter.add(value, state.counts[e]))
    counter.otherCount = state.other
    return counter
  }

  merge(other: CategoryCounter): void {
    const { values, counts, size } = other.exact
    for (let e = 0; e < size; e++) this.add(values[e] as string, counts[e])
    this.otherCount += other.otherCount
  }

  /** A copy of the counts, in the shape the drift functions take. */
  snapshot(): CategoryCounts {
    const { values, counts, size } = this.exact
    const copy = new Map<string, number>()
    for (let e = 0; e < size; e++) copy.set(values[e] as string, counts[e])
    return { counts: copy, other: this.otherCount }
  }
}
