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
import { NumberSet } from '../contract/number-set.js'
import { fmix32, hashFloat64 } from '../kernels/hash.js'
import type { Value } from '../io/table.js'
import { RowDigest, rowKeyOf, type RowDigestState } from '../metrics/poisson-bootstrap.js'

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
