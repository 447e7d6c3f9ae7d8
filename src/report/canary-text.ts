/**
 * A canary's decision for a terminal or a CI log: the decision and its headline, the two logs, the
 * outcomes as a table, why (every result that rolls back or is undecided), the traffic still
 * needed, then the gates' verdict as `ml-gate gate` prints it.
 */
import type { CanaryDocument, OutcomeResult } from '../canary/canary-document.js'
import { showInterval, showNumber, showSigned } from '../gates/wording.js'
import { renderTextTable } from './text-table.js'
import { renderVerdictText } from './verdict-text.js'

/** The outcome table's columns (text and markdown). */
export const OUTCOME_COLUMNS = [
  'status',
  'outcome',
  'canary median',
  'control median',
  'shift',
  'interval',
  'max shift',
  'p'
] as const

/** One outcome's cells, in `OUTCOME_COLUMNS` order, numbers formatted. */
export function outcomeCells(o: OutcomeResult): string[] {
  return [
    o.status,
    `${o.name} (${o.better} is better)`,
    showNumber(o.canary_median),
    showNumber(o.control_median),
    o.shift === null ? '—' : showSigned(o.shift),
    o.shift_ci === null ? '—' : showInterval(o.shift_ci),
    String(o.max_shift),
    showNumber(o.p_value)
  ]
}

/**
 * Renders a canary document as plain text.
 *
 * @example
 * // ROLLBACK: latency_ms got worse by 12.0 (interval [8.10, 15.9]), allowed 5
 * // canary logs/canary.csv (1000 rows) vs control logs/control.csv (1000 rows), unpaired by design
 */
export function renderCanaryText(document: CanaryDocument): string {
  const { canary, control } = document
  let out = [
    `${document.decision.toUpperCase()}: ${document.headline}`,
    `canary ${canary.file} (${canary.rows} rows) vs control ${control.file} (${control.rows} rows), ` +
      'unpaired by design (different users)',
    ''
  ]
  if (document.outcomes.length > 0) {
    out = out.concat(
      'Outcomes (Hodges–Lehmann shift canary − control, Mann–Whitney p of no shift):',
      renderTextTable([...OUTCOME_COLUMNS], document.outcomes.map(outcomeCells), [
        'left',
        'left',
        'right',
        'right',
        'right',
        'left',
        'right',
        'right'
      ]).trimEnd(),
      ''
    )
  }
  if (document.reasons.length > 0) {
    out = out.concat(
      'Why:',
      document.reasons.map((r) => `  - ${r}`),
      ''
    )
  }
  if (document.traffic !== null) out = out.concat('Traffic needed:', `  ${document.traffic.reason}`, '')
  if (document.gates !== null) {
    out = out.concat(
      'Gates (the canary as candidate, the control as baseline):',
      renderVerdictText(document.gates)
        .trimEnd()
        .split('\n')
        .map((line) => (line === '' ? '' : `  ${line}`)),
      ''
    )
  }
  out.push(`Decision: ${document.decision}`)
  return `${out.join('\n')}\n`
}
