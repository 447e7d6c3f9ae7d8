/** Rules compared against the baseline. */
const CHANGE_RULES = ['max_drop', 'max_relative_drop'];
/** Rules across the segments of one column. */
const ACROSS_RULES = ['min_ratio', 'max_gap'];
const ORDER = ['min', 'max', 'max_drop', 'max_relative_drop', 'min_ratio', 'max_gap'];
/**
 * The rules a gate states, in a fixed order (a gate may state several), each of a kind its type
 * allows (`min`, `max` or `max_drop` for a monitor gate).
 */
function rulesOf(gate) {
    return ORDER.flatMap((kind) => {
        const threshold = gate[kind];
        // A bound the gate states is one of its type's keys.
        return threshold === undefined ? [] : [{ kind: kind, threshold }];
    });
}
/** `min` and `min_ratio` are lower bounds; the others are upper bounds. */
function isLowerBound(kind) {
    return kind === 'min' || kind === 'min_ratio';
}
/**
 * How far `value` lies past the rule's bound, positive on the failing side:
 * `threshold − value` for lower bounds, `value − threshold` for upper bounds.
 */
function excess(rule, value) {
    return isLowerBound(rule.kind) ? rule.threshold - value : value - rule.threshold;
}
/**
 * Float rounding must not fail a value that sits exactly on its bound (0.8 − 0.75 is
 * 0.05000000000000004): an excess up to 1e-12·max(1, |threshold|) counts as on the bound.
 */
function tolerance(rule) {
    return 1e-12 * Math.max(1, Math.abs(rule.threshold));
}
/** Point mode: the value alone. A value on the bound holds. */
function decidePoint(rule, value) {
    return excess(rule, value) > tolerance(rule) ? 'beyond' : 'within';
}
/**
 * Significant mode: `beyond` when the whole interval lies past the bound, `within` when it lies
 * on the holding side (the bound included), `inconclusive` otherwise.
 */
function decideInterval(rule, ci) {
    const nearest = Math.min(excess(rule, ci[0]), excess(rule, ci[1]));
    const farthest = Math.max(excess(rule, ci[0]), excess(rule, ci[1]));
    if (nearest > tolerance(rule))
        return 'beyond';
    return farthest <= tolerance(rule) ? 'within' : 'inconclusive';
}
/** The comparison as written in a reason: `≥ min 0.75` / `> max_drop 0.05`. */
function comparison(rule, decision) {
    const lower = isLowerBound(rule.kind);
    const sign = decision === 'within' ? (lower ? '≥' : '≤') : lower ? '<' : '>';
    return `${sign} ${rule.kind} ${rule.threshold}`;
}

export { ACROSS_RULES as A, CHANGE_RULES as C, decidePoint as a, comparison as c, decideInterval as d, excess as e, isLowerBound as i, rulesOf as r };
