/**
 * The bootstrap's replicate sums: out[b·width + f] = Σ_j W[b, j]·sums[j·width + f] over the occupied
 * buckets j with W[b, j] ≠ 0, in ascending j: the same additions in the same order as the plain
 * triple loop, so the same bits (test/metrics/combine-buckets.test.ts holds it to that loop).
 *
 * It is the dominant cost of finalize and does not depend on the rows: B·K·width = 16M multiply-adds
 * per binary segment, 1.4G for the benchmark's 86 segments. When every sum is finite, blocks of 4
 * replicates × 4 fields go to a WebAssembly SIMD kernel (replicate-sums.wat): each lane adds its
 * products in bucket order, zero weights included (adding 0·x to a running sum that starts at +0
 * changes no bit in round-to-nearest), about 3x faster than the same blocking in JavaScript. A
 * non-finite sum (0·∞ is NaN), the replicates left over (B mod 4) and the fields left over
 * (width mod 4) take `sparseReplicate`, which skips zero weights.
 *
 * V8 reserves about 10 GB of address space for any WebAssembly memory on 64-bit hosts (guard
 * regions), whatever its size: under `ulimit -v` below that, or when growing the memory fails, the
 * kernel is unavailable and every replicate takes `sparseReplicate`, with the same bits, slower.
 */

import { REPLICATE_SUMS_WASM } from './replicate-sums.wasm.js'

/** K of poisson-bootstrap.ts, which lays the weights out as W[b·K + j]; the kernel is written for it. */
const BUCKETS = 1024

export function sumReplicates(
  sums: Float64Array,
  width: number,
  replicates: number,
  weights: Uint8Array,
  occupied: Uint32Array
): Float64Array {
  const out = new Float64Array(replicates * width)
  const gathered = { offsets: new Int32Array(occupied.length), counts: new Float64Array(occupied.length) }
  const denseWidth = width - (width % 4)
  let blocked = sums.every(Number.isFinite) ? replicates - (replicates % 4) : 0
  if (blocked > 0 && denseWidth > 0 && occupied.length > 0) {
    if (!denseBlocks(sums, width, occupied, weights, blocked, denseWidth, out)) blocked = 0
  }
  for (let b = 0; b < replicates; b++) {
    const from = b < blocked ? denseWidth : 0
    if (from < width) sparseReplicate(sums, width, b, weights, occupied, from, gathered, out)
  }
  return out
}

interface Kernel {
  readonly memory: WebAssembly.Memory
  readonly sumDenseBlocks: (
    sums: number,
    width: number,
    occupied: number,
    n: number,
    weights: number,
    blocked: number,
    denseWidth: number,
    block: number,
    out: number
  ) => void
  /** The weights now at address 0, to copy the 1 MB only when they change (every segment shares them). */
  loaded: { weights: Uint8Array; bytes: number } | null
}

/** The kernel once instantiated; `unavailable` once the address space refused its memory. */
let kernel: Kernel | 'unavailable' | null = null

function instantiate(): Kernel | 'unavailable' {
  const module = new WebAssembly.Module(Buffer.from(REPLICATE_SUMS_WASM, 'base64'))
  let exports: Omit<Kernel, 'loaded'>
  try {
    exports = new WebAssembly.Instance(module).exports as unknown as Omit<Kernel, 'loaded'>
  } catch (error) {
    if (error instanceof RangeError) return 'unavailable'
    throw error
  }
  return { memory: exports.memory, sumDenseBlocks: exports.sumDenseBlocks, loaded: null }
}

/**
 * Replicates [0, blocked) × fields [0, denseWidth) of `out`, by the kernel; false (nothing
 * written) when the kernel or the memory it needs cannot be had.
 */
function denseBlocks(
  sums: Float64Array,
  width: number,
  occupied: Uint32Array,
  weights: Uint8Array,
  blocked: number,
  denseWidth: number,
  out: Float64Array
): boolean {
  const k = (kernel ??= instantiate())
  if (k === 'unavailable') return false
  const n = occupied.length
  // Memory: weights | sums | occupied | block (4 float64 per bucket) | out, 16-byte aligned.
  const weightBytes = blocked * BUCKETS
  const sumsAt = align(weightBytes)
  const occupiedAt = sumsAt + align(sums.byteLength)
  const blockAt = occupiedAt + align(4 * n)
  const outAt = blockAt + 32 * n
  const end = outAt + 8 * blocked * width
  const pages = Math.ceil((end - k.memory.buffer.byteLength) / 65536)
  if (pages > 0) {
    try {
      k.memory.grow(pages)
    } catch (error) {
      if (error instanceof RangeError) return false
      throw error
    }
  }
  const buffer = k.memory.buffer
  if (k.loaded?.weights !== weights || k.loaded.bytes !== weightBytes) {
    new Uint8Array(buffer, 0, weightBytes).set(weights.subarray(0, weightBytes))
    k.loaded = { weights, bytes: weightBytes }
  }
  new Float64Array(buffer, sumsAt, sums.length).set(sums)
  new Uint32Array(buffer, occupiedAt, n).set(occupied)
  k.sumDenseBlocks(sumsAt, width, occupiedAt, n, 0, blocked, denseWidth, blockAt, outAt)
  // Fields from denseWidth on hold stale values here; `sparseReplicate` overwrites them.
  out.set(new Float64Array(buffer, outAt, blocked * width))
  return true
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16
}

/**
 * Fields `from` … width − 1 of replicate b: the non-zero weights of the replicate are gathered once,
 * then four fields at a time are summed in locals instead of read-modify-writing `out` per bucket.
 * `offsets` and `counts` are scratch space of one entry per occupied bucket.
 */
function sparseReplicate(
  sums: Float64Array,
  width: number,
  b: number,
  weights: Uint8Array,
  occupied: Uint32Array,
  from: number,
  { offsets, counts }: { offsets: Int32Array; counts: Float64Array },
  out: Float64Array
): void {
  const row = b * BUCKETS
  const o = b * width
  let m = 0
  for (let i = 0; i < occupied.length; i++) {
    const k = weights[row + occupied[i]]
    if (k !== 0) {
      offsets[m] = occupied[i] * width
      counts[m++] = k
    }
  }
  let f = from
  for (; f + 4 <= width; f += 4) {
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let t = 0; t < m; t++) {
      const s = offsets[t] + f
      const k = counts[t]
      s0 += k * sums[s]
      s1 += k * sums[s + 1]
      s2 += k * sums[s + 2]
      s3 += k * sums[s + 3]
    }
    out[o + f] = s0
    out[o + f + 1] = s1
    out[o + f + 2] = s2
    out[o + f + 3] = s3
  }
  for (; f < width; f++) {
    let s0 = 0
    for (let t = 0; t < m; t++) s0 += counts[t] * sums[offsets[t] + f]
    out[o + f] = s0
  }
}
