/**
 * Several named candidates -> one `ml-gate/verdict@1` document: each candidate's own verdict
 * (`candidates`), the selection (`select.ts`) and, at the top level, the winner's verdict, or
 * with no winner the first candidate's fields under the verdict `fail`.
 */
import type { SelectConfig } from '../config/types.js'
import type { ModelResults } from './model-results.js'
import { selectWinner } from './select.js'
import type { CandidateVerdict, VerdictDocument } from './verdict.js'
import { showNumber } from './wording.js'

/** One named candidate, judged (`verdictDocument` of its own results). */
export interface JudgedCandidate {
  readonly name: string
  readonly verdict: VerdictDocument
  /** Its whole evaluation, which the selection metric is read from. */
  readonly results: ModelResults
}

/**
 * The document of several named candidates (at least one), as the `VerdictDocument` fields
 * `candidates`, `winner` and `selection` describe.
 *
 * Headline: `<winner> wins: <why>; <its headline>` (with `(tie)` when flagged), or
 * `no candidate passes: <name>: <its headline>; …`.
 */
export function candidatesVerdict(
  judged: readonly JudgedCandidate[],
  settings: SelectConfig,
  confidence: number
): VerdictDocument {
  const outcome = selectWinner(
    judged.map((j) => ({ name: j.name, verdict: j.verdict.verdict, results: j.results })),
    settings,
    confidence
  )
  const candidates: CandidateVerdict[] = judged.map(({ name, verdict: v }, i) => ({
    name,
    file: v.candidate,
    verdict: v.verdict,
    ...outcome.placings[i],
    headline: v.headline,
    no_evidence: v.no_evidence,
    counts: v.counts,
    pairing: v.pairing,
    results: v.results
  }))
  const index = judged.findIndex((j) => j.name === outcome.winner)
  const top = judged[Math.max(index, 0)].verdict
  const { selection, winner } = outcome
  const headline =
    winner === null
      ? `no candidate passes: ${judged.map((j) => `${j.name}: ${j.verdict.headline}`).join('; ')}`
      : `${winner} wins${selection.tie ? ' (tie)' : ''} on ${selection.metric} for ${selection.segment} ` +
        `(${describeRank(candidates, winner)}); ${top.headline}`
  return {
    ...top,
    verdict: winner === null ? 'fail' : top.verdict,
    headline,
    candidates,
    winner,
    selection
  }
}

/** `0.812, best of 2 that pass or warn; 1 fails` */
function describeRank(candidates: readonly CandidateVerdict[], winner: string): string {
  const value = candidates.find((c) => c.name === winner)!.select_value
  const ranked = candidates.filter((c) => c.rank !== null).length
  const failing = candidates.filter((c) => c.verdict === 'fail').length
  const of = ranked === 1 ? 'the only one ranked' : `best of ${ranked} ranked`
  return `${showNumber(value)}, ${of}${failing > 0 ? `; ${failing} fail${failing === 1 ? 's' : ''}` : ''}`
}
