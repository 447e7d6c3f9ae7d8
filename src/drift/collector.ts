import { Kind, type ColumnChunk } from '../io/table.js'
import { CategoryCounter, type CategoryCounterState } from './category-counter.js'
import type { ColumnKind } from './method.js'
import { batchRowKeys, NumericReservoir, type ReservoirState } from './reservoir.js'
import type { ColumnSample } from './sample.js'

/** Plain-data form of a collector (JSON-safe), for passing between jobs. */
export interface DriftCollectorState {
  readonly numbers: number
  readonly trues: number
  readonly booleans: number
  readonly others: number
  readonly reservoir: ReservoirState
  readonly categories: CategoryCounterState
}

/**
 * Gathers what drift needs of one column of one file, in bounded memory: numbers into a seeded
 * reservoir (at most 100,000 values), other values into a category counter (at most 10,000
 * categories), booleans as counts.
 *
 * The column's kind is given by the contract, or else found from the data: numeric when every
 * present value is a number, boolean when every one is true/false, categorical when none is a
 * number or boolean. A column that mixes numbers with text has no drift kind.
 */
export class DriftCollector {
  private readonly reservoir: NumericReservoir
  private readonly categories = new CategoryCounter()
  private numbers = 0
  private trues = 0
  private booleans = 0
  private others = 0

  /**
   * @param kind forced by the contract; `categorical` counts numbers as categories too
   * @param seed seed of the reservoir's row keys; reference and current must share it
   */
  constructor(
    private readonly kind: ColumnKind | undefined,
    seed: number
  ) {
    this.reservoir = new NumericReservoir({ seed })
  }

  /** Adds a batch; `firstRow` is the 0-based index of its first row in the file (the row key). */
  add(chunk: ColumnChunk, size: number, firstRow: number): void {
    const { kinds, values } = chunk
    const categorical = this.kind === 'categorical'
    let keys: Float64Array | null = null // the rows' reservoir keys, on the first number of the batch
    for (let i = 0; i < size; i++) {
      const kind = kinds[i]
      if (kind === Kind.Missing) continue
      if (!categorical && (kind === Kind.Integer || kind === Kind.Number)) {
        this.numbers++
        keys ??= batchRowKeys(this.reservoir.seed, firstRow, size)
        this.reservoir.addHashed(values[i] as number, firstRow + i, keys[i])
      } else if (!categorical && kind === Kind.Boolean) {
        this.booleans++
        if (values[i] === true) this.trues++
      } else {
        this.others++
        this.categories.add(String(values[i]))
      }
    }
  }

  state(): DriftCollectorState {
    return {
      numbers: this.numbers,
      trues: this.trues,
      booleans: this.booleans,
      others: this.others,
      reservoir: this.reservoir.state(),
      categories: this.categories.state()
    }
  }

  /**
   * Adds the values of another part of the column: the counts add, the reservoirs merge exactly
   * (bottom-k by row key), and the category counts merge exactly while under their cap (merged in
   * input order, they keep a single run's first-seen order).
   * @throws RangeError for a state of another seed or capacity, or an inconsistent one
   */
  merge(state: DriftCollectorState): void {
    this.numbers += state.numbers
    this.trues += state.trues
    this.booleans += state.booleans
    this.others += state.others
    this.reservoir.merge(NumericReservoir.fromState(state.reservoir))
    this.categories.merge(CategoryCounter.fromState(state.categories))
  }

  /** The kind the values show (or the contract forced), or undefined for a mixed column. */
  observedKind(): ColumnKind | undefined {
    if (this.kind !== undefined) return this.kind
    const present = this.numbers + this.booleans + this.others
    if (this.numbers === present) return 'numeric'
    if (this.booleans === present) return 'boolean'
    if (this.others === present) return 'categorical'
    return undefined
  }

  /** The sample for a kind (the kind both sides agree on). */
  sample(kind: ColumnKind): ColumnSample {
    if (kind === 'numeric') return { kind, values: this.reservoir.values() }
    if (kind === 'boolean') return { kind, trues: this.trues, total: this.booleans }
    return { kind, counts: this.categories.snapshot() }
  }
}
