/**
 * Decoding a column's string cells, sharing one string per repeated value.
 *
 * Segment columns (`north`, `web`, `p13`) hold a handful of values repeated millions of times.
 * Decoding each cell is a call into native code and a fresh string for the garbage collector;
 * a consumer that looks the value up in a `Map` then hashes that fresh string again. A cache per
 * column keyed by the bytes returns the same string object instead: no decoding, no garbage, and
 * V8 keeps the hash inside the string, so every later lookup of it is cheap.
 *
 * Exact by construction: a cached string is returned only when its bytes equal the cell's bytes
 * (compared in full; the hash only picks the slot), so the text is always what decoding gives.
 * Columns whose values rarely repeat (ids, free text) would only pay for the hashing: the cache
 * measures its own hit rate and steps aside for a while when it is low.
 */
import { decodeUtf8 } from './utf8.js'

/** Values longer than this are decoded every time (and rarely repeat). */
const MAX_BYTES = 32
/**
 * Slots, in pairs: a value lives in slot `h` or `h ^ 1` of its hash `h`. Enough for the few
 * hundred values of a segment column; ~22 KB per column (plus the strings), about a third of what
 * one batch of 8192 cells costs, allocated only for columns with short repeated text.
 */
const SLOTS = 512
/** Lookups between two looks at the hit rate. */
const WINDOW = 4096
/** Misses in a window that make the cache step aside (and free its memory)... */
const MAX_MISSES = WINDOW / 4
/** ...for this many cells, after which it tries again. */
const BYPASS = 16 * WINDOW

/** The cached values: the bytes of slot `s` are `bytes[s * MAX_BYTES, s * MAX_BYTES + lengths[s])`. */
interface Slots {
  readonly bytes: Uint8Array
  /** -1 for an empty slot. */
  readonly lengths: Int32Array
  readonly strings: string[]
}

export class StringCache {
  /** Allocated on the first lookup, freed when the cache steps aside. */
  private slots: Slots | null = null
  private lookups = 0
  private misses = 0
  private bypass = 0

  /** The text of the UTF-8 bytes `data[start, end)`, a previous string object when the bytes repeat. */
  decode(data: Buffer, start: number, end: number): string {
    const length = end - start
    if (length > MAX_BYTES) return decodeUtf8(data, start, end)
    if (this.bypass > 0) {
      this.bypass--
      return decodeUtf8(data, start, end)
    }
    const { bytes, lengths, strings } = (this.slots ??= {
      bytes: new Uint8Array(SLOTS * MAX_BYTES),
      lengths: new Int32Array(SLOTS).fill(-1),
      strings: new Array<string>(SLOTS).fill('')
    })
    let hash = length
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ data[i], 0x01000193)
    const first = (hash ^ (hash >>> 16)) & (SLOTS - 1)
    if (lengths[first] === length && equal(bytes, first * MAX_BYTES, data, start, length)) {
      this.count(false)
      return strings[first]
    }
    const second = first ^ 1
    if (lengths[second] === length && equal(bytes, second * MAX_BYTES, data, start, length)) {
      this.count(false)
      return strings[second]
    }
    // A miss: the value takes the first slot, and what was there moves to the second.
    const text = decodeUtf8(data, start, end)
    if (lengths[first] >= 0) {
      bytes.copyWithin(second * MAX_BYTES, first * MAX_BYTES, first * MAX_BYTES + lengths[first])
      lengths[second] = lengths[first]
      strings[second] = strings[first]
    }
    for (let k = 0, at = first * MAX_BYTES; k < length; k++) bytes[at + k] = data[start + k]
    lengths[first] = length
    strings[first] = text
    this.count(true)
    return text
  }

  private count(miss: boolean): void {
    if (miss) this.misses++
    if (++this.lookups < WINDOW) return
    if (this.misses > MAX_MISSES) {
      this.bypass = BYPASS
      this.slots = null
    }
    this.lookups = 0
    this.misses = 0
  }
}

function equal(bytes: Uint8Array, at: number, data: Buffer, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[at + k] !== data[start + k]) return false
  return true
}
