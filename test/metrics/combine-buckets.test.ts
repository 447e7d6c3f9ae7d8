import { describe, expect, it } from '@jest/globals'
import { BUCKETS, bucketWeights, combineBuckets } from '../../src/metrics/poisson-bootstrap.js'

// combineBuckets' sum kernel is written for speed (non-zero weights gathered, four fields summed in
// locals); it must still make the same additions in the same order as the plain loop, so that every
// interval is bit-for-bit what it was. The plain loop is the specification.
function plainLoop(sums: Float64Array, width: number, settings: { replicates: number; seed: number }) {
  const weights = bucketWeights(settings)
  const out = new Float64Array(settings.replicates * width)
  for (let b = 0; b < settings.replicates; b++)
    for (let j = 0; j < BUCKETS; j++) {
      const k = weights[b * BUCKETS + j]
      if (k !== 0) for (let f = 0; f < width; f++) out[b * width + f] += k * sums[j * width + f]
    }
  return out
}

/** Seeded sums with empty buckets, negative values and values of very different magnitudes. */
function sumsOf(width: number, seed: number): Float64Array {
  let state = seed
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  const sums = new Float64Array(BUCKETS * width)
  for (let j = 0; j < BUCKETS; j++) {
    if (j % 7 === 3) continue
    for (let f = 0; f < width; f++) sums[j * width + f] = (next() - 0.3) * 10 ** Math.floor(next() * 12 - 6)
  }
  return sums
}

const bits = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength)

describe('combineBuckets', () => {
  it.each([1, 3, 4, 7, 16, 18])('is bit-identical to the plain loop at width %i', (width) => {
    const settings = { replicates: 200, seed: 7 }
    const sums = sumsOf(width, width)
    const fast = combineBuckets(sums, width, settings)
    expect(bits(fast).equals(bits(plainLoop(sums, width, settings)))).toBe(true)
    expect(fast.some((v) => v !== 0)).toBe(true)
  })
  // The dense 4-replicate blocks add 0·x for zero weights, which must change no bit; replicates left
  // over (B mod 4) and non-finite sums (0·∞ is NaN) take the gathered path.
  it.each([
    ['B not a multiple of 4', 203, (sums: Float64Array) => sums],
    [
      'negative zeros among the sums',
      200,
      (sums: Float64Array) => sums.map((v, i) => (i % 5 === 0 ? -0 : v))
    ],
    ['an infinite sum', 200, (sums: Float64Array) => sums.map((v, i) => (i === 17 ? Infinity : v))]
  ])('is bit-identical to the plain loop with %s', (_, replicates, alter) => {
    const settings = { replicates, seed: 11 }
    const sums = alter(sumsOf(16, 5))
    const fast = combineBuckets(sums, 16, settings)
    expect(bits(fast).equals(bits(plainLoop(sums, 16, settings)))).toBe(true)
  })
})
