import { describe, expect, it } from '@jest/globals'
import { quantileOfSorted } from '../../src/metrics/intervals.js'
import { pairedDifference } from '../../src/metrics/paired.js'
import { DATASETS, readCsv, readOracle, segmentRows } from '../support/datasets.js'
import { allRows, creditFixture } from '../support/metric-fixtures.js'

const settings = { replicates: 500, seed: 42 }
const csv = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
const partime = segmentRows(csv, readOracle('credit')).get('Job=partime')!
const everyone = allRows(csv.rows.length)
const candidate = creditFixture('candidate', false)
const baseline = creditFixture('baseline', false)

describe('pairedDifference (candidate − baseline, credit)', () => {
  it('recall on Job=partime collapses: 0.5 − 0.798, significant, from the shared replicates', () => {
    const a = candidate.build(partime, settings)
    const b = baseline.build(partime, settings)
    const result = pairedDifference(a, b, 'recall')
    // oracle.json: candidate 0.5, baseline 0.7980769230769231
    expect(result.difference).toBeCloseTo(0.5 - 0.7980769230769231, 15)
    const differences = a
      .replicates('recall')
      .map((x, i) => x - b.replicates('recall')[i])
      .sort()
    // the quantile levels exactly as computed for confidence 0.95 ((1 − 0.95)/2 is not the literal 0.025)
    const levels = [(1 - 0.95) / 2, (1 + 0.95) / 2]
    expect(result.ci).toEqual(levels.map((q) => quantileOfSorted(differences, q)))
    expect(result.ci![1]).toBeLessThan(0)
    expect(result.pValue).toBe(2 / 501) // no replicate difference reaches 0
  })

  it('overall ROC AUC gains 0.0039, inside its paired interval of no significance', () => {
    const result = pairedDifference(
      candidate.build(everyone, settings),
      baseline.build(everyone, settings),
      'roc_auc'
    )
    // oracle.json: 0.8341110205291633 − 0.8301963981323649
    expect(result.difference).toBeCloseTo(0.8341110205291633 - 0.8301963981323649, 14)
    expect(result.ci![0]).toBeLessThan(0)
    expect(result.ci![1]).toBeGreaterThan(0)
    expect(result.pValue).toBeGreaterThan(0.05)
  })

  it('a model against itself differs by exactly 0 with p = 1', () => {
    const a = candidate.build(partime, settings)
    expect(pairedDifference(a, candidate.build(partime, settings), 'f1')).toEqual({
      difference: 0,
      ci: [0, 0],
      pValue: 1
    })
  })

  it('refuses models scored on different rows or with different bootstrap settings', () => {
    const a = candidate.build(partime, settings)
    expect(pairedDifference(a, baseline.build(everyone, settings), 'recall')).toEqual({
      difference: null,
      ci: null,
      pValue: null,
      reason:
        'candidate and baseline were not scored on the same rows (178 and 1825 rows, different row keys)'
    })
    expect(pairedDifference(a, baseline.build(partime, { ...settings, seed: 1 }), 'recall').reason).toBe(
      'candidate and baseline were accumulated with different bootstrap settings'
    )
    expect(pairedDifference(a, baseline.build(partime, settings), 'tp').reason).toBe(
      'tp is a count; it has no paired test'
    )
  })
})
