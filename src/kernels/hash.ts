/**
 * murmur3's 32-bit finaliser (fmix32): a bijective mixer whose output bits each depend on every
 * input bit. ml-gate's seeded, order-independent randomness (bootstrap buckets, reservoir keys,
 * HyperLogLog registers) is built on it, so results depend on the data and the seed only.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const float = new Float64Array(1)
const words = new Uint32Array(float.buffer)

/**
 * A well-mixed 32-bit hash of a number's float64 bits, for hash tables keyed by numbers. Equal
 * bits, equal hash: callers that treat −0 as 0 (SameValueZero) pass 0 for both.
 */
export function hashFloat64(value: number): number {
  float[0] = value
  return fmix32(words[0] ^ Math.imul(words[1], 0x9e3779b1))
}
