/**
 * Drift of one column: reference vs current, with a method chosen by default or requested, a
 * threshold, a verdict and the reason for both. This is what the contract/validate command calls.
 */
import { chiSquareHomogeneity } from './chi2.js'
import { chooseMethod, insufficientData, MIN_SAMPLE_SIZE } from './choose.js'
import { jensenShannonDistance } from './jensen-shannon.js'
import { ksTwoSample } from './ks.js'
import { DRIFT_METHODS, methodsFor, type DriftMethod } from './method.js'
import { adjustPValues, CORRECTION_NAMES, type Correction } from './multiple-testing.js'
import { twoProportionZTest } from './proportions.js'
import { populationStabilityIndex } from './psi.js'
import { binCounts, DEFAULT_BIN_COUNT, quantileEdges } from './quantile-bins.js'
import { alignCategories, categoryCountsOf, sampleSize, type ColumnSample } from './sample.js'
import { wassersteinDistance } from './wasserstein.js'

export interface DriftResult {
  readonly method: DriftMethod
  /**
   * The method's statistic: KS D, chi-square, z, normalized Wasserstein distance, Jensen–Shannon
   * distance or PSI. `null` when undefined: insufficient data, or Wasserstein on a constant reference.
   */
  readonly statistic: number | null
  /** p-value for the tests (`ks`, `chi2`, `z`); `null` for distances and when undefined. */
  readonly p_value: number | null
  /**
   * The p-value adjusted across the tested columns of the dataset (`correction`), which the
   * decision compares with `threshold`; equal to `p_value` for a column judged alone; `null` when
   * `p_value` is.
   */
  readonly adjusted_p_value: number | null
  /** The correction of that family; `null` when `p_value` is, or for a column judged alone. */
  readonly correction: Correction | null
  /** Significance level for tests, minimum drifting distance for distances. */
  readonly threshold: number
  /** `null` when there is not enough data to judge. */
  readonly drifted: boolean | null
  /** Why this method and the decision, e.g. `… : p = 0.0003 < 0.05, drift`. */
  readonly reason: string
}

export interface DriftOptions {
  /** Method to use; default: `chooseMethod` by column kind and sample sizes. */
  readonly method?: DriftMethod
  /** Default: the method's `DRIFT_METHODS[method].defaultThreshold`. */
  readonly threshold?: number
  /** Values needed on each side for a verdict; default `MIN_SAMPLE_SIZE` (30). */
  readonly minSamples?: number
  /** Reference-quantile bins for PSI and Jensen–Shannon on numeric columns; default 10. */
  readonly bins?: number
}

/**
 * Measures the drift of one column from `reference` to `current` (both of the same kind, missing
 * values left out) and decides it against a threshold.
 *
 * Tests (`ks`, `chi2`, `z`) drift when `p_value < threshold`; distances (`wasserstein`,
 * `jensen_shannon`, `psi`) drift when `statistic >= threshold`. Numeric PSI and Jensen–Shannon use
 * `bins` reference-quantile bins (`quantileEdges`). When the numeric values are reservoir samples,
 * the statistic and p-value are those of the samples.
 *
 * Undefined: fewer than `minSamples` values on either side gives `statistic`, `p_value` and
 * `drifted` all `null` with the reason. A method that does not apply to the column's kind, a bad
 * threshold or samples of different kinds throw `RangeError` (the config layer validates these
 * first and reports them to the user; `methodsFor(kind)` lists the valid methods).
 *
 * @example
 * detectDrift({ kind: 'boolean', trues: 40, total: 100 }, { kind: 'boolean', trues: 60, total: 100 })
 * // { method: 'z', statistic: 2.828…, p_value: 0.00468, threshold: 0.05, drifted: true,
 * //   reason: 'two-proportion z-test (boolean column, effective sample size 50 <= 2500): z = 2.83, p = 0.00468 < 0.05: drift' }
 */
export function detectDrift(
  reference: ColumnSample,
  current: ColumnSample,
  options: DriftOptions = {}
): DriftResult {
  return decideDrift(measureDrift(reference, current, options))
}

/** A column's drift measured but not yet decided: what `correctDrift` adjusts across columns. */
export interface DriftMeasurement {
  readonly method: DriftMethod
  readonly threshold: number
  /** `Kolmogorov–Smirnov test (numeric column, …)`. */
  readonly head: string
  /** The insufficiency that stops the measurement, or `null`. */
  readonly insufficient: string | null
  readonly measured: Measured | null
}

/** The measuring half of `detectDrift` (same checks, same errors). */
export function measureDrift(
  reference: ColumnSample,
  current: ColumnSample,
  options: DriftOptions = {}
): DriftMeasurement {
  if (reference.kind !== current.kind) {
    throw new RangeError(`detectDrift: reference is ${reference.kind} but current is ${current.kind}`)
  }
  const minSamples = options.minSamples ?? MIN_SAMPLE_SIZE
  const choice =
    options.method === undefined
      ? chooseMethod(reference, current, minSamples)
      : {
          method: options.method,
          why: 'requested',
          insufficient: insufficientData(sampleSize(reference), sampleSize(current), minSamples)
        }
  const method = choice.method
  const info = DRIFT_METHODS[method]
  if (!info.kinds.includes(reference.kind)) {
    throw new RangeError(
      `detectDrift: ${method} does not apply to a ${reference.kind} column; use one of ${methodsFor(reference.kind).join(', ')}`
    )
  }
  const threshold = options.threshold ?? info.defaultThreshold
  if (!(threshold > 0) || (info.decision === 'test' && !(threshold < 1)) || !Number.isFinite(threshold)) {
    throw new RangeError(
      `detectDrift: threshold ${threshold} for ${method} must be ${info.decision === 'test' ? 'in (0, 1)' : '> 0'}`
    )
  }
  const head = `${info.label} (${choice.why})`
  if (choice.insufficient !== null) {
    return { method, threshold, head, insufficient: choice.insufficient, measured: null }
  }
  const measured = measure(method, reference, current, options.bins ?? DEFAULT_BIN_COUNT)
  return { method, threshold, head, insufficient: null, measured }
}

/** The p-value of a measured test (`ks`, `chi2`, `z`); `null` for distances and undefined ones. */
export function testPValue(m: DriftMeasurement): number | null {
  return m.measured !== null && m.measured.statistic !== null ? m.measured.pValue : null
}

/** The family a test's p-value was adjusted in, for its decision and reason. */
export interface DriftFamily {
  readonly adjusted: number
  readonly correction: Correction
  readonly size: number
}

/**
 * The deciding half of `detectDrift`: a test drifts when its p-value (adjusted in `family`, when
 * given) is below the threshold, a distance when it reaches the threshold.
 */
export function decideDrift(m: DriftMeasurement, family?: DriftFamily): DriftResult {
  const { method, threshold, head } = m
  const none = { method, statistic: null, p_value: null, adjusted_p_value: null, correction: null, threshold }
  if (m.insufficient !== null || m.measured === null) {
    return { ...none, drifted: null, reason: `${head}: ${m.insufficient}` }
  }
  const measured = m.measured
  if (measured.statistic === null) {
    return { ...none, drifted: measured.drifted, reason: `${head}: ${measured.text}` }
  }
  if (measured.pValue !== null) {
    const p = measured.pValue
    const adjusted = family?.adjusted ?? p
    const drifted = adjusted < threshold
    const shown =
      family === undefined
        ? `p = ${formatAgainst(p, threshold)}`
        : `p = ${format(p)}, ${familyText(family)} = ${formatAgainst(adjusted, threshold)}`
    const decision = `${measured.text}, ${shown} ${drifted ? '<' : '>='} ${threshold}: ${drifted ? 'drift' : 'no drift'}`
    return {
      ...none,
      statistic: measured.statistic,
      p_value: p,
      adjusted_p_value: adjusted,
      correction: family?.correction ?? null,
      drifted,
      reason: `${head}: ${decision}`
    }
  }
  const drifted = measured.statistic >= threshold
  const decision = `${measured.text} ${drifted ? '>=' : '<'} ${threshold}: ${drifted ? 'drift' : 'no drift'}`
  return { ...none, statistic: measured.statistic, drifted, reason: `${head}: ${decision}` }
}

/** `Holm-adjusted p (Holm over 2 tested columns)`, `p (no correction over 2 tested columns)`. */
function familyText(family: DriftFamily): string {
  const over = `${CORRECTION_NAMES[family.correction]} over ${family.size} tested column${family.size === 1 ? '' : 's'}`
  if (family.correction === 'none') return `uncorrected p (${over})`
  return `${family.correction === 'bh' ? 'BH' : 'Holm'}-adjusted p (${over})`
}

/**
 * The drift of a dataset's columns, decided together: the p-values of the tests (`ks`, `chi2`,
 * `z`) are adjusted by `correction` across the columns that have one (`adjustPValues`), and each
 * column drifts when its adjusted p-value is below its own threshold (for one shared threshold α:
 * Holm bounds the chance that any column is flagged by chance at α, BH the expected share of
 * flagged columns that did not drift). Distances are effect sizes, not corrected; a column judged
 * alone (one test in the family) reads as `detectDrift`'s.
 */
export function correctDrift(
  measurements: readonly DriftMeasurement[],
  correction: Correction
): DriftResult[] {
  const tested = measurements.map((m, i) => ({ i, p: testPValue(m) })).filter((t) => t.p !== null)
  const adjusted = adjustPValues(
    tested.map((t) => t.p!),
    correction
  )
  const families = new Map(
    tested.map((t, k) => [t.i, { adjusted: adjusted[k], correction, size: tested.length }])
  )
  return measurements.map((m, i) => decideDrift(m, tested.length > 1 ? families.get(i) : undefined))
}

/** A method's outcome: statistic (null if undefined), p-value for tests, and its text for the reason. */
type Measured =
  | { readonly statistic: number; readonly pValue: number | null; readonly text: string }
  | { readonly statistic: null; readonly drifted: boolean; readonly text: string }

function measure(
  method: DriftMethod,
  reference: ColumnSample,
  current: ColumnSample,
  bins: number
): Measured {
  switch (method) {
    case 'ks': {
      const r = ksTwoSample(numericValues(reference), numericValues(current))
      return { statistic: r.statistic, pValue: r.pValue, text: `D = ${format(r.statistic)}` }
    }
    case 'wasserstein': {
      const r = wassersteinDistance(numericValues(reference), numericValues(current))
      if (r.normalized === null) {
        const differs = r.distance > 0
        return {
          statistic: null,
          drifted: differs,
          text:
            'the reference is constant (standard deviation 0), so the normalized distance is undefined; ' +
            (differs
              ? `the current data differs from it (W1 = ${format(r.distance)}): drift`
              : 'the current data equals it: no drift')
        }
      }
      return { statistic: r.normalized, pValue: null, text: `W1 / std = ${format(r.normalized)}` }
    }
    case 'z': {
      const ref = booleanOf(reference)
      const cur = booleanOf(current)
      const r = twoProportionZTest(ref.trues, ref.total, cur.trues, cur.total)
      return {
        statistic: r.statistic,
        pValue: r.pValue,
        text: `rate ${format(r.referenceRate)} -> ${format(r.currentRate)}, z = ${format(r.statistic)}`
      }
    }
    case 'chi2': {
      const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current))
      const r = chiSquareHomogeneity(table.reference, table.current)
      return {
        statistic: r.statistic,
        pValue: r.pValue,
        text: `chi2 = ${format(r.statistic)}, dof = ${r.dof}`
      }
    }
    case 'jensen_shannon': {
      const [ref, cur] = distributions(reference, current, bins)
      const d = jensenShannonDistance(ref, cur)
      return { statistic: d, pValue: null, text: `JS distance = ${format(d)}` }
    }
    case 'psi': {
      const [ref, cur] = distributions(reference, current, bins)
      const psi = populationStabilityIndex(ref, cur)
      return { statistic: psi, pValue: null, text: `PSI = ${format(psi)}` }
    }
  }
}

/** Counts per reference-quantile bin (numeric) or per category (categorical, boolean), aligned. */
function distributions(
  reference: ColumnSample,
  current: ColumnSample,
  bins: number
): [Float64Array, Float64Array] {
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    const edges = quantileEdges(reference.values, bins)
    return [binCounts(reference.values, edges), binCounts(current.values, edges)]
  }
  const table = alignCategories(categoryCountsOf(reference), categoryCountsOf(current))
  return [table.reference, table.current]
}

function numericValues(sample: ColumnSample): ArrayLike<number> {
  if (sample.kind !== 'numeric') throw new RangeError(`expected a numeric sample, got ${sample.kind}`)
  return sample.values
}

function booleanOf(sample: ColumnSample): { trues: number; total: number } {
  if (sample.kind !== 'boolean') throw new RangeError(`expected a boolean sample, got ${sample.kind}`)
  return sample
}

/** Three significant digits; plain notation down to 1e-6, then exponent (JS's own switch). */
function format(x: number): string {
  return String(Number(x.toPrecision(3)))
}

/** Like `format`, but with as many digits as needed for the shown value to fall on the same side of `threshold`. */
function formatAgainst(p: number, threshold: number): string {
  for (let digits = 3; digits < 17; digits++) {
    const shown = Number(p.toPrecision(digits))
    if (p < threshold === shown < threshold && (shown !== threshold || p === threshold)) return String(shown)
  }
  return String(p)
}
