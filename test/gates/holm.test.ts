import { describe, expect, it } from '@jest/globals'
import { holmAdjust } from '../../src/gates/holm.js'

describe('holmAdjust', () => {
  it('adjusts p-values step-down, by hand: sorted 0.005, 0.01, 0.03, 0.04 of m = 4', () => {
    // p̃_(1) = 4·0.005 = 0.02; p̃_(2) = max(0.02, 3·0.01) = 0.03; p̃_(3) = max(0.03, 2·0.03) = 0.06;
    // p̃_(4) = max(0.06, 1·0.04) = 0.06 (monotone). Input order is kept.
    const { adjusted } = holmAdjust([0.03, 0.005, 0.04, 0.01], 0.95)
    expect(adjusted[0]).toBeCloseTo(0.06, 15)
    expect(adjusted[1]).toBeCloseTo(0.02, 15)
    expect(adjusted[2]).toBeCloseTo(0.06, 15)
    expect(adjusted[3]).toBeCloseTo(0.03, 15)
  })

  it('levels: α/4, α/3, α/2 until the step-down stops, then the stopping level for the rest', () => {
    // α = 0.05. Rank 1: 0.005 ≤ 0.0125; rank 2: 0.01 ≤ 0.01667; rank 3: 0.03 > 0.025 stops;
    // rank 4 keeps 0.025 (its own α/1 = 0.05 would decide what Holm does not).
    const { confidence } = holmAdjust([0.03, 0.005, 0.04, 0.01], 0.95)
    expect(confidence[1]).toBeCloseTo(1 - 0.05 / 4, 15)
    expect(confidence[3]).toBeCloseTo(1 - 0.05 / 3, 15)
    expect(confidence[0]).toBeCloseTo(1 - 0.05 / 2, 15)
    expect(confidence[2]).toBeCloseTo(1 - 0.05 / 2, 15)
  })

  it('p̃ ≤ α exactly when the p-value is within its level', () => {
    const p = [0.001, 0.2, 0.012, 0.013, 0.0125, 0.5, 0.02]
    const { adjusted, confidence } = holmAdjust(p, 0.95)
    p.forEach((value, i) => expect(adjusted[i] <= 0.05).toBe(value <= 1 - confidence[i]))
  })

  it('caps at 1, keeps ties in input order, and takes an empty family', () => {
    expect(holmAdjust([0.6, 0.6], 0.9).adjusted).toEqual([1, 1])
    const tie = holmAdjust([0.01, 0.01], 0.95)
    expect(tie.confidence[0]).toBeCloseTo(0.975, 15)
    expect(tie.confidence[1]).toBeCloseTo(0.95, 15)
    expect(holmAdjust([], 0.95)).toEqual({ adjusted: [], confidence: [] })
  })
})
