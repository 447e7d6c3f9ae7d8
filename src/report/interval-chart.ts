/**
 * A text chart of intervals, one row per segment, sorted: readable at any width a comment has,
 * in GitHub's monospace font, with nothing to render (a Mermaid chart of 18 segments smears its
 * axis labels together at 780 px and cannot draw an interval at all).
 *
 *     drop of recall: ● estimate  ├──┤ 99.64% interval  ┆ bound 0.05  │ 0
 *     Job=partime     ·········│···┆······├────●─────┤····  0.298  fail
 */
import { extent, setting, value } from './cells.js'

/** One row: a label, the estimate and its interval (any order of bounds), and a word after it. */
export interface IntervalRow {
  readonly label: string
  readonly estimate: number
  readonly ci: readonly [number, number]
  readonly status: string
}

/** Characters of the label column and of the plot. */
const LABEL = 18
const PLOT = 40

/**
 * A label safe inside a fenced code block: no backtick or tilde (a line of them closes the
 * fence), no `<` or `>` (the markdown would hold a comment marker such as ours, which finds the
 * sticky comment), no `@` (a mention to anything that reads the raw text), no control character;
 * clipped to the label column.
 */
export function chartLabel(text: string, width = LABEL): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const safe = text.replace(/[`~<>@\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '_')
  return safe.length > width ? `${safe.slice(0, width - 1)}…` : safe
}

/**
 * The chart as a fenced `text` block: a legend line (`quantity`, the `confidence` of the
 * intervals, the `bound`), the rows on one scale that spans the intervals, 0 and the bound, and an
 * axis with 0 and the bound marked. `null` without rows.
 */
export function renderIntervalChart(
  quantity: string,
  confidence: string,
  bound: number,
  rows: readonly IntervalRow[]
): string | null {
  if (rows.length === 0) return null
  const ends = rows.flatMap((r) => [r.ci[0], r.ci[1], r.estimate])
  let [lo, hi] = extent([0, bound, ...ends])
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1]
  const pad = (hi - lo) * 0.04
  lo -= pad
  hi += pad
  const col = (x: number) => Math.min(PLOT - 1, Math.max(0, Math.round(((x - lo) / (hi - lo)) * (PLOT - 1))))
  const zero = col(0)
  const boundAt = col(bound)

  const plot = (r: IntervalRow): string => {
    const cells = Array.from({ length: PLOT }, () => '·')
    cells[zero] = '│'
    cells[boundAt] = '┆'
    const [a, b] = [col(Math.min(r.ci[0], r.ci[1])), col(Math.max(r.ci[0], r.ci[1]))]
    for (let i = a; i <= b; i++) cells[i] = '─'
    cells[a] = a === b ? '┼' : '├'
    if (b !== a) cells[b] = '┤'
    cells[col(r.estimate)] = '●'
    return cells.join('')
  }
  const axis = Array.from({ length: PLOT }, () => ' ')
  const mark = (at: number, text: string) => {
    const start = Math.max(0, Math.min(PLOT - text.length, at - Math.floor(text.length / 2)))
    if (axis.slice(Math.max(0, start - 1), start + text.length + 1).some((c) => c !== ' ')) return
    for (let i = 0; i < text.length; i++) axis[start + i] = text[i]
  }
  mark(zero, '0')
  mark(boundAt, setting(bound))
  mark(0, value(lo + pad))
  mark(PLOT - 1, value(hi - pad))
  const estimates = rows.map((r) => value(r.estimate))
  const width = extent(estimates.map((e) => e.length))[1]
  return [
    '```text',
    `${chartLabel(quantity, 60)}: ● estimate  ├─┤ ${confidence} interval  ┆ bound ${setting(bound)}  │ 0`,
    '',
    ...rows.map(
      (r, i) =>
        `${chartLabel(r.label).padEnd(LABEL)} ${plot(r)}  ${estimates[i].padStart(width)}  ${r.status}`
    ),
    `${' '.repeat(LABEL)} ${axis.join('').trimEnd()}`,
    '```'
  ].join('\n')
}
