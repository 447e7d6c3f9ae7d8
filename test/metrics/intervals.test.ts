import { describe, expect, it } from '@jest/globals'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import {
  criticalValue,
  effectiveSize,
  normalQuantile,
  quantileOfSorted,
  wilsonInterval
} from '../../src/metrics/intervals.js'
import { DATASETS, numbers, readCsv, readOracle, segmentRows } from '../support/datasets.js'

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf to 1e-14 (1e-10 in the far tail)', () => {
    // scipy 1.10.1: norm.ppf(0.975), norm.ppf(0.95), norm.ppf(0.995), norm.ppf(1 - 1e-6)
    const cases: [number, number, number][] = [
      [0.975, 1.959963984540054, 1e-14],
      [0.95, 1.6448536269514722, 1e-14],
      [0.995, 2.5758293035489004, 1e-14],
      [1 - 1e-6, 4.753424308817087, 1e-10]
    ]
    for (const [p, z, tolerance] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(tolerance * z)
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalQuantile(0.025)).toBe(-normalQuantile(0.975))
    expect(criticalValue(0.9)).toBe(normalQuantile(0.95))
  })

  it('rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('normalQuantile expects 0 < p < 1, got 1')
  })
})

describe('wilsonInterval', () => {
  // By hand (textbook formula with scipy's z): centre = (p + z²/2n)/(1 + z²/n),
  // half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
  it('8 successes in 10 trials at 95% and 90%', () => {
    const [lo, hi] = wilsonInterval(0.8, 10, criticalValue(0.95))!
    expect(lo).toBeCloseTo(0.4901624715366418, 14)
    expect(hi).toBeCloseTo(0.9433178485456248, 14)
    const [lo90, hi90] = wilsonInterval(0.8, 10, criticalValue(0.9))!
    expect(lo90).toBeCloseTo(0.540792805687488, 14)
    expect(hi90).toBeCloseTo(0.931442012262468, 14)
  })

  it('0 of 5 starts at 0; no trials gives no interval', () => {
    const [lo, hi] = wilsonInterval(0, 5, criticalValue(0.95))!
    expect(lo).toBe(0)
    expect(hi).toBeCloseTo(0.43448246478317476, 14)
    expect(wilsonInterval(0.5, 0, 1.96)).toBeNull()
  })

  it('Kish effective size is n for equal weights and smaller for unequal ones', () => {
    expect(effectiveSize(3 * 2.5, 3 * 2.5 * 2.5)).toBeCloseTo(3, 14)
    expect(effectiveSize(1 + 3, 1 + 9)).toBeCloseTo(1.6, 14)
  })
})

describe('quantileOfSorted', () => {
  it("is numpy's default linear rule", () => {
    // np.quantile([1, 2, 4, 8, 16], [0.025, 0.5, 0.975]) = [1.1, 4., 15.2]
    const sorted = Float64Array.of(1, 2, 4, 8, 16)
    expect(quantileOfSorted(sorted, 0.025)).toBeCloseTo(1.1, 14)
    expect(quantileOfSorted(sorted, 0.5)).toBe(4)
    expect(quantileOfSorted(sorted, 0.975)).toBeCloseTo(15.2, 14)
  })
})

describe('intervals on the credit candidate', () => {
  const csv = readCsv(`${DATASETS}/credit/predictions/candidate.csv`)
  const segments = segmentRows(csv, readOracle('credit'))
  const labels = numbers(csv, 'label')
  const scores = numbers(csv, 'score')
  const ids = numbers(csv, 'id')
  const finalize = (key: string) => {
    const metrics = new BinaryAccumulator({ bootstrap: { replicates: 0, seed: 0 } })
    for (const i of segments.get(key)!) metrics.add(labels[i], scores[i], ids[i])
    return metrics.finalize()
  }

  it('recall on Job=partime (52 of 104 positives) has the Wilson interval computed by hand', () => {
    const recall = finalize('Job=partime').recall
    expect(recall.value).toBe(0.5)
    expect(recall.ci![0]).toBeCloseTo(0.40563189843430686, 14)
    expect(recall.ci![1]).toBeCloseTo(0.5943681015656932, 14)
  })

  // Independent numpy DeLong (Sun & Xu midranks via scipy.stats.rankdata, np.var ddof=1):
  // all: auc 0.8341110205291633, var 0.00010495911008655144;
  // Home=ignore: auc 0.9166666666666666, var 0.00648148148148148 (upper bound clipped to 1).
  it('ROC AUC carries the DeLong interval, clipped to [0, 1]', () => {
    const z = criticalValue(0.95)
    const all = finalize('all').roc_auc
    expect(all.value).toBeCloseTo(0.8341110205291633, 14)
    expect(all.ci![0]).toBeCloseTo(0.8341110205291633 - z * Math.sqrt(0.00010495911008655144), 12)
    expect(all.ci![1]).toBeCloseTo(0.8341110205291633 + z * Math.sqrt(0.00010495911008655144), 12)
    expect(all.ci![0]).toBeCloseTo(0.8140312770234761, 12)
    const small = finalize('Home=ignore').roc_auc
    expect(small.ci![0]).toBeCloseTo(0.7588745749503748, 12)
    expect(small.ci![1]).toBe(1)
  })

  it('no bootstrap replicates: bootstrap metrics say so, Wilson and DeLong intervals remain', () => {
    const result = finalize('all')
    expect(result.f1).toMatchObject({ ci: null, reason: 'bootstrap disabled (0 replicates)' })
    expect(result.accuracy.ci).not.toBeNull()
    // pandas: ((score >= 0.5) & (label == 1)).sum() == 219
    expect(result.tp).toEqual({ value: 219, ci: null, support: 1825 })
  })
})
