import { fmix32 } from '../kernels/hash.js'

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

  /** The registers, for a shard's state (`profile-state.ts`). */
  toRegisters(): Uint8Array {
    return this.registers
  }

  /** A sketch with the registers of `toRegisters()`. */
  static fromRegisters(registers: Uint8Array): HyperLogLog {
    if (registers.length !== 1 << HyperLogLog.PRECISION) {
      throw new Error(`invalid profile state: a HyperLogLog has ${1 << HyperLogLog.PRECISION} registers`)
    }
    const sketch = new HyperLogLog()
    sketch.registers.set(registers)
    return sketch
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
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d) // exact up to 10^22

/** FNV-1a steps over the decimal digits of a safe integer `n` >= 0, zero-padded to `width` digits. */
function fnvDigits(h: number, n: number, width: number): number {
  let count = 0
  do {
    digits[count++] = n % 10
    n = Math.floor(n / 10)
  } while (n > 0 || count < width)
  while (count > 0) h = fnvStep(h, 0x30 + digits[--count])
  return h
}

/**
 * The hash of a finite number that is not a safe integer, as `String(value)` writes it, without
 * building the text when the number is a short decimal (`61584.53`, `0.0986`); −1 otherwise.
 *
 * `String` writes the decimal with the fewest significant digits that rounds back to the number,
 * in plain notation from 1e-6 up. Try d = 1, 2, … digits after the point: m = round(|x|·10^d) is
 * the only candidate with d decimals, and it rounds back to x exactly when m / 10^d === x (both
 * exact, so the division rounds correctly). The first d that works gives the shortest text while
 * 10^-d is far above the number's spacing (ulp): then no two decimals of d or d+1 digits round to
 * x, and the product's rounding error cannot move m. |x|·10^d < 2^46 keeps 10^-d above 64 ulp;
 * past that (e.g. 0.30000000000000004) the text is built.
 */
function decimalHash(value: number): number {
  const x = Math.abs(value)
  if (!(x >= 1e-6)) return -1
  for (let d = 1; d < POWERS_OF_TEN.length; d++) {
    const scale = POWERS_OF_TEN[d]
    const scaled = x * scale
    if (scaled >= 2 ** 46) return -1
    const m = Math.round(scaled)
    if (m / scale !== x) continue
    const fraction = m % scale
    let h = value < 0 ? fnvStep(NUMBER_SEED, 0x2d) : NUMBER_SEED // '-'
    h = fnvDigits(h, (m - fraction) / scale, 1)
    h = fnvStep(h, 0x2e) // '.'
    return fmix32(fnvDigits(h, fraction, d))
  }
  return -1
}

/**
 * A well-mixed 32-bit hash of a cell value: FNV-1a over the value's text prefixed by its kind
 * (`s…`, `n…`, `b…`), then the murmur3 finaliser so that the high bits (HyperLogLog's register
 * index) are uniform. Numbers hash by their shortest text, so `1` and `1.0` are the same value, as
 * they are in the exact count.
 *
 * Profiling hashes every cell past the exact bound, so the text is not built where it can be
 * avoided: a string is hashed after the prefix's state, a safe integer digit by digit (its shortest
 * text is its decimal digits), a short decimal digit by digit too (`decimalHash`), a boolean is one
 * of two constants. Same hash as hashing the text.
 */
export function hashValue(value: string | number | boolean): number {
  if (typeof value === 'string') return fmix32(fnvText(STRING_SEED, value))
  if (typeof value === 'boolean') return value ? TRUE_HASH : FALSE_HASH
  if (Number.isSafeInteger(value)) {
    const h = value < 0 ? fnvStep(NUMBER_SEED, 0x2d) : NUMBER_SEED // '-'
    return fmix32(fnvDigits(h, Math.abs(value), 1))
  }
  const hash = decimalHash(value)
  return hash >= 0 ? hash : fmix32(fnvText(NUMBER_SEED, String(value)))
}
