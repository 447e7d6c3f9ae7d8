/**
 * The ml-gate.yml configuration, as `loadConfig` returns it: validated against
 * schemas/config.schema.json, defaults applied (fields with a default are not optional here), and
 * every path resolved against the config file's directory. The schema's descriptions are the
 * reference documentation of each field.
 */

export type TaskKind = 'binary' | 'multiclass' | 'regression'
export type DataFormat = 'csv' | 'jsonl' | 'json' | 'parquet'
export type Delimiter = ',' | ';' | '\t' | '|'
export type DriftMethod = 'auto' | 'ks' | 'chi2' | 'z' | 'wasserstein' | 'jensen_shannon' | 'psi'
export type FailOn = 'error' | 'warn' | 'never'
export type GateMode = 'point' | 'significant'
export type Severity = 'fail' | 'warn'
/** Multiple-testing correction of a family of tests (`src/drift/multiple-testing.ts`). */
export type Correction = 'holm' | 'bh' | 'none'

export interface Config {
  readonly version: 1
  readonly data: readonly DatasetConfig[]
  /** Absent: no model is evaluated. */
  readonly model?: ModelConfig
  /** Absent: metrics are computed on the whole data only. */
  readonly segments?: SegmentsConfig
  readonly evaluation: EvaluationConfig
  readonly gates: readonly GateConfig[]
  /** What gates comparing against the baseline do without one. Default `skip`. */
  readonly on_missing_baseline: 'skip' | 'fail'
  /**
   * What a run with no evidence is (no gated result could be judged, or a result on `all` lacks
   * support): `fail` (default) or `warn`.
   */
  readonly on_no_evidence: 'fail' | 'warn'
  readonly waivers: readonly WaiverConfig[]
  /** How `ml-gate canary` judges a canary release; absent: its gates only. */
  readonly canary?: CanaryConfig
  readonly report: ReportConfig
  /** Absent: no monitoring (`ml-gate monitor` refuses to run). */
  readonly monitor?: MonitorConfig
  /** How named candidates are ranked; absent: the default of `selection.ts` (`selectionOf`). */
  readonly select?: SelectConfig
}

export interface DatasetConfig {
  /** A file or a glob. */
  readonly path: string
  readonly contract?: string
  readonly reference?: string
  /** Absent: guessed from the file extension. */
  readonly format?: DataFormat
  /** Absent: detected from the header line. */
  readonly delimiter?: Delimiter
  readonly missing?: readonly string[]
  readonly drift?: DriftConfig
  /** Default `error`. */
  readonly fail_on: FailOn
}

export interface DriftConfig {
  /** Default `auto`. */
  readonly method: DriftMethod
  /** Absent: the method's own default. */
  readonly threshold?: number
  /** Across the p-value tests (ks, chi2, z) of the dataset's columns. Default `holm`. */
  readonly correction: Correction
}

export interface ModelConfig {
  readonly task: TaskKind
  /** Absent: the candidate comes by flag or input (`--candidate`, `candidate`). */
  readonly predictions?: string
  /** Several named candidates, instead of `predictions` (both: an error at load). */
  readonly candidates?: readonly CandidateConfig[]
  /**
   * A predictions file or an evaluation JSON document, or the Actions artifact of the default
   * branch's results to find at the pull request's merge base (only the actions can fetch it).
   */
  readonly baseline?: string | BaselineArtifact
  readonly label: string
  readonly score?: string
  /** Default `score_`. */
  readonly score_prefix: string
  readonly prediction?: string
  /** Default `1`. */
  readonly positive: string | number | boolean
  /** In [0, 1], default 0.5. */
  readonly threshold: number
  readonly weight?: string
  readonly id?: string
}

/** `model.baseline: { artifact: NAME }`: the results uploaded under NAME by the default branch's runs. */
export interface BaselineArtifact {
  readonly artifact: string
}

/** A named candidate: `name` matches `[A-Za-z0-9._-]+` and is unique (checked at load). */
export interface CandidateConfig {
  readonly name: string
  /** A predictions file or an evaluation document. */
  readonly predictions: string
}

export interface SelectConfig {
  /** A catalog metric with a better direction (checked with the gates, `checkGates`). */
  readonly metric: string
  /** Default `all`. */
  readonly segment: string
  /** Default `point`. */
  readonly mode: GateMode
}

export interface SegmentsConfig {
  /** Default `[]`. */
  readonly columns: readonly string[]
  /** Column -> at least 2 strictly increasing edges. Default `{}`. */
  readonly bins: Readonly<Record<string, readonly number[]>>
  /** Each entry at least 2 distinct columns. Default `[]`. */
  readonly cross: readonly (readonly string[])[]
  /** Integer >= 1, default 30. */
  readonly min_support: number
}

export interface EvaluationConfig {
  /** In (0, 1), default 0.95. */
  readonly confidence: number
  /** Integer >= 100, default 1000. */
  readonly bootstrap: number
  /** Integer, default 42. */
  readonly seed: number
}

/**
 * One gate. The schema guarantees at least one of `min`, `max`, `max_drop`,
 * `max_relative_drop`, `min_ratio`, `max_gap`; that `min_ratio` and `max_gap` come with `across`;
 * and that `across` comes with `per_segment: false`. The metric name is not checked here.
 */
export interface GateConfig {
  readonly metric: string
  readonly name?: string
  readonly min?: number
  readonly max?: number
  /** >= 0, in the metric's units. */
  readonly max_drop?: number
  /** >= 0, a fraction of the baseline value. */
  readonly max_relative_drop?: number
  /** `false` (default): overall only; `true`: every segment; a column name; or segment keys. */
  readonly per_segment: boolean | string | readonly string[]
  /** Default `point`. */
  readonly mode: GateMode
  /** Across the segments of each rule in significant mode. Default `holm`. */
  readonly correction: Correction
  readonly across?: string
  /** In [0, 1]; only with `across`. */
  readonly min_ratio?: number
  /** >= 0; only with `across`. */
  readonly max_gap?: number
  /** Default `fail`. */
  readonly severity: Severity
  /** Default `fail`. */
  readonly on_missing: 'fail' | 'skip'
}

/** At least one of `metric` and `segment` is present. */
export interface WaiverConfig {
  readonly metric?: string
  readonly segment?: string
  readonly reason: string
  /** YYYY-MM-DD, a real calendar date; absent: never expires. */
  readonly expires?: string
}

export interface CanaryConfig {
  /** Default `[]`. */
  readonly outcomes: readonly CanaryOutcomeConfig[]
}

/** A continuous outcome of the logs (latency, revenue), compared by its Hodges–Lehmann shift. */
export interface CanaryOutcomeConfig {
  readonly column: string
  /** Default: the column. */
  readonly name?: string
  readonly better: 'lower' | 'higher'
  /** >= 0, in the column's units: the largest degradation allowed. */
  readonly max_shift: number
}

export interface ReportConfig {
  /** Default: the config file path as given to `loadConfig`. */
  readonly comment_key: string
  readonly check_name?: string
  /** Default `ml-gate-results`, resolved against the config's directory. */
  readonly output: string
}

/**
 * `monitor:`: production prediction logs by window against a reference (`ml-gate monitor`). The
 * times of `reference.from`/`to` are parsed, and metric names checked, by src/monitor.
 */
export interface MonitorConfig {
  /** A file or a glob, resolved against the config's directory. */
  readonly logs: string
  /** The time column. */
  readonly time: string
  /** A duration (`1d`, `12h`, `2w`) or a row count. */
  readonly window: string | number
  readonly reference: MonitorReference
  /** Default `[]`; the score is always measured. */
  readonly features: readonly string[]
  readonly drift?: DriftConfig
  /** Judge the config's segments too. Default `true`. */
  readonly segments: boolean
  /** Positive rate and mean score checks. Default `true`. */
  readonly rates: boolean
  /** Default `holm`. */
  readonly correction: Correction
  /** Default `[]`. */
  readonly gates: readonly MonitorGateConfig[]
}

/** A file (resolved against the config's directory), the first period or rows, or a period. */
export type MonitorReference =
  string | { readonly first: string | number } | { readonly from: string; readonly to: string }

/** At least one of `min`, `max`, `max_drop`. */
export interface MonitorGateConfig {
  readonly metric: string
  readonly min?: number
  readonly max?: number
  readonly max_drop?: number
  /** Default `false`. */
  readonly per_segment: boolean
}
