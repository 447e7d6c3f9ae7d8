/**
 * `ml-gate monitor`: prediction logs by window against a reference, every check of every window,
 * and the status of the newest window (what decides the exit code and the issue).
 */
import type { LoadedConfig } from '../config/load.js'
import type { MonitorConfig, SegmentsConfig } from '../config/types.js'
import { DEFAULT_MIN_SUPPORT } from '../config/evaluate-settings.js'
import { UserInputError } from '../errors.js'
import { directionlessDrop } from '../gates/check-gates.js'
import { metricNames } from '../metrics/catalog.js'
import { segmentColumns } from '../metrics/segmentation.js'
import { didYouMean } from '../suggest.js'
import { VERSION } from '../version.js'
import type { CheckStatus, MonitorDocument, WindowResult } from './document.js'
import { driftChecks } from './drift-checks.js'
import { readLogs, type LogColumns, type LogRows } from './logs.js'
import { performanceChecks } from './performance-checks.js'
import { rateChecks } from './rate-checks.js'
import { segmentRows } from './segments.js'
import { isoTime } from './time.js'
import { cutWindows, type Cut } from './windows.js'

/**
 * Reads the logs (and a reference file) of `loaded.config.monitor`, cuts the windows, and runs the
 * checks: score and feature drift, positive rate and mean score per segment, performance gates on
 * the labelled rows. A window alerts when any of its checks does; it is `insufficient` when none of
 * its checks could be judged (an empty window, too few rows): that fails closed like an alert.
 *
 * @throws UserInputError (at the config line or the log's line) for a config without `monitor`
 *   or `model`, a task other than binary, an unknown metric, a missing column, a bad time
 */
export async function runMonitor(loaded: LoadedConfig): Promise<MonitorDocument> {
  const { config, locate } = loaded
  const monitor = config.monitor
  if (monitor === undefined) {
    throw new UserInputError(
      'no monitor section: add `monitor:` with logs, time, window and reference',
      locate([])
    )
  }
  const model = config.model
  if (model === undefined || model.task !== 'binary' || model.score === undefined) {
    throw new UserInputError(
      'monitor needs `model:` with task: binary and a score column (the positive rate, mean score and metrics are those of a binary classifier)',
      locate(model === undefined ? ['monitor'] : ['model'])
    )
  }
  const spec = monitor.segments && config.segments !== undefined ? config.segments : null
  checkGates(loaded, monitor, spec !== null)
  const others = [...new Set([...monitor.features, ...(spec === null ? [] : segmentColumns(spec))])]
  const named = (name: string, path: readonly (string | number)[]) => ({ name, where: locate(path) })
  const columns = (time: boolean): LogColumns => ({
    ...(time ? { time: named(monitor.time, ['monitor', 'time']) } : {}),
    score: named(model.score!, ['model', 'score']),
    ...(model.prediction === undefined
      ? {}
      : { prediction: named(model.prediction, ['model', 'prediction']) }),
    label: { ...named(model.label, ['model', 'label']), required: monitor.gates.length > 0 },
    others: others.map((name) => {
      const i = monitor.features.indexOf(name)
      return named(name, i >= 0 ? ['monitor', 'features', i] : ['segments'])
    }),
    positive: model.positive,
    threshold: model.threshold
  })
  const logs = await readLogs(monitor.logs, columns(true), 'monitor.logs')
  const cut = cutWindows(logs.time, monitor, locate)
  const referenceLogs =
    typeof monitor.reference === 'string'
      ? await readLogs(monitor.reference, columns(false), 'monitor.reference')
      : logs
  const referenceRows = cut.reference ?? referenceLogs.time.map((_, i) => i)
  return document(loaded, monitor, logs, referenceLogs, referenceRows, cut, spec)
}

function document(
  loaded: LoadedConfig,
  monitor: MonitorConfig,
  logs: LogRows,
  referenceLogs: LogRows,
  referenceRows: readonly number[],
  cut: Cut,
  spec: SegmentsConfig | null
): MonitorDocument {
  const { config } = loaded
  const minSupport = config.segments?.min_support ?? DEFAULT_MIN_SUPPORT
  const confidence = config.evaluation.confidence
  const windowRows = cut.windows.map((w) => w.rows)
  const drift = driftChecks(
    [
      { name: config.model!.score!, values: logs.score, referenceValues: referenceLogs.score },
      ...monitor.features.map((name) => ({
        name,
        values: logs.values.get(name)!,
        referenceValues: referenceLogs.values.get(name)!
      }))
    ],
    windowRows,
    referenceRows,
    monitor.drift
  )
  const reference = segmentRows(referenceRows, referenceLogs.values, spec)
  const segments = windowRows.map((rows) => segmentRows(rows, logs.values, spec))
  const rates = monitor.rates
    ? rateChecks({
        predicted: logs.predicted,
        score: logs.score,
        referencePredicted: referenceLogs.predicted,
        referenceScore: referenceLogs.score,
        reference,
        windows: segments,
        minSupport,
        confidence,
        correction: monitor.correction
      })
    : segments.map(() => [])
  const performance = performanceChecks({
    gates: monitor.gates,
    label: logs.label,
    score: logs.score,
    referenceLabel: referenceLogs.label,
    referenceScore: referenceLogs.score,
    reference,
    windows: segments,
    threshold: config.model!.threshold,
    minSupport,
    confidence,
    // Point rules need no bootstrap: analytic intervals (Wilson, DeLong) only, fast per window.
    bootstrap: { replicates: 0, seed: config.evaluation.seed }
  })
  const windows: WindowResult[] = cut.windows.map((w, k) => {
    const checks = [...drift[k], ...rates[k], ...performance[k]]
    const alerts = [
      ...drift[k].filter((c) => c.status === 'alert').map((c) => `drift of ${c.column}: ${c.reason}`),
      ...rates[k].filter((c) => c.status === 'alert').map((c) => `${c.segment}: ${c.reason}`),
      ...performance[k].filter((c) => c.status === 'alert').map((c) => `${c.segment}: ${c.reason}`)
    ]
    const status: CheckStatus =
      alerts.length > 0 ? 'alert' : checks.some((c) => c.status === 'ok') ? 'ok' : 'insufficient'
    return {
      index: w.index,
      start: isoTime(w.start),
      end: isoTime(w.end),
      rows: w.rows.length,
      labelled: w.rows.filter((i) => logs.label[i] !== null).length,
      status,
      alerts,
      drift: drift[k],
      rates: rates[k],
      performance: performance[k]
    }
  })
  const newest = windows.at(-1)
  const status: CheckStatus = newest?.status ?? 'insufficient'
  const alerting = windows.filter((w) => w.status === 'alert').map((w) => w.index)
  return {
    schema: 'ml-gate/monitor@1',
    tool: { name: 'ml-gate', version: VERSION },
    config: loaded.file,
    logs: logs.files,
    rows: logs.time.length,
    time_column: monitor.time,
    window: typeof monitor.window === 'number' ? { rows: monitor.window } : { duration: monitor.window },
    reference: {
      file: typeof monitor.reference === 'string' ? monitor.reference : null,
      from: cut.period === null ? null : isoTime(cut.period[0]),
      to: cut.period === null ? null : isoTime(cut.period[1]),
      rows: referenceRows.length,
      labelled: referenceRows.filter((i) => referenceLogs.label[i] !== null).length
    },
    confidence,
    min_support: minSupport,
    correction: monitor.correction,
    status,
    headline: headline(newest, alerting.length, windows.length),
    alerting,
    windows
  }
}

function headline(newest: WindowResult | undefined, alerting: number, total: number): string {
  if (newest === undefined) return 'no window to monitor: every log row is in the reference'
  const of = `${alerting} of ${total} windows alert`
  if (newest.status === 'alert') {
    const more = newest.alerts.length > 1 ? ` (and ${newest.alerts.length - 1} more)` : ''
    return `the newest window (${newest.start}) alerts: ${newest.alerts[0]}${more}; ${of}`
  }
  if (newest.status === 'insufficient')
    return `the newest window (${newest.start}, ${newest.rows} row${newest.rows === 1 ? '' : 's'}) cannot be judged: too few rows for every check; ${of}`
  return `the newest window (${newest.start}) is within the reference; ${of}`
}

/**
 * Every performance gate names a binary metric, bounds a drop only of a metric with a better
 * direction (as the config's gates), and asks for segments only when there are some.
 */
function checkGates(loaded: LoadedConfig, monitor: MonitorConfig, segmented: boolean): void {
  const names = metricNames('binary')
  monitor.gates.forEach((gate, i) => {
    if (!names.includes(gate.metric)) {
      throw new UserInputError(
        `monitor.gates[${i}].metric: unknown binary metric '${gate.metric}'${didYouMean(gate.metric, names)}; expected one of ${names.join(', ')}`,
        loaded.locate(['monitor', 'gates', i, 'metric'], 'value')
      )
    }
    const drop = directionlessDrop(gate)
    if (drop !== null) {
      throw new UserInputError(
        `monitor.gates[${i}].${drop.rule}: ${drop.message}`,
        loaded.locate(['monitor', 'gates', i, drop.rule], 'key')
      )
    }
    if (gate.per_segment && !segmented) {
      throw new UserInputError(
        `monitor.gates[${i}].per_segment: there are no segments to judge (${loaded.config.segments === undefined ? 'the config has no segments section' : 'monitor.segments is false'}); remove per_segment or add segments`,
        loaded.locate(['monitor', 'gates', i, 'per_segment'], 'value')
      )
    }
  })
}
