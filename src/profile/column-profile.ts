import { Kind, type ColumnChunk } from '../io/table.js'
import { ValueCounts, type CountedValue, type TopValue, type ValueCountsState } from './value-counts.js'

/** The inferred type of a column: the narrowest type every non-missing value fits. */
export type ColumnType = 'integer' | 'number' | 'boolean' | 'string'

export interface ColumnSummary {
  readonly name: string
  /**
   * `integer` when every present value is an integer, `number` when they are integers or
   * decimals, `boolean` when all are true/false, otherwise (mixed kinds, or no present value)
   * `string`.
   */
  readonly type: ColumnType
  /** Present (non-missing) values. */
  readonly count: number
  readonly missing: number
  readonly distinct: number
  /** False once the column passed the exact bound and `distinct` became a HyperLogLog estimate. */
  readonly distinct_exact: boolean
  /** Numeric columns only; otherwise null. */
  readonly min: number | null
  readonly max: number | null
  readonly mean: number | null
  /** Sample standard deviation (ddof = 1); null below 2 values or for non-numeric columns. */
  readonly std: number | null
  /** Most frequent values of string and boolean columns (empty for numeric columns). */
  readonly top: TopValue[]
}

export interface ProfileOptions {
  /** How many most frequent values to report. Default 5. */
  readonly topValues?: number
  /** Distinct values counted exactly before switching to sketches. Default 100,000. */
  readonly exactDistinct?: number
}

/** A column's profile as a shard's state stores it (`profile-state.ts`). */
export interface ColumnProfileState {
  readonly name: string
  /** Cells of each `Kind`. */
  readonly kinds: readonly number[]
  /** Welford's count, mean and sum of squared deviations of the numbers; their min and max. */
  readonly moments: readonly [number, number, number, number, number]
  readonly values: ValueCountsState
}

/**
 * The profile of one column, built in one streaming pass and mergeable.
 *
 * Mean and variance use Welford's update and Chan et al.'s pairwise merge, which stay accurate
 * where the naive sum-of-squares formula cancels catastrophically.
 */
export class ColumnProfile {
  private readonly kinds = new Float64Array(5)
  private n = 0
  private mean = 0
  private m2 = 0
  private min = Infinity
  private max = -Infinity
  private values: ValueCounts

  constructor(
    readonly name: string,
    options: ProfileOptions = {}
  ) {
    this.values = new ValueCounts(options.exactDistinct)
  }

  addChunk(chunk: ColumnChunk, size: number): void {
    const { kinds, values } = chunk
    for (let i = 0; i < size; i++) {
      const kind = kinds[i]
      this.kinds[kind]++
      if (kind === Kind.Missing) continue
      const value = values[i] as CountedValue
      this.values.add(value)
      if (kind === Kind.Integer || kind === Kind.Number) this.addNumber(value as number)
    }
  }

  merge(other: ColumnProfile): void {
    for (let k = 0; k < this.kinds.length; k++) this.kinds[k] += other.kinds[k]
    this.values.merge(other.values)
    if (other.n === 0) return
    const n = this.n + other.n
    const delta = other.mean - this.mean
    this.mean += (delta * other.n) / n
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n
    this.n = n
    if (other.min < this.min) this.min = other.min
    if (other.max > this.max) this.max = other.max
  }

  toState(): ColumnProfileState {
    return {
      name: this.name,
      kinds: Array.from(this.kinds),
      moments: [this.n, this.mean, this.m2, this.min, this.max],
      values: this.values.toState()
    }
  }

  static fromState(state: ColumnProfileState): ColumnProfile {
    const restored = new ColumnProfile(state.name)
    restored.values = ValueCounts.fromState(state.values)
    restored.kinds.set(state.kinds)
    ;[restored.n, restored.mean, restored.m2, restored.min, restored.max] = state.moments
    return restored
  }

  summary(topValues = 5): ColumnSummary {
    const type = this.type()
    const numeric = type === 'integer' || type === 'number'
    const missing = this.kinds[Kind.Missing]
    return {
      name: this.name,
      type,
      count: this.kinds.reduce((a, b) => a + b, 0) - missing,
      missing,
      distinct: this.values.distinct(),
      distinct_exact: this.values.exact,
      min: numeric ? this.min : null,
      max: numeric ? this.max : null,
      mean: numeric ? this.mean : null,
      std: numeric && this.n >= 2 ? Math.sqrt(this.m2 / (this.n - 1)) : null,
      top: numeric ? [] : this.values.top(topValues)
    }
  }

  private addNumber(x: number): void {
    this.n++
    const delta = x - this.mean
    this.mean += delta / this.n
    this.m2 += delta * (x - this.mean)
    if (x < this.min) this.min = x
    if (x > this.max) this.max = x
  }

  private type(): ColumnType {
    const integers = this.kinds[Kind.Integer]
    const numbers = this.kinds[Kind.Number]
    const booleans = this.kinds[Kind.Boolean]
    const strings = this.kinds[Kind.String]
    if (strings > 0 || (booleans > 0 && integers + numbers > 0)) return 'string'
    if (booleans > 0) return 'boolean'
    if (numbers > 0) return 'number'
    if (integers > 0) return 'integer'
    return 'string'
  }
}
