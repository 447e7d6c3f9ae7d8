/**
 * Several named candidates: which one to ship. Among the candidates whose verdict is `pass` or
 * `warn`, rank by the selection metric on the selection segment (`select:`; the direction comes
 * from the catalog), best first, ties in config order.
 *
 * - `point`: the leader (rank 1) wins; `tie` when another ranked candidate has exactly its value.
 * - `significant`: for each other candidate that passes or warns, the advantage `d = leader − other`
 *   (`other − leader` when lower is better) with its interval: paired bootstrap when both carry
 *   the rows' state keyed by `model.id` and hold the same rows (`pairedDifference`), otherwise the
 *   unpaired normal approximation from each one's own interval (`quantity.ts`). The k − 1
 *   comparisons form a Holm family at family-wise level α = 1 − confidence: p-value of `d = 0`
 *   (normal approximation read off the interval, `boundPValue`), each interval at its Holm level
 *   (`holm.ts`). The leader wins without `tie` only when every interval lies wholly above 0;
 *   otherwise it still wins by point value, with `tie: true`.
 * - A candidate that passes or warns but whose selection value is undefined (or not finite) is
 *   not ranked (`rank: null`) and cannot win; in significant mode it keeps the leader from being
 *   shown better than it (a tie). No candidate ranked: no winner.
 */
import type { LoadedConfig } from '../config/load.js'
import type { SelectConfig } from '../config/types.js'
import { UserInputError } from '../errors.js'
import { describeMetric } from '../metrics/catalog.js'
import { OVERALL } from '../metrics/segmentation.js'
import { holmAdjust } from './holm.js'
import type { ModelResults } from './model-results.js'
import { boundPValue, measure, type Interval } from './quantity.js'
import type { Rule } from './rules.js'
import type { Selection, Verdict } from './verdict.js'
import { showInterval, showLevel, showNumber, showSigned } from './wording.js'

/** One candidate as selection sees it: its verdict and its whole evaluation. */
export interface Contender {
  readonly name: string
  readonly verdict: Verdict
  readonly results: ModelResults
}

/** A contender's place: `rank` 1 is the best that passes or warns; `null` when not ranked. */
export interface Placing {
  readonly rank: number | null
  readonly select_value: number | null
  readonly select_ci: readonly [number, number] | null
}

export interface SelectionOutcome {
  /** In the contenders' order. */
  readonly placings: readonly Placing[]
  readonly winner: string | null
  readonly selection: Selection
}

/**
 * The selection of `loaded`: its `select`, or by default the metric of the first gate whose metric
 * has a better direction, on `all`, in point mode.
 * @throws UserInputError at `model` when there is no `select` and no gate to take a metric from
 */
export function selectionSettings(loaded: LoadedConfig): SelectConfig {
  const { config } = loaded
  if (config.select !== undefined) return config.select
  const gate = config.gates.find((g) => describeMetric(g.metric)?.direction !== 'none')
  if (gate !== undefined) return { metric: gate.metric, segment: OVERALL, mode: 'point' }
  throw new UserInputError(
    'model: several named candidates are ranked by a metric, and no gate has one with a better ' +
      'direction to default to; add `select: { metric: roc_auc }` (or another metric) to the config',
    loaded.locate(['model'], 'key')
  )
}

/** Ranks `contenders` and names the winner, as the module comment says. */
export function selectWinner(
  contenders: readonly Contender[],
  settings: SelectConfig,
  confidence: number
): SelectionOutcome {
  const { metric, segment, mode } = settings
  const higher = describeMetric(metric)!.direction === 'higher'
  const values = contenders.map((c) => {
    const value = c.results.metric(segment, metric, confidence)
    const v = value?.value ?? null
    const finite = v !== null && Number.isFinite(v) && value?.defined !== false
    return { value: finite ? v : null, ci: finite ? (value?.ci ?? null) : null }
  })
  const eligible = contenders.map((_, i) => i).filter((i) => contenders[i].verdict !== 'fail')
  const ranked = eligible
    .filter((i) => values[i].value !== null)
    .sort(
      (a, b) => (higher ? values[b].value! - values[a].value! : values[a].value! - values[b].value!) || a - b
    )
  const placings = contenders.map((_, i) => {
    const at = ranked.indexOf(i)
    return { rank: at < 0 ? null : at + 1, select_value: values[i].value, select_ci: values[i].ci }
  })
  const about = `${metric} for ${segment} (${higher ? 'higher' : 'lower'} is better)`
  const base = { metric, segment, mode, higher_is_better: higher }
  const unranked = eligible.filter((i) => values[i].value === null).map((i) => contenders[i].name)
  const unrankedText =
    unranked.length === 0
      ? ''
      : `; not ranked, their ${metric} for ${segment} being undefined: ${unranked.join(', ')}`
  if (ranked.length === 0) {
    const why =
      eligible.length === 0
        ? 'no candidate passes or warns'
        : `no candidate that passes or warns has a defined ${metric} for ${segment}`
    return {
      placings,
      winner: null,
      selection: { ...base, tie: false, reason: `${why}: no winner${unrankedText}` }
    }
  }
  const leader = ranked[0]
  const name = contenders[leader].name
  const leads = `${name} leads on ${about} with ${showNumber(values[leader].value)}`
  if (mode === 'point') {
    const tied = ranked.slice(1).filter((i) => values[i].value === values[leader].value)
    const tie = tied.map((i) => contenders[i].name)
    const reason =
      ranked.length === 1
        ? `${leads}, the only candidate ranked${unrankedText}`
        : `${leads}` +
          (tie.length > 0
            ? `, the same value as ${tie.join(', ')}: a tie, broken by config order`
            : `, ahead of ${contenders[ranked[1]].name} (${showNumber(values[ranked[1]].value)})`) +
          ` (point values)${unrankedText}`
    return { placings, winner: name, selection: { ...base, tie: tie.length > 0, reason } }
  }
  const { tie, text } = significantLead(contenders, leader, ranked.slice(1), settings, confidence)
  const reason =
    ranked.length === 1 && unranked.length === 0
      ? `${leads}, the only candidate that passes or warns`
      : `${leads}; ${text}${unranked.length > 0 ? `; not shown better than ${unranked.join(', ')} (undefined ${metric}): a tie` : ''}`
  return {
    placings,
    winner: name,
    selection: { ...base, tie: tie || unranked.length > 0, reason }
  }
}

/** The leader's advantage over each of `others` (significant mode), Holm over the comparisons. */
function significantLead(
  contenders: readonly Contender[],
  leader: number,
  others: readonly number[],
  settings: SelectConfig,
  confidence: number
): { tie: boolean; text: string } {
  if (others.length === 0) return { tie: false, text: 'no other candidate is ranked' }
  const { metric, segment } = settings
  // The leader's drop against the other, bounded by 0: negative = the leader is better.
  const rule: Rule = { kind: 'max_drop', threshold: 0 }
  const direction = describeMetric(metric)!.direction
  const compared = others.map((i) => {
    const measured = measure({
      candidate: contenders[leader].results,
      baseline: contenders[i].results,
      key: segment,
      metric,
      direction,
      rule,
      confidence
    })
    if ('undefinedBecause' in measured) return { i, quantity: null, p: 1 }
    const q = measured.quantity
    const ci = q.interval(confidence)
    return { i, quantity: q, p: ci === null ? 1 : boundPValue(rule, q.value, ci, confidence) }
  })
  const holm = holmAdjust(
    compared.map((c) => c.p),
    confidence
  )
  let tie = false
  const parts = compared.map((c, k) => {
    const other = contenders[c.i].name
    if (c.quantity === null) {
      tie = true
      return `not comparable with ${other}: a tie`
    }
    const level = holm.confidence[k]
    const drop = c.quantity.interval(level)
    if (drop === null) {
      tie = true
      return `no interval of the difference with ${other} (${c.quantity.method}): a tie`
    }
    // The advantage is −drop: its interval is the drop's, negated and reversed.
    const advantage: Interval = [-drop[1], -drop[0]]
    const better = advantage[0] > 0
    if (!better) tie = true
    const method =
      c.quantity.method === 'paired bootstrap'
        ? `paired bootstrap (on the ${contenders[leader].results.segment(segment)?.n} ids of ${segment})`
        : c.quantity.method
    return (
      `advantage over ${other} ${showSigned(-c.quantity.value)}, ${showLevel(level)} ${method} ` +
      `interval ${showInterval(advantage)} ${better ? 'lies wholly above 0: better' : 'includes 0 or less: a tie'}`
    )
  })
  const family = `Holm over ${compared.length} comparison${compared.length === 1 ? '' : 's'} at family-wise ${showLevel(confidence)}`
  return {
    tie,
    text: `${parts.join('; ')} (${family})${tie ? '; the leader wins by point value, flagged tie' : ''}`
  }
}
