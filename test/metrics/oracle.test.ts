/**
 * Every number in test/datasets/{credit,penguins,sacramento}/oracle.json (scikit-learn 1.2.1),
 * overall and per segment, reproduced to 1e-9. Metrics the oracle leaves out or sets to None for a
 * segment must be `null` with a reason here.
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import {
  closeTo,
  DATASETS,
  numbers,
  column,
  readCsv,
  readOracle,
  segmentRows,
  type Csv,
  type Oracle
} from '../support/datasets.js'

// The oracle tests check values; intervals are tested elsewhere, a few replicates keep them exercised.
const bootstrap = { replicates: 20, seed: 1 }

type Build = (csv: Csv, rows: readonly number[]) => Record<string, MetricValue>

const binary: Build = (csv, rows) => {
  const labels = numbers(csv, 'label')
  const scores = numbers(csv, 'score')
  const ids = numbers(csv, 'id')
  const metrics = new BinaryAccumulator({ threshold: 0.5, bootstrap })
  for (const i of rows) metrics.add(labels[i], scores[i], ids[i])
  return metrics.finalize()
}

const multiclass =
  (classes: readonly string[]): Build =>
  (csv, rows) => {
    const labels = column(csv, 'label').map((name) => classes.indexOf(name))
    const probabilities = classes.map((name) => numbers(csv, `score_${name}`))
    const ids = numbers(csv, 'id')
    const metrics = new MulticlassAccumulator({ classes, bootstrap })
    const row = new Float64Array(classes.length)
    for (const i of rows) {
      probabilities.forEach((p, c) => (row[c] = p[i]))
      metrics.add(labels[i], null, row, ids[i])
    }
    return metrics.finalize()
  }

const regression: Build = (csv, rows) => {
  const y = numbers(csv, 'label')
  const predictions = numbers(csv, 'prediction')
  const ids = numbers(csv, 'id')
  const metrics = new RegressionAccumulator({ bootstrap })
  for (const i of rows) metrics.add(y[i], predictions[i], ids[i])
  return metrics.finalize()
}

/** Differences between our results and one oracle segment, as readable strings (empty when equal). */
function compare(
  ours: Record<string, MetricValue>,
  expected: Record<string, unknown>,
  names: readonly string[]
): string[] {
  const problems: string[] = []
  for (const name of names) {
    const want = expected[name]
    const got = ours[name]
    if (!got) problems.push(`${name}: we do not report it`)
    else if (typeof want === 'number') {
      if (got.value === null || !closeTo(got.value, want))
        problems.push(`${name}: got ${got.value}, oracle ${want}`)
    } else if (got.value !== null || !got.reason) {
      problems.push(`${name}: oracle has no value, we report ${got.value} (reason: ${got.reason})`)
    }
  }
  return problems
}

function oracleCases(dataset: string, model: string, build: Build): void {
  const oracle: Oracle = readOracle(dataset)
  const csv = readCsv(`${DATASETS}/${dataset}/predictions/${model}.csv`)
  const segments = segmentRows(csv, oracle)
  const expected = oracle.metrics[model]
  const names = [...new Set(expected.flatMap((segment) => Object.keys(segment)))].filter(
    (name) => name !== 'key'
  )

  it(`${dataset}/${model}: our segments are the oracle's segments, with the oracle's sizes`, () => {
    expect([...segments.keys()].sort()).toEqual(expected.map((segment) => segment.key).sort())
    for (const segment of expected) expect(segments.get(segment.key)?.length).toBe(segment.n)
  })

  for (const segment of expected) {
    it(`${dataset}/${model} ${segment.key}: ${names.length} metrics equal scikit-learn's to 1e-9`, () => {
      expect(compare(build(csv, segments.get(segment.key)!), segment, names)).toEqual([])
    })
  }
}

describe('scikit-learn oracle', () => {
  oracleCases('credit', 'baseline', binary)
  oracleCases('credit', 'candidate', binary)
  oracleCases('penguins', 'candidate', multiclass(readOracle('penguins').classes!))
  oracleCases('sacramento', 'candidate', regression)

  it('the one-row credit segment Home= mirrors the oracle: sklearn conventions as values, the rest null', () => {
    const csv = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
    const result = binary(csv, segmentRows(csv, readOracle('credit')).get('Home=')!)
    expect(result.roc_auc).toEqual({
      value: null,
      ci: null,
      reason: 'only one class present in y_true; ROC AUC is not defined',
      support: 0
    })
    expect(result.specificity.reason).toBe('no negatives in y_true (TN + FP = 0); specificity is not defined')
    // The conventions stay as values for reports, flagged as no value for a gate.
    expect(result.precision).toMatchObject({ value: 0, ci: null, defined: false, support: 0 })
    expect(result.recall).toMatchObject({ value: 0, support: 1 })
    expect(result.recall.defined).toBeUndefined() // one positive, missed: a defined 0
    expect(result.precision.reason).toMatch(/^no predicted positives \(TP \+ FP = 0\): 0 by zero_division=0/)
    expect(result.mcc.value).toBe(0)
    expect(result.mcc.reason).toMatch(/MCC denominator is 0, so 0 as scikit-learn/)
    expect(result.mcc).toMatchObject({ defined: false, support: 0 })
    expect(result.accuracy).toMatchObject({ value: 0, support: 1 })
    expect(result.accuracy.defined).toBeUndefined()
  })
})
