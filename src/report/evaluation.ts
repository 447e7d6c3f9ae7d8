import type { Task } from '../metrics/task.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import type { MetricValue } from '../metrics/metric-value.js'
import { markdownTable } from 'markdown-table'
import { escapeMarkdown } from '../text/escape.js'
import { formatNumber } from '../text/format-number.js'
import { renderTextTable } from './text-table.js'

/** The metrics shown per task on a terminal; the JSON document has them all. */
export const HEADLINE_METRICS: Readonly<Record<Task, readonly string[]>> = {
  binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'brier'],
  multiclass: ['accuracy', 'macro_f1', 'weighted_f1', 'log_loss'],
  regression: ['mae', 'rmse', 'r2', 'mape']
}

function cell(metric: MetricValue | undefined): string {
  if (metric === undefined || metric.value === null) return '—'
  const value = formatNumber(metric.value, 4)
  return metric.ci === null
    ? value
    : `${value} [${formatNumber(metric.ci[0], 3)}, ${formatNumber(metric.ci[1], 3)}]`
}

function rows(
  document: EvaluationDocument,
  names: readonly string[],
  key: (text: string) => string
): string[][] {
  return document.segments.map((s) => [
    key(s.key) + (s.insufficient ? ' *' : ''),
    String(s.n),
    ...names.map((name) => cell(s.metrics[name]))
  ])
}

function footnote(document: EvaluationDocument): string {
  const insufficient = document.segments.filter((s) => s.insufficient).length
  if (insufficient === 0) return ''
  return `* ${insufficient} segment${insufficient === 1 ? '' : 's'} below min_support (${document.settings.min_support} rows): reported, not gated\n`
}

/**
 * One row per segment with the task's headline metrics and their intervals; segments below
 * `min_support` are marked with `*`.
 */
export function renderEvaluationText(document: EvaluationDocument): string {
  const names = HEADLINE_METRICS[document.task]
  const level = Math.round(document.settings.confidence * 100)
  return [
    `${document.file}: ${document.rows} rows, ${document.task} (values with ${level}% confidence intervals)`,
    '',
    renderTextTable(
      ['segment', 'n', ...names],
      rows(document, names, (k) => k),
      ['left', 'right', ...names.map(() => 'right' as const)]
    ),
    footnote(document)
  ].join('\n')
}

/** The same table as markdown, for the job summary; segment keys come from data and are escaped. */
export function renderEvaluationMarkdown(document: EvaluationDocument): string {
  const names = HEADLINE_METRICS[document.task]
  const level = Math.round(document.settings.confidence * 100)
  return [
    `### Evaluation: ${escapeMarkdown(document.file)}`,
    '',
    `${document.rows} rows, ${document.task}; values with ${level}% confidence intervals.`,
    '',
    markdownTable([['segment', 'n', ...names], ...rows(document, names, escapeMarkdown)], {
      align: ['l', 'r', ...names.map(() => 'r')]
    }),
    '',
    footnote(document)
  ].join('\n')
}
