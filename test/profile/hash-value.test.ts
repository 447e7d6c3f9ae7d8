import { describe, expect, it } from '@jest/globals'
import { fmix32 } from '../../src/kernels/hash.js'
import { hashValue } from '../../src/profile/hyperloglog.js'
import { ValueCounts } from '../../src/profile/value-counts.js'

// The specification of hashValue: FNV-1a over the kind-prefixed text, then fmix32. The fast paths
// (no text built for strings, safe integers and booleans) must give exactly this hash, so that
// HyperLogLog estimates do not change with them.
function textHash(value: string | number | boolean): number {
  const text = typeof value === 'string' ? `s${value}` : typeof value === 'number' ? `n${value}` : `b${value}`
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h)
}

describe('hashValue', () => {
  it.each<[string | number | boolean]>([
    [''],
    ['north'],
    ['VP-1410'],
    ['żółw 🐢'],
    ['12'],
    [0],
    [-0],
    [7],
    [-7],
    [10],
    [1000000],
    [-123456789],
    [Number.MAX_SAFE_INTEGER],
    [Number.MIN_SAFE_INTEGER],
    [2 ** 53],
    [1e21],
    [61584.53],
    [-8177.7],
    [0.0986],
    [1e-7],
    [true],
    [false]
  ])('hashes %j as its kind-prefixed text', (value) => {
    expect(hashValue(value)).toBe(textHash(value))
  })

  it.each<[number]>([
    [0.1 + 0.2],
    [1e-6],
    [1.5e-6],
    [9.99e-7],
    [0.000123],
    [-0.5],
    [2 ** 46 + 0.5],
    [2 ** 52 - 0.5],
    [123456789.123456],
    [1e21 + 2 ** 20],
    [Number.MAX_VALUE],
    [Number.MIN_VALUE],
    [Infinity],
    [-Infinity],
    [NaN]
  ])('hashes the edge %p as its text', (value) => {
    expect(hashValue(value)).toBe(textHash(value))
  })

  it('hashes seeded decimals of every length and magnitude as their text', () => {
    let state = 11
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
    const words = new Uint32Array(2)
    const wrong: number[] = []
    for (let i = 0; i < 300_000; i++) {
      let value: number
      const kind = i % 4
      if (kind === 0) {
        // A decimal as a CSV writes it: up to 9 digits after the point, magnitudes 1e-7 to 1e12.
        const decimals = Math.floor(next() * 10)
        const text = (next() * 10 ** Math.floor(next() * 20 - 7)).toFixed(decimals)
        value = Number(next() < 0.5 ? `-${text}` : text)
      } else if (kind === 1) {
        // Any float64 bits.
        words[0] = next() * 2 ** 32
        words[1] = next() * 2 ** 32
        value = new Float64Array(words.buffer)[0]
      } else if (kind === 2) {
        value = (Math.floor(next() * 2 ** 20) / 2 ** Math.floor(next() * 30)) * (next() < 0.5 ? -1 : 1)
      } else {
        value = next() * 10 ** Math.floor(next() * 40 - 20)
      }
      if (hashValue(value) !== textHash(value)) wrong.push(value)
    }
    expect(wrong).toEqual([])
  })

  it('tells a number from its text', () => {
    expect(hashValue(12)).not.toBe(hashValue('12'))
  })
})

describe('ValueCounts past its bound with distinct values only', () => {
  it('drops every counter at once and keeps counting the distinct values', () => {
    const counts = new ValueCounts(100)
    for (let i = 0; i < 1050; i++) counts.add(i)
    expect(counts.exact).toBe(false)
    // The 101st distinct value finds 100 counters at 1: all drop to 0 and it is not kept. So the
    // counters empty at values 100, 201, …, 100 + 101·9 = 1009, and 1010…1049 remain, at 1 each.
    expect(counts.top(100)).toEqual(Array.from({ length: 40 }, (_, i) => ({ value: 1010 + i, count: 1 })))
    expect(Math.abs(counts.distinct() - 1050)).toBeLessThan(1050 * 0.02)
  })
})
