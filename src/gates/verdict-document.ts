/**
 * Results -> the `ml-gate/verdict@1` document: the overall verdict, the counts, the headline and
 * the notes.
 *
 * - Verdict: `fail` if any result is `fail`, or `missing` in a `severity: fail` gate (missing
 *   fails closed); else `warn` if any result is `warn` or `missing` in a `severity: warn` gate;
 *   else `pass`. `skipped` and `waived` never fail the run; an `insufficient` result alone does
 *   not either, but no evidence does.
 * - No evidence (`no_evidence`): no gated result was judged (pass, fail, warn or waived) while at
 *   least one is `insufficient`, or a result on the segment `all` is `insufficient`. Fails the run,
 *   or warns under `on_no_evidence: warn`: an unjudged candidate never passes.
 * - Headline: the most important problem in one line: failures first, the largest `excess` (how
 *   far past its bound) first, ties in config order; with no failure, no evidence comes first.
 */
import type { Config } from '../config/types.js'
import { OVERALL } from '../metrics/segmentation.js'
import { ACROSS_RULES, CHANGE_RULES, decideInterval } from './rules.js'
import type { GateResult, GateStatus, Pairing, Verdict, VerdictDocument } from './verdict.js'
import { expiryNote, isExpired, utcDate } from './waivers.js'
import { showNumber, showPercent, showSigned } from './wording.js'

export const STATUSES: readonly GateStatus[] = [
  'pass',
  'fail',
  'warn',
  'insufficient',
  'missing',
  'skipped',
  'waived'
]

export interface VerdictInput {
  readonly config: Config
  readonly results: readonly GateResult[]
  readonly candidate: string
  readonly baseline: string | null
  readonly pairing: Pairing
  readonly now: Date
  /** Without a baseline: why none was found (said in the notes). */
  readonly baselineMissing?: string
  /** Where ml-gate found the baseline (`baseline_source`); absent for a baseline given as a file. */
  readonly baselineSource?: string
}

/** What a result does to the run: `fail`, `warn` or nothing. */
export function resultWeight(result: GateResult): Verdict {
  if (result.status === 'fail') return 'fail'
  if (result.status === 'missing') return result.severity === 'fail' ? 'fail' : 'warn'
  return result.status === 'warn' ? 'warn' : 'pass'
}

export function verdictDocument(input: VerdictInput): VerdictDocument {
  const { results } = input
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<GateStatus, number>
  for (const r of results) counts[r.status]++
  const weights = results.map(resultWeight)
  const judged: Verdict = weights.includes('fail') ? 'fail' : weights.includes('warn') ? 'warn' : 'pass'
  const why = noEvidence(results)
  const onNoEvidence = input.config.on_no_evidence
  const verdict: Verdict =
    why === null || judged === 'fail' ? judged : onNoEvidence === 'fail' ? 'fail' : 'warn'
  const lacking = why === null ? null : `no evidence: ${why} (on_no_evidence: ${onNoEvidence})`
  return {
    schema: 'ml-gate/verdict@1',
    verdict,
    headline: headline(results, verdict, counts, lacking),
    no_evidence: why,
    candidate: input.candidate,
    baseline: input.baseline,
    paired: input.pairing.paired,
    pairing: input.pairing,
    counts,
    results,
    notes: notes(input),
    ...(input.baselineSource === undefined ? {} : { baseline_source: input.baselineSource })
  }
}

/** The problems, most important first: fails before warns, then by excess (largest first). */
export function rankProblems(results: readonly GateResult[]): GateResult[] {
  const rank = { fail: 0, warn: 1, pass: 2 }
  return results
    .filter((r) => resultWeight(r) !== 'pass')
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        rank[resultWeight(a.r)] - rank[resultWeight(b.r)] ||
        (b.r.excess ?? -Infinity) - (a.r.excess ?? -Infinity) ||
        a.i - b.i
    )
    .map(({ r }) => r)
}

/** The statuses of a result that was judged against its rule. */
const JUDGED: readonly GateStatus[] = ['pass', 'fail', 'warn', 'waived']

/**
 * Why `results` hold no evidence, in words, or `null` when they hold some: a result on `all` is
 * insufficient (the data as a whole cannot answer the gate), or none was judged and some are
 * insufficient.
 *
 * @example noEvidence(tenRows) // 'roc_auc for all: 10 rows, fewer than min_support 30: not judged (and 1 more on all)'
 */
export function noEvidence(results: readonly GateResult[]): string | null {
  const overall = results.filter(
    (r) => r.segment === OVERALL && r.status === 'insufficient' && !ACROSS_RULES.includes(r.rule)
  )
  if (overall.length > 0) {
    const more = overall.length > 1 ? ` (and ${overall.length - 1} more on ${OVERALL})` : ''
    return `${overall[0].reason}${more}`
  }
  const insufficient = results.filter((r) => r.status === 'insufficient')
  if (insufficient.length === 0 || results.some((r) => JUDGED.includes(r.status))) return null
  const others = STATUSES.filter((s) => s !== 'insufficient')
    .map((s) => [s, results.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `, ${n} ${s}`)
    .join('')
  const total = results.length === 1 ? 'the 1 result' : `none of the ${results.length} results`
  return `${total} could ${results.length === 1 ? 'not ' : ''}be judged (${insufficient.length} insufficient${others}); ${insufficient[0].reason}`
}

function headline(
  results: readonly GateResult[],
  verdict: Verdict,
  counts: Record<GateStatus, number>,
  lacking: string | null
): string {
  const top = rankProblems(results)[0]
  if (top !== undefined && resultWeight(top) === 'fail') return summarize(top)
  if (lacking !== null) return lacking
  if (top !== undefined) return summarize(top)
  const judged = counts.pass
  const others = (['insufficient', 'skipped', 'waived'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
  const tail = others.length > 0 ? ` (${others.join(', ')})` : ''
  if (results.length === 0) return 'no gates configured'
  return `${verdict}: ${judged === 1 ? 'the 1 judged result' : `all ${judged} judged results`} passed${tail}`
}

/**
 * One result in one line.
 *
 * @example `recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)`
 */
export function summarize(r: GateResult): string {
  const inconclusive = isInconclusive(r) ? ' (inconclusive)' : ''
  if (r.status === 'missing' || r.candidate === null) return r.reason
  const where = `${r.metric} for ${r.segment}`
  switch (r.rule) {
    case 'min':
    case 'max':
      return `${where} is ${showNumber(r.candidate)}, ${r.rule === 'min' ? 'below the minimum' : 'above the maximum'} ${r.threshold}${inconclusive}`
    case 'max_drop':
    case 'max_relative_drop': {
      const moved = r.change! < 0 ? 'fell' : 'rose'
      const change =
        r.rule === 'max_drop'
          ? `change ${showSigned(r.change!)}, allowed drop ${r.threshold}`
          : `relative change ${r.relative_change! > 0 ? '+' : ''}${showPercent(r.relative_change!)}, allowed relative drop ${showPercent(r.threshold)}`
      return `${where} ${moved} ${showNumber(r.baseline)} → ${showNumber(r.candidate)} (${change})${inconclusive}`
    }
    case 'min_ratio':
      return `${r.metric} across ${r.segment}: ratio lowest/highest ${showNumber(r.candidate)}, below min_ratio ${r.threshold}`
    case 'max_gap':
      return `${r.metric} across ${r.segment}: gap highest−lowest ${showNumber(r.candidate)}, above max_gap ${r.threshold}`
  }
}

/** Every row of both files and of every segment matched: nothing to add to the summary line. */
function isFullyPaired(p: Pairing): boolean {
  return (
    p.paired &&
    p.matched === p.candidate_rows &&
    p.matched === p.baseline_rows &&
    p.unpaired_segments.length === 0
  )
}

/**
 * The pairing in a few words, for the line under the headline.
 *
 * @example `paired by id on all 1825 rows`, `paired by id on the 900 shared ids (candidate 1000 rows, baseline 950)`
 */
export function pairingSummary(p: Pairing): string {
  if (!p.paired) return 'unpaired'
  const rows =
    p.matched === p.candidate_rows && p.matched === p.baseline_rows
      ? `paired by id on all ${p.matched} rows`
      : `paired by id on the ${p.matched} shared ids (candidate ${p.candidate_rows} rows, baseline ${p.baseline_rows})`
  const k = p.unpaired_segments.length
  return k === 0 ? rows : `${rows}; ${k} segment${k === 1 ? '' : 's'} unpaired`
}

/** A significant-mode result whose interval straddles its bound. */
export function isInconclusive(r: GateResult): boolean {
  return (
    r.status === 'warn' &&
    r.mode === 'significant' &&
    r.ci !== null &&
    decideInterval({ kind: r.rule, threshold: r.threshold }, r.ci) === 'inconclusive'
  )
}

function notes(input: VerdictInput): string[] {
  const { config, results } = input
  const out: string[] = []
  const changeRules = results.filter((r) => CHANGE_RULES.includes(r.rule))
  if (input.baseline === null && changeRules.length > 0) {
    const why = input.baselineMissing === undefined ? 'no baseline' : `no baseline (${input.baselineMissing})`
    out.push(
      config.on_missing_baseline === 'fail'
        ? `${why}: the ${changeRules.length} results comparing with it are missing (on_missing_baseline: fail)`
        : `${why}: the ${changeRules.length} results comparing with it were skipped (set model.baseline, or on_missing_baseline: fail to require one)`
    )
  }
  if (input.baseline !== null && changeRules.length > 0 && !isFullyPaired(input.pairing)) {
    out.push(input.pairing.reason)
  }
  const today = utcDate(input.now)
  config.waivers.forEach((waiver, i) => {
    if (isExpired(waiver, today)) out.push(expiryNote(waiver, i))
  })
  return out
}
