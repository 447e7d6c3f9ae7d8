/**
 * Sorting the scores of every segment at once (`ScoreLedger`) must give each segment exactly what
 * sorting its own scores gives: the same metrics, bit for bit, with ties, weights and ±0.
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator, BinaryRows } from '../../src/metrics/binary.js'
import { rowHash } from '../../src/metrics/poisson-bootstrap.js'
import { RowBlock } from '../../src/evaluation/row-block.js'
import { ScoreLedger } from '../../src/evaluation/score-ledger.js'
import { WeightedValues, type SortedValues } from '../../src/metrics/weighted-values.js'

const SEED = 7
const bootstrap = { replicates: 50, seed: SEED }

/** A seeded stream of rows: scores on a coarse grid (many ties, ±0), a few weights other than 1. */
function rows(n: number, weighted: boolean) {
  let state = 12345
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  return Array.from({ length: n }, (_, i) => {
    const grid = Math.floor(next() * 12) / 11
    return {
      label: next() < 0.4 ? 1 : 0,
      score: grid === 0 && next() < 0.5 ? -0 : grid,
      weight: weighted && next() < 0.3 ? Math.floor(next() * 4) / 2 : 1,
      // Segments: slot 0 is `all` (0); family A has segments 1-3, family B 4-5.
      ordinals: [0, 1 + Math.floor(next() * 3), 4 + (i % 2)]
    }
  })
}

/** Through the ledger in chunks of `sizes[0]`, `sizes[1]`, … rows, the last size repeated. */
function viaLedger(data: ReturnType<typeof rows>, sizes: number[]): string[] {
  const accumulators = Array.from({ length: 6 }, () => new BinaryAccumulator({ bootstrap }))
  const capacity = Math.max(...sizes)
  const block = new RowBlock(3, capacity)
  const staged = new BinaryRows(capacity)
  const ledger = new ScoreLedger(3)
  let chunk = 0
  const add = () => {
    chunk++
    ledger.keep(staged, block)
    block.drain(6, (ordinal, members) => accumulators[ordinal].addRowsExceptScores(staged, members))
  }
  data.forEach((row, key) => {
    const r = block.size
    row.ordinals.forEach((ordinal, slot) => block.assign(r, slot, ordinal))
    staged.set(r, row.label, row.score, rowHash(SEED, key), row.weight)
    if (++block.size === sizes[Math.min(chunk, sizes.length - 1)]) add()
  })
  add()
  ledger.distribute(accumulators)
  return accumulators.map((a) => JSON.stringify(a.finalize()))
}

function rowByRow(data: ReturnType<typeof rows>): string[] {
  const accumulators = Array.from({ length: 6 }, () => new BinaryAccumulator({ bootstrap }))
  data.forEach((row, key) => {
    for (const ordinal of row.ordinals) accumulators[ordinal].add(row.label, row.score, key, row.weight)
  })
  return accumulators.map((a) => JSON.stringify(a.finalize()))
}

describe('ScoreLedger', () => {
  it.each([
    ['unweighted', false],
    ['weighted', true]
  ])('gives every segment the metrics of adding its rows one by one (%s)', (_, weighted) => {
    const data = rows(500, weighted)
    const expected = rowByRow(data)
    expect(expected[1]).toContain('"roc_auc":{"value":0.')
    // 64 rows per chunk: 7 full chunks and a partial one; chunks growing as evaluate's first
    // blocks do; one chunk.
    expect(viaLedger(data, [64])).toEqual(expected)
    expect(viaLedger(data, [8, 16, 32, 64])).toEqual(expected)
    expect(viaLedger(data, [1000])).toEqual(expected)
  })
})

describe('ScoreLedger ordinals', () => {
  it('keeps segment ordinals past 65,535 (32-bit) as well as small ones', () => {
    const calls: [number, number[], number[]][] = []
    const segmentOf = (ordinal: number) =>
      ({
        addAscendingScores: (positives: SortedValues, negatives: SortedValues) =>
          calls.push([ordinal, [...positives.values], [...negatives.values]])
      }) as unknown as BinaryAccumulator
    const accumulators = Array.from({ length: 70_001 }, (_, ordinal) => segmentOf(ordinal))
    const block = new RowBlock(2, 4)
    const staged = new BinaryRows(4)
    const ledger = new ScoreLedger(2)
    ;[
      [0.9, 1, 70_000],
      [0.1, 0, 3]
    ].forEach(([score, label, ordinal], r) => {
      block.assign(r, 0, 0)
      block.assign(r, 1, ordinal)
      staged.set(r, label, score, 0, 1)
      block.size++
    })
    ledger.keep(staged, block)
    ledger.distribute(accumulators)
    expect(calls.filter(([, positives, negatives]) => positives.length + negatives.length > 0)).toEqual([
      [0, [0.9], [0.1]],
      [3, [], [0.1]],
      [70_000, [0.9], []]
    ])
  })
})

describe('WeightedValues order', () => {
  it('keeps values pushed in order as they are, and sorts others as the radix sort does', () => {
    const inOrder = new WeightedValues()
    for (const [v, w] of [
      [-0, 2],
      [0, 1],
      [0.5, 3],
      [0.5, 1]
    ])
      inOrder.push(v, w)
    const sorted = inOrder.sorted()
    expect([...sorted.values].map((v) => Object.is(v, -0))).toEqual([true, false, false, false])
    expect([...sorted.weights!]).toEqual([2, 1, 3, 1])

    const outOfOrder = new WeightedValues()
    outOfOrder.push(0, 1)
    outOfOrder.push(-0, 2) // −0 after +0 is out of order: the sort puts it first
    expect(Object.is(outOfOrder.sorted().values[0], -0)).toBe(true)
    expect([...outOfOrder.sorted().weights!]).toEqual([2, 1])
  })
})

describe('WeightedValues.appendAscending', () => {
  it('keeps an ascending run as it is, and into values already held, pushes it one by one', () => {
    const run = { values: Float64Array.of(-0, 0.25, 0.5), weights: Float64Array.of(1, 2, 1) }
    const fresh = new WeightedValues()
    fresh.appendAscending(run)
    expect(fresh.sorted().values.buffer).toBe(run.values.buffer)

    const held = new WeightedValues()
    held.push(0.75, 1)
    held.appendAscending(run)
    const pushed = new WeightedValues()
    for (const [v, w] of [
      [0.75, 1],
      [-0, 1],
      [0.25, 2],
      [0.5, 1]
    ])
      pushed.push(v, w)
    expect(held.toState()).toEqual(pushed.toState())
    expect([...held.sorted().values]).toEqual([-0, 0.25, 0.5, 0.75])
  })
})
