/**
 * Several named candidates as a reviewer compares them: ranked first (the winner on top), then
 * those that fail, each with its selection value and its failures worst first. Shared by the
 * markdown leaderboard (`leaderboard.ts`) and the terminal text (`verdict-text.ts`).
 */
import type { CandidateVerdict, GateResult, Selection, VerdictDocument } from '../gates/verdict.js'
import { groupResults } from './result-groups.js'

export interface BoardRow {
  readonly candidate: CandidateVerdict
  readonly winner: boolean
  /** Its `fail` and `missing` results, worst first (as the report's failing table). */
  readonly failures: readonly GateResult[]
}

/** The leaderboard of a verdict with several named candidates; `null` in unnamed mode. */
export interface Board {
  readonly rows: readonly BoardRow[]
  readonly winner: string | null
  readonly selection: Selection | null
  /** The candidate the verdict's top-level fields describe: the winner, else the first. */
  readonly shown: CandidateVerdict
}

/**
 * The board of `verdict`: candidates that pass or warn by rank, then the others in config order;
 * `null` when the verdict has no `candidates` (one unnamed candidate: the report reads as before).
 */
export function candidateBoard(verdict: VerdictDocument | null): Board | null {
  const candidates = verdict?.candidates
  if (verdict === null || candidates === undefined || candidates.length === 0) return null
  const winner = verdict.winner ?? null
  const ranked = candidates.filter((c) => c.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  const rows = [...ranked, ...candidates.filter((c) => c.rank === null)].map((c) => ({
    candidate: c,
    winner: c.name === winner,
    failures: groupResults(c.results).failing
  }))
  return {
    rows,
    winner,
    selection: verdict.selection ?? null,
    shown: candidates.find((c) => c.name === winner) ?? candidates[0]
  }
}

/** Failures listed per candidate that neither wins nor is described in full (no winner). */
export const FIRST_FAILURES = 3

/** The candidates with failures besides `board.shown`, whose failures the details show in full. */
export function otherFailing(board: Board): BoardRow[] {
  return board.rows.filter((r) => r.candidate.name !== board.shown.name && r.failures.length > 0)
}

/** `recall for Job=partime`: a failing result in a few words (unescaped). */
export function failureWords(r: GateResult): string {
  return `${r.metric} for ${r.segment}`
}

/** `roc_auc on all, higher is better, significant mode`: how the candidates were ranked. */
export function selectionWords(s: Selection): string {
  return `${s.metric} on ${s.segment}, ${s.higher_is_better ? 'higher' : 'lower'} is better, ${s.mode} mode`
}
