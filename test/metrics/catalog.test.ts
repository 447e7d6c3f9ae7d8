import { describe, expect, it } from '@jest/globals'
import {
  describeMetric,
  INTERVAL_METHODS,
  METRICS,
  metricNames,
  parseClassMetric
} from '../../src/metrics/catalog.js'

describe('metric catalog', () => {
  it('lists the names of each task in report order', () => {
    expect(metricNames('regression')).toEqual(['n', 'mae', 'rmse', 'r2', 'mape', 'median_ae'])
    expect(metricNames('binary')).toEqual([
      'n',
      'positives',
      'tp',
      'fp',
      'tn',
      'fn',
      'accuracy',
      'precision',
      'recall',
      'f1',
      'specificity',
      'balanced_accuracy',
      'mcc',
      'positive_rate',
      'brier',
      'roc_auc',
      'average_precision',
      'log_loss',
      'ece'
    ])
    expect(metricNames('multiclass', ['A', 'B'])).toEqual([
      'n',
      'accuracy',
      'log_loss',
      'macro_precision',
      'micro_precision',
      'weighted_precision',
      'macro_recall',
      'micro_recall',
      'weighted_recall',
      'macro_f1',
      'micro_f1',
      'weighted_f1',
      'precision[A]',
      'precision[B]',
      'recall[A]',
      'recall[B]',
      'f1[A]',
      'f1[B]'
    ])
  })

  it('resolves per-class names, class names with brackets included', () => {
    expect(parseClassMetric('recall[Gentoo]')).toEqual({ base: 'recall', className: 'Gentoo' })
    expect(parseClassMetric('f1[a[1]]')).toEqual({ base: 'f1', className: 'a[1]' })
    expect(describeMetric('recall[Gentoo]')?.formula).toBe('recall[c] = TP_c / (TP_c + FN_c)')
    expect(describeMetric('recal')).toBeUndefined()
  })

  it('losses and errors are lower-is-better, scores higher-is-better, counts have no direction', () => {
    const direction = (name: string) => describeMetric(name)?.direction
    expect(['log_loss', 'brier', 'ece', 'mae', 'rmse', 'mape', 'median_ae'].map(direction)).toEqual(
      Array(7).fill('lower')
    )
    expect(['roc_auc', 'recall', 'r2', 'macro_f1', 'f1[x]'].map(direction)).toEqual(Array(5).fill('higher'))
    expect(['n', 'tp', 'positive_rate'].map(direction)).toEqual(['none', 'none', 'none'])
  })

  it('gives every metric a formula, a range and an interval method; only counts lack an interval', () => {
    for (const info of METRICS) {
      expect(info.formula.length).toBeGreaterThan(10)
      expect(info.range[0]).toBeLessThan(info.range[1])
      expect(info.interval === 'none').toBe(info.range[1] === Infinity && info.direction === 'none')
    }
  })

  it('says which interval the rank metrics get below and above 5,000 rows', () => {
    expect(describeMetric('average_precision')?.interval).toBe('bootstrap-or-logit')
    expect(describeMetric('median_ae')?.interval).toBe('bootstrap-or-order-statistic')
    expect(describeMetric('roc_auc')?.interval).toBe('delong')
    expect(INTERVAL_METHODS['bootstrap-or-logit']).toMatch(
      /^up to 5,000 rows: Poisson bootstrap: .*; above: logit interval of Boyd, Eng & Page \(2013\)/
    )
  })
})
