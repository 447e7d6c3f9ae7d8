/**
 * Above SAMPLE_ROWS = 5,000 rows: rank metrics switch to analytic intervals (logit for average
 * precision, order statistics for median_ae) and their replicates to the m-out-of-n bootstrap on the
 * hash sample. Synthetic seeded data, so every expected number is recomputed here independently.
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { SAMPLE_ROWS } from '../../src/metrics/hash-sample.js'
import { criticalValue } from '../../src/metrics/intervals.js'
import { pairedDifference } from '../../src/metrics/paired.js'
import { rowHash, sampleRank } from '../../src/metrics/poisson-bootstrap.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { allRows, differences, seededRandom, shuffled } from '../support/metric-fixtures.js'

const N = 30_000
const settings = { replicates: 200, seed: 42 }
const z = criticalValue(0.95)

// Row i has key 1000 + 7i; label ~ Bernoulli(0.3); score a noisy logistic rounded to 4 decimals (ties).
const random = seededRandom(3)
const keys = allRows(N).map((i) => 1000 + 7 * i)
const labels = keys.map(() => (random() < 0.3 ? 1 : 0))
const scores = labels.map((y) => Math.round(1e4 / (1 + Math.exp(-(2 * y - 1 + 2 * (random() - 0.5))))) / 1e4)
const targets = keys.map(() => 100 * random())
const predictions = targets.map((y) => y + 20 * (random() - 0.5))

function binary(rows: readonly number[]): BinaryAccumulator {
  const metrics = new BinaryAccumulator({ bootstrap: settings })
  for (const i of rows) metrics.add(labels[i], scores[i], keys[i])
  return metrics
}

function regression(rows: readonly number[]): RegressionAccumulator {
  const metrics = new RegressionAccumulator({ bootstrap: settings })
  for (const i of rows) metrics.add(targets[i], predictions[i], keys[i])
  return metrics
}

const everyone = allRows(N)
const whole = binary(everyone)
const result = whole.finalize()

describe(`binary above ${SAMPLE_ROWS} rows`, () => {
  it('average_precision carries the logit interval of Boyd et al. over the positives', () => {
    const ap = result.average_precision.value!
    const positives = result.positives.value!
    const eta = Math.log(ap / (1 - ap))
    const tau = 1 / Math.sqrt(positives * ap * (1 - ap))
    const expit = (x: number): number => 1 / (1 + Math.exp(-x))
    expect(result.average_precision.method).toBe('logit')
    expect(result.average_precision.ci![0]).toBeCloseTo(expit(eta - z * tau), 14)
    expect(result.average_precision.ci![1]).toBeCloseTo(expit(eta + z * tau), 14)
    expect([result.roc_auc.method, result.f1.method, result.recall.method]).toEqual([
      'delong',
      'bootstrap',
      'wilson'
    ])
  })

  it('at SAMPLE_ROWS rows average_precision is still bootstrapped', () => {
    expect(binary(allRows(SAMPLE_ROWS)).finalize().average_precision.method).toBe('bootstrap')
  })

  it('rank replicates are the m-out-of-n bootstrap on the SAMPLE_ROWS rows of smallest hash, rescaled', () => {
    const rank = (i: number): number => sampleRank(rowHash(settings.seed, keys[i]))
    const sampled = [...everyone].sort((a, b) => rank(a) - rank(b)).slice(0, SAMPLE_ROWS)
    // On exactly those rows the bootstrap is complete, and each row keeps its bucket and weights.
    const small = binary(sampled)
    const scale = Math.sqrt(SAMPLE_ROWS / N)
    for (const name of ['average_precision', 'roc_auc']) {
      const onSample = small.finalize()[name].value!
      const expected = small.replicates(name).map((r) => result[name].value! + scale * (r - onSample))
      const got = whole.replicates(name)
      expected.forEach((value, b) => expect(got[b]).toBeCloseTo(value, 12))
    }
  })

  it('merging three shards and permuting the rows give the whole, hash sample included', () => {
    const shards = [0, 1, 2].map((s) => binary(everyone.filter((i) => i % 3 === s)))
    const merged = shards[0].merge(shards[1]).merge(shards[2])
    expect(differences(merged.finalize(), result)).toEqual([])
    const permuted = binary(shuffled(everyone, 11))
    for (const name of ['average_precision', 'roc_auc'])
      expect(permuted.replicates(name)).toEqual(whole.replicates(name))
  })

  it('pairs two models on the same rows: a model against itself differs by exactly 0', () => {
    expect(pairedDifference(whole, binary(shuffled(everyone, 5)), 'average_precision')).toEqual({
      difference: 0,
      ci: [0, 0],
      pValue: 1
    })
  })

  it('the bucket bootstrap of accuracy matches the binomial standard error within 10%', () => {
    const accuracy = result.accuracy.value!
    const replicates = whole.replicates('accuracy')
    const mean = replicates.reduce((a, b) => a + b, 0) / replicates.length
    const sd = Math.sqrt(replicates.reduce((a, b) => a + (b - mean) ** 2, 0) / (replicates.length - 1))
    const ratio = sd / Math.sqrt((accuracy * (1 - accuracy)) / N)
    expect(ratio).toBeGreaterThan(0.9)
    expect(ratio).toBeLessThan(1.1)
  })
})

describe(`regression above ${SAMPLE_ROWS} rows`, () => {
  it('median_ae carries the order-statistic interval of ranks round(n/2 ∓ z√n/2 (+1))', () => {
    const median = regression(everyone).finalize().median_ae
    const errors = everyone.map((i) => Math.abs(targets[i] - predictions[i])).sort((a, b) => a - b)
    const lower = Math.round(N / 2 - (z * Math.sqrt(N)) / 2)
    const upper = Math.round(1 + N / 2 + (z * Math.sqrt(N)) / 2)
    expect(median.method).toBe('order-statistic')
    expect(median.value).toBe((errors[N / 2 - 1] + errors[N / 2]) / 2)
    expect(median.ci).toEqual([errors[lower - 1], errors[upper - 1]])
  })

  it('merging shards gives the whole, median replicates included', () => {
    const all = regression(everyone)
    const merged = regression(everyone.filter((i) => i % 2 === 0)).merge(
      regression(everyone.filter((i) => i % 2 === 1))
    )
    expect(differences(merged.finalize(), all.finalize())).toEqual([])
    expect(merged.replicates('median_ae')).toEqual(all.replicates('median_ae'))
  })
})
