/**
 * Every value of a column with its sample weight, for the statistics that need them all (ROC AUC and
 * average precision: the scores of each class; median_ae: the absolute errors). 8 bytes per row:
 * weights are stored only once a weight other than 1 arrives. The order of the values carries no
 * meaning (a multiset), so `sorted` sorts them in place, once until the next `push`, and not at all
 * when they were pushed in order.
 */

import { GrowableFloat64Array } from '../kernels/growable-array.js'
import { decode, encode, stateError, type Encoded } from './metric-state.js'
import { sortNumbers } from '../kernels/radix-sort.js'

/** Values ascending with their weights (`null`: every weight is 1). Views, valid until the next push. */
export interface SortedValues {
  readonly values: Float64Array
  readonly weights: Float64Array | null
}

export interface WeightedValuesState {
  readonly values: Encoded
  /** `null` when every weight is 1. */
  readonly weights: Encoded | null
}

export class WeightedValues {
  private values: GrowableFloat64Array
  private weights: GrowableFloat64Array | null
  private isSorted = true
  /** The largest value while `isSorted`, to tell whether a push keeps the order. */
  private last = -Infinity

  constructor(values?: Float64Array, weights?: Float64Array | null) {
    this.values = new GrowableFloat64Array(values)
    this.weights = weights ? new GrowableFloat64Array(weights) : null
  }

  get length(): number {
    return this.values.length
  }

  push(value: number, weight: number): void {
    if (weight !== 1 && !this.weights) this.materializeWeights()
    if (this.isSorted) {
      // Out of order as `sortNumbers` orders: smaller, or −0 after +0.
      if (
        value < this.last ||
        (value === 0 && this.last === 0 && Object.is(value, -0) && !Object.is(this.last, -0))
      )
        this.isSorted = false
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
    if (this.length > 0) {
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
    if (other.weights && !this.weights) this.materializeWeights()
    this.values.append(other.values.values())
    if (this.weights) {
      if (other.weights) this.weights.append(other.weights.values())
      else this.weights.pushRepeated(1, other.length)
    }
    this.isSorted = false
  }

  sorted(): SortedValues {
    const values = this.values.values()
    const weights = this.weights?.values() ?? null
    if (!this.isSorted) sortNumbers(values, weights)
    this.isSorted = true
    this.last = values.length > 0 ? values[values.length - 1] : -Infinity
    return { values, weights }
  }

  toState(): WeightedValuesState {
    return {
      values: encode(this.values.values()),
      weights: this.weights ? encode(this.weights.values()) : null
    }
  }

  /** Restores a `toState()` record read back from JSON: every field is checked. */
  static fromState(record: Record<string, unknown>, what: string): WeightedValues {
    if (typeof record !== 'object' || record === null) throw stateError(`${what} must be { values, weights }`)
    const values = decode(record, 'values', Float64Array)
    const weights = record.weights === null ? null : decode(record, 'weights', Float64Array, values.length)
    const restored = new WeightedValues(values, weights)
    restored.isSorted = false
    return restored
  }

  private materializeWeights(): void {
    this.weights = new GrowableFloat64Array()
    this.weights.pushRepeated(1, this.values.length)
  }
}
