/**
 * Drift of many columns decided together: the tests' p-values adjusted across the columns of one
 * dataset (`correctDrift`). Expected p-values from scipy (two-proportion z-test, pooled:
 * 2·norm.sf(|z|)), adjusted by hand.
 */
import { describe, expect, it } from '@jest/globals'
import { correctDrift, measureDrift, type DriftMeasurement } from '../../src/drift/detect.js'
import type { Correction } from '../../src/drift/multiple-testing.js'

const booleans = (refTrues: number, refTotal: number, curTrues: number, curTotal: number): DriftMeasurement =>
  measureDrift(
    { kind: 'boolean', trues: refTrues, total: refTotal },
    { kind: 'boolean', trues: curTrues, total: curTotal }
  )

// p: A 40/100 -> 60/100 0.004677734981047275; B 80/200 -> 102/200 0.02717711048060351;
//    C 50/100 -> 53/100 0.6712339319206216; D a distance (not a test); E too few values.
const family = (): DriftMeasurement[] => [
  booleans(40, 100, 60, 100),
  booleans(80, 200, 102, 200),
  booleans(50, 100, 53, 100),
  measureDrift(
    { kind: 'boolean', trues: 40, total: 100 },
    { kind: 'boolean', trues: 60, total: 100 },
    { method: 'psi' }
  ),
  booleans(5, 10, 9, 10)
]

const decided = (correction: Correction) => correctDrift(family(), correction)

describe('correctDrift', () => {
  it('none: every test at its threshold, as detectDrift alone', () => {
    const results = decided('none')
    expect(results.map((r) => r.drifted)).toEqual([true, true, false, false, null])
    expect(results[1].adjusted_p_value).toBe(results[1].p_value)
    expect(results[1].reason).toBe(
      'two-proportion z-test (boolean column, effective sample size 100 <= 2500): rate 0.4 -> 0.51, z = 2.21, ' +
        'p = 0.0272, uncorrected p (no correction over 3 tested columns) = 0.0272 < 0.05: drift'
    )
  })

  it('holm: B needs 2·p = 0.0544 < 0.05 and no longer drifts', () => {
    const results = decided('holm')
    expect(results.map((r) => r.drifted)).toEqual([true, false, false, false, null])
    // 3·0.004677734981047275; max(that, 2·0.02717711048060351); max(that, 0.6712339319206216)
    expect(results[0].adjusted_p_value).toBeCloseTo(0.01403320494314182, 14)
    expect(results[1].adjusted_p_value).toBeCloseTo(0.05435422096120702, 14)
    expect(results[2].adjusted_p_value).toBeCloseTo(0.6712339319206216, 14)
    expect(results[1]).toMatchObject({ correction: 'holm', p_value: expect.closeTo(0.02717711048060351, 14) })
    expect(results[1].reason).toBe(
      'two-proportion z-test (boolean column, effective sample size 100 <= 2500): rate 0.4 -> 0.51, z = 2.21, ' +
        'p = 0.0272, Holm-adjusted p (Holm over 3 tested columns) = 0.0544 >= 0.05: no drift'
    )
  })

  it('bh: B at 3·p/2 = 0.0408 still drifts', () => {
    const results = decided('bh')
    expect(results.map((r) => r.drifted)).toEqual([true, true, false, false, null])
    // step-up from the top: 0.6712339319206216; 3·0.02717711048060351/2; min(that, 3·0.004677734981047275)
    expect(results[1].adjusted_p_value).toBeCloseTo(0.040765665720905266, 14)
    expect(results[0].adjusted_p_value).toBeCloseTo(0.01403320494314182, 14)
    expect(results[1].reason).toContain(
      'BH-adjusted p (Benjamini–Hochberg over 3 tested columns) = 0.0408 < 0.05: drift'
    )
  })

  it('distances and undefined tests are outside the family', () => {
    const [, , , psi, few] = decided('holm')
    expect(psi).toMatchObject({ method: 'psi', p_value: null, adjusted_p_value: null, correction: null })
    expect(few).toMatchObject({ p_value: null, adjusted_p_value: null, correction: null, drifted: null })
  })

  it('a column tested alone reads as detectDrift: no family named', () => {
    const [alone] = correctDrift([booleans(40, 100, 60, 100)], 'holm')
    expect(alone).toMatchObject({ correction: null, adjusted_p_value: alone.p_value, drifted: true })
    expect(alone.reason).toMatch(/, p = 0\.00468 < 0\.05: drift$/)
  })
})
