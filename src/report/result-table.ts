/**
 * Tables of gate results for a 780 px comment: at most seven columns, values as
 * `baseline → candidate`, intervals as `[0.160, 0.432]` with their confidence level stated once,
 * above the table, and each segment's support (positives for recall) next to its rows.
 */
import { markdownTable } from 'markdown-table'
import { CORRECTION_NAMES } from '../drift/multiple-testing.js'
import type { GateResult, RuleKind } from '../gates/verdict.js'
import { supportUnit } from '../metrics/catalog.js'
import { change, extent, interval, level, percent, setting, value } from './cells.js'
import { escapeClipped } from '../text/escape.js'

const text = escapeClipped

/** The bound of a rule: `drop ≤ 0.05`. */
export const BOUND: Record<RuleKind, (t: number) => string> = {
  min: (t) => `≥ ${setting(t)}`,
  max: (t) => `≤ ${setting(t)}`,
  max_drop: (t) => `drop ≤ ${setting(t)}`,
  max_relative_drop: (t) => `drop ≤ ${setting(t * 100)}%`,
  min_ratio: (t) => `ratio ≥ ${setting(t)}`,
  max_gap: (t) => `gap ≤ ${setting(t)}`
}

/** What a result's interval (`GateResult.ci`) is of: the value, or the quantity the rule bounds. */
export const QUANTITY: Record<RuleKind, string> = {
  min: 'value',
  max: 'value',
  max_drop: 'drop',
  max_relative_drop: 'relative drop',
  min_ratio: 'ratio',
  max_gap: 'gap'
}

/** Which columns a table of results shows besides segment, support and values. */
export type ResultColumns = 'judged' | 'power' | 'status'

export const STATUS_TEXT: Record<GateResult['status'], string> = {
  fail: '❌ fail',
  warn: '⚠️ warn',
  missing: '❔ missing',
  pass: '✅ pass',
  insufficient: '➖ too few rows',
  skipped: '⏭️ skipped',
  waived: '🔕 waived'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The confidence levels of `results`' intervals, once: `99.67%`, or `99.64–99.67%` when they differ. */
export function levels(results: readonly GateResult[]): string | null {
  const all = [...new Set(results.filter((r) => r.ci !== null).flatMap((r) => r.confidence ?? []))]
  if (all.length === 0) return null
  const [lo, hi] = extent(all).map(level)
  return lo === hi ? lo : `${lo.slice(0, -1)}–${hi}`
}

/** `Holm over 15 segments`: how the levels of significant-mode results were corrected. */
function correction(results: readonly GateResult[]): string | null {
  const significant = results.filter((r) => r.mode === 'significant' && r.ci !== null)
  if (significant.length === 0) return null
  const p = significant[0]
  // Significant-mode results always carry both (the verdict schema requires them).
  if (p.correction === null || p.family === null) return 'each corrected for the segments of its gate'
  if (p.correction === 'none') return 'no correction across segments'
  return `${CORRECTION_NAMES[p.correction]} over a family of ${p.family}`
}

/**
 * The line above a table of results: the intervals' level and correction, the decision threshold
 * of the scores, what the support column counts.
 */
export function tableCaption(
  results: readonly GateResult[],
  threshold: number | null,
  columns: ResultColumns
): string {
  const parts: string[] = []
  const at = levels(results)
  const rules = new Set(results.filter((r) => r.ci !== null).map((r) => QUANTITY[r.rule]))
  if (at !== null) {
    const of = rules.size === 1 ? ` of the ${[...rules][0]}` : ''
    const how = correction(results)
    parts.push(`${at} intervals${of}${how === null ? '' : ` (${how})`}`)
  }
  const bounds = new Set(results.map((r) => BOUND[r.rule](r.threshold)))
  if (columns !== 'judged' && bounds.size === 1) parts.push(`bound ${[...bounds][0]}`)
  if (threshold !== null) parts.push(`decision threshold ${setting(threshold)}`)
  if (columns === 'power') {
    const of = rules.size === 1 ? [...rules][0] : 'change'
    parts.push(`MDE: the smallest ${of} detected with 80% power at that level`)
  }
  return parts.length === 0 ? '' : `<sub>${parts.join(' · ')}</sub>`
}

/** The support column: `positives / rows` with cells `104 / 178` when every row counts the same unit. */
function supportColumn(results: readonly GateResult[]): { header: string; cell: (r: GateResult) => string } {
  const units = new Set(
    results.filter((r) => (r.support ?? null) !== null && r.n !== null).map((r) => supportUnit(r.metric))
  )
  const unit = units.size === 1 ? [...units][0] : null
  if (unit === 'rows' || units.size === 0)
    return { header: 'rows', cell: (r) => (r.n === null ? '—' : String(r.n)) }
  return {
    header: unit === null ? 'support / rows' : `${text(unit, 40)} / rows`,
    cell: (r) => (r.n === null ? '—' : `${r.support ?? '—'} / ${r.n}`)
  }
}

/** `0.798 → 0.500`; `0.228` without a baseline. */
function values(r: GateResult): string {
  return r.baseline === null ? value(r.candidate) : `${value(r.baseline)} → ${value(r.candidate)}`
}

/**
 * A table of results, at most `rows` of them (a line counts the rest), seven columns at most:
 * segment (with the metric when the results are of several), support, values, change, interval,
 * then the bound and the status (`status`), the bound (`judged`) or the minimum detectable effect
 * and the power at the bound (`power`).
 */
export function resultTable(results: readonly GateResult[], columns: ResultColumns, rows: number): string {
  const shown = results.slice(0, rows)
  const metrics = new Set(results.map((r) => r.metric))
  const rules = new Set(results.filter((r) => r.ci !== null).map((r) => r.rule))
  const support = supportColumn(shown)
  const ciHeader = rules.size === 1 ? `${QUANTITY[[...rules][0]]} interval` : 'interval'
  const segment = (r: GateResult) =>
    metrics.size > 1 ? `${text(r.metric, 40)}: ${text(r.segment)}` : text(r.segment)
  const ci = (r: GateResult) =>
    rules.size > 1 && r.ci !== null ? `${QUANTITY[r.rule]} ${interval(r.ci)}` : interval(r.ci)
  const header = [
    metrics.size > 1 ? 'metric: segment' : `${text([...metrics][0] ?? '', 40)}: segment`,
    support.header,
    'baseline → candidate',
    'change',
    ciHeader
  ]
  const extra: Record<ResultColumns, { header: string[]; cells: (r: GateResult) => string[] }> = {
    judged: { header: ['bound'], cells: (r) => [BOUND[r.rule](r.threshold)] },
    status: {
      // One gate per table (see the report's `others`): its bound is in the caption.
      header: ['status'],
      cells: (r) => [STATUS_TEXT[r.waiver ? 'waived' : r.status]]
    },
    power: {
      header: ['MDE', 'power at bound'],
      cells: (r) => {
        return [value(r.mde), r.power_at_bound === null ? '—' : percent(r.power_at_bound)]
      }
    }
  }
  const table = markdownTable(
    [
      [...header, ...extra[columns].header],
      ...shown.map((r) => [
        segment(r),
        support.cell(r),
        values(r),
        change(r.change),
        ci(r),
        ...extra[columns].cells(r)
      ])
    ],
    {
      align: [
        'l',
        'r',
        'r',
        'r',
        'r',
        ...extra[columns].header.map((): 'l' | 'r' => (columns === 'power' ? 'r' : 'l'))
      ]
    }
  )
  const rest = results.length - shown.length
  return rest > 0 ? `${table}\n\n… and ${plural(rest, 'more result')} in verdict.json.` : table
}
