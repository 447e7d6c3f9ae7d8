/**
 * The drift methods ml-gate knows, with the metadata a gate and a report need: which column kinds
 * each applies to, whether it is a test (decides on a p-value) or a distance (decides on an
 * effect size), and its default threshold with the reason for it.
 */

export type DriftMethod = 'ks' | 'chi2' | 'z' | 'wasserstein' | 'jensen_shannon' | 'psi'

/** What a column holds, as far as drift is concerned. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean'

export interface DriftMethodInfo {
  /** Human name for reports. */
  readonly label: string
  /**
   * `test`: drifted when `p_value < threshold` (a significance level).
   * `distance`: drifted when `statistic >= threshold` (an effect size; higher means more drift).
   */
  readonly decision: 'test' | 'distance'
  readonly kinds: readonly ColumnKind[]
  readonly defaultThreshold: number
  /** Why this default. */
  readonly thresholdReason: string
}

export const DRIFT_METHODS: Readonly<Record<DriftMethod, DriftMethodInfo>> = {
  ks: {
    label: 'Kolmogorov–Smirnov test',
    decision: 'test',
    kinds: ['numeric'],
    defaultThreshold: 0.05,
    thresholdReason: 'the conventional 5% significance level'
  },
  chi2: {
    label: 'chi-square test',
    decision: 'test',
    kinds: ['categorical', 'boolean'],
    defaultThreshold: 0.05,
    thresholdReason: 'the conventional 5% significance level'
  },
  z: {
    label: 'two-proportion z-test',
    decision: 'test',
    kinds: ['boolean'],
    defaultThreshold: 0.05,
    thresholdReason: 'the conventional 5% significance level'
  },
  wasserstein: {
    label: 'normalized Wasserstein distance',
    decision: 'distance',
    kinds: ['numeric'],
    defaultThreshold: 0.1,
    thresholdReason:
      'a shift of a tenth of a reference standard deviation (the default of Evidently, same normalization)'
  },
  jensen_shannon: {
    label: 'Jensen–Shannon distance',
    decision: 'distance',
    kinds: ['numeric', 'categorical', 'boolean'],
    defaultThreshold: 0.1,
    thresholdReason: 'the default of Evidently; e.g. a 50/50 split moving to about 62/38'
  },
  psi: {
    label: 'population stability index',
    decision: 'distance',
    kinds: ['numeric', 'categorical', 'boolean'],
    defaultThreshold: 0.2,
    thresholdReason: 'the conventional reading of PSI: 0.1–0.2 moderate, >= 0.2 a significant shift'
  }
}

/** The methods that apply to a kind of column, in the order of DRIFT_METHODS. */
export function methodsFor(kind: ColumnKind): DriftMethod[] {
  return (Object.keys(DRIFT_METHODS) as DriftMethod[]).filter((m) => DRIFT_METHODS[m].kinds.includes(kind))
}
