/**
 * Sample weights, checked against scikit-learn 1.2.1's `sample_weight=` results. Weights are
 * w = 1 + (id mod 5) / 2 (so 1, 1.5, 2, 2.5 or 3), computed once with /usr/bin/python3 and
 * hard-coded here; e.g. `precision_score(y, score >= 0.5, sample_weight=w, zero_division=0)`,
 * `median_absolute_error(y, p, sample_weight=w)`, multiclass averages with `labels=classes`.
 */
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { closeTo, column, DATASETS, numbers, readCsv, readOracle, segmentRows } from '../support/datasets.js'

const weightOf = (id: number): number => 1 + (id % 5) / 2
const noBootstrap = { replicates: 0, seed: 0 }

function mismatches(result: Record<string, MetricValue>, expected: Record<string, number>): string[] {
  return Object.entries(expected)
    .filter(([name, value]) => result[name].value === null || !closeTo(result[name].value!, value))
    .map(([name, value]) => `${name}: got ${result[name].value}, sklearn ${value}`)
}

describe('weighted binary metrics equal scikit-learn with sample_weight', () => {
  const csv = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
  const segments = segmentRows(csv, readOracle('credit'))
  const labels = numbers(csv, 'label')
  const scores = numbers(csv, 'score')
  const ids = numbers(csv, 'id')
  const finalize = (key: string, weighted: boolean) => {
    const metrics = new BinaryAccumulator({ bootstrap: noBootstrap })
    for (const i of segments.get(key)!)
      metrics.add(labels[i], scores[i], ids[i], weighted ? weightOf(ids[i]) : 1)
    return metrics.finalize()
  }

  it('all rows', () => {
    expect(
      mismatches(finalize('all', true), {
        accuracy: 0.7961097117268402,
        precision: 0.723911257189811,
        recall: 0.44005994005994004,
        f1: 0.5473749611680646,
        specificity: 0.9346811819595645,
        balanced_accuracy: 0.6873705610097522,
        mcc: 0.44769047555053937,
        positive_rate: 0.17030506577106072,
        brier: 0.1411198589395908,
        roc_auc: 0.8353497202641837,
        average_precision: 0.6701921413355809,
        log_loss: 0.4376113171240824
      })
    ).toEqual([])
  })

  it('Job=partime', () => {
    expect(
      mismatches(finalize('Job=partime', true), {
        accuracy: 0.6377025036818851,
        precision: 0.7550335570469798,
        recall: 0.5653266331658291,
        f1: 0.6465517241379309,
        specificity: 0.7402135231316725,
        balanced_accuracy: 0.6527700781487509,
        mcc: 0.30324410886540487,
        positive_rate: 0.43888070692194403,
        brier: 0.22239396081511784,
        roc_auc: 0.7390332445143868,
        average_precision: 0.7738725725820188,
        log_loss: 0.6351007812706231
      })
    ).toEqual([])
  })

  // numpy, the catalog's definition: bin = min(floor(10·p), 9), Σ_b (W_b/W)·|mean_w(y)_b − mean_w(p)_b|
  it('ece, unweighted and weighted', () => {
    expect(finalize('all', false).ece.value).toBeCloseTo(0.030506579178082194, 14)
    expect(finalize('all', true).ece.value).toBeCloseTo(0.0265878026868178, 14)
  })
})

describe('weighted multiclass metrics equal scikit-learn with sample_weight', () => {
  it('all penguins', () => {
    const csv = readCsv(`${DATASETS}/penguins/predictions/candidate.csv`)
    const classes = ['Adelie', 'Chinstrap', 'Gentoo']
    const metrics = new MulticlassAccumulator({ classes, bootstrap: noBootstrap })
    const labels = column(csv, 'label').map((name) => classes.indexOf(name))
    const predictions = column(csv, 'prediction').map((name) => classes.indexOf(name))
    const probabilities = classes.map((name) => numbers(csv, `score_${name}`))
    numbers(csv, 'id').forEach((id, i) => {
      metrics.add(
        labels[i],
        predictions[i],
        probabilities.map((p) => p[i]),
        id,
        weightOf(id)
      )
    })
    expect(
      mismatches(metrics.finalize(), {
        accuracy: 0.7741407528641571,
        log_loss: 0.46110840417628746,
        macro_precision: 0.559938128383604,
        macro_recall: 0.6594202898550724,
        macro_f1: 0.5994677514014531,
        micro_precision: 0.7741407528641571,
        micro_recall: 0.7741407528641571,
        micro_f1: 0.774140752864157,
        weighted_precision: 0.627145032486396,
        weighted_recall: 0.7741407528641571,
        weighted_f1: 0.6859737408832723,
        'precision[Adelie]': 0.679814385150812,
        'precision[Chinstrap]': 0.0,
        'precision[Gentoo]': 1.0,
        'recall[Adelie]': 1.0,
        'recall[Chinstrap]': 0.0,
        'recall[Gentoo]': 0.9782608695652174,
        'f1[Adelie]': 0.8093922651933702,
        'f1[Chinstrap]': 0.0,
        'f1[Gentoo]': 0.989010989010989
      })
    ).toEqual([])
  })
})

describe('weighted regression metrics equal scikit-learn with sample_weight', () => {
  it('all houses; median_ae is the weighted lower median, as sklearn', () => {
    const csv = readCsv(`${DATASETS}/sacramento/predictions/candidate.csv`)
    const y = numbers(csv, 'label')
    const predictions = numbers(csv, 'prediction')
    const metrics = new RegressionAccumulator({ bootstrap: noBootstrap })
    numbers(csv, 'id').forEach((id, i) => metrics.add(y[i], predictions[i], id, weightOf(id)))
    expect(
      mismatches(metrics.finalize(), {
        mae: 56626.634933466135,
        rmse: 82825.86354812073,
        r2: 0.6333417604567946,
        mape: 0.25918701461865157,
        median_ae: 38523.842200000014
      })
    ).toEqual([])
  })

  it('median_ae: np.median with equal weights, lower weighted median otherwise', () => {
    const equal = new RegressionAccumulator({ bootstrap: noBootstrap })
    const unequal = new RegressionAccumulator({ bootstrap: noBootstrap })
    ;[1, 2, 4, 8].forEach((error, i) => {
      equal.add(0, error, i, 2)
      unequal.add(0, error, i, i === 3 ? 1.5 : 1)
    })
    // np.median([1, 2, 4, 8]) = 3; sklearn _weighted_percentile([1, 2, 4, 8], [1, 1, 1, 1.5]) = 4
    expect(equal.finalize().median_ae.value).toBe(3)
    expect(unequal.finalize().median_ae.value).toBe(4)
  })
})
