import { ExitCode } from '../errors.js'

/**
 * The gate's result: one `GateResult` per gate and segment, and the overall verdict. This is the
 * `ml-gate/verdict@1` document (schemas/verdict.schema.json) that the report renders and the
 * check run's conclusion follows.
 */

/**
 * - `pass` / `fail`: the rule held / was broken (in `significant` mode: the whole interval lies
 *   within / beyond the bound);
 * - `warn`: a `severity: warn` gate failed, or a significant-mode result is inconclusive;
 * - `insufficient`: not judged: fewer rows or less support of the metric than `min_support`, or
 *   a value that is undefined, a zero-division convention or not finite;
 * - `missing`: the metric or segment is not in the evaluation (fails closed unless `on_missing: skip`);
 * - `skipped`: not applicable here, e.g. a change gate without a baseline;
 * - `waived`: a failure turned off by an unexpired waiver, which is shown with its reason.
 */
export type GateStatus = 'pass' | 'fail' | 'warn' | 'insufficient' | 'missing' | 'skipped' | 'waived'

/** Overall: `fail` if any result fails, else `warn` if any warns, else `pass`. */
export type Verdict = 'pass' | 'warn' | 'fail'

export type RuleKind = 'min' | 'max' | 'max_drop' | 'max_relative_drop' | 'min_ratio' | 'max_gap'

export interface GateResult {
  /** The gate's `name`, or a generated label such as `recall max_drop 0.05`. */
  readonly gate: string
  /** Position of the gate in the config's `gates` list. */
  readonly gate_index: number
  readonly metric: string
  /** A segment key (`all`, `Job=partime`), or for an `across` gate the column (`Job`). */
  readonly segment: string
  readonly status: GateStatus
  readonly rule: RuleKind
  /** The bound as configured. */
  readonly threshold: number
  readonly mode: 'point' | 'significant'
  readonly severity: 'fail' | 'warn'
  /** The candidate's value of the gated metric (for `across` gates: the ratio or gap). */
  readonly candidate: number | null
  readonly baseline: number | null
  /** `candidate − baseline`. */
  readonly change: number | null
  /** `(candidate − baseline) / |baseline|` (so a fall reads negative even for a negative baseline); `null` when it is 0. */
  readonly relative_change: number | null
  /** Rows of the segment in the candidate's evaluation (`null` for `across` gates and missing segments). */
  readonly n: number | null
  /**
   * The candidate's support of the metric: the rows of positive weight in its own denominator
   * (positives for recall, see the catalog), unweighted, which `min_support` bounds. `null` for
   * `across` gates, missing segments and documents that do not state it.
   */
  readonly support: number | null
  /** For a change rule, the baseline's support of the metric (bounded by `min_support` too); else `null`. */
  readonly baseline_support: number | null
  /**
   * Interval of the quantity gated, in the units of `threshold`: the value (`min`, `max`), the drop
   * (`max_drop`: positive = worse) or the relative drop (`max_relative_drop`). `null` for `across`
   * gates and when no interval exists.
   */
  readonly ci: readonly [number, number] | null
  /** The confidence level of `ci`: the configured level, or in significant mode the corrected one (`family.ts`). */
  readonly confidence: number | null
  /**
   * Significant mode: the two-sided p-value of "the quantity gated lies exactly on the bound"
   * (normal approximation from `ci` at the configured level) and its value adjusted by the gate's
   * `correction` across the segments of the rule (`none`: the p-value itself). `null` in point mode.
   */
  readonly p_value: number | null
  readonly adjusted_p_value: number | null
  /**
   * How far past the bound the quantity is, in the metric's units, positive when on the failing
   * side (for sorting reports: worst first). `null` when there is no value.
   */
  readonly excess: number | null
  /**
   * The correction of the family this result was judged in (`holm`, `bh`, `none`: the gate's
   * `correction`, see `family.ts`). `null` in point mode, and for a result in no family (not
   * judged, or compared as a point value for want of an interval).
   */
  readonly correction: 'holm' | 'bh' | 'none' | null
  /**
   * The size of that family: the segments of this gate's rule judged on an interval, summed over
   * every candidate when there are several (`judgeCandidates`); `null` when `correction` is.
   */
  readonly family: number | null
  /**
   * Minimum detectable effect, in the units of `threshold`, at this result's level (`confidence`)
   * and 80% power: `(z_{1−α′/2} + z_{0.8}) · se`, `se = (ci[1] − ci[0]) / (2·z_{1−α′/2})`, α′ =
   * 1 − `confidence` (see `power.ts`). For a change rule: the smallest drop (or relative drop) the
   * data could tell from no change; for `min` / `max`: how far from the bound the value must lie
   * to be decided. `null` without `ci` (not judged, missing, `across` gates, counts).
   */
  readonly mde: number | null
  /**
   * Change rules (`max_drop`, `max_relative_drop`): the power to detect a change equal to the
   * allowed bound, `Φ(threshold / se − z_{1−α′/2})`; `null` for `min` / `max` and without `ci`.
   */
  readonly power_at_bound: number | null
  /**
   * Change rules: `false` when `mde` exceeds `DETECTABLE_FACTOR` (2) × `threshold`, "too small to
   * judge this bound"; `true` otherwise; `null` when `power_at_bound` is.
   */
  readonly detectable: boolean | null
  /** The full explanation: metric, segment, values, bound, formula, decision. */
  readonly reason: string
  readonly waiver?: { readonly reason: string; readonly expires: string | null }
}

export interface VerdictDocument {
  readonly schema: 'ml-gate/verdict@1'
  readonly verdict: Verdict
  /** The one line that matters most, e.g. `recall for Job=partime fell 0.798 → 0.500, allowed drop 0.05`. */
  readonly headline: string
  readonly candidate: string
  readonly baseline: string | null
  /** `pairing.paired`: whether changes were computed on rows paired by `model.id`. */
  readonly paired: boolean
  readonly pairing: Pairing
  /**
   * Why there is no evidence (no gated result judged, or a result on `all` insufficient: see
   * `on_no_evidence`), or `null` when there is. With it the verdict is `fail`, or at least `warn`
   * under `on_no_evidence: warn`.
   */
  readonly no_evidence: string | null
  readonly counts: Readonly<Record<GateStatus, number>>
  readonly results: readonly GateResult[]
  /** Things the user should know: no baseline, unpaired fallback, expired waivers. */
  readonly notes: readonly string[]
  /**
   * Several named candidates only (`model.candidates`, `--candidate NAME=FILE`; absent otherwise):
   * each one's verdict against the baseline, in config order. The top-level `candidate`, `results`,
   * `counts`, `pairing` and `no_evidence` then describe the winner, or with no winner the first
   * candidate; `verdict` is the winner's, or `fail` when no candidate passes or warns.
   */
  readonly candidates?: readonly CandidateVerdict[]
  /** The candidate to ship: rank 1 of those that pass or warn; `null` when none does. Present with `candidates`. */
  readonly winner?: string | null
  /** How the candidates that pass or warn were ranked. Present with `candidates`. */
  readonly selection?: Selection
  /**
   * Where the baseline came from, in words, when ml-gate found it itself (e.g. `artifact
   * ml-gate-baseline of run 123 at abc1234, the merge base`); absent for a baseline given as a file.
   */
  readonly baseline_source?: string
}

/** One of several named candidates: its own verdict, judged in families that span every candidate. */
export interface CandidateVerdict {
  /** `[A-Za-z0-9._-]+`, unique: it names the candidate's result file (`candidateResultFile`). */
  readonly name: string
  readonly file: string
  readonly verdict: Verdict
  /** 1 = best of the candidates that pass or warn, by the selection metric; `null` for one that fails. */
  readonly rank: number | null
  /** The selection metric on the selection segment; `null` when it is undefined or missing. */
  readonly select_value: number | null
  /** Its interval at the configured confidence; `null` when there is none. */
  readonly select_ci: readonly [number, number] | null
  readonly headline: string
  readonly no_evidence: string | null
  readonly counts: Readonly<Record<GateStatus, number>>
  readonly pairing: Pairing
  readonly results: readonly GateResult[]
}

/** How the candidates that pass or warn are ranked (`select:` in ml-gate.yml). */
export interface Selection {
  readonly metric: string
  readonly segment: string
  readonly mode: 'point' | 'significant'
  /** From the metric catalog. */
  readonly higher_is_better: boolean
  /**
   * The leader was not shown better than every other candidate that passes or warns (significant
   * mode), or equals one of them (point mode): it is still the winner, by point value, flagged.
   */
  readonly tie: boolean
  /** Who leads, by how much, compared how (paired on N ids, or unpaired) and at which level. */
  readonly reason: string
}

/** On which rows candidate and baseline were compared (rules: `pairing.ts`). */
export interface Pairing {
  /** Changes were computed on the same rows of both files, matched by `model.id`. */
  readonly paired: boolean
  /** Ids in both files: the rows every change was computed on; `null` when rows were not matched. */
  readonly matched: number | null
  readonly candidate_rows: number
  /** `null` without a baseline. */
  readonly baseline_rows: number | null
  /** Segments whose rows differ between the two files: their changes are unpaired. */
  readonly unpaired_segments: readonly string[]
  /** What was done, with the counts, in a sentence. */
  readonly reason: string
}

/** `fail` exits 1; `warn` is reported but exits 0, like `pass`. */
export function verdictExitCode(verdict: Verdict): ExitCode {
  return verdict === 'fail' ? ExitCode.GateFailed : ExitCode.Pass
}
