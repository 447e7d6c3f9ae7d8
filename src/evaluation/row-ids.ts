/**
 * The ids of one predictions file (`model.id`), checked as the rows are staged: each id at most
 * once, and a fingerprint of the (id, label) pairs, so that two files can be told to hold the same
 * rows with the same labels without a second pass over either.
 *
 * Why ids must be distinct: a row's id keys its bootstrap resamples (`poisson-bootstrap.ts`), so
 * rows sharing an id are resampled together, which narrows no interval honestly (n copies of a
 * row collapse an interval towards a point), and a repeated id cannot be matched with one row of
 * the other model's file.
 */
import { NumberSet, type NumberSetState } from '../contract/number-set.js'
import { fmix32, hashFloat64 } from '../kernels/hash.js'
import type { Value } from '../io/table.js'
import { RowDigest, rowKeyOf, type RowDigestState } from '../metrics/poisson-bootstrap.js'

/** Why every row needs a distinct id, as the errors for a repeated id say it. */
export const DISTINCT_IDS =
  'every row needs a distinct id (rows sharing an id cannot be matched one to one with the other ' +
  "model's rows, and would be resampled together, narrowing every interval)"

/** An `IdSet` as JSON: the numbers as `NumberSet` writes them, the texts sorted. */
export interface IdsState {
  readonly numbers: NumberSetState
  readonly texts: readonly string[]
}

/** How many ids two sets share, and one of them: the least number, else the least text. */
export interface SharedIds {
  readonly count: number
  readonly id: number | string
}

/**
 * Distinct ids. Numbers sit in a `NumberSet` (a paged bitmap for the usual integer ids: about
 * 1.25 MB for ids 1 to 10 million, no allocation per row), text in a `Set`.
 */
export class IdSet {
  private readonly numbers = new NumberSet()
  private readonly texts = new Set<string>()

  /** Adds `id`; false when the set already had it. */
  add(id: Exclude<Value, null>): boolean {
    if (typeof id === 'number') return this.numbers.add(id)
    const text = typeof id === 'string' ? id : String(id)
    const size = this.texts.size
    return this.texts.add(text).size > size
  }

  has(id: Exclude<Value, null>): boolean {
    return typeof id === 'number' ? this.numbers.has(id) : this.texts.has(String(id))
  }

  get size(): number {
    return this.numbers.size + this.texts.size
  }

  /** The set as JSON (a byte shard's ids, for the merge): `IdSet.fromState` restores it. */
  toState(): IdsState {
    return { numbers: this.numbers.toState(), texts: [...this.texts].sort() }
  }

  /** Restores a `toState()` object; throws an `Error` saying what is wrong. */
  static fromState(state: IdsState): IdSet {
    const set = new IdSet()
    set.numbers.addAll(NumberSet.fromState(state.numbers))
    for (const text of state.texts) set.texts.add(text)
    return set
  }

  /** The ids this set shares with `other`; `null` for none. */
  shared(other: IdSet): SharedIds | null {
    const numbers = this.numbers.shared(other.numbers)
    let count = numbers?.count ?? 0
    let text: string | null = null
    for (const id of this.texts) {
      if (!other.texts.has(id)) continue
      count++
      if (text === null || id < text) text = id
    }
    return count === 0 ? null : { count, id: numbers?.least ?? text! }
  }

  /** Adds every id of `other`. */
  addAll(other: IdSet): void {
    this.numbers.addAll(other.numbers)
    for (const id of other.texts) this.texts.add(id)
  }
}

/**
 * An order-independent fingerprint of the (id, label) pairs of a file: a `RowDigest` of
 * `fmix32(rowHash ^ labelHash)` per row. Two files with the same ids (equal row digests) and equal
 * label digests have the same label for every id (up to a 2⁻⁶⁴ accident).
 *
 * Labels are hashed by value: a regression label by its float bits; a classification label by its
 * text (`1` read as a number and `"1"` read as text are the same label, as the binary task's
 * positive label treats them), computed once per distinct value.
 */
export class LabelDigest {
  readonly digest = new RowDigest()
  private readonly texts = new Map<Value, number>()

  constructor(private readonly numeric: boolean) {}

  /** Adds a row: its `rowHash(seed, rowKey)` and its label's raw value. */
  add(rowHash: number, label: Value): void {
    this.digest.add(fmix32(rowHash ^ this.labelHash(label)))
  }

  labelHash(label: Value): number {
    if (this.numeric && typeof label === 'number') return hashFloat64(label === 0 ? 0 : label)
    let hash = this.texts.get(label)
    if (hash === undefined) {
      hash = rowKeyOf(String(label)) >>> 0
      if (this.texts.size < 10_000) this.texts.set(label, hash)
    }
    return hash
  }

  toState(): RowDigestState {
    return this.digest.toState()
  }
}
