import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { quantileOfSorted } from '../../src/metrics/intervals.js'
import {
  BUCKETS,
  bucketOf,
  bucketWeights,
  percentileInterval,
  poissonCounts,
  rowHash,
  rowKeyOf
} from '../../src/metrics/poisson-bootstrap.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { DATASETS, numbers, readCsv, readOracle, segmentRows } from '../support/datasets.js'
import {
  allRows,
  creditFixture,
  differences,
  penguinsFixture,
  sacramentoFixture,
  shuffled,
  type Fixture
} from '../support/metric-fixtures.js'

const settings = { replicates: 200, seed: 42 }

const fixtures: [string, () => Fixture][] = [
  ['binary (credit)', () => creditFixture('candidate')],
  ['multiclass (penguins)', penguinsFixture],
  ['regression (sacramento)', () => sacramentoFixture()]
]

describe.each(fixtures)('%s', (_name, load) => {
  const fixture = load()
  const rows = allRows(fixture.rows)
  const whole = fixture.build(rows, settings).finalize()

  it('every metric has an ordered interval around its value, or a reason for none (counts: none)', () => {
    for (const [name, { value, ci, reason }] of Object.entries(whole)) {
      const count = ['n', 'positives', 'tp', 'fp', 'tn', 'fn'].includes(name)
      const ok = count ? ci === null : ci ? ci[0] <= value! && value! <= ci[1] : reason !== undefined
      expect([name, ok]).toEqual([name, true])
    }
  })

  it('merging three shards gives the whole, intervals included', () => {
    const shards = [0, 1, 2].map((s) =>
      fixture.build(
        rows.filter((i) => i % 3 === s),
        settings
      )
    )
    const merged = shards[0].merge(shards[1] as never).merge(shards[2] as never)
    expect(differences(merged.finalize(), whole)).toEqual([])
  })

  it('permuting the rows changes nothing', () => {
    expect(differences(fixture.build(shuffled(rows, 7), settings).finalize(), whole)).toEqual([])
  })

  it('the same seed gives the same intervals; another seed other bootstrap intervals', () => {
    expect(differences(fixture.build(rows, settings).finalize(), whole, 0)).toEqual([])
    const reseeded = fixture.build(rows, { ...settings, seed: 43 }).finalize()
    const changed = differences(reseeded, whole, 0).filter((text) => text.includes(' ci: '))
    expect(changed.length).toBeGreaterThan(0)
    for (const [name, metric] of Object.entries(reseeded))
      expect([name, metric.value]).toEqual([name, whole[name].value])
  })
})

// Each row weighs its bucket's Poisson weight: bucket = bucketOf(rowHash(seed, id)), weights of the
// bucket from poissonCounts(seed, bucket). The accumulators must equal that resample computed naively.
describe('replicates equal a naive resample with bucket weights', () => {
  const csv = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
  const rows = segmentRows(csv, readOracle('credit')).get('Home=other')!
  const labels = numbers(csv, 'label')
  const scores = numbers(csv, 'score')
  const ids = numbers(csv, 'id')
  const b = 50
  const counts = rows.map((i) => {
    const out = new Uint8Array(b)
    poissonCounts(9, bucketOf(rowHash(9, ids[i])), out)
    return out
  })

  it('ROC AUC (pairwise count) and F1 in each replicate', () => {
    const metrics = new BinaryAccumulator({ bootstrap: { replicates: b, seed: 9 } })
    for (const i of rows) metrics.add(labels[i], scores[i], ids[i])
    const auc = metrics.replicates('roc_auc')
    const f1 = metrics.replicates('f1')
    for (let r = 0; r < b; r++) {
      let wins = 0
      let pairs = 0
      let tp = 0
      let fp = 0
      let fn = 0
      rows.forEach((i, a) => {
        const k = counts[a][r]
        if (labels[i] === 1 && scores[i] >= 0.5) tp += k
        if (labels[i] === 0 && scores[i] >= 0.5) fp += k
        if (labels[i] === 1 && scores[i] < 0.5) fn += k
        if (labels[i] !== 1) return
        rows.forEach((j, c) => {
          if (labels[j] !== 0) return
          const kk = k * counts[c][r]
          pairs += kk
          wins += kk * (scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0)
        })
      })
      expect(auc[r]).toBeCloseTo(wins / pairs, 12)
      expect(f1[r]).toBeCloseTo((2 * tp) / (2 * tp + fp + fn), 12)
    }
    const sorted = Float64Array.from(f1).sort()
    expect(metrics.finalize({ confidence: 0.9 }).f1.ci).toEqual([
      quantileOfSorted(sorted, 0.05),
      quantileOfSorted(sorted, 0.95)
    ])
  })

  it('median_ae is the median of the resample with each row repeated k times', () => {
    const metrics = new RegressionAccumulator({ bootstrap: { replicates: b, seed: 9 } })
    rows.forEach((i) => metrics.add(labels[i], scores[i] * 2, ids[i]))
    const medians = metrics.replicates('median_ae')
    for (let r = 0; r < b; r++) {
      const resample: number[] = []
      rows.forEach((i, a) => {
        for (let k = 0; k < counts[a][r]; k++) resample.push(Math.abs(labels[i] - scores[i] * 2))
      })
      resample.sort((x, y) => x - y)
      const m = resample.length
      expect(medians[r]).toBe((resample[(m - 1) >> 1] + resample[m >> 1]) / 2)
    }
  })
})

describe('bucket weights', () => {
  it('bucketWeights(settings)[b·K + j] is poissonCounts(seed, j)[b]', () => {
    const weights = bucketWeights({ replicates: 30, seed: 5 })
    const column = new Uint8Array(30)
    for (const j of [0, 1, 517, BUCKETS - 1]) {
      poissonCounts(5, j, column)
      expect(Array.from(column, (_, r) => weights[r * BUCKETS + j])).toEqual(Array.from(column))
    }
  })

  it('rows spread evenly over the buckets: chi-square of 100,000 keys below its 99.9% quantile', () => {
    const counts = new Uint32Array(BUCKETS)
    for (let key = 1; key <= 100_000; key++) counts[bucketOf(rowHash(42, key))]++
    const expected = 100_000 / BUCKETS
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
    // scipy.stats.chi2.ppf(0.999, 1023) = 1168.497
    expect(chiSquare).toBeLessThan(1168.497)
  })
})

describe('poissonCounts', () => {
  it('draws Poisson(1): frequencies of 0, 1, 2, 3 over 200,000 draws within 0.005 of e⁻¹/k!', () => {
    const out = new Uint8Array(1000)
    const frequency = new Float64Array(8)
    for (let key = 0; key < 200; key++) {
      poissonCounts(42, key * 7919, out)
      for (const k of out) frequency[Math.min(k, 7)] += 1 / 200_000
    }
    const expected = [0.36787944117144233, 0.36787944117144233, 0.18393972058572117, 0.061313240195240384]
    expected.forEach((p, k) => expect(Math.abs(frequency[k] - p)).toBeLessThan(0.005))
  })

  it('depends on the seed and the row key only', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map(() => new Uint8Array(64))
    poissonCounts(1, 2 ** 40 + 5, a)
    poissonCounts(1, 2 ** 40 + 5, b)
    poissonCounts(2, 2 ** 40 + 5, c)
    poissonCounts(1, 5, d)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(a).not.toEqual(d)
  })

  it('rowKeyOf hashes text ids to safe integers', () => {
    expect(Number.isSafeInteger(rowKeyOf('A-0042'))).toBe(true)
    expect(rowKeyOf('A-0042')).toBe(rowKeyOf('A-0042'))
    expect(rowKeyOf('A-0042')).not.toBe(rowKeyOf('A-0043'))
  })
})

describe('percentileInterval', () => {
  it('leaves undefined replicates out and says so; none at all below half', () => {
    const values = Float64Array.of(NaN, 1, 2, 3, 4)
    expect(percentileInterval(values, 0.5)).toEqual({
      ci: [1.75, 3.25],
      reason: 'bootstrap interval over the 4 of 5 replicates where it is defined'
    })
    expect(percentileInterval(Float64Array.of(NaN, NaN, 1), 0.9)).toEqual({
      ci: null,
      reason: 'no bootstrap interval: the metric is undefined in 2 of 3 replicates'
    })
  })
})
