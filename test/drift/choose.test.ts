import { describe, expect, it } from '@jest/globals'
import { chooseMethod, insufficientData } from '../../src/drift/choose.js'
import type { ColumnSample } from '../../src/drift/sample.js'

const numeric = (n: number): ColumnSample => ({ kind: 'numeric', values: new Float64Array(n) })
const bool = (trues: number, total: number): ColumnSample => ({ kind: 'boolean', trues, total })
const categorical = (entries: [string, number][]): ColumnSample => ({
  kind: 'categorical',
  counts: { counts: new Map(entries) }
})

describe('chooseMethod', () => {
  it('numeric, small: ks', () => {
    expect(chooseMethod(numeric(2629), numeric(1200))).toEqual({
      method: 'ks',
      why: 'numeric column, effective sample size 824 <= 2500',
      insufficient: null
    })
  })

  it('numeric, large: normalized wasserstein', () => {
    expect(chooseMethod(numeric(100000), numeric(100000))).toEqual({
      method: 'wasserstein',
      why: 'numeric column, effective sample size 50000 > 2500: a significance test would flag immaterial differences, so an effect size is used',
      insufficient: null
    })
  })

  it('switches at an effective sample size of 2500 (5000 vs 5000), not at either size alone', () => {
    expect(chooseMethod(numeric(5000), numeric(5000)).method).toBe('ks')
    expect(chooseMethod(numeric(5000), numeric(5002)).method).toBe('wasserstein')
    // A huge reference with a small batch is still a small test.
    expect(chooseMethod(numeric(1000000), numeric(1000)).method).toBe('ks')
  })

  it('categorical, small with enough expected counts: chi2', () => {
    const ref = categorical([
      ['a', 40],
      ['b', 60]
    ])
    expect(
      chooseMethod(
        ref,
        categorical([
          ['a', 50],
          ['b', 50]
        ])
      )
    ).toEqual({
      method: 'chi2',
      why: 'categorical column, effective sample size 50 <= 2500',
      insufficient: null
    })
  })

  it('categorical, small but a rare category: jensen_shannon (Cochran)', () => {
    // effective size 1796·846/2642 = 575.1; expected 'unknown' count in current = 2·846/2642 = 0.64
    const ref = categorical([
      ['owner', 1199],
      ['rent', 597]
    ])
    const cur = categorical([
      ['owner', 606],
      ['rent', 238],
      ['unknown', 2]
    ])
    expect(chooseMethod(ref, cur)).toEqual({
      method: 'jensen_shannon',
      why: "categorical column, effective sample size 575, but 1 of 6 expected counts below 1: too few for the chi-square approximation (Cochran's rule), so Jensen–Shannon distance",
      insufficient: null
    })
  })

  it('categorical, more than 20% of expected counts below 5: jensen_shannon', () => {
    const ref = categorical([
      ['a', 30],
      ['b', 3],
      ['c', 3]
    ])
    const cur = categorical([
      ['a', 30],
      ['b', 3],
      ['c', 3]
    ])
    expect(chooseMethod(ref, cur).why).toContain('4 of 6 expected counts below 5')
  })

  it('categorical, large: jensen_shannon', () => {
    const ref = categorical([
      ['a', 40000],
      ['b', 60000]
    ])
    expect(chooseMethod(ref, ref).method).toBe('jensen_shannon')
  })

  it('boolean, small: z; large: jensen_shannon; rare trues: jensen_shannon', () => {
    expect(chooseMethod(bool(10, 100), bool(20, 100))).toEqual({
      method: 'z',
      why: 'boolean column, effective sample size 50 <= 2500',
      insufficient: null
    })
    expect(chooseMethod(bool(1000, 10000), bool(2000, 10000)).method).toBe('jensen_shannon')
    expect(chooseMethod(bool(1, 100), bool(2, 100)).method).toBe('jensen_shannon')
  })

  it('fewer than 30 values on a side: insufficient data, with the method that would run', () => {
    expect(chooseMethod(numeric(29), numeric(1000))).toEqual({
      method: 'ks',
      why: 'numeric column, effective sample size 28 <= 2500',
      insufficient: 'insufficient data: the reference has 29 values, at least 30 needed on each side'
    })
    expect(chooseMethod(bool(0, 0), bool(1, 1)).insufficient).toBe(
      'insufficient data: the reference has 0 values and the current data has 1 value, at least 30 needed on each side'
    )
  })

  it('honours minSamples, but never runs on an empty sample', () => {
    expect(chooseMethod(numeric(5), numeric(5), 5).insufficient).toBeNull()
    expect(insufficientData(0, 3, 0)).toBe(
      'insufficient data: the reference has 0 values, at least 1 needed on each side'
    )
  })

  it('rejects samples of different kinds', () => {
    expect(() => chooseMethod(numeric(50), bool(1, 50))).toThrow(
      'chooseMethod: reference is numeric but current is boolean'
    )
  })
})
