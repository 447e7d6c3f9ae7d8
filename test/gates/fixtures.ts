/**
 * Shared fixtures of the gate tests: configs written as YAML lines (so the schema's defaults apply
 * and error lines are real), small evaluation documents with chosen values and intervals, and a
 * helper that runs the gates on them.
 */
import { parseConfig, type LoadedConfig } from '../../src/config/load.js'
import type { EvaluationDocument, SegmentResult } from '../../src/documents/evaluation.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { runGate } from '../../src/steps/gate.js'
import type { GateResult, VerdictDocument } from '../../src/gates/verdict.js'

/** The day the tests pretend it is. */
export const TODAY = new Date('2026-06-15T12:00:00Z')

/** A binary config over `Job` and `Home` with min_support 30, followed by `lines` (gates, waivers...). */
export function config(...lines: string[]): LoadedConfig {
  return parseConfig(
    [
      'version: 1',
      'model: { task: binary, predictions: c.csv, label: label, score: score }',
      'segments: { columns: [Job, Home], min_support: 30 }',
      ...lines
    ].join('\n') + '\n',
    'ml-gate.yml'
  )
}

/** A metric: value alone (no interval), `[value, lo, hi]`, or `null` (undefined, with a reason). */
export type MetricSpec = number | readonly [number, number, number] | null

export interface SegmentSpec {
  readonly n: number
  readonly metrics: Readonly<Record<string, MetricSpec>>
  /** Each metric's support; default `n`. */
  readonly supports?: Readonly<Record<string, number>>
}

/** A metric's value with `support` (the segment's rows unless `supports` names the metric). */
function metricValue(spec: MetricSpec, support: number): MetricValue {
  if (spec === null) return { value: null, ci: null, reason: 'only one class present in y_true', support }
  if (typeof spec === 'number') return { value: spec, ci: null, support }
  return { value: spec[0], ci: [spec[1], spec[2]], support }
}

/** An evaluation document with the given segments (`all` first), at confidence 0.95. */
export function evaluation(
  file: string,
  segments: Readonly<Record<string, SegmentSpec>>,
  confidence = 0.95
): EvaluationDocument {
  const rows = segments.all?.n ?? 0
  return {
    schema: 'ml-gate/evaluation@1',
    task: 'binary',
    file,
    rows,
    settings: {
      label: 'label',
      score: 'score',
      score_prefix: null,
      prediction: null,
      positive: 1,
      threshold: 0.5,
      weight: null,
      id: null,
      confidence,
      bootstrap: 1000,
      seed: 42,
      min_support: 30,
      segments: { columns: ['Job', 'Home'], bins: {}, cross: [] }
    },
    segments: Object.entries(segments).map(([key, s]): SegmentResult => ({
      key,
      column: key === 'all' ? null : key.slice(0, key.indexOf('=')),
      n: s.n,
      insufficient: s.n < 30,
      metrics: Object.fromEntries(
        Object.entries(s.metrics).map(([name, m]) => [name, metricValue(m, s.supports?.[name] ?? s.n)])
      )
    }))
  }
}

/** Runs the gates of `loaded` on documents; `baseline` null means none. */
export async function gate(
  loaded: LoadedConfig,
  candidate: EvaluationDocument,
  baseline: EvaluationDocument | null,
  now = TODAY
): Promise<VerdictDocument> {
  return (await runGate({ config: loaded, candidate, baseline, now })).verdict
}

/** The one result of `document` for `segment` (and `rule`, when the gate has several). */
export function resultFor(document: VerdictDocument, segment: string, rule?: string): GateResult {
  const found = document.results.filter(
    (r) => r.segment === segment && (rule === undefined || r.rule === rule)
  )
  if (found.length !== 1) throw new Error(`expected one result for ${segment}, found ${found.length}`)
  return found[0]
}
