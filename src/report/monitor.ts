/**
 * The monitor document for people: a terminal summary (`ml-gate monitor`) and the body of the one
 * issue the monitor action keeps (`monitorIssueBody`), with a sparkline of the positive rate and
 * the mean score over the windows.
 */
import { commentMarker } from './comment-state.js'
import { renderTextTable } from './text-table.js'
import { CORRECTION_NAMES } from '../drift/multiple-testing.js'
import { showInterval, showLevel, showNumber, showSigned } from '../gates/wording.js'
import type {
  CheckStatus,
  MonitorDocument,
  RateCheck,
  RateQuantity,
  WindowResult
} from '../monitor/document.js'
import { escapeClipped } from '../text/escape.js'

const BLOCKS = '▁▂▃▄▅▆▇█'

/**
 * One character per value, `▁` the lowest and `█` the highest of them, `·` for a missing one;
 * all equal values draw `▄`.
 *
 * @example sparkline([0.1, 0.2, null, 0.5]) // '▁▃·█'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null)
  const lo = present.reduce((m, v) => Math.min(m, v), Infinity)
  const hi = present.reduce((m, v) => Math.max(m, v), -Infinity)
  return values
    .map((v) => {
      if (v === null) return '·'
      if (hi === lo) return BLOCKS[3]
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BLOCKS.length))]
    })
    .join('')
}

const STATUS_WORD: Readonly<Record<CheckStatus, string>> = {
  alert: 'ALERT',
  ok: 'ok',
  insufficient: 'insufficient'
}
const STATUS_ICON: Readonly<Record<CheckStatus, string>> = { alert: '🔴', ok: '🟢', insufficient: '⚪' }

/** The check of `quantity` on all rows of a window. */
function overall(window: WindowResult, quantity: RateQuantity): RateCheck | undefined {
  return window.rates.find((r) => r.segment === 'all' && r.quantity === quantity)
}

function valueOf(window: WindowResult, quantity: RateQuantity): number | null {
  return overall(window, quantity)?.value ?? null
}

/** `ml-gate monitor`'s terminal text: headline, one line per window, the newest window's alerts. */
export function renderMonitorText(document: MonitorDocument): string {
  const lines = [`ml-gate monitor: ${STATUS_WORD[document.status]}: ${document.headline}`, '']
  const { windows } = document
  if (windows.length > 0) {
    lines.push(
      renderTextTable(
        ['window', 'rows', 'labelled', 'positive rate', 'mean score', 'status', 'alerts'],
        windows.map((w) => [
          w.start,
          String(w.rows),
          String(w.labelled),
          showNumber(valueOf(w, 'positive_rate')),
          showNumber(valueOf(w, 'mean_score')),
          STATUS_WORD[w.status],
          String(w.alerts.length)
        ]),
        ['left', 'right', 'right', 'right', 'right', 'left', 'right']
      ).trimEnd(),
      '',
      `positive rate  ${sparkline(windows.map((w) => valueOf(w, 'positive_rate')))}`,
      `mean score     ${sparkline(windows.map((w) => valueOf(w, 'mean_score')))}`
    )
  }
  const newest = windows.at(-1)
  if (newest !== undefined && newest.alerts.length > 0) {
    lines.push('', `Alerts of the newest window (${newest.start}):`)
    for (const alert of newest.alerts) lines.push(`  - ${alert}`)
  }
  return `${lines.join('\n')}\n`
}

/** Windows shown in the issue's table (the newest); alerts listed for the newest window. */
const ISSUE_WINDOWS = 30
const ISSUE_ALERTS = 20

export interface IssueContext {
  /** The config's key: which issue is ours (`commentMarker`). */
  readonly key: string
  /** The workflow run's page, `null` when unknown. */
  readonly runUrl: string | null
}

/** The issue's title: the config's key, so that two configs' issues read apart. */
export function monitorIssueTitle(key: string): string {
  return `ml-gate monitor: alert for ${key}`.slice(0, 250)
}

/**
 * The issue body as the monitor action posts it: the headline, sparklines of the positive rate
 * and mean score (all rows) over the windows, a table of the newest windows with the difference
 * from the reference and its interval, the newest window's alerts, and the hidden marker. Text from
 * data (segments, columns, reasons quoting them) is escaped; the body stays far below GitHub's
 * 65,536 characters (at most 30 windows and 20 alerts shown).
 */
export function monitorIssueBody(document: MonitorDocument, context: IssueContext): string {
  const { windows } = document
  const newest = windows.at(-1)
  const shown = windows.slice(-ISSUE_WINDOWS)
  const lines = [
    `## ${STATUS_ICON[document.status]} ml-gate monitor: ${STATUS_WORD[document.status]}`,
    '',
    escapeClipped(document.headline, 1000),
    '',
    `Logs: ${document.rows} rows in ${windows.length} windows of ${'duration' in document.window ? document.window.duration : `${document.window.rows} rows`}; ` +
      `reference: ${document.reference.file === null ? `${document.reference.from ?? 'the first rows'} to ${document.reference.to ?? ''}`.trim() : escapeClipped(document.reference.file)} ` +
      `(${document.reference.rows} rows). Rates alert only on significant deviations across windows × segments (${CORRECTION_NAMES[document.correction]}, confidence ${showLevel(document.confidence)}).`,
    '',
    '```text',
    `positive rate  ${sparkline(windows.map((w) => valueOf(w, 'positive_rate')))}`,
    `mean score     ${sparkline(windows.map((w) => valueOf(w, 'mean_score')))}`,
    `status         ${windows.map((w) => (w.status === 'alert' ? '!' : w.status === 'ok' ? '.' : '?')).join('')}`,
    '```',
    '',
    '| window | rows | labelled | positive rate | Δ vs reference [interval] | mean score | status | alerts |',
    '|---|---:|---:|---:|---|---:|---|---:|',
    ...shown.map((w) => {
      const rate = overall(w, 'positive_rate')
      const delta =
        rate?.difference === null || rate === undefined
          ? '—'
          : `${showSigned(rate.difference)} ${rate.ci === null ? '' : showInterval(rate.ci)}`
      return `| ${w.start} | ${w.rows} | ${w.labelled} | ${showNumber(valueOf(w, 'positive_rate'))} | ${delta} | ${showNumber(valueOf(w, 'mean_score'))} | ${STATUS_ICON[w.status]} ${STATUS_WORD[w.status]} | ${w.alerts.length} |`
    })
  ]
  if (windows.length > shown.length)
    lines.push('', `${windows.length - shown.length} older windows are in the monitor document.`)
  if (newest !== undefined && newest.alerts.length > 0) {
    lines.push('', `### Alerts of the newest window (${newest.start})`, '')
    for (const alert of newest.alerts.slice(0, ISSUE_ALERTS)) lines.push(`- ${escapeClipped(alert, 400)}`)
    if (newest.alerts.length > ISSUE_ALERTS)
      lines.push(`- … and ${newest.alerts.length - ISSUE_ALERTS} more in the monitor document`)
  }
  const earlier = document.alerting.filter((i) => i !== newest?.index)
  if (earlier.length > 0)
    lines.push('', `Earlier alerting windows: ${earlier.map((i) => windows[i].start).join(', ')}.`)
  if (context.runUrl !== null) lines.push('', `From [this workflow run](${context.runUrl}).`)
  lines.push('', commentMarker(context.key), '')
  return lines.join('\n')
}

/** The comment that closes the issue once the newest window is fine again. */
export function monitorClearedComment(document: MonitorDocument, runUrl: string | null): string {
  const from = runUrl === null ? '' : ` ([run](${runUrl}))`
  return `🟢 The alert has cleared: ${escapeClipped(document.headline, 1000)}${from}. Closing this issue; ml-gate opens a new one on the next alert.\n`
}
