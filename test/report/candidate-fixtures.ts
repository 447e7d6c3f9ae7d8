import { candidateResultFile, RESULT_FILES } from '../../src/documents/result-names.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import type {
  CandidateVerdict,
  GateResult,
  GateStatus,
  Selection,
  VerdictDocument
} from '../../src/gates/verdict.js'
import type { ReportContent } from '../../src/report/pr-report.js'
import { AUDIT, creditBaseline, creditCandidate, creditVerdict } from './report-fixtures.js'

/**
 * Several named candidates, built from the credit documents (test/fixtures/report/credit) the way
 * the contract in src/gates/verdict.ts describes them, in config order:
 * - `gbm-depth4`: passes; the baseline's evaluation with ROC AUC lowered to 0.825 [0.802, 0.848];
 * - `gbm-depth8`: passes; the baseline's evaluation itself (every change 0), ROC AUC 0.830;
 * - `logreg-l1`: the credit candidate, better overall (ROC AUC 0.834) but recall collapses for
 *   Job=partime (0.798 → 0.500): it fails 4 results.
 * `winner`: gbm-depth8 wins, shown better than gbm-depth4; `tie`: the same, not shown better;
 * `none`: gbm-depth4 and gbm-depth8 fail too (Home=priv), so no candidate passes.
 */
export type CandidatesCase = 'winner' | 'tie' | 'none'

const NAMES = ['gbm-depth4', 'gbm-depth8', 'logreg-l1'] as const
type Name = (typeof NAMES)[number]

const FILES: Record<Name, string> = {
  'gbm-depth4': 'predictions/gbm4.csv',
  'gbm-depth8': 'predictions/gbm8.csv',
  'logreg-l1': 'predictions/l1.csv'
}

/** ROC AUC on `all` and its 95% interval, per candidate (gbm-depth4's made up, the rest as evaluated). */
const ROC_AUC: Record<Name, { value: number; ci: [number, number] }> = {
  'gbm-depth4': { value: 0.825085, ci: [0.801906, 0.848265] },
  'gbm-depth8': { value: 0.830196, ci: [0.807017, 0.853376] },
  'logreg-l1': { value: 0.834111, ci: [0.811145, 0.857077] }
}

/** The credit result with the candidate equal to the baseline: a change of 0, judged. */
function unchanged(r: GateResult): GateResult {
  const candidate = r.rule === 'min' ? r.candidate : r.baseline
  const excess = r.rule === 'min' ? r.excess : r.status === 'insufficient' ? null : -r.threshold
  const roc = r.rule === 'min'
  return {
    ...r,
    status: r.status === 'insufficient' ? 'insufficient' : 'pass',
    candidate,
    change: roc ? r.change : 0,
    relative_change: roc ? r.relative_change : 0,
    ci: roc ? r.ci : null,
    confidence: roc ? r.confidence : null,
    excess,
    mde: roc ? r.mde : null,
    power_at_bound: roc ? r.power_at_bound : null,
    detectable: roc ? r.detectable : null,
    reason:
      roc || r.status === 'insufficient'
        ? r.reason
        : `${r.metric} for ${r.segment} did not change (${r.baseline}), allowed drop 0.05: pass`
  }
}

function countsOf(results: readonly GateResult[]): Record<GateStatus, number> {
  const counts: Record<GateStatus, number> = {
    pass: 0,
    fail: 0,
    warn: 0,
    insufficient: 0,
    missing: 0,
    skipped: 0,
    waived: 0
  }
  for (const r of results) counts[r.status]++
  return counts
}

/** The credit results for gbm-depth8: unchanged, or in `none` failing on Home=priv as the credit candidate does. */
function gbmResults(failing: boolean, name: Name): GateResult[] {
  const roc = ROC_AUC[name]
  return creditVerdict().results.map((r) => {
    if (failing && r.segment === 'Home=priv') return r
    const same = unchanged(r)
    if (r.rule !== 'min' || r.baseline === null) return same
    const change = roc.value - r.baseline
    return {
      ...same,
      candidate: roc.value,
      ci: roc.ci,
      excess: r.threshold - roc.value,
      change,
      relative_change: change / r.baseline,
      reason: `roc_auc for all is ${roc.value}, at least 0.75 required: pass`
    }
  })
}

function candidateVerdict(name: Name, results: readonly GateResult[], rank: number | null): CandidateVerdict {
  const fails = results.filter((r) => r.status === 'fail')
  const credit = creditVerdict()
  return {
    name,
    file: FILES[name],
    verdict: fails.length > 0 ? 'fail' : 'pass',
    rank,
    select_value: ROC_AUC[name].value,
    select_ci: ROC_AUC[name].ci,
    headline:
      fails.length > 0
        ? (fails.find((r) => r.segment === 'Job=partime') ?? fails[0]).reason.replace(
            / \(change.*\)|: fail$/g,
            ''
          )
        : `all ${results.filter((r) => r.status === 'pass').length} judged results passed (1 insufficient)`,
    no_evidence: null,
    counts: countsOf(results),
    pairing: credit.pairing,
    results
  }
}

function selection(which: CandidatesCase): Selection {
  const base = { metric: 'roc_auc', segment: 'all', mode: 'significant' as const, higher_is_better: true }
  if (which === 'none') return { ...base, tie: false, reason: 'no candidate passes or warns: none is ranked' }
  return which === 'tie'
    ? {
        ...base,
        tie: true,
        reason:
          'gbm-depth8 leads gbm-depth4 by 0.00511 in roc_auc on all, but the 95% interval of the paired difference ' +
          '[−0.00102, 0.0112] on 1825 ids (Holm over 1 comparison) includes 0: gbm-depth8 wins by point value'
      }
    : {
        ...base,
        tie: false,
        reason:
          'gbm-depth8 leads gbm-depth4 by 0.00511 in roc_auc on all: the 95% interval of the paired difference ' +
          '[0.00201, 0.00821] on 1825 ids (Holm over 1 comparison) lies above 0'
      }
}

/** The verdict document of `which` (see `CandidatesCase`). */
export function candidatesVerdict(which: CandidatesCase): VerdictDocument {
  const none = which === 'none'
  const candidates = [
    candidateVerdict('gbm-depth4', gbmResults(none, 'gbm-depth4'), none ? null : 2),
    candidateVerdict('gbm-depth8', gbmResults(none, 'gbm-depth8'), none ? null : 1),
    candidateVerdict('logreg-l1', creditVerdict().results, null)
  ]
  const shown = none ? candidates[0] : candidates[1]
  return {
    ...creditVerdict(),
    verdict: none ? 'fail' : 'pass',
    headline: none
      ? 'no candidate passes: gbm-depth4: recall for Home=priv fell 0.677 → 0.419, allowed drop 0.05'
      : `gbm-depth8 wins${which === 'tie' ? ' (a tie with gbm-depth4)' : ''}: ${shown.headline}`,
    candidate: shown.file,
    counts: shown.counts,
    results: shown.results,
    pairing: shown.pairing,
    no_evidence: shown.no_evidence,
    notes: [],
    candidates,
    winner: none ? null : 'gbm-depth8',
    selection: selection(which)
  }
}

/** Each candidate's evaluation document, named as its result file. */
export function candidateEvaluations(): Record<Name, EvaluationDocument> {
  const base = creditBaseline()
  const lowered = {
    ...base,
    file: FILES['gbm-depth4'],
    segments: base.segments.map((s) =>
      s.key === 'all' ? { ...s, metrics: { ...s.metrics, roc_auc: ROC_AUC['gbm-depth4'] } } : s
    )
  }
  return {
    'gbm-depth4': lowered,
    'gbm-depth8': { ...base, file: FILES['gbm-depth8'] },
    'logreg-l1': { ...creditCandidate(), file: FILES['logreg-l1'] }
  }
}

/** The results folder of `which`, file name → document, as the gate step writes it in named mode. */
export function candidateDocuments(which: CandidatesCase): Record<string, unknown> {
  const evaluations = candidateEvaluations()
  return {
    [RESULT_FILES.verdict]: candidatesVerdict(which),
    [RESULT_FILES.baseline]: creditBaseline(),
    ...Object.fromEntries(NAMES.map((name) => [candidateResultFile(name), evaluations[name]]))
  }
}

/** The report content of `which`: the shown candidate's evaluation, as the loader finds it. */
export function candidatesContent(which: CandidatesCase, parts: Partial<ReportContent> = {}): ReportContent {
  const evaluations = candidateEvaluations()
  return {
    verdict: candidatesVerdict(which),
    candidate: evaluations[which === 'none' ? 'gbm-depth4' : 'gbm-depth8'],
    baseline: creditBaseline(),
    validations: [],
    audit: AUDIT,
    override: null,
    history: [],
    ...parts
  }
}
