import { describe, expect, it } from '@jest/globals'
import { hashValue, HyperLogLog } from '../../src/profile/hyperloglog.js'
import { ValueCounts, type CountedValue } from '../../src/profile/value-counts.js'

/**
 * The specification of ValueCounts: the plain Map implementation it had before its typed-array table
 * (an exact count up to `limit`, then HyperLogLog and Misra–Gries). The table must give the same
 * counts, in the same order, after any sequence of adds and merges.
 */
class MapValueCounts {
  counts = new Map<CountedValue, number>()
  sketch: HyperLogLog | null = null
  constructor(readonly limit: number) {}
  add(value: CountedValue): void {
    this.insert(value, 1)
  }
  merge(other: MapValueCounts): void {
    if (other.sketch !== null) {
      this.startSketch()
      this.sketch!.merge(other.sketch)
    }
    for (const [value, count] of other.counts) this.insert(value, count)
  }
  top(): { value: CountedValue; count: number }[] {
    return [...this.counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
  }
  distinct(): number {
    return this.sketch === null ? this.counts.size : this.sketch.estimate()
  }
  private startSketch(): void {
    if (this.sketch !== null) return
    this.sketch = new HyperLogLog()
    for (const value of this.counts.keys()) this.sketch.addHash(hashValue(value))
  }
  private insert(value: CountedValue, count: number): void {
    if (this.sketch !== null) this.sketch.addHash(hashValue(value))
    const seen = this.counts.get(value)
    if (seen !== undefined) this.counts.set(value, seen + count)
    else if (this.sketch === null && this.counts.size < this.limit) this.counts.set(value, count)
    else {
      if (this.sketch === null) {
        this.startSketch()
        this.sketch!.addHash(hashValue(value))
      }
      if (this.counts.size < this.limit) {
        this.counts.set(value, count)
        return
      }
      let smallest = count
      for (const c of this.counts.values()) if (c < smallest) smallest = c
      for (const [key, c] of this.counts) {
        if (c <= smallest) this.counts.delete(key)
        else this.counts.set(key, c - smallest)
      }
      if (count > smallest) this.counts.set(value, count - smallest)
    }
  }
}

/** A seeded stream mixing frequent and rare numbers, strings (some with a number's text), booleans, −0. */
function stream(seed: number, length: number, distinct: number): CountedValue[] {
  let state = seed
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  return Array.from({ length }, () => {
    const u = next()
    const v = Math.floor(next() ** 3 * distinct) // skewed: small values are frequent
    if (u < 0.4) return v
    if (u < 0.5) return v + 0.5
    if (u < 0.8) return u < 0.6 ? String(v) : `c${v}`
    if (u < 0.85) return -0
    return u < 0.95
  })
}

const both = (limit: number) => [new ValueCounts(limit), new MapValueCounts(limit)] as const

describe('ValueCounts against its Map specification', () => {
  it.each([
    [1, 3000, 50, 1000],
    [2, 3000, 500, 100],
    [3, 5000, 5000, 64],
    [4, 2000, 40, 10]
  ])(
    'gives the same counts in the same order (seed %i, %i values of ~%i, limit %i)',
    (seed, n, distinct, limit) => {
      const values = stream(seed, n, distinct)
      const [table, map] = both(limit)
      for (const value of values) {
        table.add(value)
        map.add(value)
      }
      expect(table.top(n)).toEqual(map.top())
      expect([table.distinct(), table.exact]).toEqual([map.distinct(), map.sketch === null])
    }
  )

  it('merges as the Map did, past the bound on either side', () => {
    const values = stream(9, 6000, 800)
    const parts = [values.slice(0, 500), values.slice(500, 4000), values.slice(4000)]
    const tables = parts.map(() => new ValueCounts(120))
    const maps = parts.map(() => new MapValueCounts(120))
    parts.forEach((part, p) =>
      part.forEach((value) => {
        tables[p].add(value)
        maps[p].add(value)
      })
    )
    for (const p of [1, 2]) {
      tables[0].merge(tables[p])
      maps[0].merge(maps[p])
    }
    expect(tables[0].top(6000)).toEqual(maps[0].top())
    expect(tables[0].distinct()).toBe(maps[0].distinct())
  })

  it('counts −0 as 0 and keeps 7 apart from "7"', () => {
    const counts = new ValueCounts()
    for (const value of [0, -0, 7, '7', 7, true]) counts.add(value)
    expect(counts.top(5)).toEqual([
      { value: 0, count: 2 },
      { value: 7, count: 2 },
      { value: '7', count: 1 },
      { value: true, count: 1 }
    ])
    expect(Object.is(counts.top(1)[0].value, 0)).toBe(true)
  })
})
