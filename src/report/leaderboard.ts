/**
 * The opening of a report on several named candidates: who wins, by what, and what kept the others
 * out, in one table that fits a 780 px comment; the winner's details follow it as for one candidate.
 */
import { markdownTable } from 'markdown-table'
import type { GateResult } from '../gates/verdict.js'
import { escapeClipped } from '../text/escape.js'
import {
  failureWords,
  FIRST_FAILURES,
  otherFailing,
  selectionWords,
  type Board,
  type BoardRow
} from './candidate-board.js'
import { interval, level, value } from './cells.js'
import { resultTable, STATUS_TEXT, tableCaption } from './result-table.js'

const text = escapeClipped

/** Longest candidate name in a cell, and segment in a failure cell: the table stays 780 px wide. */
const NAME_LENGTH = 30
const FAILURE_LENGTH = 40

/** `4: recall for Job=partime`: how many failed and the worst, escaped; `0` when none did. */
function failuresCell(failures: readonly GateResult[]): string {
  const worst = failures[0]
  return worst === undefined ? '0' : `${failures.length}: ${text(failureWords(worst), FAILURE_LENGTH)}`
}

function row(r: BoardRow): string[] {
  const c = r.candidate
  const name = text(c.name, NAME_LENGTH)
  return [
    c.rank === null ? '—' : r.winner ? `🏆 ${c.rank}` : String(c.rank),
    r.winner ? `**${name}**` : name,
    STATUS_TEXT[c.verdict],
    value(c.select_value),
    interval(c.select_ci),
    failuresCell(r.failures)
  ]
}

/** `🏆 Candidates: gbm-depth8 wins`, with a tie or no winner said as such. */
function heading(board: Board): string {
  const n = board.rows.length
  if (board.winner === null) return `### ❌ Candidates: none of the ${n} passes`
  const name = text(board.winner, NAME_LENGTH)
  return board.selection?.tie === true
    ? `### ⚖️ Candidates: ${name} wins a tie (of ${n})`
    : `### 🏆 Candidates: ${name} wins (of ${n})`
}

/**
 * The leaderboard: a heading naming the winner (or that none passes), a caption with the ranking
 * and the intervals' level (`confidence`, the evaluation's; `null`: not stated), the table (rank,
 * the winner marked 🏆 and in bold; verdict; selection value and interval; failures with the worst
 * named) of at most `rows` candidates, and the selection's reason, flagged when it is a tie.
 */
export function renderLeaderboard(board: Board, confidence: number | null, rows: number): string {
  const s = board.selection
  const metric = s === null ? 'selection metric' : `${text(s.metric, 40)} on ${text(s.segment, 40)}`
  const caption = [
    ...(s === null ? [] : [`ranked by ${text(selectionWords(s), 200)}`]),
    ...(confidence === null ? [] : [`${level(confidence)} intervals`]),
    'failures: failing or missing gate results, the worst named'
  ]
  const shown = board.rows.slice(0, rows)
  const rest = board.rows.length - shown.length
  const lines = [
    heading(board),
    '',
    `<sub>${caption.join(' · ')}</sub>`,
    '',
    markdownTable([['rank', 'candidate', 'verdict', metric, 'interval', 'failures'], ...shown.map(row)], {
      align: ['r', 'l', 'l', 'r', 'r', 'l']
    })
  ]
  if (rest > 0) lines.push('', `… and ${rest} more candidates in verdict.json.`)
  if (s !== null) lines.push('', `${s.tie ? '⚖️ **Tie**: ' : ''}${text(s.reason, 300)}`)
  return lines.join('\n')
}

/**
 * With no winner: the first failures of each candidate but `board.shown` (whose failures the
 * details below show in full), each under its name; `null` when there is a winner or nothing to show.
 */
export function renderFirstFailures(board: Board, threshold: number | null, rows: number): string | null {
  if (board.winner !== null) return null
  const others = otherFailing(board).slice(0, rows)
  if (others.length === 0) return null
  const sections = others.map((r) => {
    const caption = tableCaption(r.failures, threshold, 'judged')
    return [
      `**${text(r.candidate.name, NAME_LENGTH)}**: ${r.failures.length} failing`,
      ...(caption === '' ? [] : ['', caption]),
      '',
      resultTable(r.failures, 'judged', FIRST_FAILURES)
    ].join('\n')
  })
  return [
    `### First failures of the other candidates`,
    '',
    `${text(board.shown.name, NAME_LENGTH)}'s failures are in the details below.`,
    '',
    sections.join('\n\n')
  ].join('\n')
}
