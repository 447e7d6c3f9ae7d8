import { markdownTable } from 'markdown-table'
import type { CheckResult } from '../contract/check.js'
import type { ColumnDrift, ValidationDocument } from '../contract/validate.js'
import type { Value } from '../io/table.js'
import { minusSigns, reasonText } from './cells.js'
import { escapeClipped } from '../text/escape.js'
import { formatNumber } from '../text/format-number.js'
import { renderTextTable } from './text-table.js'

/** Failing checks first (errors before warnings, most failures first), then the rest in order. */
function failingChecks(document: ValidationDocument): CheckResult[] {
  return document.checks
    .filter((c) => !c.passed)
    .sort((a, b) => (a.severity === b.severity ? b.failures - a.failures : a.severity === 'error' ? -1 : 1))
}

function showValue(value: Value): string {
  return value === null ? 'missing' : JSON.stringify(value)
}

function where(document: ValidationDocument, check: CheckResult, limit: number): string {
  // An input of several files names each failure's file (its line is in that file).
  const shown = check.examples
    .slice(0, limit)
    .map(
      (e) => `${e.file === undefined ? '' : `${e.file} `}${document.unit} ${e.line}: ${showValue(e.value)}`
    )
  const more = check.failures - shown.length
  return shown.join(', ') + (more > 0 ? ` (+${more} more)` : '')
}

function headline(document: ValidationDocument): string {
  const { errors, warnings, drifted } = document.summary
  const passedChecks = document.checks.filter((c) => c.passed).length
  const parts = [
    `${errors} failing check${errors === 1 ? '' : 's'}`,
    `${warnings} warning${warnings === 1 ? '' : 's'}`,
    `${passedChecks} passed`
  ]
  if (document.reference !== null) parts.push(`${drifted} drifted column${drifted === 1 ? '' : 's'}`)
  return `${document.passed ? 'PASSED' : 'FAILED'}: ${parts.join(', ')}`
}

function driftCells(d: ColumnDrift): string[] {
  return [
    d.method ?? '—',
    formatNumber(d.statistic, 3),
    formatNumber(d.p_value, 3),
    formatNumber(d.threshold),
    d.drifted === null ? 'no verdict' : d.drifted ? 'DRIFT' : 'ok'
  ]
}

/** The validation result for a terminal: a headline, the failing checks, the drift table. */
export function renderValidationText(document: ValidationDocument): string {
  const out = [
    `${document.file}: ${document.rows} rows` +
      (document.contract ? `, contract ${document.contract}` : '') +
      (document.reference ? `, reference ${document.reference}` : ''),
    headline(document),
    ''
  ]
  const failing = failingChecks(document)
  if (failing.length > 0) {
    out.push(
      renderTextTable(
        ['column', 'check', 'severity', 'failures', 'expected', 'first failures'],
        failing.map((c) => [
          c.column ?? '(table)',
          c.check,
          c.severity,
          String(c.failures),
          c.expected,
          where(document, c, 3)
        ]),
        ['left', 'left', 'left', 'right', 'left', 'left']
      )
    )
  }
  if (document.drift.length > 0) {
    out.push(`Drift against ${document.reference}:`)
    out.push(
      renderTextTable(
        ['column', 'method', 'statistic', 'p-value', 'threshold', 'verdict'],
        document.drift.map((d) => [d.column, ...driftCells(d)]),
        ['left', 'left', 'right', 'right', 'right', 'left']
      )
    )
    for (const d of document.drift.filter((d) => d.drifted !== false)) out.push(`  ${d.column}: ${d.reason}`)
    if (document.drift.some((d) => d.drifted !== false)) out.push('')
  }
  return out.join('\n')
}

/** Longest file name shown in the heading. */
const LINE_LENGTH = 300

/**
 * Rows per table in markdown: a contract of thousands of columns still gives a section well under
 * GitHub's 1 MiB summary (a row is at most about 1 KB once cells are clipped).
 */
const MAX_ROWS = 200

function moreRows(count: number, what: string): string {
  return `… and ${count} more ${what}: the validation document lists them all.`
}

/**
 * The validation result as a markdown section (job summary, PR comment). Data is escaped and
 * clipped: 120 characters per cell (`escapeClipped`), 300 for a file name in a line, 200 rows
 * per table.
 */
export function renderValidationMarkdown(document: ValidationDocument): string {
  const e = (text: string) => escapeClipped(text)
  const line = (text: string) => escapeClipped(text, LINE_LENGTH)
  let out = [
    `### Data validation: ${line(document.file)}`,
    '',
    `**${headline(document)}** (${document.rows} rows` +
      (document.contract ? `, contract ${line(document.contract)}` : '') +
      (document.reference ? `, reference ${line(document.reference)}` : '') +
      ')',
    ''
  ]
  const failing = failingChecks(document)
  if (failing.length > 0) {
    out.push(
      markdownTable(
        [
          ['column', 'check', 'severity', 'failures', 'expected', 'first failures'],
          ...failing
            .slice(0, MAX_ROWS)
            .map((c) => [
              e(c.column ?? '(table)'),
              c.check,
              c.severity,
              String(c.failures),
              e(c.expected),
              e(minusSigns(where(document, c, 5)))
            ])
        ],
        { align: ['l', 'l', 'l', 'r', 'l', 'l'] }
      ),
      ''
    )
    if (failing.length > MAX_ROWS) out.push(moreRows(failing.length - MAX_ROWS, 'failing checks'), '')
  }
  if (document.drift.length > 0) {
    // Drifted columns first (then those without a verdict), in document order within each.
    const rank = (d: ColumnDrift) => (d.drifted === true ? 0 : d.drifted === null ? 1 : 2)
    const drift = [...document.drift].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_ROWS)
    out = out.concat(
      `<details${document.summary.drifted > 0 ? ' open' : ''}><summary>Drift against ${line(document.reference ?? '')}: ` +
        `${document.summary.drifted} of ${document.drift.length} columns drifted</summary>`,
      '',
      markdownTable(
        [
          ['column', 'method', 'statistic', 'p-value', 'threshold', 'verdict'],
          ...drift.map((d) => [e(d.column), ...driftCells(d).map(minusSigns)])
        ],
        { align: ['l', 'l', 'r', 'r', 'r', 'l'] }
      ),
      '',
      // The reasons are sentences: a list below the table, in full, rather than a column that
      // would push the table past a comment's width.
      ...drift.filter((d) => d.drifted !== false).map((d) => `- ${e(d.column)}: ${reasonText(d.reason)}`),
      ...(document.drift.some((d) => d.drifted !== false) ? [''] : []),
      document.drift.length > MAX_ROWS ? [moreRows(document.drift.length - MAX_ROWS, 'columns'), ''] : [],
      '</details>',
      ''
    )
  }
  return out.join('\n')
}
