/**
 * A metric source stored in a document and read back (through JSON) finalizes to the same metrics
 * at every confidence level, bit for bit, and pairs like the accumulator it was written from: for
 * every task, below and above the 5,000 rows where analytic intervals take over, with weights.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { finalizeMetrics, type MetricSource } from '../../src/metrics/accumulator.js'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { criticalValue, MAX_Z, orderStatisticInterval } from '../../src/metrics/intervals.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { pairedDifference } from '../../src/metrics/paired.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { narrowWindow, sourceState, storedSource } from '../../src/metrics/stored-source.js'
import { seededRandom } from '../support/metric-fixtures.js'

const BOOTSTRAP = { replicates: 200, seed: 7 }

function binary(rows: number, seed: number, weighted: boolean): BinaryAccumulator {
  const random = seededRandom(seed)
  const metrics = new BinaryAccumulator({ threshold: 0.5, bootstrap: BOOTSTRAP })
  for (let i = 0; i < rows; i++) {
    const label = random() < 0.3 ? 1 : 0
    const score = Math.min(1, Math.max(0, 0.35 * label + 0.65 * random()))
    metrics.add(label, score, i, weighted ? 0.5 + random() : 1)
  }
  return metrics
}

function regression(rows: number, seed: number, weighted: boolean): RegressionAccumulator {
  const random = seededRandom(seed)
  const metrics = new RegressionAccumulator({ bootstrap: BOOTSTRAP })
  for (let i = 0; i < rows; i++) {
    const y = 10 * random()
    // Rounded predictions give ties among the errors, which the order statistics must keep.
    metrics.add(y, Math.round(y + 2 * random() - 1), i, weighted ? Math.floor(1 + 3 * random()) : 1)
  }
  return metrics
}

function multiclass(rows: number, seed: number): MulticlassAccumulator {
  const random = seededRandom(seed)
  const metrics = new MulticlassAccumulator({ classes: ['a', 'b', 'c'], bootstrap: BOOTSTRAP })
  for (let i = 0; i < rows; i++) {
    const label = Math.floor(3 * random())
    const p = [random(), random(), random()]
    p[label] += 0.5
    const total = p[0] + p[1] + p[2]
    metrics.add(
      label,
      null,
      p.map((x) => x / total),
      i
    )
  }
  return metrics
}

/** The source as a gate reads it back from an evaluation document. */
function stored(source: MetricSource): MetricSource {
  return storedSource(JSON.parse(JSON.stringify(sourceState(source))), source.task, source.bootstrap)
}

const LEVELS = [0.5, 0.9, 0.95, 0.99, 1 - 0.05 / 68, 1 - 1e-9, 1 - 3 * 2 ** -53, 1 - 2 ** -52]

describe('a stored metric source', () => {
  it.each([
    ['binary, 800 rows', () => binary(800, 1, false)],
    ['binary, 6000 weighted rows (logit interval of average precision)', () => binary(6000, 2, true)],
    ['regression, 900 rows', () => regression(900, 3, false)],
    ['regression, 7000 rows (order-statistic interval of median_ae)', () => regression(7000, 4, false)],
    ['regression, 7000 weighted rows', () => regression(7000, 5, true)],
    ['multiclass, 600 rows', () => multiclass(600, 6)]
  ])('%s: the same metrics at every level, bit for bit', (_, make) => {
    const accumulator = make()
    const source = stored(accumulator)
    expect(source.names()).toEqual(accumulator.names())
    for (const confidence of LEVELS)
      expect(finalizeMetrics(source, { confidence })).toEqual(finalizeMetrics(accumulator, { confidence }))
  })

  it('the same at any level (property)', () => {
    const accumulator = regression(6000, 8, true)
    const source = stored(accumulator)
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1 - 2 ** -52, noNaN: true }), (confidence) => {
        expect(finalizeMetrics(source, { confidence })).toEqual(finalizeMetrics(accumulator, { confidence }))
      }),
      { numRuns: 50, seed: 11 }
    )
  })

  it('pairs like the accumulators: same paired differences, intervals and p-values', () => {
    const candidate = binary(1500, 9, false)
    const baseline = binary(1500, 10, false)
    const [c, b] = [stored(candidate), stored(baseline)]
    for (const metric of ['recall', 'roc_auc', 'brier', 'average_precision'])
      for (const confidence of [0.95, 1 - 0.05 / 20])
        expect(pairedDifference(c, b, metric, { confidence })).toEqual(
          pairedDifference(candidate, baseline, metric, { confidence })
        )
    const other = stored(binary(1499, 9, false))
    expect(pairedDifference(c, other, 'recall').reason).toBe(
      'candidate and baseline were not scored on the same rows (1500 and 1499 rows, different row keys)'
    )
  })

  it('keeps √n values of the median, not n, and they serve up to MAX_Z', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => i / 1000)
    const window = { values, weights: null, before: 0, n: values.length, perRank: 1 }
    const narrow = narrowWindow(window)
    // ranks round(n/2 − 9·√n/2) = 495,500 and round(1 + n/2 + 9·√n/2) = 504,501
    expect(narrow.values.length).toBe(9002)
    expect(narrow.before).toBe(495_499)
    // the largest critical value of any level below 1
    expect(MAX_Z).toBeGreaterThan(criticalValue(1 - 3 * 2 ** -53))
    for (const z of [0, 1.96, 5, MAX_Z])
      expect(orderStatisticInterval(narrow, z)).toEqual(orderStatisticInterval(window, z))
  })

  it('throws saying which field is wrong', () => {
    const state = JSON.parse(JSON.stringify(sourceState(binary(100, 12, false)))) as {
      metrics: Record<string, Record<string, unknown>>
    }
    state.metrics.recall.replicates = 'AAAA'
    expect(() => storedSource(state, 'binary', BOOTSTRAP)).toThrow(
      'invalid metric state: replicates must hold 200 Float64Array values, got 3 bytes (0.375 values)'
    )
    delete state.metrics.recall.replicates
    state.metrics.accuracy.proportion = { successes: 1, trials: 'two', squared_weights: 1 }
    expect(() => storedSource(state, 'binary', BOOTSTRAP)).toThrow(
      'invalid metric state: state.metrics.accuracy.proportion.trials must be a finite number'
    )
  })
})
