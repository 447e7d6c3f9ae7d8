/**
 * Each metric's support is its own denominator, in rows of positive weight, unweighted; and a value
 * that exists only by a zero-division convention is flagged `defined: false`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { METRICS, SUPPORTS, supportUnit } from '../../src/metrics/catalog.js'
import { MulticlassAccumulator } from '../../src/metrics/multiclass.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'

/** 60 loans and 3 defaults: TP 2, FN 1, FP 5, TN 52; plus 4 rows of weight 0. */
function loans(weight = 1): BinaryAccumulator {
  const metrics = new BinaryAccumulator({ bootstrap: { replicates: 20 } })
  let key = 0
  const add = (label: number, score: number, count: number, w = weight): void => {
    for (let i = 0; i < count; i++) metrics.add(label, score, key++, w)
  }
  add(1, 0.9, 2)
  add(1, 0.1, 1)
  add(0, 0.8, 5)
  add(0, 0.2, 52)
  add(1, 0.9, 2, 0)
  add(0, 0.9, 2, 0)
  return metrics
}

describe('support', () => {
  it('every catalog metric names its support; the units read in a reason', () => {
    expect(METRICS.filter((m) => m.support !== 'rows').map((m) => [m.name, m.support])).toEqual([
      ['precision', 'predicted_positives'],
      ['recall', 'positives'],
      ['f1', 'positive_or_predicted'],
      ['specificity', 'negatives'],
      ['balanced_accuracy', 'smaller_class'],
      ['mcc', 'smaller_class'],
      ['roc_auc', 'smaller_class'],
      ['average_precision', 'smaller_class'],
      ['precision[<class>]', 'class_predicted'],
      ['recall[<class>]', 'class_rows'],
      ['f1[<class>]', 'class_or_predicted']
    ])
    expect(supportUnit('recall')).toBe('positives')
    expect(supportUnit('roc_auc')).toBe('rows in the smaller class')
    expect(supportUnit('precision[Adelie]')).toBe('rows predicted Adelie')
    expect(supportUnit('mae')).toBe('rows')
  })

  it('the README’s support table lists every metric under its catalog support', () => {
    const rows = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('  | '))
      .map((line) => line.slice('  | '.length, -' |'.length).split(' | '))
    for (const metric of METRICS) {
      if (metric.support === 'rows') continue
      const name = `\`${metric.name.replace('<class>', 'c')}\``
      const row = rows.find(([support]) => support === SUPPORTS[metric.support].rows)
      expect([metric.name, row?.[1].includes(name)]).toEqual([metric.name, true])
    }
  })

  it.each([
    ['n', 60],
    ['accuracy', 60],
    ['positive_rate', 60],
    ['brier', 60],
    ['log_loss', 60],
    ['ece', 60],
    ['recall', 3],
    ['precision', 7],
    ['f1', 8],
    ['specificity', 57],
    ['roc_auc', 3],
    ['average_precision', 3],
    ['balanced_accuracy', 3],
    ['mcc', 3]
  ])('binary %s: %d rows of positive weight in its denominator', (name, support) => {
    expect(loans().finalize()[name].support).toBe(support)
  })

  it('is unweighted: weights of 1000 manufacture no evidence', () => {
    const heavy = loans(1000).finalize()
    expect([heavy.recall.support, heavy.precision.support, heavy.n.support]).toEqual([3, 7, 60])
    expect(heavy.positives.value).toBe(3000)
  })

  it('multiclass: per class, its own rows; averages, all rows', () => {
    const metrics = new MulticlassAccumulator({ classes: ['A', 'B', 'C'] })
    // (label, prediction): A→A ×3, A→B ×1, B→B ×2, C→A ×1, and one row of weight 0
    const rows: [number, number][] = [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
      [2, 0]
    ]
    rows.forEach(([label, prediction], key) => metrics.add(label, prediction, null, key))
    metrics.add(2, 2, null, 99, 0)
    const result = metrics.finalize()
    expect(
      [
        'recall[A]',
        'precision[A]',
        'f1[A]',
        'recall[C]',
        'precision[C]',
        'f1[C]',
        'macro_recall',
        'accuracy'
      ].map((name) => result[name].support)
    ).toEqual([4, 4, 5, 1, 0, 1, 7, 7])
    // C is never predicted (weight 0 aside): its precision is a convention, and so is every macro
    // precision; the weighted one too, as C has rows.
    expect(result['precision[C]']).toMatchObject({ value: 0, defined: false })
    expect(result.macro_precision.defined).toBe(false)
    expect(result.weighted_precision.defined).toBe(false)
    // Every class has rows: recall is defined for each, and so are its averages.
    expect(result.macro_recall.defined).toBeUndefined()
    expect(result['f1[C]'].defined).toBeUndefined()
  })

  it('regression: the rows of positive weight', () => {
    const metrics = new RegressionAccumulator()
    metrics.add(1, 2, 1)
    metrics.add(3, 3, 2)
    metrics.add(5, 1, 3, 0)
    expect(metrics.finalize().mae.support).toBe(2)
    expect(metrics.finalize().n).toMatchObject({ value: 3, support: 2 })
  })
})

describe('zero-division conventions are flagged, not hidden', () => {
  it.each([
    [
      'recall',
      [[0, 0.9]],
      'no positives in y_true (TP + FN = 0): 0 by zero_division=0; no interval: the proportion has no trials'
    ],
    [
      'precision',
      [[1, 0.1]],
      'no predicted positives (TP + FP = 0): 0 by zero_division=0; no interval: the proportion has no trials'
    ],
    ['f1', [[0, 0.1]], 'precision + recall = 0: 0 by zero_division=0'],
    [
      'mcc',
      [[1, 0.9]],
      'only one class in y_true or in the predictions: the MCC denominator is 0, so 0 as scikit-learn'
    ]
  ] as const)('%s keeps scikit-learn’s 0 for reports, with defined: false', (name, rows, reason) => {
    const metrics = new BinaryAccumulator({ bootstrap: { replicates: 20 } })
    rows.forEach(([label, score], key) => metrics.add(label, score, key))
    expect(metrics.finalize()[name]).toMatchObject({ value: 0, defined: false, reason })
  })

  it('f1 with no true positive but rows in its denominator is a defined 0', () => {
    const metrics = new BinaryAccumulator({ bootstrap: { replicates: 20 } })
    metrics.add(1, 0.1, 1)
    metrics.add(0, 0.9, 2)
    const f1 = metrics.finalize().f1
    expect(f1).toMatchObject({ value: 0, support: 2 })
    expect(f1.defined).toBeUndefined()
  })
})
