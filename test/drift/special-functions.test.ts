import { describe, expect, it } from '@jest/globals'
import {
  chiSquareSf,
  kolmogorovSmirnovSf,
  logGamma,
  normalTwoSidedP,
  regularizedGammaQ
} from '../../src/drift/special-functions.js'

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected))
}

describe('logGamma', () => {
  // python3 -c 'from scipy import special; print(repr(special.gammaln(5)), repr(special.gammaln(0.1)), repr(special.gammaln(1000.5)))'
  it.each([
    [5, 3.1780538303479458],
    [0.1, 2.252712651734206],
    [1000.5, 5908.674175848678]
  ])('ln Γ(%p) = %p', (x, expected) => expectRelative(logGamma(x), expected, 1e-14))

  it('rejects x <= 0', () => expect(() => logGamma(0)).toThrow('logGamma needs x > 0, got 0'))
})

describe('regularizedGammaQ', () => {
  // python3 -c 'from scipy import special as s; print([repr(s.gammaincc(a, x)) for a, x in [(1,2),(0.5,0.1),(10,3),(10,30),(2500,2600),(3.5,200)]])'
  it.each([
    [1, 2, 0.1353352832366127],
    [0.5, 0.1, 0.6547208460185768],
    [10, 3, 0.9988975118698845],
    [10, 30, 7.121750862815593e-6],
    [2500, 2600, 0.023818998020740657],
    [3.5, 200, 2.3852710811123476e-82]
  ])('Q(%p, %p) = %p', (a, x, expected) => expectRelative(regularizedGammaQ(a, x), expected, 1e-12))

  it('is 1 at x = 0 and rejects a <= 0', () => {
    expect(regularizedGammaQ(3, 0)).toBe(1)
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError)
  })
})

describe('chiSquareSf and normalTwoSidedP', () => {
  // python3 -c 'from scipy import stats; print(repr(stats.chi2.sf(3.841458820694124,1)), repr(stats.chi2.sf(22.5,6)), repr(stats.chi2.sf(1e-3,4)))'
  it.each([
    [3.841458820694124, 1, 0.04999999999999989],
    [22.5, 6, 0.0009824574509337957],
    [1e-3, 4, 0.9999998750416589]
  ])('chi2.sf(%p, %p) = %p', (x, dof, expected) => expectRelative(chiSquareSf(x, dof), expected, 1e-12))

  it('chi2.sf of 0 is 1', () => expect(chiSquareSf(0, 3)).toBe(1))

  // python3 -c 'from scipy import stats; print([repr(2*stats.norm.sf(z)) for z in (1.959963984540054, 8.5, 0.01)])'
  it.each([
    [1.959963984540054, 0.05],
    [-8.5, 1.89590696444065e-17],
    [0.01, 0.9920212873707368]
  ])('2·norm.sf(|%p|) = %p', (z, expected) => expectRelative(normalTwoSidedP(z), expected, 1e-12))
})

describe('kolmogorovSmirnovSf = scipy.stats.kstwo.sf', () => {
  // python3 -c 'from scipy import stats; print([repr(stats.kstwo.sf(x, n)) for x, n in [(0.274,10),(0.05,500),(0.2,500),(0.6,20),(0.002,150000),(0.01,150000),(0.004,150000)]])'
  // One case per method region: Durbin matrix (n <= 140), Durbin matrix and Pelz–Good (n > 140,
  // small n·x²), 2·smirnov (large n·x², and x >= 0.5).
  it.each([
    [10, 0.274, 0.3715203845434957],
    [500, 0.05, 0.15866260223815365],
    [500, 0.2, 5.256835361945869e-18],
    [20, 0.6, 2.0483011649719853e-7],
    [150000, 0.002, 0.5852546878861702],
    [150000, 0.01, 1.8579324004514643e-13],
    [150000, 0.004, 0.01641549696764547]
  ])('n = %p, x = %p: %p', (n, x, expected) => expectRelative(kolmogorovSmirnovSf(n, x), expected, 1e-9))

  it('is 1 below 1/(2n), 0 at x >= 1, and rejects a non-integer n', () => {
    expect(kolmogorovSmirnovSf(10, 0.04)).toBe(1)
    expect(kolmogorovSmirnovSf(10, 1)).toBe(0)
    expect(() => kolmogorovSmirnovSf(2.5, 0.1)).toThrow(
      'kolmogorovSmirnovSf needs an integer n >= 1, got 2.5'
    )
  })
})
