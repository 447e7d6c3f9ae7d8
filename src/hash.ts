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
