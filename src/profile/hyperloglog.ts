import { fmix32 } from '../hash.js'

/**
 * HyperLogLog distinct-count sketch (Flajolet et al. 2007, with the small-range correction of
 * Heule et al. 2013's linear counting).
 *
 * Precision 14 gives 16,384 one-byte registers (16 KiB) and a standard error of
 * 1.04 / sqrt(16384) ≈ 0.81%. Sketches merge exactly: the register-wise maximum of two sketches is
 * the sketch of the union, so the distinct count of two shards merged equals that of the whole file.
 */
export class HyperLogLog {
  static readonly PRECISION = 14
  private readonly registers = new Uint8Array(1 << HyperLogLog.PRECISION)

  /** Adds a 32-bit hash (see `hashValue`). */
  addHash(hash: number): void {
    const p = HyperLogLog.PRECISION
    const index = hash >>> (32 - p)
    const rest = (hash << p) | (1 << (p - 1)) // the sentinel bit bounds the rank at 32 - p + 1
    const rank = Math.clz32(rest) + 1
    if (rank > this.registers[index]) this.registers[index] = rank
  }

  merge(other: HyperLogLog): void {
    const mine = this.registers
    const theirs = other.registers
    for (let i = 0; i < mine.length; i++) if (theirs[i] > mine[i]) mine[i] = theirs[i]
  }

  /** Estimated number of distinct hashes added. */
  estimate(): number {
    const m = this.registers.length
    let sum = 0
    let zeros = 0
    for (let i = 0; i < m; i++) {
      sum += 2 ** -this.registers[i]
      if (this.registers[i] === 0) zeros++
    }
    const alpha = 0.7213 / (1 + 1.079 / m)
    const raw = (alpha * m * m) / sum
    if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros))
    return Math.round(raw)
  }
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** One FNV-1a step: `h` with the UTF-16 code unit `code` mixed in. */
function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME)
}

function fnvText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i))
  return h
}

const STRING_SEED = fnvStep(FNV_OFFSET, 0x73) // 's'
const NUMBER_SEED = fnvStep(FNV_OFFSET, 0x6e) // 'n'
const TRUE_HASH = fmix32(fnvText(FNV_OFFSET, 'btrue'))
const FALSE_HASH = fmix32(fnvText(FNV_OFFSET, 'bfalse'))
const digits = new Uint8Array(16) // a safe integer has at most 16 decimal digits

/**
 * A well-mixed 32-bit hash of a cell value: FNV-1a over the value's text prefixed by its kind
 * (`s…`, `n…`, `b…`), then the murmur3 finaliser so that the high bits (HyperLogLog's register
 * index) are uniform. Numbers hash by their shortest text, so `1` and `1.0` are the same value, as
 * they are in the exact count.
 *
 * Profiling hashes every cell past the exact bound, so the text is not built where it can be
 * avoided: a string is hashed after the prefix's state, a safe integer digit by digit (its shortest
 * text is its decimal digits), a boolean is one of two constants. Same hash as hashing the text.
 */
export function hashValue(value: string | number | boolean): number {
  if (typeof value === 'string') return fmix32(fnvText(STRING_SEED, value))
  if (typeof value === 'boolean') return value ? TRUE_HASH : FALSE_HASH
  if (!Number.isSafeInteger(value)) return fmix32(fnvText(NUMBER_SEED, String(value)))
  let h = NUMBER_SEED
  let rest = value
  if (rest < 0) {
    h = fnvStep(h, 0x2d) // '-'
    rest = -rest
  }
  let n = 0
  do {
    digits[n++] = rest % 10
    rest = Math.floor(rest / 10)
  } while (rest > 0)
  while (n > 0) h = fnvStep(h, 0x30 + digits[--n])
  return fmix32(h)
}
