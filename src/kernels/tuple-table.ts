import { fmix32 } from './hash.js'

/**
 * Interns fixed-width tuples of unsigned 32-bit integers: equal tuples get the same id, numbered
 * 0, 1, 2, … in order of first appearance. An open-addressing table over one flat array of tuples.
 */
export class TupleTable {
  /** Tuples interned so far. */
  size = 0
  /** Tuple `id` is at `[id·width, (id + 1)·width)`. */
  tuples: Uint32Array
  /** Open addressing: id + 1 of the tuple in each slot, 0 for an empty slot. */
  private slots = new Uint32Array(64)

  constructor(readonly width: number) {
    this.tuples = new Uint32Array(32 * width)
  }

  /** The id of the tuple at `source[offset …]`, interning it if new. */
  idOf(source: Uint16Array | Uint32Array, offset: number): number {
    const width = this.width
    const mask = this.slots.length - 1
    for (let slot = this.hash(source, offset) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]
      if (entry === 0) return this.insert(slot, source, offset)
      const at = (entry - 1) * width
      let equal = true
      for (let k = 0; k < width && equal; k++) equal = this.tuples[at + k] === source[offset + k]
      if (equal) return entry - 1
    }
  }

  private insert(slot: number, source: Uint16Array | Uint32Array, offset: number): number {
    const id = this.size++
    if (this.tuples.length < this.size * this.width) {
      const grown = new Uint32Array(2 * this.tuples.length)
      grown.set(this.tuples)
      this.tuples = grown
    }
    this.tuples.set(source.subarray(offset, offset + this.width), id * this.width)
    this.slots[slot] = id + 1
    if (2 * this.size > this.slots.length) this.rehash()
    return id
  }

  /** Doubles the slots, keeping the load at most 1/2. */
  private rehash(): void {
    const slots = new Uint32Array(2 * this.slots.length)
    const mask = slots.length - 1
    for (let id = 0; id < this.size; id++) {
      let slot = this.hash(this.tuples, id * this.width) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = id + 1
    }
    this.slots = slots
  }

  /** One multiply per element, one finaliser per tuple: cheap, and the low bits mix every element. */
  private hash(source: Uint16Array | Uint32Array, offset: number): number {
    let hash = 0x9e3779b9
    for (let k = 0; k < this.width; k++) hash = Math.imul(hash ^ source[offset + k], 0x85ebca77)
    return fmix32(hash)
  }
}
