/**
 * What the config schema cannot check about `gates` and `waivers`, checked before any data is read:
 * metric names, metrics that fit the task and the rule, and segment columns that the `segments`
 * section actually configures. Each mistake is one `UserInputError` at its config line.
 */
import type { LoadedConfig } from '../config/load.js'
import type { Config, GateConfig, TaskKind } from '../config/types.js'
import { formatPath, type JsonPath } from '../config/yaml-source.js'
import { UserInputError } from '../errors.js'
import { describeMetric, METRICS, metricNames } from '../metrics/catalog.js'
import { familyOfKey, OVERALL, segmentFamilies, segmentKeyProblem } from '../metrics/segmentation.js'
import { didYouMean } from '../suggest.js'
import type { ModelResults } from './model-results.js'
import type { RuleBounds } from './rules.js'

/** The family names the config's `segments` section produces, in evaluation order. */
export function configuredFamilies(config: Config): string[] {
  const segments = config.segments
  return segmentFamilies({
    columns: segments?.columns ?? [],
    bins: segments?.bins ?? {},
    cross: segments?.cross ?? []
  }).map((family) => family.name)
}

/**
 * Checks every gate, waiver and the `select` of `loaded` against the metric catalog and the
 * segment families (a selection metric needs a better direction).
 *
 * @throws UserInputError at the offending config line, e.g.
 *   `ml-gate.yml:12:13: gates[1].metric: unknown metric 'recal' (did you mean 'recall'?); binary metrics: n, positives, …`
 */
export function checkGates(loaded: LoadedConfig): void {
  const { config } = loaded
  const fail = (path: JsonPath, message: string, part: 'key' | 'value' = 'value'): never => {
    throw new UserInputError(`${formatPath(path)}: ${message}`, loaded.locate(path, part))
  }
  if (config.gates.length === 0 && config.waivers.length === 0 && config.select === undefined) return
  if (config.model === undefined) {
    fail(
      ['gates'],
      'gates judge a model: add a `model` section naming the task, predictions and label',
      'key'
    )
  }
  const task = config.model!.task
  const families = configuredFamilies(config)
  const checkMetric = (path: JsonPath, name: string): void => {
    const info = describeMetric(name)
    if (info === undefined) {
      const known = metricNames(task)
      fail(
        path,
        `unknown metric '${name}'${didYouMean(name, allNames())}; ${task} metrics: ${known.join(', ')}`
      )
    }
    if (!info!.tasks.includes(task)) {
      fail(
        path,
        `${name} is a ${info!.tasks.join(' or ')} metric, but model.task is ${task}; ` +
          `${task} metrics: ${metricNames(task).join(', ')}`
      )
    }
  }
  /**
   * A key must follow the grammar of the evaluation's keys, or it could never match one; text
   * without '=' names a family (a waiver of an `across` gate names its column).
   */
  const checkKey = (path: JsonPath, key: string): void => {
    const problem = key.includes('=') ? segmentKeyProblem(key) : null
    if (problem !== null) fail(path, `segment key '${key}': ${problem}`)
    if (key !== OVERALL) checkFamily(path, familyOfKey(key), `segment key '${key}': column`)
  }
  const checkFamily = (path: JsonPath, family: string, what: string): void => {
    if (families.includes(family)) return
    fail(
      path,
      `${what} '${family}' is not a configured segment column${didYouMean(family, families)}; ` +
        (families.length === 0
          ? 'the config has no segments: add a `segments` section'
          : `configured: ${families.join(', ')} (see the segments section)`)
    )
  }

  config.gates.forEach((gate, i) => {
    checkMetric(['gates', i, 'metric'], gate.metric)
    checkRules(gate, i, task, fail)
    const perSegment = gate.per_segment
    if (typeof perSegment === 'string')
      checkFamily(['gates', i, 'per_segment'], perSegment, 'per_segment column')
    else if (Array.isArray(perSegment)) {
      perSegment.forEach((key: string, j: number) => {
        if (families.includes(key))
          fail(['gates', i, 'per_segment', j], columnListMessage(perSegment, families))
        checkKey(['gates', i, 'per_segment', j], key)
      })
    }
    if (gate.across !== undefined) checkFamily(['gates', i, 'across'], gate.across, 'across column')
  })
  config.waivers.forEach((waiver, j) => {
    if (waiver.metric !== undefined) checkMetric(['waivers', j, 'metric'], waiver.metric)
    if (waiver.segment !== undefined) checkKey(['waivers', j, 'segment'], waiver.segment)
  })
  const select = config.select
  if (select !== undefined) {
    checkMetric(['select', 'metric'], select.metric)
    if (describeMetric(select.metric)!.direction === 'none') {
      fail(
        ['select', 'metric'],
        `${select.metric} has no better direction (neither higher nor lower is better), so it cannot ` +
          'rank candidates; choose a metric such as roc_auc or log_loss'
      )
    }
    if (select.segment !== OVERALL && !select.segment.includes('=')) {
      fail(['select', 'segment'], `expected a segment key such as all or ${select.segment}=<value>`)
    }
    checkKey(['select', 'segment'], select.segment)
  }
}

/**
 * For `per_segment: [Job, Home]`: a list holds segment keys, so a column name in it judges nothing.
 * Says the three ways to write what was meant.
 */
function columnListMessage(list: readonly string[], families: readonly string[]): string {
  const columns = list.filter((key) => families.includes(key))
  const example = columns[0]
  return (
    `per_segment lists segment keys, and ${columns.map((c) => `'${c}'`).join(', ')} ` +
    `${columns.length === 1 ? 'is a column name' : 'are column names'}; write one column as a string ` +
    `(per_segment: ${example}), true for the segments of every column, or segment keys such as ` +
    `${example}=<value> (one gate per column for several columns)`
  )
}

/**
 * What can only be checked once the candidate is evaluated: every segment key a gate's
 * `per_segment` list or a waiver names is one of the candidate's segments (a waiver may also name
 * the column of an `across` gate, whose result carries the column as its segment). Otherwise a
 * typo (`Job=partim`) would be a `missing` result at gate time, or a waiver that silently never
 * applies.
 *
 * @throws UserInputError at the config line of the entry, with the closest segment suggested and
 *   the segments of its column listed
 */
export function checkSegmentKeys(loaded: LoadedConfig, candidate: ModelResults): void {
  const { config } = loaded
  const keys = candidate.segments.map((s) => s.key)
  const fail = (path: JsonPath, message: string): never => {
    throw new UserInputError(`${formatPath(path)}: ${message}`, loaded.locate(path))
  }
  const unknown = (path: JsonPath, key: string, names: readonly string[]): never => {
    const family = familyOfKey(key)
    const siblings = candidate.segments.filter((s) => s.family === family).map((s) => s.key)
    const shown = siblings.slice(0, SEGMENTS_SHOWN)
    const more = siblings.length > shown.length ? `, … (${siblings.length} in all)` : ''
    return fail(
      path,
      `no segment '${key}' in the candidate's evaluation ${candidate.file}${didYouMean(key, names)}; ` +
        (siblings.length === 0
          ? `it has no segment of ${family}`
          : `the segments of ${family}: ${shown.join(', ')}${more}`)
    )
  }
  config.gates.forEach((gate, i) => {
    if (!Array.isArray(gate.per_segment)) return
    gate.per_segment.forEach((key: string, j: number) => {
      if (!keys.includes(key)) unknown(['gates', i, 'per_segment', j], key, keys)
    })
  })
  const select = config.select?.segment
  if (select !== undefined && !keys.includes(select)) unknown(['select', 'segment'], select, keys)
  const families = configuredFamilies(config)
  const across = config.gates.flatMap((gate) => (gate.across === undefined ? [] : [gate.across]))
  config.waivers.forEach((waiver, j) => {
    const key = waiver.segment
    if (key === undefined || keys.includes(key) || across.includes(key)) return
    const path = ['waivers', j, 'segment']
    if (families.includes(key)) {
      const example = candidate.segments.find((s) => s.family === key)?.key ?? `${key}=<value>`
      fail(
        path,
        `'${key}' is a column, and no gate has \`across: ${key}\`; a waiver names a segment such as ` +
          `${example}, or the column of an across gate`
      )
    }
    unknown(path, key, [...keys, ...across])
  })
}

/** Segments of a column listed in the message about an unknown key. */
const SEGMENTS_SHOWN = 10

/** Every name a typo may be close to (per-class templates such as `recall[<class>]` aside). */
function allNames(): string[] {
  return METRICS.map((info) => info.name).filter((name) => !name.includes('['))
}

/**
 * The first rule of `gate` that bounds a drop of a metric with no better direction (neither higher
 * nor lower is better, so a drop means nothing), with why, or `null`. Shared by the config's gates
 * and the monitor's, which each say it at their own config line. The metric must be known.
 */
export function directionlessDrop(
  gate: RuleBounds & { readonly metric: string }
): { readonly rule: 'max_drop' | 'max_relative_drop'; readonly message: string } | null {
  if (describeMetric(gate.metric)!.direction !== 'none') return null
  const rule = (['max_drop', 'max_relative_drop'] as const).find((r) => gate[r] !== undefined)
  if (rule === undefined) return null
  return {
    rule,
    message:
      `${gate.metric} has no better direction (neither higher nor lower is better), so it cannot ` +
      'drop; bound it with min/max'
  }
}

/** Rules that do not fit the metric: a drop of a metric with no better direction, a ratio of signed values. */
function checkRules(
  gate: GateConfig,
  i: number,
  task: TaskKind,
  fail: (path: JsonPath, message: string, part?: 'key' | 'value') => never
): void {
  const info = describeMetric(gate.metric)!
  const drop = directionlessDrop(gate)
  if (drop !== null)
    fail(
      ['gates', i, drop.rule],
      `${drop.message}, or compare its segments with across and min_ratio/max_gap`,
      'key'
    )
  if (gate.min_ratio !== undefined && info.range[0] < 0) {
    fail(
      ['gates', i, 'min_ratio'],
      `${gate.metric} can be negative (range [${info.range[0]}, ${info.range[1]}]), so a min/max ratio ` +
        `across segments means nothing; use max_gap`,
      'key'
    )
  }
  if (gate.across !== undefined && gate.mode === 'significant') {
    fail(
      ['gates', i, 'mode'],
      `mode: significant is not available with across (a ratio or gap of ${task} segments has no ` +
        `interval here); use mode: point`
    )
  }
}
