/**
 * The default drift method for a column, from its kind and the sizes of the two samples, with the
 * reason in words.
 *
 * Policy:
 * - fewer than `minSamples` (30) values on either side: insufficient data, no verdict;
 * - small samples (effective size `n_ref·n_cur/(n_ref+n_cur)` <= 2,500, e.g. 5,000 vs 5,000 or
 *   100,000 vs 2,560): a significance test — `ks` for numeric, `chi2` for categorical, `z` for
 *   boolean — which is exact or well calibrated there;
 * - large samples: an effect size with a threshold — `wasserstein` (normalized) for numeric,
 *   `jensen_shannon` for categorical and boolean. A test's power grows with n: at an effective
 *   size of 2,500, KS already rejects at α = 0.05 for CDFs 2.7 points apart (1.358/√2500) and the
 *   z-test for a 50% rate moving by 2 points; beyond, tests flag differences too small to matter
 *   ("drift tests that flag everything on large samples"), while a distance does not grow with n;
 * - chi2 / z whose expected counts are too small for the chi-square approximation (Cochran: an
 *   expected count below 1, or more than 20% of them below 5 — typical with rare categories):
 *   `jensen_shannon` instead, which needs no expected counts.
 */
import { DRIFT_METHODS, type DriftMethod } from './method.js'
import {
  alignCategories,
  categoryCountsOf,
  effectiveSampleSize,
  sampleSize,
  type ColumnSample
} from './sample.js'

/** Fewer values than this on either side: insufficient data. */
export const MIN_SAMPLE_SIZE = 30
/** Above this effective sample size, distances replace tests. */
export const LARGE_EFFECTIVE_SAMPLE_SIZE = 2500

export interface MethodChoice {
  readonly method: DriftMethod
  /** Why this method, e.g. `numeric column, effective sample size 824 <= 2500`. */
  readonly why: string
  /** Why no verdict can be given (too few values), or `null` when the method can run. */
  readonly insufficient: string | null
}

/**
 * Chooses the default method for a column (see the module comment for the policy).
 *
 * @param minSamples values needed on each side (default `MIN_SAMPLE_SIZE` = 30)
 * @example chooseMethod({ kind: 'boolean', trues: 10, total: 100 }, { kind: 'boolean', trues: 20, total: 100 })
 *   // { method: 'z', why: 'boolean column, effective sample size 50 <= 2500', insufficient: null }
 */
export function chooseMethod(
  reference: ColumnSample,
  current: ColumnSample,
  minSamples = MIN_SAMPLE_SIZE
): MethodChoice {
  if (reference.kind !== current.kind) {
    throw new RangeError(`chooseMethod: reference is ${reference.kind} but current is ${current.kind}`)
  }
  const nRef = sampleSize(reference)
  const nCur = sampleSize(current)
  const en = effectiveSampleSize(nRef, nCur)
  const size = `effective sample size ${formatSize(en)}`
  const kind = reference.kind
  const large = en > LARGE_EFFECTIVE_SAMPLE_SIZE
  let method: DriftMethod
  let why: string
  if (large) {
    method = kind === 'numeric' ? 'wasserstein' : 'jensen_shannon'
    why = `${kind} column, ${size} > ${LARGE_EFFECTIVE_SAMPLE_SIZE}: a significance test would flag immaterial differences, so an effect size is used`
  } else {
    method = kind === 'numeric' ? 'ks' : kind === 'categorical' ? 'chi2' : 'z'
    why = `${kind} column, ${size} <= ${LARGE_EFFECTIVE_SAMPLE_SIZE}`
  }
  const insufficient = insufficientData(nRef, nCur, minSamples)
  if (insufficient === null && (method === 'chi2' || method === 'z')) {
    const sparse = sparseExpectedCounts(reference, current)
    if (sparse !== null) {
      method = 'jensen_shannon'
      why = `${kind} column, ${size}, but ${sparse}: too few for the chi-square approximation (Cochran's rule), so ${DRIFT_METHODS.jensen_shannon.label}`
    }
  }
  return { method, why, insufficient }
}

/** The reason why `nRef` and `nCur` values are too few, or `null`. */
export function insufficientData(nRef: number, nCur: number, minSamples = MIN_SAMPLE_SIZE): string | null {
  const needed = Math.max(minSamples, 1)
  const short: string[] = []
  if (nRef < needed) short.push(`the reference has ${values(nRef)}`)
  if (nCur < needed) short.push(`the current data has ${values(nCur)}`)
  if (short.length === 0) return null
  return `insufficient data: ${short.join(' and ')}, at least ${needed} needed on each side`
}

/**
 * Cochran's rule on the 2 × k table of expected counts: `null` when every expected count is >= 1
 * and at most 20% are below 5; otherwise a description such as `3 of 12 expected counts below 5`.
 */
function sparseExpectedCounts(reference: ColumnSample, current: ColumnSample): string | null {
  const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current))
  let refTotal = 0
  let curTotal = 0
  for (let j = 0; j < table.labels.length; j++) {
    refTotal += table.reference[j]
    curTotal += table.current[j]
  }
  const total = refTotal + curTotal
  let belowOne = 0
  let belowFive = 0
  for (let j = 0; j < table.labels.length; j++) {
    const column = table.reference[j] + table.current[j]
    for (const rowTotal of [refTotal, curTotal]) {
      const expected = (rowTotal * column) / total
      if (expected < 1) belowOne++
      if (expected < 5) belowFive++
    }
  }
  const cells = 2 * table.labels.length
  if (belowOne === 0 && belowFive <= 0.2 * cells) return null
  return belowOne > 0
    ? `${belowOne} of ${cells} expected counts below 1`
    : `${belowFive} of ${cells} expected counts below 5`
}

function formatSize(n: number): string {
  return String(Math.round(n))
}

function values(n: number): string {
  return n === 1 ? '1 value' : `${n} values`
}
