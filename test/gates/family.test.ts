/**
 * Multiple-testing corrections of a family: Benjamini–Hochberg against numbers computed by hand
 * from statsmodels' documented definition of `multipletests(method='fdr_bh')` (sort ascending,
 * p̃_(i) = min_{j ≥ i} min(1, m·p_(j) / j), back in input order), and properties every correction
 * must keep.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { adjustPValues, type Correction } from '../../src/drift/multiple-testing.js'
import { correctFamily } from '../../src/gates/family.js'

describe('adjustPValues: bh, by hand', () => {
  it('sorted 0.004, 0.01, 0.028, 0.045, 0.2 of m = 5', () => {
    // m·p/rank: 5·0.004/1 = 0.02, 5·0.01/2 = 0.025, 5·0.028/3 = 0.046667, 5·0.045/4 = 0.05625,
    // 5·0.2/5 = 0.2; running minimum from the top changes nothing here. Input order is kept.
    const adjusted = adjustPValues([0.01, 0.045, 0.028, 0.004, 0.2], 'bh')
    const expected = [0.025, 0.05625, 0.14 / 3, 0.02, 0.2]
    expected.forEach((value, i) => expect(adjusted[i]).toBeCloseTo(value, 15))
  })

  it('step-up: a later, larger p-value lowers an earlier one (monotone)', () => {
    // m = 3: 3·0.04/1 = 0.12, 3·0.041/2 = 0.0615, 3·0.9/3 = 0.9 -> rank 1 takes min(0.12, 0.0615).
    const adjusted = adjustPValues([0.9, 0.041, 0.04], 'bh')
    expect(adjusted[0]).toBeCloseTo(0.9, 15)
    expect(adjusted[1]).toBeCloseTo(0.0615, 15)
    expect(adjusted[2]).toBeCloseTo(0.0615, 15)
    // Holm on the same: 3·0.04 = 0.12, max(0.12, 2·0.041) = 0.12, max(0.12, 0.9) = 0.9.
    const holm = adjustPValues([0.9, 0.041, 0.04], 'holm')
    expect(holm[1]).toBeCloseTo(0.12, 15)
    expect(holm[2]).toBeCloseTo(0.12, 15)
  })

  it('caps at 1; none returns the p-values; an empty family is empty', () => {
    expect(adjustPValues([1, 0.9], 'bh')).toEqual([1, 1])
    expect(adjustPValues([0.3, 0.01], 'none')).toEqual([0.3, 0.01])
    expect(adjustPValues([], 'bh')).toEqual([])
  })
})

describe('correctFamily: interval levels', () => {
  it('bh: one level, 1 − k·α/m, with k the number BH declares significant', () => {
    // α = 0.05, m = 5, sorted 0.004 ≤ 0.01, 0.01 ≤ 0.02, 0.028 ≤ 0.03, 0.045 > 0.04, 0.2 > 0.05: k = 3.
    const { confidence, adjusted } = correctFamily([0.01, 0.045, 0.028, 0.004, 0.2], 'bh', 0.95)
    confidence.forEach((level) => expect(level).toBeCloseTo(0.97, 15))
    expect(adjusted.map((p) => p <= 0.05)).toEqual([true, false, true, true, false])
  })

  it('bh with nothing significant: α/m, the level Bonferroni gives the smallest', () => {
    const { confidence } = correctFamily([0.5, 0.2], 'bh', 0.9)
    expect(confidence[0]).toBeCloseTo(1 - 0.1 / 2, 15)
    expect(confidence[1]).toBeCloseTo(1 - 0.1 / 2, 15)
  })

  it('none: every segment at the configured level', () => {
    expect(correctFamily([0.5, 0.001], 'none', 0.95)).toEqual({
      adjusted: [0.5, 0.001],
      confidence: [0.95, 0.95]
    })
  })
})

const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 })
const corrections = fc.constantFrom<Correction>('holm', 'bh', 'none')

describe('properties', () => {
  it('BH adjusted ≤ Holm adjusted, elementwise (FDR control is never stricter than FWER)', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const bh = adjustPValues(p, 'bh')
        const holm = adjustPValues(p, 'holm')
        return bh.every((value, i) => value <= holm[i] + 1e-15)
      })
    )
  })

  it('every correction is monotone in p and lies in [p, 1]', () => {
    fc.assert(
      fc.property(pValues, corrections, (p, correction) => {
        const adjusted = adjustPValues(p, correction)
        return p.every(
          (pi, i) =>
            adjusted[i] >= pi - 1e-15 &&
            adjusted[i] <= 1 &&
            p.every((pj, j) => !(pi < pj) || adjusted[i] <= adjusted[j] + 1e-15)
        )
      })
    )
  })

  it('the interval level agrees with the adjusted p-value: p̃ ≤ α exactly when p ≤ 1 − level', () => {
    fc.assert(
      fc.property(pValues, corrections, fc.constantFrom(0.9, 0.95, 0.99), (p, correction, level) => {
        const { adjusted, confidence } = correctFamily(p, correction, level)
        const alpha = 1 - level
        // Away from the boundary, where float rounding of m·p/j against j·α/m may differ.
        return p.every(
          (pi, i) => Math.abs(adjusted[i] - alpha) < 1e-12 || adjusted[i] <= alpha === pi <= 1 - confidence[i]
        )
      })
    )
  })
})
