import { describe, expect, it } from '@jest/globals'
import { CategoryCounter } from '../../src/drift/category-counter.js'
import { DriftCollector } from '../../src/drift/collector.js'
import { batchRowKeys, NumericReservoir, rowKeyHash } from '../../src/drift/reservoir.js'
import { Kind, type ColumnChunk } from '../../src/io/table.js'

/** Row i has value sin(i) · 100, a deterministic stand-in for a column. */
function fill(reservoir: NumericReservoir, from: number, to: number): NumericReservoir {
  for (let row = from; row < to; row++) reservoir.add(Math.sin(row) * 100, row)
  return reservoir
}

describe('NumericReservoir', () => {
  it('keeps everything below capacity, in key order', () => {
    const reservoir = fill(new NumericReservoir({ capacity: 10 }), 0, 5)
    expect(reservoir.size).toBe(5)
    expect(reservoir.seen).toBe(5)
    expect(reservoir.sampled).toBe(false)
    const expected = [0, 1, 2, 3, 4]
      .sort((a, b) => rowKeyHash(0, a) - rowKeyHash(0, b))
      .map((row) => Math.sin(row) * 100)
    expect(Array.from(reservoir.values())).toEqual(expected)
  })

  it('respects its capacity and keeps the rows with the smallest keys', () => {
    const reservoir = fill(new NumericReservoir({ capacity: 100, seed: 7 }), 0, 5000)
    expect(reservoir.size).toBe(100)
    expect(reservoir.seen).toBe(5000)
    expect(reservoir.sampled).toBe(true)
    // Independent check: sort all 5000 rows by key and take the first 100.
    const rows = Array.from({ length: 5000 }, (_, i) => i).sort((a, b) => rowKeyHash(7, a) - rowKeyHash(7, b))
    expect(reservoir.state().rowKeys).toEqual(rows.slice(0, 100))
  })

  it('is deterministic for a seed and differs across seeds', () => {
    const a = fill(new NumericReservoir({ capacity: 50, seed: 1 }), 0, 1000).values()
    const b = fill(new NumericReservoir({ capacity: 50, seed: 1 }), 0, 1000).values()
    const c = fill(new NumericReservoir({ capacity: 50, seed: 2 }), 0, 1000).values()
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
  })

  it('does not depend on arrival order', () => {
    const forward = fill(new NumericReservoir({ capacity: 64 }), 0, 3000)
    const backward = new NumericReservoir({ capacity: 64 })
    for (let row = 2999; row >= 0; row--) backward.add(Math.sin(row) * 100, row)
    expect(backward.state()).toEqual(forward.state())
  })

  it('merge of shards equals the whole (three uneven shards, merged in any order)', () => {
    const whole = fill(new NumericReservoir({ capacity: 200, seed: 3 }), 0, 10000)
    const shards = [
      [0, 700],
      [700, 6100],
      [6100, 10000]
    ].map(([from, to]) => fill(new NumericReservoir({ capacity: 200, seed: 3 }), from, to))
    const merged = new NumericReservoir({ capacity: 200, seed: 3 })
    for (const shard of [shards[2], shards[0], shards[1]]) merged.merge(shard)
    expect(merged.state()).toEqual(whole.state())
    expect(merged.seen).toBe(10000)
  })

  it('round-trips through its plain state (JSON)', () => {
    const reservoir = fill(new NumericReservoir({ capacity: 30, seed: 9 }), 0, 400)
    const copy = NumericReservoir.fromState(JSON.parse(JSON.stringify(reservoir.state())))
    expect(copy.state()).toEqual(reservoir.state())
    expect(copy.sampled).toBe(true)
  })

  it('spreads keys uniformly: the kept rows are not biased to early or late rows', () => {
    const reservoir = fill(new NumericReservoir({ capacity: 1000, seed: 11 }), 0, 100000)
    const meanRow = reservoir.state().rowKeys.reduce((sum, row) => sum + row, 0) / 1000
    // Uniform rows over [0, 100000): mean 50000, standard error 28867/√1000 ≈ 913.
    expect(Math.abs(meanRow - 50000)).toBeLessThan(3 * 913)
  })

  it('rejects bad arguments and incompatible merges', () => {
    expect(() => new NumericReservoir({ capacity: 0 })).toThrow(
      'NumericReservoir: capacity must be an integer >= 1, got 0'
    )
    const reservoir = new NumericReservoir()
    expect(() => reservoir.add(NaN, 1)).toThrow('NumericReservoir.add: value must be finite, got NaN')
    expect(() => reservoir.add(1, -1)).toThrow(
      'NumericReservoir.add: rowKey must be an integer in [0, 2^53), got -1'
    )
    expect(() => reservoir.merge(new NumericReservoir({ seed: 1 }))).toThrow(
      'NumericReservoir.merge: reservoirs differ (seed 1 vs 0, capacity 100000 vs 100000); only reservoirs with the same seed and capacity merge exactly'
    )
  })
})

describe('CategoryCounter', () => {
  it('counts exactly under the cap, and merges to the whole', () => {
    const values = ['rent', 'owner', 'rent', 'parents', 'owner', 'rent']
    const whole = new CategoryCounter()
    for (const v of values) whole.add(v)
    const left = new CategoryCounter()
    const right = new CategoryCounter()
    values.slice(0, 2).forEach((v) => left.add(v))
    values.slice(2).forEach((v) => right.add(v))
    left.merge(right)
    expect(left.snapshot()).toEqual(whole.snapshot())
    expect(whole.snapshot()).toEqual({
      counts: new Map([
        ['rent', 3],
        ['owner', 2],
        ['parents', 1]
      ]),
      other: 0
    })
    expect(whole.capped).toBe(false)
  })

  it('lumps categories beyond the cap into other and says so', () => {
    const counter = new CategoryCounter({ maxCategories: 2 })
    for (const v of ['a', 'b', 'c', 'a', 'd', 'c']) counter.add(v)
    expect(counter.snapshot()).toEqual({
      counts: new Map([
        ['a', 2],
        ['b', 1]
      ]),
      other: 3
    })
    expect(counter.capped).toBe(true)
  })
})

describe('CategoryCounter and DriftCollector states', () => {
  it('a counter past its cap comes back from its JSON state as it was', () => {
    const counter = new CategoryCounter({ maxCategories: 2 })
    for (const v of ['a', 'b', 'c', 'a', 'd', 'c']) counter.add(v)
    const state = JSON.parse(JSON.stringify(counter.state())) as ReturnType<CategoryCounter['state']>
    expect(state).toEqual({ max_categories: 2, values: ['a', 'b'], counts: [2, 1], other: 3 })
    expect(CategoryCounter.fromState(state).snapshot()).toEqual(counter.snapshot())
    expect(() => CategoryCounter.fromState({ ...state, counts: [2] })).toThrow(
      'CategoryCounter.fromState: inconsistent state'
    )
  })

  it('collectors of a split column merge, through JSON, into the whole column’s samples', () => {
    const chunk = (values: (number | string | boolean | null)[]): ColumnChunk => ({
      values,
      kinds: Uint8Array.from(values, (v) =>
        v === null
          ? Kind.Missing
          : typeof v === 'number'
            ? Kind.Number
            : typeof v === 'boolean'
              ? Kind.Boolean
              : Kind.String
      )
    })
    const rows = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? null : i % 5 === 0 ? 'x' : Math.sin(i)))
    const whole = new DriftCollector(undefined, 42)
    whole.add(chunk(rows), rows.length, 0)
    const merged = new DriftCollector(undefined, 42)
    for (const [from, to] of [
      [0, 120],
      [120, 300]
    ]) {
      const part = new DriftCollector(undefined, 42)
      part.add(chunk(rows.slice(from, to)), to - from, from)
      merged.merge(JSON.parse(JSON.stringify(part.state())) as ReturnType<DriftCollector['state']>)
    }
    expect(merged.observedKind()).toBe(undefined)
    expect(merged.state()).toEqual(whole.state())
    expect(merged.sample('numeric')).toEqual(whole.sample('numeric'))
    expect(merged.sample('categorical')).toEqual(whole.sample('categorical'))
  })
})

describe('reservoir keys shared by the columns of a batch', () => {
  it('batchRowKeys gives rowKeyHash of each row, for any seed and batch', () => {
    for (const [seed, firstRow, size] of [
      [42, 0, 5],
      [42, 5, 3],
      [7, 5, 3],
      [7, 2 ** 40, 4]
    ]) {
      const expected = Array.from({ length: size }, (_, i) => rowKeyHash(seed, firstRow + i))
      expect(Array.from(batchRowKeys(seed, firstRow, size))).toEqual(expected)
    }
  })

  it('a collector fed in batches keeps the values a reservoir fed row by row keeps', () => {
    const column = (from: number, size: number): ColumnChunk => ({
      kinds: Uint8Array.from({ length: size }, (_, i) => ((from + i) % 9 === 0 ? Kind.Missing : Kind.Number)),
      values: Array.from({ length: size }, (_, i) => ((from + i) % 9 === 0 ? null : Math.sin(from + i) * 100))
    })
    const collectors = [new DriftCollector(undefined, 3), new DriftCollector(undefined, 3)]
    for (let firstRow = 0; firstRow < 3000; firstRow += 500)
      for (const collector of collectors) collector.add(column(firstRow, 500), 500, firstRow)
    const reservoir = new NumericReservoir({ seed: 3 })
    for (let row = 0; row < 3000; row++) if (row % 9 !== 0) reservoir.add(Math.sin(row) * 100, row)
    for (const collector of collectors) {
      const sample = collector.sample('numeric')
      expect(sample.kind === 'numeric' && Array.from(sample.values)).toEqual(Array.from(reservoir.values()))
    }
  })

  it('orders rows with equal keys by row key (the same row offered twice)', () => {
    const reservoir = new NumericReservoir({ capacity: 10 })
    for (const row of [4, 2, 4, 2]) reservoir.add(row, row)
    const byKey = [2, 4].sort((a, b) => rowKeyHash(0, a) - rowKeyHash(0, b))
    expect(reservoir.state().rowKeys).toEqual(byKey.flatMap((row) => [row, row]))
  })
})

describe('NumericReservoir between trims', () => {
  it('reports its size and keeps the bottom k however many candidates it holds', () => {
    const reservoir = new NumericReservoir({ capacity: 1000, seed: 5 })
    const smallest = Array.from({ length: 1500 }, (_, i) => i).sort(
      (a, b) => rowKeyHash(5, a) - rowKeyHash(5, b)
    )
    fill(reservoir, 0, 1500) // 1500 candidates: fewer than the 2000 that make it trim
    expect([reservoir.size, reservoir.seen, reservoir.sampled]).toEqual([1000, 1500, true])
    expect(reservoir.state().rowKeys).toEqual(smallest.slice(0, 1000))
    fill(reservoir, 1500, 30000) // several trims
    const all = Array.from({ length: 30000 }, (_, i) => i).sort((a, b) => rowKeyHash(5, a) - rowKeyHash(5, b))
    expect(reservoir.state().rowKeys).toEqual(all.slice(0, 1000))
    expect(Array.from(reservoir.values())).toEqual(all.slice(0, 1000).map((row) => Math.sin(row) * 100))
  })
})

describe('NumericReservoir offered the same rows twice', () => {
  it('keeps the bottom k of the multiset of (key, row) pairs through trims', () => {
    const reservoir = new NumericReservoir({ capacity: 100, seed: 2 })
    fill(reservoir, 0, 300)
    fill(reservoir, 0, 300)
    const rows = Array.from({ length: 300 }, (_, i) => i).sort((a, b) => rowKeyHash(2, a) - rowKeyHash(2, b))
    expect(reservoir.size).toBe(100)
    expect(reservoir.state().rowKeys).toEqual(rows.slice(0, 50).flatMap((row) => [row, row]))
  })
})
