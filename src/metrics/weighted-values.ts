/**
 * Every value of a column with its sample weight, for the statistics that need them all (ROC AUC and
 * average precision: the scores of each class; median_ae: the absolute errors). The order of the
 * values carries no meaning (a multiset).
 *
 * Two forms. Rows as pushed: 8 bytes per row (weights are stored only once a weight other than 1
 * arrives), sorted in place by `sorted`, once until the next `push`, and not at all when they were
 * pushed in order. And a table: each distinct value once, ascending, with its count and (with
 * weights) its summed weight, which is what `toState` writes, so that a shard's state grows with its
 * distinct values, not its rows (scores written with 6 decimals have at most 10⁶). A state restored
 * from a table, and anything merged with it, stays a table: a merge of many shards holds the
 * distinct values of all of them, not their rows. Where a table would take more room than the rows
 * (fewer than two rows per distinct value, as continuous scores have), the rows are written and
 * restored as rows, no bigger than before.
 *
 * Exact: with weights all 1, counts are integers and the ranking metrics' groups weigh the same in
 * either form. With other weights, a value's weights are summed per piece and then across pieces,
 * another grouping than a single run's: equal to rounding.
 */

import { GrowableFloat64Array } from '../kernels/growable-array.js'
import { decode, encode, stateError, type Encoded } from './metric-state.js'
import { sortNumbers } from '../kernels/radix-sort.js'

/**
 * Values ascending with their weights (`null`: every weight is 1) and, from a table, each value's
 * count (`null`: each value is one row). Views, valid until the next push or append.
 */
export interface SortedValues {
  readonly values: Float64Array
  readonly weights: Float64Array | null
  readonly counts?: Float64Array | null
}

/** Each distinct value once, ascending, with its count and its summed weight (`null`: all 1). */
interface ValueTable {
  readonly values: Float64Array
  readonly counts: Float64Array
  readonly weights: Float64Array | null
}

export interface WeightedValuesState {
  /** The distinct values, ascending (as rows, when `counts` is absent and every value is one row). */
  readonly values: Encoded
  /**
   * How many rows have each value, as unsigned integers of 1, 2 or 4 bytes (or float64) each, the
   * width the byte length tells; `null` (or absent) when the values are the rows.
   */
  readonly counts?: Encoded | null
  /** The summed weight of each value's rows; `null` when every weight is 1. */
  readonly weights: Encoded | null
}

/** `a` comes before `b` in `sortNumbers`' order: smaller, or −0 before +0. */
function before(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && Object.is(a, -0) && !Object.is(b, -0))
}

export class WeightedValues {
  private values: GrowableFloat64Array
  private weights: GrowableFloat64Array | null
  private isSorted = true
  /** The largest value while `isSorted`, to tell whether a push keeps the order. */
  private last = -Infinity
  /** The table form, once restored from or merged with one; the rows above are then added to it. */
  private table: ValueTable | null = null

  constructor(values?: Float64Array, weights?: Float64Array | null) {
    this.values = new GrowableFloat64Array(values)
    this.weights = weights ? new GrowableFloat64Array(weights) : null
  }

  /** The rows held (in either form). */
  get length(): number {
    let rows = this.values.length
    if (this.table) for (const count of this.table.counts) rows += count
    return rows
  }

  push(value: number, weight: number): void {
    if (weight !== 1 && !this.weights) this.materializeWeights()
    if (this.isSorted) {
      if (before(value, this.last)) this.isSorted = false
      else this.last = value
    }
    this.values.push(value)
    this.weights?.push(weight)
  }

  /**
   * Appends values already in `sortNumbers`' order. Into an empty instance the arrays are taken as
   * they are, not copied: they may be views into a larger array (see `score-ledger.ts`).
   */
  appendAscending({ values, weights }: SortedValues): void {
    if (this.values.length > 0 || this.table) {
      for (let i = 0; i < values.length; i++) this.push(values[i], weights === null ? 1 : weights[i])
      return
    }
    this.values = GrowableFloat64Array.wrapping(values)
    this.weights = weights === null ? null : GrowableFloat64Array.wrapping(weights)
    this.isSorted = true
    this.last = values.length > 0 ? values[values.length - 1] : -Infinity
  }

  append(other: WeightedValues): void {
    if (other.length === 0) return
    if (this.table || other.table) {
      this.table = mergeTables(this.folded(), other.folded())
      return
    }
    if (other.weights && !this.weights) this.materializeWeights()
    this.values.append(other.values.values())
    if (this.weights) {
      if (other.weights) this.weights.append(other.weights.values())
      else this.weights.pushRepeated(1, other.length)
    }
    this.isSorted = false
  }

  /** The values ascending: the rows, or the table's distinct values with their counts. */
  sorted(): SortedValues {
    if (this.table) return this.folded()
    return this.sortedRows()
  }

  /**
   * One entry per row, ascending, for the statistics read by position (median_ae's order
   * statistics): a table is expanded, each value repeated by its count with an equal share of its
   * summed weight, so a merged regression holds every error again while it finalizes.
   */
  rows(): SortedValues {
    if (!this.table) return this.sortedRows()
    const { values, counts, weights } = this.folded()
    const n = this.length
    const out = new Float64Array(n)
    const outWeights = weights ? new Float64Array(n) : null
    let at = 0
    for (let i = 0; i < values.length; i++) {
      out.fill(values[i], at, at + counts[i])
      outWeights?.fill(weights![i] / counts[i], at, at + counts[i])
      at += counts[i]
    }
    return { values: out, weights: outWeights }
  }

  /**
   * The table, or the rows where they take no more room (a table entry is a value and a count of
   * the narrowest width that holds the largest), unless rows would have to be made up from summed
   * weights.
   */
  toState(): WeightedValuesState {
    const table = this.table ? this.folded() : compact(this.sortedRows())
    const counts = narrowest(table.counts)
    const tableBytes = table.values.length * (8 + counts.BYTES_PER_ELEMENT)
    if (tableBytes >= 8 * this.length && (!this.table || !table.weights)) {
      const { values, weights } = this.table ? this.rows() : this.sortedRows()
      return { values: encode(values), counts: null, weights: weights ? encode(weights) : null }
    }
    return {
      values: encode(table.values),
      counts: encode(counts),
      weights: table.weights ? encode(table.weights) : null
    }
  }

  /** Restores a `toState()` record read back from JSON: every field is checked. */
  static fromState(record: Record<string, unknown>, what: string): WeightedValues {
    if (typeof record !== 'object' || record === null) throw stateError(`${what} must be { values, weights }`)
    const values = decode(record, 'values', Float64Array)
    const weights = record.weights === null ? null : decode(record, 'weights', Float64Array, values.length)
    if (record.counts === null || record.counts === undefined) {
      const restored = new WeightedValues(values, weights)
      restored.isSorted = false
      return restored
    }
    const counts = decodeCounts(record, values.length, what)
    for (let i = 0; i < values.length; i++) {
      if (i > 0 && !before(values[i - 1], values[i])) {
        throw stateError(`${what}.values must be distinct and ascending where counts are given`)
      }
      if (!(Number.isInteger(counts[i]) && counts[i] >= 1)) {
        throw stateError(`${what}.counts must be whole numbers >= 1, got ${counts[i]}`)
      }
    }
    const restored = new WeightedValues()
    restored.table = { values, counts, weights }
    return restored
  }

  private sortedRows(): SortedValues {
    const values = this.values.values()
    const weights = this.weights?.values() ?? null
    if (!this.isSorted) sortNumbers(values, weights)
    this.isSorted = true
    this.last = values.length > 0 ? values[values.length - 1] : -Infinity
    return { values, weights }
  }

  /** The table with the rows pushed since folded in (the rows are then dropped). */
  private folded(): ValueTable & SortedValues {
    let table = this.table
    if (this.values.length > 0 || !table) {
      const rows = compact(this.sortedRows())
      table = table ? mergeTables(table, rows) : rows
      this.values = new GrowableFloat64Array()
      this.weights = null
      this.isSorted = true
      this.last = -Infinity
    }
    this.table = table
    return table
  }

  private materializeWeights(): void {
    this.weights = new GrowableFloat64Array()
    this.weights.pushRepeated(1, this.values.length)
  }
}

/** The counts in the narrowest of 1, 2, 4 or 8 bytes each that holds them all. */
function narrowest(counts: Float64Array): Uint8Array | Uint16Array | Uint32Array | Float64Array {
  let largest = 0
  for (const count of counts) if (count > largest) largest = count
  const type =
    largest < 2 ** 8 ? Uint8Array : largest < 2 ** 16 ? Uint16Array : largest < 2 ** 32 ? Uint32Array : null
  return type === null ? counts : type.from(counts)
}

/** The counts of `length` values, whose width (1, 2, 4 or 8 bytes) the byte length tells. */
function decodeCounts(record: Record<string, unknown>, length: number, what: string): Float64Array {
  const bytes = typeof record.counts === 'string' ? Buffer.from(record.counts, 'base64').length : -1
  const width = length > 0 ? bytes / length : 0
  if (width === 1) return Float64Array.from(decode(record, 'counts', Uint8Array, length))
  if (width === 2) return Float64Array.from(decode(record, 'counts', Uint16Array, length))
  if (width === 4) return Float64Array.from(decode(record, 'counts', Uint32Array, length))
  if (width === 8) return decode(record, 'counts', Float64Array, length)
  throw stateError(`${what}.counts must hold one count of 1, 2, 4 or 8 bytes per value (${length} values)`)
}

/** Ascending rows as a table: runs of one value (−0 and +0 apart) become one entry. */
function compact({ values, weights }: SortedValues): ValueTable {
  const n = values.length
  let distinct = 0
  for (let i = 0; i < n; i++) if (i === 0 || !Object.is(values[i], values[i - 1])) distinct++
  const out = new Float64Array(distinct)
  const counts = new Float64Array(distinct)
  const sums = weights ? new Float64Array(distinct) : null
  let g = -1
  for (let i = 0; i < n; i++) {
    if (i === 0 || !Object.is(values[i], values[i - 1])) out[++g] = values[i]
    counts[g]++
    if (sums) sums[g] += weights![i]
  }
  return { values: out, counts, weights: sums }
}

/** The union of two tables, a value in both summing its counts and weights. */
function mergeTables(a: ValueTable, b: ValueTable): ValueTable {
  const capacity = a.values.length + b.values.length
  const values = new Float64Array(capacity)
  const counts = new Float64Array(capacity)
  const weighted = a.weights !== null || b.weights !== null
  const weights = weighted ? new Float64Array(capacity) : null
  // A table without weights has weights 1: a value's summed weight is its count.
  const weightOf = (t: ValueTable, i: number) => (t.weights ? t.weights[i] : t.counts[i])
  let i = 0
  let j = 0
  let g = 0
  for (; i < a.values.length || j < b.values.length; g++) {
    const fromA = j >= b.values.length || (i < a.values.length && !before(b.values[j], a.values[i]))
    const fromB = i >= a.values.length || (j < b.values.length && !before(a.values[i], b.values[j]))
    values[g] = fromA ? a.values[i] : b.values[j]
    if (fromA) {
      counts[g] += a.counts[i]
      if (weights) weights[g] += weightOf(a, i)
      i++
    }
    if (fromB) {
      counts[g] += b.counts[j]
      if (weights) weights[g] += weightOf(b, j)
      j++
    }
  }
  return {
    values: values.subarray(0, g),
    counts: counts.subarray(0, g),
    weights: weights ? weights.subarray(0, g) : null
  }
}
