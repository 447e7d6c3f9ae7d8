import { describe, expect, it } from '@jest/globals'
import { TupleTable } from '../../src/kernels/tuple-table.js'

describe('TupleTable', () => {
  it('gives equal tuples one id, numbered by first appearance, through growth', () => {
    const table = new TupleTable(3)
    const source = new Uint32Array(3 * 5000)
    // 5000 tuples, of which 1000 distinct: (i mod 1000, 7, (i mod 1000) * 2^20).
    for (let i = 0; i < 5000; i++) source.set([i % 1000, 7, ((i % 1000) * 2 ** 20) >>> 0], 3 * i)
    const ids = Array.from({ length: 5000 }, (_, i) => table.idOf(source, 3 * i))
    expect(table.size).toBe(1000)
    expect(ids.slice(0, 1000)).toEqual(Array.from({ length: 1000 }, (_, i) => i))
    expect(ids.slice(4000)).toEqual(ids.slice(0, 1000))
    expect([...table.tuples.subarray(3 * 999, 3 * 1000)]).toEqual([999, 7, (999 * 2 ** 20) >>> 0])
  })

  it('tells apart tuples that differ in one place only', () => {
    const table = new TupleTable(2)
    const source = Uint32Array.of(1, 2, 2, 1, 1, 2, 0xffffffff, 0)
    expect([0, 2, 4, 6].map((o) => table.idOf(source, o))).toEqual([0, 1, 0, 2])
  })
})
