/**
 * A canary's decision as markdown, for the job summary: the decision and headline, the two logs,
 * the outcomes table, why, the traffic still needed, and the gates' counts. Everything that came
 * from data (file names, columns, segments in reasons) is escaped (`escapeClipped`); reasons are
 * long, so they are clipped to `REASON_LENGTH` characters each, and at most `MAX_REASONS` are listed.
 */
import { markdownTable } from 'markdown-table'
import type { CanaryDocument } from '../canary/canary-document.js'
import { escapeClipped } from '../text/escape.js'
import { OUTCOME_COLUMNS, outcomeCells } from './canary-text.js'
import { countsText } from './verdict-text.js'

const REASON_LENGTH = 2000
const MAX_REASONS = 50

const ICON = { promote: '✅', rollback: '❌', continue: '⏳' } as const

export function renderCanarySummary(document: CanaryDocument): string {
  const { canary, control } = document
  const out = [
    `## ${ICON[document.decision]} ml-gate canary: ${document.decision}`,
    '',
    escapeClipped(document.headline, REASON_LENGTH),
    '',
    `Canary ${escapeClipped(canary.file)} (${canary.rows} rows) vs control ${escapeClipped(control.file)} ` +
      `(${control.rows} rows), unpaired by design (different users).`,
    ''
  ]
  if (document.outcomes.length > 0) {
    out.push(
      '### Outcomes',
      '',
      'Hodges–Lehmann shift canary − control with its interval, Mann–Whitney p of no shift.',
      '',
      markdownTable([
        [...OUTCOME_COLUMNS],
        ...document.outcomes.map((o) => outcomeCells(o).map((c) => escapeClipped(c)))
      ]),
      ''
    )
  }
  if (document.reasons.length > 0) {
    const shown = document.reasons.slice(0, MAX_REASONS)
    out.push('### Why', '')
    for (const reason of shown) out.push(`- ${escapeClipped(reason, REASON_LENGTH)}`)
    const hidden = document.reasons.length - shown.length
    if (hidden > 0) out.push(`- … and ${hidden} more: every reason is in the canary document`)
    out.push('')
  }
  if (document.traffic !== null) {
    out.push('### Traffic needed', '', escapeClipped(document.traffic.reason, REASON_LENGTH), '')
  }
  if (document.gates !== null) {
    const counts = countsText(document.gates.counts)
    out.push(
      '### Gates',
      '',
      `The canary as candidate, the control as baseline: ${document.gates.verdict} (${counts || 'no results'}).`,
      ''
    )
  }
  return out.join('\n')
}
