import { describe, expect, it } from '@jest/globals'
import { twoProportionZTest } from '../../src/drift/proportions.js'

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected))
}

describe('twoProportionZTest', () => {
  // z from the pooled formula, p = 2·norm.sf(|z|); cross-checked with z² = chi2_contingency(correction=False):
  // python3 -c 'import numpy as np; from scipy import stats; x1,n1,x2,n2=X; p=(x1+x2)/(n1+n2); \
  //   z=(x2/n2-x1/n1)/np.sqrt(p*(1-p)*(1/n1+1/n2)); r=stats.chi2_contingency([[n1-x1,x1],[n2-x2,x2]],correction=False); \
  //   print(repr(z), repr(2*stats.norm.sf(abs(z))), repr(r.statistic), repr(r.pvalue))'
  it.each([
    [40, 100, 60, 100, 2.8284271247461894, 0.004677734981047275, 8],
    // credit Records = yes: train 421 of 2629, incoming 243 of 1200
    [421, 2629, 243, 1200, 3.211774788879165, 0.0013191774448973012, 10.315497294479801],
    [1, 30, 29, 30, 7.229568912920512, 4.845295928589443e-13, 52.266666666666666],
    [0, 50, 1, 50, 1.005037815259212, 0.31487864133641996, 1.0101010101010102]
  ])('%p/%p vs %p/%p: z = %p, p = %p', (x1, n1, x2, n2, z, p, chi2) => {
    const result = twoProportionZTest(x1, n1, x2, n2)
    expectRelative(result.statistic, z, 1e-12)
    expectRelative(result.statistic ** 2, chi2, 1e-12)
    expectRelative(result.pValue, p, 1e-12)
    expect(result.referenceRate).toBe(x1 / n1)
    expect(result.currentRate).toBe(x2 / n2)
  })

  it('is negative when the current rate is lower', () => {
    expect(twoProportionZTest(60, 100, 40, 100).statistic).toBeCloseTo(-2.8284271247461894, 12)
  })

  it('gives z = 0, p = 1 when both samples are all false or all true (0/0 otherwise)', () => {
    expect(twoProportionZTest(0, 40, 0, 50)).toEqual({
      statistic: 0,
      pValue: 1,
      referenceRate: 0,
      currentRate: 0
    })
    expect(twoProportionZTest(40, 40, 50, 50)).toEqual({
      statistic: 0,
      pValue: 1,
      referenceRate: 1,
      currentRate: 1
    })
  })

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest(5, 4, 1, 2)).toThrow(
      'twoProportionZTest: reference needs integers 0 <= trues <= total, total >= 1; got 5 of 4'
    )
    expect(() => twoProportionZTest(1, 2, 0, 0)).toThrow(RangeError)
  })
})
