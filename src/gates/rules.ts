/**
 * The six rules a gate can state, and how a quantity is judged against one.
 *
 * Every rule bounds one quantity from one side:
 *
 * | rule                | quantity                                   | holds when          |
 * |---------------------|--------------------------------------------|---------------------|
 * | `min`               | the candidate's value                      | value ≥ min         |
 * | `max`               | the candidate's value                      | value ≤ max         |
 * | `max_drop`          | drop = −change (higher is better) or +change (lower is better), change = candidate − baseline | drop ≤ max_drop |
 * | `max_relative_drop` | drop / abs(baseline)                       | ≤ max_relative_drop |
 * | `min_ratio`         | lowest / highest value across segments     | ratio ≥ min_ratio   |
 * | `max_gap`           | highest − lowest value across segments     | gap ≤ max_gap       |
 *
 * A drop is positive when the candidate is worse, whichever way the metric points, so one bound
 * fits recall and log_loss alike.
 */
import type { RuleKind } from './verdict.js'

export interface Rule {
  readonly kind: RuleKind
  readonly threshold: number
}

/** Rules compared against the baseline. */
export const CHANGE_RULES: readonly RuleKind[] = ['max_drop', 'max_relative_drop']
/** Rules across the segments of one column. */
export const ACROSS_RULES: readonly RuleKind[] = ['min_ratio', 'max_gap']

const ORDER: readonly RuleKind[] = ['min', 'max', 'max_drop', 'max_relative_drop', 'min_ratio', 'max_gap']

/** The bounds a gate may state: a config gate states any of the six, a monitor gate only the point ones. */
export type RuleBounds = Readonly<Partial<Record<RuleKind, number>>>

/**
 * The rules a gate states, in a fixed order (a gate may state several), each of a kind its type
 * allows (`min`, `max` or `max_drop` for a monitor gate).
 */
export function rulesOf<G extends RuleBounds>(gate: G): (Rule & { readonly kind: keyof G & RuleKind })[] {
  return ORDER.flatMap((kind) => {
    const threshold = gate[kind]
    // A bound the gate states is one of its type's keys.
    return threshold === undefined ? [] : [{ kind: kind as keyof G & RuleKind, threshold }]
  })
}

/** `min` and `min_ratio` are lower bounds; the others are upper bounds. */
export function isLowerBound(kind: RuleKind): boolean {
  return kind === 'min' || kind === 'min_ratio'
}

/**
 * How far `value` lies past the rule's bound, positive on the failing side:
 * `threshold − value` for lower bounds, `value − threshold` for upper bounds.
 */
export function excess(rule: Rule, value: number): number {
  return isLowerBound(rule.kind) ? rule.threshold - value : value - rule.threshold
}

/**
 * Float rounding must not fail a value that sits exactly on its bound (0.8 − 0.75 is
 * 0.05000000000000004): an excess up to 1e-12·max(1, |threshold|) counts as on the bound.
 */
function tolerance(rule: Rule): number {
  return 1e-12 * Math.max(1, Math.abs(rule.threshold))
}

/** `within`: the rule holds; `beyond`: it is broken; `inconclusive`: an interval straddles the bound. */
export type Decision = 'within' | 'beyond' | 'inconclusive'

/** Point mode: the value alone. A value on the bound holds. */
export function decidePoint(rule: Rule, value: number): 'within' | 'beyond' {
  return excess(rule, value) > tolerance(rule) ? 'beyond' : 'within'
}

/**
 * Significant mode: `beyond` when the whole interval lies past the bound, `within` when it lies
 * on the holding side (the bound included), `inconclusive` otherwise.
 */
export function decideInterval(rule: Rule, ci: readonly [number, number]): Decision {
  const nearest = Math.min(excess(rule, ci[0]), excess(rule, ci[1]))
  const farthest = Math.max(excess(rule, ci[0]), excess(rule, ci[1]))
  if (nearest > tolerance(rule)) return 'beyond'
  return farthest <= tolerance(rule) ? 'within' : 'inconclusive'
}

/** The comparison as written in a reason: `≥ min 0.75` / `> max_drop 0.05`. */
export function comparison(rule: Rule, decision: 'within' | 'beyond'): string {
  const lower = isLowerBound(rule.kind)
  const sign = decision === 'within' ? (lower ? '≥' : '≤') : lower ? '<' : '>'
  return `${sign} ${rule.kind} ${rule.threshold}`
}
