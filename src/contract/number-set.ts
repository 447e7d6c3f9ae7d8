import { hashFloat64 } from '../hash.js'

/**
 * An exact set of numbers with the semantics of `Set<number>` (SameValueZero: −0 is 0, NaN is one
 * value), for the `unique` check.
 *
 * Why not a `Set`: a `Set` of 10 million ids costs about 1 GB (a boxed number or a key string per
 * entry, plus the table), and every insert allocates. Here the numbers sit in one Float64Array,
 * an open-addressing table (linear probing, at most 3/4 full): 8 to 16 bytes per number, no
 * allocation per insert. An empty slot holds NaN, so NaN itself is kept in a flag.
 *
 * @example
 * const seen = new NumberSet()
 * seen.add(1) // true: new
 * seen.add(1) // false: already there
 * seen.add(-0) && seen.add(0) // true, then false
 */
export class NumberSet {
  private slots = new Float64Array(16).fill(NaN)
  private count = 0
  private hasNaN = false

  /** Distinct numbers added. */
  get size(): number {
    return this.count + (this.hasNaN ? 1 : 0)
  }

  /** Adds `value`; true if it was absent, false if the set already had it. */
  add(value: number): boolean {
    if (value !== value) {
      if (this.hasNaN) return false
      this.hasNaN = true
      return true
    }
    const key = value === 0 ? 0 : value
    const slots = this.slots
    const mask = slots.length - 1
    let i = hashFloat64(key) & mask
    for (;;) {
      const slot = slots[i]
      if (slot === key) return false
      if (slot !== slot) break
      i = (i + 1) & mask
    }
    slots[i] = key
    if (4 * ++this.count > 3 * slots.length) this.grow()
    return true
  }

  has(value: number): boolean {
    if (value !== value) return this.hasNaN
    const key = value === 0 ? 0 : value
    const slots = this.slots
    const mask = slots.length - 1
    for (let i = hashFloat64(key) & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]
      if (slot === key) return true
      if (slot !== slot) return false
    }
  }

  private grow(): void {
    const old = this.slots
    const slots = new Float64Array(2 * old.length).fill(NaN)
    const mask = slots.length - 1
    for (let j = 0; j < old.length; j++) {
      const key = old[j]
      if (key !== key) continue
      let i = hashFloat64(key) & mask
      while (slots[i] === slots[i]) i = (i + 1) & mask
      slots[i] = key
    }
    this.slots = slots
  }
}
