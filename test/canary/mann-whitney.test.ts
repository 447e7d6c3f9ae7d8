/**
 * The Mann–Whitney test and the Hodges–Lehmann interval against R 4.2.2's `wilcox.test` (stats
 * package; the calls and their printed results are quoted with each case), and small cases by hand.
 */
import { describe, expect, it } from '@jest/globals'
import { shiftTest } from '../../src/canary/mann-whitney.js'

describe('shiftTest against R wilcox.test', () => {
  // R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69: permeability constants).
  const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
  const y = [1.15, 0.88, 0.9, 0.74, 1.21]

  it('exact, no ties: wilcox.test(x, y, conf.int = TRUE) gives W = 35, p = 0.254412254412254, 0.305, [-0.15, 0.76]', () => {
    const t = shiftTest(x, y, 0.95)
    expect(t.method).toBe('exact')
    expect(t.u).toBe(35)
    expect(t.pValue).toBeCloseTo(0.254412254412254, 12)
    expect(t.estimate).toBeCloseTo(0.305, 12)
    expect(t.ci[0]).toBeCloseTo(-0.15, 12)
    expect(t.ci[1]).toBeCloseTo(0.76, 12)
  })

  it('exact at 90%: conf.level = 0.90 gives [-0.08, 0.72]', () => {
    const t = shiftTest(x, y, 0.9)
    expect(t.ci[0]).toBeCloseTo(-0.08, 12)
    expect(t.ci[1]).toBeCloseTo(0.72, 12)
  })

  it('exact, 12 against 9: W = 91, p = 0.00725342768686422, estimate 1.5, [0.4, 2.5]', () => {
    const x3 = [3.1, 4.7, 2.2, 5.9, 4.0, 3.3, 6.1, 4.4, 5.2, 3.8, 4.9, 2.7]
    const y3 = [2.0, 3.5, 1.9, 2.8, 3.0, 4.1, 2.4, 1.6, 2.9]
    const t = shiftTest(x3, y3, 0.95)
    expect([t.method, t.u]).toEqual(['exact', 91])
    expect(t.pValue).toBeCloseTo(0.00725342768686422, 14)
    expect(t.estimate).toBeCloseTo(1.5, 12)
    expect(t.ci[0]).toBeCloseTo(0.4, 12)
    expect(t.ci[1]).toBeCloseTo(2.5, 12)
  })

  it('ties: the normal approximation with tie and continuity correction, W = 13.5, p = 0.0983349877585014', () => {
    // wilcox.test(c(1,2,2,3,3,3,4,5), c(2,3,4,4,5,5,6)) (warns "cannot compute exact p-value with ties")
    const t = shiftTest([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 5, 5, 6], 0.95)
    expect([t.method, t.u]).toEqual(['normal', 13.5])
    expect(t.pValue).toBeCloseTo(0.0983349877585014, 14)
  })

  it('60 against 55 values: the normal approximation, W = 1815, p = 0.357038324791609', () => {
    // wilcox.test(seq(0.5, 30, by = 0.5), seq(0.3, 27.3, by = 0.5))
    const x4 = Array.from({ length: 60 }, (_, i) => 0.5 * (i + 1))
    const y4 = Array.from({ length: 55 }, (_, i) => 0.3 + 0.5 * i)
    const t = shiftTest(x4, y4, 0.95)
    expect([t.method, t.u]).toEqual(['normal', 1815])
    expect(t.pValue).toBeCloseTo(0.357038324791609, 14)
  })
})

describe('shiftTest by hand', () => {
  it('the normal interval takes the order statistics k = ⌊nm/2 − z·σ₀ + ½⌋ and nm + 1 − k', () => {
    // x = 0..59, y = 0.25 + (0..59), ties between x and y impossible: nm = 3600, σ₀ = √(3600·121/12)
    // = 190.526, z = 1.959964: k = ⌊1800 − 373.42 + 0.5⌋ = 1427; the differences are sorted here
    // by brute force.
    const x = Array.from({ length: 60 }, (_, i) => i)
    const y = Array.from({ length: 60 }, (_, i) => 0.25 + i)
    const sorted = x.flatMap((xi) => y.map((yj) => xi - yj)).sort((a, b) => a - b)
    const t = shiftTest(x, y, 0.95)
    expect(t.method).toBe('normal')
    expect(t.ci).toEqual([sorted[1427 - 1], sorted[3600 - 1427]])
    expect(t.estimate).toBe(-0.25)
  })

  it('a constant shift of the same values is estimated exactly, and the interval holds it', () => {
    const control = Array.from({ length: 80 }, (_, i) => (i * 37) % 101)
    const canary = control.map((v) => v + 7)
    const t = shiftTest(canary, control, 0.95)
    expect(t.estimate).toBe(7)
    expect(t.ci[0]).toBeLessThan(7)
    expect(t.ci[1]).toBeGreaterThan(7)
  })

  it('one value against one: U is 1, ½ or 0 and the interval is the one difference', () => {
    expect(shiftTest([2], [1], 0.95)).toMatchObject({ u: 1, estimate: 1, ci: [1, 1], pValue: 1 })
    expect(shiftTest([1], [1], 0.95)).toMatchObject({ u: 0.5, estimate: 0, method: 'normal', pValue: 1 })
  })
})
