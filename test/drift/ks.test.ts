import { describe, expect, it } from '@jest/globals'
import { ksTwoSample } from '../../src/drift/ks.js'
import { numericColumn } from './credit-fixture.js'

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected))
}

describe('ksTwoSample on the credit data (train vs incoming) = scipy.stats.ks_2samp', () => {
  // python3 -c "import pandas as pd; from scipy import stats; d='test/datasets/credit/data/'; \
  //   a=pd.read_csv(d+'train.csv')[C].dropna(); b=pd.read_csv(d+'incoming.csv')[C].dropna(); r=stats.ks_2samp(a,b); print(repr(r.statistic), repr(r.pvalue))"
  it.each([
    // Age and Income drifted (60% of applicants 9 years older, incomes +25%); Amount, Price, Seniority did not.
    ['Age', 0.20527450234563205, 7.1410504227690125e-31],
    ['Income', 0.21417015793809296, 3.5341567307899342e-28],
    ['Amount', 0.03051001648281983, 0.4166718556116836],
    ['Price', 0.030090972486369976, 0.4340977775486005],
    ['Seniority', 0.021719918853810066, 0.8213503063538565]
  ])('%s: D = %p, p = %p (exact)', (column, statistic, pValue) => {
    const result = ksTwoSample(numericColumn('train', column), numericColumn('incoming', column))
    expect(result.method).toBe('exact')
    expect(result.statistic).toBe(statistic)
    expectRelative(result.pValue, pValue, 1e-10)
  })
})

describe('ksTwoSample on small hand-made samples = scipy.stats.ks_2samp', () => {
  // python3 -c 'from scipy import stats; r=stats.ks_2samp(A, B); print(repr(r.statistic), repr(r.pvalue))'
  it.each([
    ['disjoint', [1, 2, 3, 4], [5, 6, 7, 8], 1, 0.028571428571428577],
    ['n = 1, different values', [1.5], [2.5], 1, 1],
    ['n = 1, same value', [3], [3], 0, 1],
    ['ties across samples', [1, 2, 2, 3, 3, 3], [2, 3, 3, 4, 4], 0.4, 0.6883116883116883],
    ['identical samples', [1, 2, 3, 4, 5], [5, 4, 3, 2, 1], 0, 1],
    ['interleaved, unequal sizes', [0.1, 0.4, 0.7], [0.2, 0.5, 0.8, 0.9, 1.1], 0.6, 0.4642857142857143],
    ['a constant sample', [1, 1, 1, 1], [1, 1, 2], 0.3333333333333333, 0.9714285714285715]
  ])('%s', (_name, reference, current, statistic, pValue) => {
    const result = ksTwoSample(reference, current)
    expect(result.statistic).toBe(statistic)
    expectRelative(result.pValue, pValue, 1e-12)
  })

  it('is symmetric in its arguments and does not modify them', () => {
    const reference = [0.1, 0.4, 0.7]
    const current = Float64Array.of(1.1, 0.2, 0.9, 0.5, 0.8)
    expect(ksTwoSample(current, reference)).toEqual(ksTwoSample(reference, current))
    expect(reference).toEqual([0.1, 0.4, 0.7])
    expect(Array.from(current)).toEqual([1.1, 0.2, 0.9, 0.5, 0.8])
  })
})

describe('ksTwoSample at the size limits of the exact method', () => {
  const range = (n: number, step: number, shift: number) =>
    Float64Array.from({ length: n }, (_, i) => i * step + shift)

  // python3 -c 'import numpy as np; from scipy import stats; r=stats.ks_2samp(np.arange(10000)*1.0, np.arange(7000)*1.0+150); print(repr(r.statistic), repr(r.pvalue))'
  it('exact for 10,000 vs 7,000', () => {
    const result = ksTwoSample(range(10000, 1, 0), range(7000, 1, 150))
    expect(result).toEqual({ statistic: 0.285, pValue: expect.any(Number), method: 'exact' })
    expectRelative(result.pValue, 4.082406321293014e-295, 1e-9)
  })

  // python3 -c 'import numpy as np; from scipy import stats; r=stats.ks_2samp(np.arange(10000)*1.0, np.arange(10000)*1.0+500); print(repr(r.statistic), repr(r.pvalue))'
  it('exact for equal sizes of 10,000', () => {
    const result = ksTwoSample(range(10000, 1, 0), range(10000, 1, 500))
    expect(result.method).toBe('exact')
    expect(result.statistic).toBe(0.05)
    expectRelative(result.pValue, 2.7522193691639167e-11, 1e-9)
  })

  // python3 -c 'import numpy as np; from scipy import stats; r=stats.ks_2samp(np.arange(12000)*0.001, np.arange(3000)*0.004+0.3); print(repr(r.statistic), repr(r.pvalue))'
  it('asymptotic (kstwo with n = round(12000·3000/15000) = 2400) beyond 10,000', () => {
    const result = ksTwoSample(range(12000, 0.001, 0), range(3000, 0.004, 0.3))
    expect(result.method).toBe('asymptotic')
    expect(result.statistic).toBe(0.025083333333333346)
    expectRelative(result.pValue, 0.09595619444093872, 1e-9)
  })
})

describe('ksTwoSample preconditions', () => {
  it('rejects an empty sample and non-finite values', () => {
    expect(() => ksTwoSample([], [1])).toThrow('ksTwoSample: the reference sample is empty')
    expect(() => ksTwoSample([1, NaN], [1])).toThrow(
      'ksTwoSample: the reference sample holds a non-finite value (NaN) at index 1'
    )
  })
})
