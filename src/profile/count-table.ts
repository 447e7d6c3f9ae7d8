import { fmix32, hashFloat64 } from '../kernels/hash.js'

export type CountedValue = string | number | boolean

/**
 * An insertion-ordered map from cell values to counts, with the semantics of
 * `Map<CountedValue, number>` (keys compared as SameValueZero, so −0 is 0; entries iterate in
 * insertion order; a deleted key that comes back goes last), for `ValueCounts`.
 *
 * Why not a `Map`: profiling a column of distinct numbers makes a Map insert and drop 100,000 boxed
 * keys over and over (2-4x slower than this). Here the entries sit in a value array and a
 * Float64Array of counts, found by an open-addressing index of entry numbers, and the one bulk
 * change `ValueCounts` needs (Misra–Gries: lower every count, drop those at 0) compacts the arrays
 * in place and rebuilds the index.
 */
export class CountTable {
  /** The keys in insertion order; `counts[e]` is the count of `values[e]`, e < size. */
  values: CountedValue[] = []
  counts = new Float64Array(16)
  size = 0
  /** Open addressing (linear probing) over entry numbers + 1; 0 is an empty slot. At most half full. */
  private slots = new Int32Array(32)
  /** The empty slot where the last `find` that missed stopped, and its key. */
  private pendingSlot = -1
  private pendingValue: CountedValue | undefined = undefined

  /** The entry number of `value`, or −1 if absent. */
  find(value: CountedValue): number {
    const key = value === 0 ? 0 : value
    const slots = this.slots
    const mask = slots.length - 1
    let i = keyHash(key) & mask
    for (;;) {
      const slot = slots[i]
      if (slot === 0) {
        this.pendingSlot = i
        this.pendingValue = key
        return -1
      }
      if (this.values[slot - 1] === key) return slot - 1
      i = (i + 1) & mask
    }
  }

  /** Adds an absent `value` last with `count`. */
  append(value: CountedValue, count: number): void {
    const key = value === 0 ? 0 : value
    if (2 * (this.size + 1) > this.slots.length) this.resize(2 * this.slots.length)
    if (this.pendingValue !== key || this.pendingSlot < 0) this.find(key)
    if (this.size === this.counts.length) {
      const counts = new Float64Array(2 * this.size)
      counts.set(this.counts)
      this.counts = counts
    }
    this.slots[this.pendingSlot] = this.size + 1
    this.values[this.size] = key
    this.counts[this.size++] = count
    this.pendingSlot = -1
  }

  clear(): void {
    this.values = []
    this.size = 0
    this.slots.fill(0)
    this.pendingSlot = -1
  }

  /** Lowers every count by `amount` and drops the entries that reach 0 or less; order is kept. */
  lowerBy(amount: number): void {
    let kept = 0
    for (let e = 0; e < this.size; e++) {
      const count = this.counts[e] - amount
      if (count <= 0) continue
      this.values[kept] = this.values[e]
      this.counts[kept++] = count
    }
    this.values.length = kept
    this.size = kept
    this.resize(this.slots.length)
  }

  /** Rebuilds the index with `capacity` slots (a power of two above twice the entries). */
  private resize(capacity: number): void {
    const slots = new Int32Array(capacity)
    const mask = capacity - 1
    for (let e = 0; e < this.size; e++) {
      let i = keyHash(this.values[e]) & mask
      while (slots[i] !== 0) i = (i + 1) & mask
      slots[i] = e + 1
    }
    this.slots = slots
    this.pendingSlot = -1
  }
}

/** The index hash of a key: its float64 bits for a number, FNV-1a of its text for a string. */
function keyHash(value: CountedValue): number {
  if (typeof value === 'number') return hashFloat64(value)
  if (typeof value === 'boolean') return value ? 1 : 2
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193)
  return fmix32(h)
}
