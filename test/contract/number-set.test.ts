import { describe, expect, it } from '@jest/globals'
import { ContractChecker } from '../../src/contract/check.js'
import { NumberSet } from '../../src/contract/number-set.js'
import { Kind, type RowBatch, type Value } from '../../src/io/table.js'

/** A seeded stream of numbers: repeated integers, decimals, huge and tiny values, ±0, ±Infinity, NaN. */
function numbers(seed: number, length: number, distinct: number): number[] {
  let state = seed
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  return Array.from({ length }, () => {
    const u = next()
    const v = Math.floor(next() * distinct)
    if (u < 0.3) return v
    if (u < 0.4) return 2 ** 27 - distinct / 2 + v // both sides of the bitmap's limit
    if (u < 0.5) return (v % 64) * 2 ** 19 + (v % 3) - 1 // page edges
    if (u < 0.7) return -v / 7
    if (u < 0.8) return v * 2 ** 60 + v
    if (u < 0.85) return v * 1e-300
    if (u < 0.9) return u < 0.87 ? -0 : 0
    if (u < 0.95) return u < 0.92 ? Infinity : -Infinity
    return NaN
  })
}

describe('NumberSet against Set<number>', () => {
  it.each([
    [1, 1000, 50],
    [2, 20_000, 5000],
    [3, 200_000, 1_000_000]
  ])('answers add and has as a Set does (seed %i, %i values of ~%i)', (seed, n, distinct) => {
    const set = new NumberSet()
    const spec = new Set<number>()
    const mismatches: string[] = []
    for (const value of numbers(seed, n, distinct)) {
      const had = spec.has(value)
      spec.add(value)
      if (set.has(value) !== had || set.add(value) === had) mismatches.push(`${value}`)
    }
    expect(mismatches).toEqual([])
    expect(set.size).toBe(spec.size)
    for (const value of numbers(seed + 100, 1000, distinct)) expect(set.has(value)).toBe(spec.has(value))
  })

  it('keeps integers past the bitmap apart from those in it', () => {
    const set = new NumberSet()
    for (const x of [2 ** 27 - 1, 2 ** 27, 2 ** 27 + 1, -1, 0.5, 2 ** 19 - 1, 2 ** 19]) {
      expect(set.add(x)).toBe(true)
      expect(set.has(x)).toBe(true)
    }
    expect(set.has(2 ** 27 - 2)).toBe(false)
    expect(set.has(1)).toBe(false)
    expect(set.size).toBe(7)
  })

  it('keeps a million distinct ids, and −0 is 0', () => {
    const set = new NumberSet()
    for (let i = 0; i < 1_000_000; i++) if (!set.add(i)) throw new Error(`${i} reported seen`)
    expect(set.size).toBe(1_000_000)
    expect(set.add(-0)).toBe(false)
    expect(set.add(999_999)).toBe(false)
    expect(set.has(1_000_000)).toBe(false)
    expect(set.add(NaN)).toBe(true)
    expect(set.add(NaN)).toBe(false)
    expect(set.size).toBe(1_000_001)
  })
})

describe('unique check', () => {
  /** The previous check: a Set of `${kind}:${String(value)}` keys. */
  function duplicatesBySet(values: Value[], kinds: number[]): number[] {
    const seen = new Set<string>()
    const lines: number[] = []
    values.forEach((value, i) => {
      if (kinds[i] === Kind.Missing) return
      const key = `${kinds[i]}:${String(value)}`
      if (seen.has(key)) lines.push(i + 2)
      else seen.add(key)
    })
    return lines
  }

  it('finds the duplicates a Set of kind-and-text keys finds', () => {
    const values: Value[] = []
    const kinds: number[] = []
    const push = (value: Value, kind: number) => {
      values.push(value)
      kinds.push(kind)
    }
    for (const [i, x] of numbers(7, 30_000, 3000).entries()) {
      const u = i % 7
      // The same number as an integer and as a decimal, as text, as a boolean, missing.
      if (u < 3) push(x, Number.isInteger(x) ? Kind.Integer : Kind.Number)
      else if (u < 5) push(x, Kind.Number)
      else if (u < 6) push(String(x), Kind.String)
      else if (i % 3 === 0) push(null, Kind.Missing)
      else push(x > 0, Kind.Boolean)
    }
    const batch: RowBatch = {
      size: values.length,
      lines: Float64Array.from(values, (_, i) => i + 2),
      columns: [{ values, kinds: Uint8Array.from(kinds) }]
    }
    const checker = new ContractChecker({ columns: { x: { unique: true } } }, ['x'])
    checker.add(batch)
    const [unique] = checker.results().filter((r) => r.check === 'unique')
    const expected = duplicatesBySet(values, kinds)
    expect(unique.failures).toBe(expected.length)
    expect(unique.checked).toBe(kinds.filter((k) => k !== Kind.Missing).length)
    expect(unique.examples.map((e) => e.line)).toEqual(expected.slice(0, 20))
  })
})
