/**
 * The verdict for a terminal or a CI log: the verdict and its headline first, one line per gate
 * rule with its counts, then the problems (worst first) with the full reason of each, then the
 * notes. Passing segments are counted, not listed, so a per-segment gate stays a few lines.
 */
import type { GateResult, GateStatus, VerdictDocument } from '../gates/verdict.js'
import { pairingSummary, rankProblems, STATUSES } from '../gates/verdict-document.js'
import { showInterval, showNumber, showSigned } from '../gates/wording.js'
import { renderTextTable } from './text-table.js'
import {
  candidateBoard,
  failureWords,
  FIRST_FAILURES,
  otherFailing,
  selectionWords,
  type Board,
  type BoardRow
} from './candidate-board.js'

/** Warnings listed in full; the rest are counted. */
const MAX_WARNINGS = 5

/** `15 pass, 2 fail, 4 insufficient`: the non-zero counts in status order. */
export function countsText(counts: Readonly<Record<GateStatus, number>>): string {
  return STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ')
}

/** One line per gate rule: its label and how its results came out. */
function gateLines(results: readonly GateResult[]): string[] {
  const groups = new Map<string, GateResult[]>()
  for (const r of results) {
    const key = `${r.gate_index}\u0000${r.rule}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [r])
    else group.push(r)
  }
  const lines = [...groups.values()].map((group) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<GateStatus, number>
    for (const r of group) counts[r.status]++
    const only = group.length === 1 ? ` (${group[0].segment} ${showNumber(group[0].candidate)})` : ''
    return [group[0].gate, `${countsText(counts)}${only}`]
  })
  const width = lines.reduce((w, [label]) => Math.max(w, label.length), 0)
  return lines.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`)
}

function problemRow(r: GateResult): string[] {
  return [
    r.status.toUpperCase(),
    r.gate,
    r.segment,
    showNumber(r.candidate),
    showNumber(r.baseline),
    r.change === null ? '—' : showSigned(r.change),
    r.ci === null ? '—' : `[${showNumber(r.ci[0])}, ${showNumber(r.ci[1])}]`
  ]
}

function boardRow(r: BoardRow): string[] {
  const c = r.candidate
  const worst = r.failures[0]
  return [
    c.rank === null ? '—' : `${c.rank}${r.winner ? ' winner' : ''}`,
    c.name,
    c.verdict,
    showNumber(c.select_value),
    c.select_ci === null ? '—' : showInterval(c.select_ci),
    worst === undefined ? '0' : `${r.failures.length}: ${failureWords(worst)}`
  ]
}

/**
 * The leaderboard of several candidates: ranked, the winner marked, the selection's reason (a tie
 * said first), and with no winner the first failures of each candidate the details do not cover.
 */
function boardLines(board: Board): string[] {
  const s = board.selection
  const lines = [
    s === null ? 'Candidates:' : `Candidates, ranked by ${selectionWords(s)}:`,
    renderTextTable(
      ['rank', 'candidate', 'verdict', s?.metric ?? 'selection', 'interval', 'failures'],
      board.rows.map(boardRow),
      ['left', 'left', 'left', 'right', 'left', 'left']
    ).trimEnd()
  ]
  if (s !== null) lines.push(`${s.tie ? 'Tie' : 'Selection'}: ${s.reason}`)
  if (board.winner === null) {
    lines.push(`No candidate passes; the details below are of the first, ${board.shown.name}.`)
    for (const r of otherFailing(board)) {
      const more = r.failures.length - FIRST_FAILURES
      lines.push(`${r.candidate.name}: ${r.failures.length} failing`)
      for (const f of r.failures.slice(0, FIRST_FAILURES))
        lines.push(`  ${f.status.toUpperCase()} ${f.reason}`)
      if (more > 0) lines.push(`  … and ${more} more in the JSON (--json)`)
    }
  }
  return [...lines, '']
}

/**
 * Renders a verdict document as plain text. With several named candidates the second line names
 * the one the details are of (the winner, else the first) and the leaderboard follows it.
 *
 * @example
 * // FAIL: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)
 * // candidate …/candidate.csv vs baseline …/baseline.csv (paired by id on all 1825 rows)
 * //
 * // Gates:
 * //   roc_auc min 0.75      1 pass (all 0.834)
 * //   recall max_drop 0.05  17 pass, 2 fail, 2 insufficient
 * // …
 */
export function renderVerdictText(document: VerdictDocument): string {
  const board = candidateBoard(document)
  const candidate =
    board === null
      ? `candidate ${document.candidate}`
      : `${board.winner === null ? 'first candidate' : 'winner'} ${board.shown.name} (${document.candidate})`
  let out = [
    `${document.verdict.toUpperCase()}: ${document.headline}`,
    document.baseline === null
      ? `${candidate}, no baseline`
      : `${candidate} vs baseline ${document.baseline} (${pairingSummary(document.pairing)})`,
    '',
    ...(board === null ? [] : boardLines(board))
  ]
  if (document.results.length > 0) out = out.concat('Gates:', gateLines(document.results), '')
  const ranked = rankProblems(document.results)
  // Every failure is listed; warnings (often inconclusive segments) only the worst few.
  const fails = ranked.filter((r) => r.status === 'fail' || (r.status === 'missing' && r.severity === 'fail'))
  const problems = [...fails, ...ranked.slice(fails.length, fails.length + MAX_WARNINGS)]
  const hidden = ranked.length - problems.length
  if (problems.length > 0) {
    out = out.concat(
      renderTextTable(
        ['status', 'gate', 'segment', 'candidate', 'baseline', 'change', 'interval'],
        problems.map(problemRow),
        ['left', 'left', 'left', 'right', 'right', 'right', 'left']
      ).trimEnd(),
      '',
      'Why:',
      problems.map((r) => `  ${r.status.toUpperCase()} ${r.reason}`),
      hidden > 0
        ? [`  … and ${hidden} more warning${hidden === 1 ? '' : 's'}: every result is in the JSON (--json)`]
        : [],
      ''
    )
  }
  const waived = document.results.filter((r) => r.status === 'waived')
  if (waived.length > 0)
    out = out.concat(
      'Waived:',
      waived.map((r) => `  ${r.reason}`),
      ''
    )
  if (document.notes.length > 0)
    out = out.concat(
      'Notes:',
      document.notes.map((n) => `  - ${n}`),
      ''
    )
  out.push(`Results: ${countsText(document.counts) || 'none'}`)
  return `${out.join('\n')}\n`
}
