import { describe, expect, it } from '@jest/globals'
import { detectDrift } from '../../src/drift/detect.js'
import { methodsFor } from '../../src/drift/method.js'
import type { ColumnSample } from '../../src/drift/sample.js'
import { categoryColumn, numericColumn } from './credit-fixture.js'

const credit = (column: string, file: 'train' | 'incoming'): ColumnSample => ({
  kind: 'numeric',
  values: numericColumn(file, column)
})
const creditCategories = (column: string, file: 'train' | 'incoming'): ColumnSample => ({
  kind: 'categorical',
  counts: { counts: categoryColumn(file, column) }
})

describe('detectDrift on the credit data (oracle numbers as in ks.test.ts / distances.test.ts)', () => {
  it('Age drifted: ks by default', () => {
    expect(detectDrift(credit('Age', 'train'), credit('Age', 'incoming'))).toEqual({
      method: 'ks',
      statistic: 0.20527450234563205,
      p_value: expect.any(Number),
      adjusted_p_value: expect.any(Number),
      correction: null,
      threshold: 0.05,
      drifted: true,
      reason:
        'Kolmogorov–Smirnov test (numeric column, effective sample size 824 <= 2500): D = 0.205, p = 7.14e-31 < 0.05: drift'
    })
  })

  it('Amount did not drift', () => {
    const result = detectDrift(credit('Amount', 'train'), credit('Amount', 'incoming'))
    expect(result.drifted).toBe(false)
    expect(result.reason).toBe(
      'Kolmogorov–Smirnov test (numeric column, effective sample size 824 <= 2500): D = 0.0305, p = 0.417 >= 0.05: no drift'
    )
  })

  it('requested distances: Income by normalized Wasserstein, PSI and Jensen–Shannon on deciles', () => {
    const ref = credit('Income', 'train')
    const cur = credit('Income', 'incoming')
    expect(detectDrift(ref, cur, { method: 'wasserstein' })).toEqual({
      method: 'wasserstein',
      statistic: expect.closeTo(34.086525624904894 / 84.19478545597198, 12),
      p_value: null,
      adjusted_p_value: null,
      correction: null,
      threshold: 0.1,
      drifted: true,
      reason: 'normalized Wasserstein distance (requested): W1 / std = 0.405 >= 0.1: drift'
    })
    const psi = detectDrift(ref, cur, { method: 'psi' })
    expect(psi.statistic).toBeCloseTo(0.24602517385114153, 12)
    expect(psi.reason).toBe('population stability index (requested): PSI = 0.246 >= 0.2: drift')
    const js = detectDrift(ref, cur, { method: 'jensen_shannon', threshold: 0.25 })
    expect(js.statistic).toBeCloseTo(0.20797503493196745, 12)
    expect(js.reason).toBe('Jensen–Shannon distance (requested): JS distance = 0.208 < 0.25: no drift')
  })

  it('Home (a category seen only in the incoming batch): Jensen–Shannon, chi2 when requested', () => {
    const ref = creditCategories('Home', 'train')
    const cur = creditCategories('Home', 'incoming')
    const chosen = detectDrift(ref, cur)
    expect(chosen.method).toBe('jensen_shannon')
    expect(chosen.statistic).toBeCloseTo(0.06973128370777343, 12)
    expect(chosen.drifted).toBe(false)
    const chi2 = detectDrift(ref, cur, { method: 'chi2' })
    expect(chi2.statistic).toBeCloseTo(22.5763758115092, 10)
    expect(chi2.reason).toBe('chi-square test (requested): chi2 = 22.6, dof = 6, p = 0.000952 < 0.05: drift')
  })

  it('Marital: chi2 by default', () => {
    const result = detectDrift(creditCategories('Marital', 'train'), creditCategories('Marital', 'incoming'))
    expect(result.method).toBe('chi2')
    expect(result.p_value).toBeCloseTo(0.5686139597075515, 12)
    expect(result.drifted).toBe(false)
  })
})

describe('detectDrift decisions and undefined cases', () => {
  it('z-test on booleans', () => {
    expect(
      detectDrift({ kind: 'boolean', trues: 40, total: 100 }, { kind: 'boolean', trues: 60, total: 100 })
    ).toEqual({
      method: 'z',
      statistic: expect.closeTo(2.8284271247461894, 12),
      p_value: expect.closeTo(0.004677734981047275, 14),
      adjusted_p_value: expect.closeTo(0.004677734981047275, 14),
      correction: null,
      threshold: 0.05,
      drifted: true,
      reason:
        'two-proportion z-test (boolean column, effective sample size 50 <= 2500): rate 0.4 -> 0.6, z = 2.83, p = 0.00468 < 0.05: drift'
    })
  })

  it('shows enough digits for p to fall visibly on its side of the threshold', () => {
    // 36/100 vs 50/100: p = 0.045544…, which rounds to 0.0455 (below) and 0.04554 (equal) at 3 and 4 digits.
    const result = detectDrift(
      { kind: 'boolean', trues: 36, total: 100 },
      { kind: 'boolean', trues: 50, total: 100 },
      {
        threshold: 0.04554
      }
    )
    expect(result.p_value).toBeCloseTo(0.045544342649356986, 14)
    expect(result.drifted).toBe(false)
    expect(result.reason).toMatch(/, p = 0\.045544 >= 0\.04554: no drift$/)
  })

  it('insufficient data: nulls and the reason', () => {
    expect(
      detectDrift({ kind: 'numeric', values: [1, 2, 3] }, { kind: 'numeric', values: [4, 5, 6] })
    ).toEqual({
      method: 'ks',
      statistic: null,
      p_value: null,
      adjusted_p_value: null,
      correction: null,
      threshold: 0.05,
      drifted: null,
      reason:
        'Kolmogorov–Smirnov test (numeric column, effective sample size 2 <= 2500): insufficient data: the reference has 3 values and the current data has 3 values, at least 30 needed on each side'
    })
  })

  it('tiny samples run when minSamples allows: disjoint n = 4 vs 4', () => {
    const result = detectDrift(
      { kind: 'numeric', values: [1, 2, 3, 4] },
      { kind: 'numeric', values: [5, 6, 7, 8] },
      {
        minSamples: 4
      }
    )
    expect(result).toMatchObject({ method: 'ks', statistic: 1, drifted: true })
    expect(result.p_value).toBeCloseTo(0.028571428571428577, 15)
  })

  it('identical samples do not drift', () => {
    const values = Float64Array.from({ length: 50 }, (_, i) => i % 7)
    expect(detectDrift({ kind: 'numeric', values }, { kind: 'numeric', values })).toMatchObject({
      statistic: 0,
      p_value: 1,
      adjusted_p_value: 1,
      correction: null,
      drifted: false
    })
  })

  it('Wasserstein on a constant reference: statistic null, drift iff the current differs', () => {
    const constant: ColumnSample = { kind: 'numeric', values: new Float64Array(40).fill(3) }
    const other: ColumnSample = { kind: 'numeric', values: new Float64Array(40).fill(4) }
    expect(detectDrift(constant, other, { method: 'wasserstein' })).toEqual({
      method: 'wasserstein',
      statistic: null,
      p_value: null,
      adjusted_p_value: null,
      correction: null,
      threshold: 0.1,
      drifted: true,
      reason:
        'normalized Wasserstein distance (requested): the reference is constant (standard deviation 0), so the normalized distance is undefined; the current data differs from it (W1 = 1): drift'
    })
    expect(detectDrift(constant, constant, { method: 'wasserstein' }).drifted).toBe(false)
  })

  it('rejects a method that does not apply, a bad threshold, mixed kinds', () => {
    const values: ColumnSample = { kind: 'numeric', values: new Float64Array(40) }
    expect(() => detectDrift(values, values, { method: 'chi2' })).toThrow(
      'detectDrift: chi2 does not apply to a numeric column; use one of ks, wasserstein, jensen_shannon, psi'
    )
    expect(() => detectDrift(values, values, { method: 'ks', threshold: 5 })).toThrow(
      'detectDrift: threshold 5 for ks must be in (0, 1)'
    )
    expect(() => detectDrift(values, { kind: 'boolean', trues: 1, total: 40 })).toThrow(RangeError)
  })

  it('methodsFor lists the methods of each kind', () => {
    expect(methodsFor('boolean')).toEqual(['chi2', 'z', 'jensen_shannon', 'psi'])
    expect(methodsFor('categorical')).toEqual(['chi2', 'jensen_shannon', 'psi'])
  })
})
