import { describe, expect, it } from '@jest/globals'
import { jensenShannonDistance } from '../../src/drift/jensen-shannon.js'
import { populationStabilityIndex } from '../../src/drift/psi.js'
import { binCounts, quantileEdges } from '../../src/drift/quantile-bins.js'
import { alignCategories } from '../../src/drift/sample.js'
import { wassersteinDistance } from '../../src/drift/wasserstein.js'
import { categoryColumn, numericColumn } from './credit-fixture.js'

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected))
}

// Oracle for the credit columns (same loading as ks.test.ts), with E = np.unique(np.quantile(a, np.arange(1,10)/10)):
// python3 -c "... w=stats.wasserstein_distance(a,b); print(repr(w), repr(np.std(a)), list(E)); \
//   ra=np.bincount(np.searchsorted(E,a,side='left'),minlength=len(E)+1); rb=(same for b); \
//   print(repr(jensenshannon(ra,rb,base=2))); pa=ra/ra.sum(); pb=rb/rb.sum(); pa=np.where(pa==0,1e-4,pa); pb=np.where(pb==0,1e-4,pb); \
//   print(repr(np.sum((pb-pa)*np.log(pb/pa))))"
const CREDIT_NUMERIC = [
  {
    column: 'Age',
    wasserstein: 5.907241663496896,
    std: 11.003402132465387,
    edges: [24, 27, 29, 32, 35, 39, 42, 47, 53],
    reference: [349, 264, 185, 272, 252, 315, 216, 265, 264, 247],
    current: [50, 50, 46, 103, 123, 142, 124, 171, 151, 240],
    js: 0.22318141884748247,
    psi: 0.2855901871007166
  },
  {
    column: 'Income',
    wasserstein: 34.086525624904894,
    std: 84.19478545597198,
    edges: [66, 82, 98, 110, 123, 140, 160, 186, 230],
    reference: [243, 244, 235, 268, 213, 249, 250, 220, 239, 238],
    current: [31, 58, 54, 73, 64, 118, 118, 115, 148, 188],
    js: 0.20797503493196745,
    psi: 0.24602517385114153
  },
  {
    column: 'Amount',
    wasserstein: 30.33785152783057,
    std: 479.536805435225,
    edges: [475, 650, 800, 930.6000000000001, 1000, 1100, 1250, 1400, 1600],
    reference: [266, 291, 295, 200, 375, 182, 264, 295, 231, 230],
    current: [126, 150, 145, 85, 181, 74, 109, 129, 105, 96],
    js: 0.03305477947431931,
    psi: 0.006061255952531335
  },
  {
    column: 'Price',
    wasserstein: 36.7943476607074,
    std: 657.2497613165198,
    edges: [825, 1049.2, 1184.8, 1300, 1406, 1525.8, 1638, 1791.2000000000003, 2173.4000000000005],
    reference: [264, 262, 263, 276, 250, 262, 264, 262, 263, 263],
    current: [110, 121, 114, 135, 130, 125, 133, 124, 107, 101],
    js: 0.03952925636411034,
    psi: 0.00867084796038234
  },
  {
    // Heavy ties: the 10% quantile is 0, so the first bin holds every 0.
    column: 'Seniority',
    wasserstein: 0.2564381260301764,
    std: 8.14741772536602,
    edges: [0, 1, 2, 3, 5, 7, 10, 14, 20],
    reference: [314, 294, 286, 188, 303, 195, 274, 257, 329, 189],
    current: [141, 129, 112, 105, 133, 78, 140, 127, 133, 102],
    js: 0.04868984810660076,
    psi: 0.013159179828730539
  }
]

describe.each(CREDIT_NUMERIC)('credit $column (train vs incoming)', (oracle) => {
  const reference = numericColumn('train', oracle.column)
  const current = numericColumn('incoming', oracle.column)
  const edges = quantileEdges(reference)

  it('wasserstein = scipy.stats.wasserstein_distance, std = np.std', () => {
    const result = wassersteinDistance(reference, current)
    expectRelative(result.distance, oracle.wasserstein, 1e-12)
    expectRelative(result.referenceStd, oracle.std, 1e-13)
    expectRelative(result.normalized as number, oracle.wasserstein / oracle.std, 1e-12)
  })

  it('decile edges = np.quantile, bin counts = np.searchsorted', () => {
    expect(Array.from(edges)).toEqual(oracle.edges)
    expect(Array.from(binCounts(reference, edges))).toEqual(oracle.reference)
    expect(Array.from(binCounts(current, edges))).toEqual(oracle.current)
  })

  it('Jensen–Shannon distance = scipy jensenshannon(base=2); PSI = numpy formula', () => {
    const ref = binCounts(reference, edges)
    const cur = binCounts(current, edges)
    expectRelative(jensenShannonDistance(ref, cur), oracle.js, 1e-12)
    expectRelative(populationStabilityIndex(ref, cur), oracle.psi, 1e-12)
  })
})

describe('categorical credit columns', () => {
  // python3 -c "... k=sorted(set(a.index)|set(b.index)); ta=[a.get(x,0) for x in k]; tb=[b.get(x,0) for x in k]; print(repr(jensenshannon(ta,tb,base=2)), repr(psi))"
  it.each([
    ['Home', 0.06973128370777343, 0.026881651819978633],
    ['Marital', 0.024532441110869323, 0.0033677588683213872],
    ['Job', 0.02678157728728969, 0.003980614160843264]
  ])('%s: JS = %p, PSI = %p (an unseen category counts with share 1e-4)', (column, js, psi) => {
    const table = alignCategories(
      { counts: categoryColumn('train', column) },
      { counts: categoryColumn('incoming', column) }
    )
    expectRelative(jensenShannonDistance(table.reference, table.current), js, 1e-12)
    expectRelative(populationStabilityIndex(table.reference, table.current), psi, 1e-12)
  })
})

describe('wassersteinDistance on small samples', () => {
  // python3 -c 'import numpy as np; from scipy import stats; print(repr(stats.wasserstein_distance(A, B)), repr(np.std(A)))'
  it.each([
    ['disjoint', [0, 1, 3], [5, 6, 8], 5, 1.247219128924647],
    ['identical', [1, 2, 3], [3, 2, 1], 0, 0.816496580927726],
    ['ties', [1, 1, 2, 5], [0, 1, 1, 7, 9], 1.95, 1.6393596310755]
  ])('%s', (_name, reference, current, distance, std) => {
    const result = wassersteinDistance(reference, current)
    expectRelative(result.distance, distance, 1e-14)
    expect(result.referenceStd).toBeCloseTo(std, 15)
    expect(result.normalized).toBe(result.distance / result.referenceStd)
  })

  it('normalized is null for a constant reference (n = 1)', () => {
    expect(wassersteinDistance([0], [1])).toEqual({ distance: 1, referenceStd: 0, normalized: null })
  })

  it('rejects empty samples and NaN', () => {
    expect(() => wassersteinDistance([1], [])).toThrow('wassersteinDistance: the current sample is empty')
    expect(() => wassersteinDistance([NaN], [1])).toThrow(RangeError)
  })
})

describe('jensenShannonDistance on small distributions', () => {
  // python3 -c 'from scipy.spatial.distance import jensenshannon; print(repr(jensenshannon(P, Q, base=2)))'
  it.each([
    [[1, 0], [0, 1], 1],
    [[1, 2, 3], [2, 4, 6], 0],
    [[10, 20, 30], [30, 20, 10], 0.354703515198132],
    [[0.5, 0.5], [0.62, 0.38], 0.10279353145458987],
    [[5, 0, 3], [0, 2, 4], 0.7134557955912647]
  ])('%p vs %p: %p', (p, q, expected) => {
    const d = jensenShannonDistance(p, q)
    if (expected === 0) expect(d).toBe(0)
    else expectRelative(d, expected, 1e-13)
  })

  it('rejects a side without weight', () => {
    expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow('jensenShannonDistance: p has no weight')
  })
})

describe('populationStabilityIndex', () => {
  it('is Σ (c - r) ln(c / r) over shares', () => {
    // 0.1·ln(0.6/0.5) + (-0.1)·ln(0.4/0.5), computed independently:
    expectRelative(
      populationStabilityIndex([50, 50], [60, 40]),
      0.1 * Math.log(1.2) - 0.1 * Math.log(0.8),
      1e-15
    )
    expect(populationStabilityIndex([1, 2, 3], [2, 4, 6])).toBe(0)
  })

  it('replaces an empty share by 1e-4', () => {
    // reference [1, 0], current [0.5, 0.5]: (0.5 - 1)·ln(0.5) + (0.5 - 1e-4)·ln(0.5 / 1e-4)
    const expected = -0.5 * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4)
    expectRelative(populationStabilityIndex([10, 0], [5, 5]), expected, 1e-15)
  })
})

describe('quantileEdges', () => {
  // python3 -c 'import numpy as np; print(np.quantile([1,2,3,4,5],[.25,.5,.75]).tolist(), np.quantile(X, np.arange(1,10)/10).tolist())'
  it('matches np.quantile (linear interpolation)', () => {
    expect(Array.from(quantileEdges([5, 1, 4, 2, 3], 4))).toEqual([2, 3, 4])
    expect(Array.from(quantileEdges([0.1, 0.2, 0.7, 1.3, 2.9, 3.3, 10.1]))).toEqual([
      0.16000000000000003, 0.3000000000000001, 0.5999999999999999, 0.9400000000000002, 1.3,
      2.2599999999999993, 2.9799999999999995, 3.22, 6.020000000000002
    ])
  })

  it('drops repeated edges and puts out-of-range values in the outer bins', () => {
    const edges = quantileEdges([1, 1, 1, 1, 2], 4)
    expect(Array.from(edges)).toEqual([1])
    expect(Array.from(binCounts([0, 1, 1.5, 99], edges))).toEqual([2, 2])
  })
})
