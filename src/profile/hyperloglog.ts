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

/**
 * A well-mixed 32-bit hash of a cell value: FNV-1a over the value's text, then the murmur3
 * finaliser so that the high bits (HyperLogLog's register index) are uniform. Numbers hash by
 * their shortest text, so `1` and `1.0` are the same value, as they are in the exact count.
 */
export function hashValue(value: string | number | boolean): number {
  const text = typeof value === 'string' ? `s${value}` : typeof value === 'number' ? `n${value}` : `b${value}`
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h)
}
