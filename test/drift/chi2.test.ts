import { describe, expect, it } from '@jest/globals'
import { chiSquareHomogeneity } from '../../src/drift/chi2.js'
import { alignCategories } from '../../src/drift/sample.js'
import { categoryColumn } from './credit-fixture.js'

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected))
}

describe('chiSquareHomogeneity on the credit data = scipy.stats.chi2_contingency', () => {
  // python3 -c "import pandas as pd; from scipy import stats; d='test/datasets/credit/data/'; \
  //   a=pd.read_csv(d+'train.csv',keep_default_na=False,na_values=[''])[C].dropna().value_counts(); \
  //   b=pd.read_csv(d+'incoming.csv',keep_default_na=False,na_values=[''])[C].dropna().value_counts(); \
  //   k=sorted(set(a.index)|set(b.index)); r=stats.chi2_contingency([[a.get(x,0) for x in k],[b.get(x,0) for x in k]]); \
  //   print(repr(r.statistic), repr(r.pvalue), r.dof)"
  it.each([
    // Home includes 'unknown', seen only in the incoming batch.
    ['Home', 22.5763758115092, 0.0009515127732345219, 6],
    ['Marital', 2.935871000775432, 0.5686139597075515, 4],
    ['Job', 3.2157630195379676, 0.35953998511018825, 3],
    // Two categories: Yates' correction applies.
    ['Records', 10.022074071800162, 0.0015467519236530372, 1]
  ])('%s: chi2 = %p, p = %p, dof = %p', (column, statistic, pValue, dof) => {
    const table = alignCategories(
      { counts: categoryColumn('train', column) },
      { counts: categoryColumn('incoming', column) }
    )
    const result = chiSquareHomogeneity(table.reference, table.current)
    expectRelative(result.statistic, statistic, 1e-12)
    expectRelative(result.pValue, pValue, 1e-12)
    expect(result.dof).toBe(dof)
  })
})

describe('chiSquareHomogeneity on small tables = scipy.stats.chi2_contingency', () => {
  // python3 -c 'from scipy import stats; r=stats.chi2_contingency([REF, CUR]); print(repr(r.statistic), repr(r.pvalue), r.dof)'
  it.each([
    ['3 categories', [10, 20, 30], [30, 20, 10], 20, 4.539992976248486e-5, 2],
    ['2x2 with Yates', [12, 5], [7, 9], 1.455996378814684, 0.22756821457580642, 1],
    ['2x2 disjoint', [100, 0], [0, 100], 196.02, 1.5431200214053197e-44, 1],
    ['categories on one side only', [5, 0, 3], [0, 2, 4], 6.999999999999999, 0.030197383422318508, 2],
    ['identical', [3, 3], [3, 3], 0, 1, 1],
    ['Yates capped at |O - E| (gh-13875)', [10, 11], [11, 10], 0, 1, 1],
    ['one category (dof 0)', [50], [20], 0, 1, 0]
  ])('%s', (_name, reference, current, statistic, pValue, dof) => {
    const result = chiSquareHomogeneity(reference, current)
    expectRelative(result.statistic, statistic, 1e-12)
    expectRelative(result.pValue, pValue, 1e-12)
    expect(result.dof).toBe(dof)
  })

  it('returns the expected counts', () => {
    const { expected } = chiSquareHomogeneity([10, 20, 30], [30, 20, 10])
    expect(Array.from(expected[0])).toEqual([20, 20, 20])
    expect(Array.from(expected[1])).toEqual([20, 20, 20])
  })

  it('rejects empty categories and empty samples', () => {
    expect(() => chiSquareHomogeneity([1, 0], [2, 0])).toThrow(
      'chiSquareHomogeneity: category 1 has no counts in either sample'
    )
    expect(() => chiSquareHomogeneity([0, 0], [2, 1])).toThrow('chiSquareHomogeneity: a sample has no counts')
    expect(() => chiSquareHomogeneity([1, 2], [2])).toThrow(
      'chiSquareHomogeneity: 2 reference counts but 1 current counts'
    )
  })
})
