/**
 * The table state of `WeightedValues`: each distinct value once with its count (and summed weight),
 * so that a shard's state and a merge grow with distinct values, not rows.
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { WeightedValues, type WeightedValuesState } from '../../src/metrics/weighted-values.js'
import { seededRandom } from '../support/metric-fixtures.js'

const floats = (text: string | null | undefined): number[] | null =>
  text === null || text === undefined
    ? null
    : [...new Float64Array(new Uint8Array(Buffer.from(text, 'base64')).buffer)]

/** The state's arrays as numbers: values and weights float64, counts one byte each (small tests). */
function decoded(state: WeightedValuesState) {
  const counts =
    state.counts === null || state.counts === undefined ? null : [...Buffer.from(state.counts, 'base64')]
  return { values: floats(state.values), counts, weights: floats(state.weights) }
}

function of(rows: readonly (readonly [number, number])[]): WeightedValues {
  const values = new WeightedValues()
  for (const [value, weight] of rows) values.push(value, weight)
  return values
}

/** Through JSON text, as a state travels between jobs. */
function restored(values: WeightedValues): WeightedValues {
  const record = JSON.parse(JSON.stringify(values.toState())) as Record<string, unknown>
  return WeightedValues.fromState(record, 'scores')
}

describe('WeightedValues.toState', () => {
  it('writes each distinct value once, ascending, with its count; −0 and +0 apart', () => {
    const values = of([0.5, 0.2, 0.5, -0, 0, 0.2, 0.5, -0, 0].map((v) => [v, 1]))
    const state = decoded(values.toState())
    expect(state).toEqual({ values: [-0, 0, 0.2, 0.5], counts: [2, 2, 2, 3], weights: null })
    expect(Object.is(state.values![0], -0)).toBe(true)
    expect(Object.is(state.values![1], 0)).toBe(true)
  })

  it('sums the weights of each value', () => {
    const rows: [number, number][] = [
      [0.3, 2],
      [0.1, 1],
      [0.3, 0.5],
      [0.1, 1],
      [0.1, 3]
    ]
    expect(decoded(of(rows).toState())).toEqual({ values: [0.1, 0.3], counts: [3, 2], weights: [5, 2.5] })
  })

  it('writes the rows, sorted, where a table takes as much room, as continuous scores have', () => {
    // 9 distinct values of 10 rows: 9 · (8 + 1) bytes as a table, 10 · 8 as rows.
    const ten = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4, 0.5, 0.1]
    const state = of(ten.map((v) => [v, 1])).toState()
    expect(decoded(state)).toEqual({ values: [...ten].sort(), counts: null, weights: null })
    expect(decoded(of(ten.slice(1).map((v) => [v, 1])).toState()).counts).toBeNull()
    expect(decoded(of([...ten, 0.2].map((v) => [v, 1])).toState()).counts).toEqual([
      2, 2, 1, 1, 1, 1, 1, 1, 1
    ])
    const rows: [number, number][] = [
      [0.3, 2],
      [0.1, 1]
    ]
    expect(decoded(of(rows).toState())).toEqual({ values: [0.1, 0.3], counts: null, weights: [1, 2] })
  })

  it('is 9 bytes per distinct value (a float64, a one-byte count), not 8 per row: 100,000 rows of 1,000 scores', () => {
    const random = seededRandom(3)
    const values = new WeightedValues()
    for (let i = 0; i < 100_000; i++) values.push(Math.floor(random() * 1000) / 1000, 1)
    const state = values.toState()
    const bytes = Buffer.from(state.values, 'base64').length + Buffer.from(state.counts!, 'base64').length
    expect(bytes).toBe(9 * 1000)
    expect(restored(values).length).toBe(100_000)
  })

  it('writes counts of 256 and more in 2 bytes each, and reads them back', () => {
    const values = of([...Array<[number, number]>(300).fill([0.5, 1]), [0.25, 1]])
    const state = values.toState()
    expect(Buffer.from(state.counts!, 'base64')).toEqual(Buffer.from(Uint16Array.of(1, 300).buffer))
    expect(restored(values).rows().values).toEqual(values.rows().values)
  })

  it('refuses a table whose values are not ascending, or a count that is not a whole number >= 1', () => {
    const encode = (numbers: number[]) => Buffer.from(Float64Array.from(numbers).buffer).toString('base64')
    const table = (values: number[], counts: number[]) => ({
      values: encode(values),
      counts: encode(counts),
      weights: null
    })
    expect(() => WeightedValues.fromState(table([0.2, 0.1], [1, 2]), 'scores')).toThrow(
      'scores.values must be distinct and ascending where counts are given'
    )
    expect(() => WeightedValues.fromState(table([0.1, 0.1], [1, 2]), 'scores')).toThrow(
      'scores.values must be distinct and ascending'
    )
    expect(() => WeightedValues.fromState(table([0.1, 0.2], [1, 0.5]), 'scores')).toThrow(
      'scores.counts must be whole numbers >= 1, got 0.5'
    )
    const threeBytes = { ...table([0.1, 0.2], [1, 2]), counts: Buffer.alloc(6).toString('base64') }
    expect(() => WeightedValues.fromState(threeBytes, 'scores')).toThrow(
      'scores.counts must hold one count of 1, 2, 4 or 8 bytes per value (2 values)'
    )
  })
})

describe('tables merged', () => {
  it('hold the union: counts and weights of shared values added, rows pushed later folded in', () => {
    const a = restored(of([0.1, 0.1, 0.4, 0.4, 0.4].map((v) => [v, 1])))
    const rows: [number, number][] = [
      [0.4, 2],
      [0.4, 1],
      [0.2, 1],
      [0.2, 1],
      [0.2, 1]
    ]
    a.append(restored(of(rows)))
    a.push(0.1, 1)
    expect(a.length).toBe(11)
    // A table with summed weights is never expanded into made-up rows, whatever its size.
    expect(decoded(a.toState())).toEqual({ values: [0.1, 0.2, 0.4], counts: [3, 3, 5], weights: [3, 3, 6] })
    expect(a.rows()).toEqual({
      values: Float64Array.of(0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.4, 0.4, 0.4, 0.4, 0.4),
      weights: Float64Array.of(1, 1, 1, 1, 1, 1, 6 / 5, 6 / 5, 6 / 5, 6 / 5, 6 / 5)
    })
  })
})

/** Rows with many ties (scores on a grid of 50), labels from the score, split into 5 pieces. */
function binaryRows(weighted: boolean): { label: number; score: number; weight: number }[] {
  const random = seededRandom(11)
  return Array.from({ length: 3000 }, () => {
    const score = Math.floor(random() * 50) / 50
    return { label: random() < score ? 1 : 0, score, weight: weighted ? 0.5 + random() : 1 }
  })
}

const bootstrap = { replicates: 20, seed: 5 }

function binary(rows: ReturnType<typeof binaryRows>, from: number, to: number): BinaryAccumulator {
  const metrics = new BinaryAccumulator({ bootstrap })
  for (let i = from; i < to; i++) metrics.add(rows[i].label, rows[i].score, i, rows[i].weight)
  return metrics
}

function pieces<T extends { merge(other: T): T; toState(): unknown }>(
  build: (from: number, to: number) => T,
  restore: (state: unknown) => T,
  n: number
): T {
  const cuts = [0, 400, 1100, 1700, 2600, n]
  const parts = cuts
    .slice(1)
    .map((to, k) => restore(JSON.parse(JSON.stringify(build(cuts[k], to).toState()))))
  return parts.reduce((whole, part) => whole.merge(part))
}

describe('ROC AUC and average precision from merged tables', () => {
  /** The whole rows finalized, and their 5 pieces through JSON, merged and finalized. */
  function wholeAndMerged(weighted: boolean) {
    const rows = binaryRows(weighted)
    const whole = binary(rows, 0, rows.length).finalize()
    const merged = pieces(
      (a, b) => binary(rows, a, b),
      (s) => BinaryAccumulator.fromState(s),
      rows.length
    ).finalize()
    return { whole, merged }
  }

  it('equal the unsplit rows’ bit for bit with weights 1', () => {
    const { whole, merged } = wholeAndMerged(false)
    expect(merged.roc_auc).toEqual(whole.roc_auc)
    expect(merged.average_precision).toEqual(whole.average_precision)
  })

  it('equal them to rounding with other weights (summed per piece, then across)', () => {
    const { whole, merged } = wholeAndMerged(true)
    for (const name of ['roc_auc', 'average_precision'] as const) {
      expect(merged[name].value).toBeCloseTo(whole[name].value!, 12)
      expect(Math.abs(merged[name].value! / whole[name].value! - 1)).toBeLessThan(1e-12)
    }
  })
})

describe('median_ae from merged tables', () => {
  it.each([2999, 3000])('is the unsplit median bit for bit at n = %i (errors with ties)', (n) => {
    const random = seededRandom(n)
    const rows = Array.from({ length: n }, () => ({
      y: Math.floor(random() * 20),
      prediction: Math.floor(random() * 20)
    }))
    const build = (from: number, to: number) => {
      const metrics = new RegressionAccumulator({ bootstrap })
      for (let i = from; i < to; i++) metrics.add(rows[i].y, rows[i].prediction, i)
      return metrics
    }
    const whole = build(0, n).finalize()
    const merged = pieces(build, (s) => RegressionAccumulator.fromState(s), n).finalize()
    expect(merged.median_ae).toEqual(whole.median_ae)
    const state = build(0, n).toState()
    expect(state.errors.counts).not.toBeNull()
  })
})
