/**
 * Candidate vs baseline on every metric of the `all` segment, in one compact table: the numbers a
 * reviewer checks first after what failed.
 */
import { markdownTable } from 'markdown-table'
import type { GateResult } from '../gates/verdict.js'
import { describeMetric } from '../metrics/catalog.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import { change, interval, level, setting, value } from './cells.js'
import { escapeClipped } from '../text/escape.js'
import { byExcess } from './result-groups.js'
import { BOUND, STATUS_TEXT } from './result-table.js'

const text = escapeClipped

/** `▲ better`, `▼ worse`, `= same`, or the plain direction for metrics without a better side. */
function arrow(metric: string, delta: number | null): string {
  if (delta === null) return ''
  if (delta === 0) return '= same'
  const direction = describeMetric(metric)?.direction ?? 'none'
  const up = delta > 0
  if (direction === 'none') return up ? '▲' : '▼'
  return `${up ? '▲' : '▼'} ${up === (direction === 'higher') ? 'better' : 'worse'}`
}

/** The gates on the metric for `all`: `✅ ≥ 0.75`, the worst result first. */
function gated(results: readonly GateResult[], metric: string): string {
  const own = results.filter((r) => r.segment === 'all' && r.metric === metric).sort(byExcess)
  return own.map((r) => `${STATUS_TEXT[r.status].split(' ')[0]} ${BOUND[r.rule](r.threshold)}`).join(', ')
}

/**
 * The overview table with its heading: metric, baseline, candidate, change with an arrow, the
 * candidate's interval and the gate on it, for every metric of `all` (counts such as `n` are in the
 * heading instead). `null` without a candidate evaluation.
 */
export function renderOverview(
  candidate: EvaluationDocument | null,
  baseline: EvaluationDocument | null,
  results: readonly GateResult[],
  heading: string
): string | null {
  const all = candidate?.segments.find((s) => s.key === 'all')
  if (candidate === null || all === undefined) return null
  const base = baseline?.segments.find((s) => s.key === 'all') ?? null
  const counts = Object.keys(all.metrics).filter((name) => describeMetric(name)?.interval === 'none')
  const names = Object.keys(all.metrics).filter((name) => !counts.includes(name))
  const hasGates = results.length > 0
  const count = (name: string) => value(all.metrics[name]?.value ?? null)
  const facts = [
    `${all.n} rows`,
    ...(counts.includes('positives') ? [`${count('positives')} positives`] : [])
  ]
  const settings = candidate.settings
  const confusion = ['tp', 'fp', 'tn', 'fn'].filter((c) => counts.includes(c))
  const caption = [
    `${level(settings.confidence)} intervals of the candidate's value`,
    ...(settings.threshold === null
      ? []
      : [
          `decision threshold ${setting(settings.threshold)}` +
            (confusion.length === 4
              ? `: ${confusion.map((c) => `${c.toUpperCase()} ${count(c)}`).join(', ')}`
              : '')
        ])
  ]
  const rows = names.map((name) => {
    const c = all.metrics[name]
    const b = base?.metrics[name]?.value ?? null
    const delta = b === null || c.value === null ? null : c.value - b
    const shown = c.value === null ? `— (${text(c.reason ?? 'undefined', 40)})` : value(c.value)
    return [
      text(name, 40),
      value(b),
      shown,
      `${change(delta)} ${arrow(name, delta)}`.trim(),
      interval(c.ci),
      ...(hasGates ? [gated(results, name)] : [])
    ]
  })
  return [
    `### ${heading} (all: ${facts.join(', ')})`,
    '',
    `<sub>${caption.join(' · ')}</sub>`,
    '',
    markdownTable(
      [
        ['metric', 'baseline', 'candidate', 'change', 'candidate interval', ...(hasGates ? ['gate'] : [])],
        ...rows
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'l'] }
    )
  ].join('\n')
}
