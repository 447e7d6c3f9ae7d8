import { open, readFile } from 'node:fs/promises';
import { U as UserInputError, d as didYouMean } from './suggest.js';
import { D as DEFAULT_MIN_SUPPORT, e as evaluateSettingsFromConfig, a as evaluatePredictions } from './evaluate2.js';
import { n as formatPath } from './schema-validator.js';
import { O as OVERALL, s as segmentFamilies, d as describeMetric, m as metricNames, M as METRICS, c as confidenceLevel, p as percentileInterval, a as criticalValue } from './staging-thread.js';
import { n as normalTwoSidedP } from './special-functions.js';
import { f as formatNumber, r as renderTextTable } from './text-table.js';

/** The segment family of a key: `Job=partime` -> `Job`, `Home=rent&Job=fixed` -> `Home&Job`. */
function familyOfKey(key) {
    return key
        .split('&')
        .map((part) => {
        const equals = part.indexOf('=');
        return equals < 0 ? part : part.slice(0, equals);
    })
        .join('&');
}
/** The family names the config's `segments` section produces, in evaluation order. */
function configuredFamilies(config) {
    const segments = config.segments;
    return segmentFamilies({
        columns: segments?.columns ?? [],
        bins: segments?.bins ?? {},
        cross: segments?.cross ?? []
    }).map((family) => family.name);
}
/**
 * Checks every gate and waiver of `loaded` against the metric catalog and the segment families.
 *
 * @throws UserInputError at the offending config line, e.g.
 *   `ml-gate.yml:12:13: gates[1].metric: unknown metric 'recal' (did you mean 'recall'?); binary metrics: n, positives, …`
 */
function checkGates(loaded) {
    const { config } = loaded;
    const fail = (path, message, part = 'value') => {
        throw new UserInputError(`${formatPath(path)}: ${message}`, loaded.locate(path, part));
    };
    if (config.gates.length === 0 && config.waivers.length === 0)
        return;
    if (config.model === undefined) {
        fail(['gates'], 'gates judge a model: add a `model` section naming the task, predictions and label', 'key');
    }
    const task = config.model.task;
    const families = configuredFamilies(config);
    const checkMetric = (path, name) => {
        const info = describeMetric(name);
        if (info === undefined) {
            const known = metricNames(task);
            fail(path, `unknown metric '${name}'${didYouMean(name, allNames())}; ${task} metrics: ${known.join(', ')}`);
        }
        if (!info.tasks.includes(task)) {
            fail(path, `${name} is a ${info.tasks.join(' or ')} metric, but model.task is ${task}; ` +
                `${task} metrics: ${metricNames(task).join(', ')}`);
        }
    };
    const checkFamily = (path, family, what) => {
        if (families.includes(family))
            return;
        fail(path, `${what} '${family}' is not a configured segment column${didYouMean(family, families)}; ` +
            (families.length === 0
                ? 'the config has no segments: add a `segments` section'
                : `configured: ${families.join(', ')} (see the segments section)`));
    };
    config.gates.forEach((gate, i) => {
        checkMetric(['gates', i, 'metric'], gate.metric);
        checkRules(gate, i, task, fail);
        const perSegment = gate.per_segment;
        if (typeof perSegment === 'string')
            checkFamily(['gates', i, 'per_segment'], perSegment, 'per_segment column');
        else if (Array.isArray(perSegment)) {
            perSegment.forEach((key, j) => {
                if (key !== OVERALL) {
                    checkFamily(['gates', i, 'per_segment', j], familyOfKey(key), `segment key '${key}': column`);
                }
            });
        }
        if (gate.across !== undefined)
            checkFamily(['gates', i, 'across'], gate.across, 'across column');
    });
    config.waivers.forEach((waiver, j) => {
        if (waiver.metric !== undefined)
            checkMetric(['waivers', j, 'metric'], waiver.metric);
        if (waiver.segment !== undefined && waiver.segment !== OVERALL) {
            checkFamily(['waivers', j, 'segment'], familyOfKey(waiver.segment), `segment key '${waiver.segment}': column`);
        }
    });
}
/** Every name a typo may be close to (per-class templates such as `recall[<class>]` aside). */
function allNames() {
    return METRICS.map((info) => info.name).filter((name) => !name.includes('['));
}
/** Rules that do not fit the metric: a drop of a metric with no better direction, a ratio of signed values. */
function checkRules(gate, i, task, fail) {
    const info = describeMetric(gate.metric);
    for (const rule of ['max_drop', 'max_relative_drop']) {
        if (gate[rule] !== undefined && info.direction === 'none') {
            fail(['gates', i, rule], `${gate.metric} has no better direction (neither higher nor lower is better), so it cannot ` +
                `drop; bound it with min/max, or compare its segments with across and min_ratio/max_gap`, 'key');
        }
    }
    if (gate.min_ratio !== undefined && info.range[0] < 0) {
        fail(['gates', i, 'min_ratio'], `${gate.metric} can be negative (range [${info.range[0]}, ${info.range[1]}]), so a min/max ratio ` +
            `across segments means nothing; use max_gap`, 'key');
    }
    if (gate.across !== undefined && gate.mode === 'significant') {
        fail(['gates', i, 'mode'], `mode: significant is not available with across (a ratio or gap of ${task} segments has no ` +
            `interval here); use mode: point`);
    }
}

/**
 * Holm's step-down correction for the m segments one significance-aware rule judges at once, as
 * adjusted p-values and as the confidence level each segment's interval is computed at, so that
 * the interval decision and the adjusted p-value tell the same story.
 */
/**
 * Holm adjustment of `pValues` (each in [0, 1]) at family-wise confidence `confidence`.
 * Ties keep input order. An empty list gives empty arrays.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03], 0.95)
 * // adjusted: [0.03, 0.06, 0.06]   (sorted 0.01, 0.03, 0.04 -> 3·0.01, 2·0.03, max(0.06, 1·0.04))
 * // confidence: [1 − 0.05/3, 0.975, 0.975]   (rank 2 fails 0.03 > 0.025: rank 3 keeps 0.025)
 */
function holmAdjust(pValues, confidence) {
    const m = pValues.length;
    const alpha = 1 - confidence;
    const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
    const adjusted = new Array(m);
    const levels = new Array(m);
    let running = 0;
    let stopped = null;
    order.forEach((index, rank) => {
        const factor = m - rank;
        running = Math.max(running, Math.min(1, factor * pValues[index]));
        adjusted[index] = running;
        const level = stopped ?? alpha / factor;
        if (stopped === null && pValues[index] > level)
            stopped = level;
        levels[index] = 1 - level;
    });
    return { adjusted, confidence: levels };
}

/**
 * Candidate versus baseline on the same rows: the difference of a metric with a paired bootstrap
 * interval and p-value, for significance-aware gates.
 *
 * Pairing comes for free from the bucketed Poisson bootstrap: a row's bucket depends only on (seed,
 * rowKey) and a bucket's weight in replicate b only on (seed, bucket, b), so when both accumulators
 * saw the same row keys with the same seed, replicate b of the candidate and replicate b of the
 * baseline weigh every row alike, and `candidate_b − baseline_b` is a draw from the bootstrap
 * distribution of the difference. Rank metrics above 5,000 rows use the m-out-of-n replicates of the
 * hash sample (`hash-sample.ts`), which holds the same rows for both models: still paired.
 */
/**
 * The paired difference `candidate − baseline` of one metric.
 *
 * Requires accumulators of the same task and bootstrap settings that saw the same row keys (checked
 * by their digests); otherwise every field is `null` with a reason. Counts have no difference test.
 *
 * @example
 * // credit, Job=partime, default 1000 replicates, seed 42:
 * pairedDifference(candidate, baseline, 'recall')
 * // { difference: -0.2981, ci: [-0.3945, -0.2020], pValue: 0.002 }  (2/1001: no replicate reached 0)
 */
function pairedDifference(candidate, baseline, metric, options = {}) {
    const confidence = confidenceLevel(options);
    const unavailable = (reason) => ({
        difference: null,
        ci: null,
        pValue: null,
        reason
    });
    if (candidate.task !== baseline.task)
        return unavailable(`cannot compare a ${candidate.task} model with a ${baseline.task} one`);
    if (!candidate.names().includes(metric))
        return unavailable(`${metric} is not a ${candidate.task} metric`);
    if (describeMetric(metric)?.interval === 'none')
        return unavailable(`${metric} is a count; it has no paired test`);
    if (candidate.bootstrap.seed !== baseline.bootstrap.seed ||
        candidate.bootstrap.replicates !== baseline.bootstrap.replicates) {
        return unavailable('candidate and baseline were accumulated with different bootstrap settings');
    }
    if (!candidate.digest.equals(baseline.digest)) {
        return unavailable(`candidate and baseline were not scored on the same rows (${candidate.digest.rows} and ${baseline.digest.rows} rows, different row keys)`);
    }
    const a = candidate.estimate(metric);
    const b = baseline.estimate(metric);
    if (a.value === null || b.value === null) {
        return unavailable(`${metric} is undefined for the ${a.value === null ? 'candidate' : 'baseline'}: ${(a.value === null ? a : b).reason}`);
    }
    const left = candidate.replicates(metric);
    const right = baseline.replicates(metric);
    const differences = new Float64Array(left.length);
    let below = 0;
    let above = 0;
    let m = 0;
    for (let i = 0; i < left.length; i++) {
        differences[i] = left[i] - right[i];
        if (Number.isNaN(differences[i]))
            continue;
        m++;
        if (differences[i] <= 0)
            below++;
        if (differences[i] >= 0)
            above++;
    }
    const { ci, reason } = percentileInterval(differences, confidence);
    const pValue = ci ? Math.min(1, (2 * Math.min(below + 1, above + 1)) / (m + 1)) : null;
    const difference = a.value - b.value;
    return reason === undefined ? { difference, ci, pValue } : { difference, ci, pValue, reason };
}

/**
 * How numbers read in gate reasons and headlines: three significant digits (`0.798`, `0.500`,
 * `0.00391`), a true minus sign, and never a rounding that makes a comparison look false.
 */
const MINUS = '−';
/**
 * `value` to `digits` significant digits (trailing zeros kept: `0.500`), integers in full, very
 * large or very small magnitudes as `formatNumber` writes them, `—` for `null`.
 *
 * @example showNumber(-0.29807692) // '−0.298'
 */
function showNumber(value, digits = 3) {
    if (value === null)
        return '—';
    const magnitude = Math.abs(value);
    const text = Number.isInteger(value) || magnitude >= 1e4 || (magnitude !== 0 && magnitude < 1e-4)
        ? formatNumber(value, digits)
        : value.toPrecision(digits);
    return text.replace(/^-/, MINUS);
}
/** `showNumber` with a sign: `+0.00391`, `−0.298`, `0`. */
function showSigned(value) {
    return value > 0 ? `+${showNumber(value)}` : showNumber(value);
}
/**
 * `value` with as many digits as it takes to differ from `bound` when it differs (so that
 * `0.7499 < 0.75` never reads `0.750 < 0.75`).
 *
 * @example showAgainst(0.7499, 0.75) // '0.7499'
 */
function showAgainst(value, bound) {
    let digits = 3;
    while (digits < 15 && value !== bound && showNumber(value, digits) === showNumber(bound, digits))
        digits++;
    return showNumber(value, digits);
}
/** A fraction as a percentage: `−0.3734` -> `−37.3%`. */
function showPercent(value) {
    return `${showNumber(value * 100)}%`;
}
/** An interval: `[0.191, 0.405]`. */
function showInterval(ci) {
    return `[${showNumber(ci[0])}, ${showNumber(ci[1])}]`;
}
/** A confidence level: `0.95` -> `95%`, `0.99762` -> `99.76%`. */
function showLevel(confidence) {
    return `${Number((confidence * 100).toPrecision(4))}%`;
}

/**
 * The quantity a `min`, `max`, `max_drop` or `max_relative_drop` rule judges for one segment, with
 * the formula that produced it and its interval at any confidence level.
 *
 * Intervals, by rule:
 * - `min` / `max`: the candidate's own interval of the metric (Wilson, DeLong or bootstrap, as the
 *   catalog says), recomputed at the requested level when the predictions were evaluated here.
 * - changes, paired: when both models were evaluated here from predictions with an id column, the
 *   paired bootstrap interval of `candidate − baseline` (`pairedDifference`: same rows, same
 *   resamples), at the requested level.
 * - changes, unpaired (an evaluation document, or no id column): the normal approximation
 *   `change ± z·√(se_c² + se_b²)`, each `se = (upper − lower) / (2·z)` read off that model's own
 *   interval. Conservative for positively correlated models, which is the usual case.
 * - relative drops: the drop's interval divided by abs(baseline) (the baseline taken as fixed).
 */
/**
 * The quantity of one rule on one segment. The caller has checked that the candidate (and, for a
 * change, the baseline) reports the metric for the segment with enough rows and a defined value.
 */
function measure(input) {
    const { candidate, key, metric, rule } = input;
    const c = candidate.metric(key, metric, input.confidence);
    const cValue = c.value;
    const b = input.baseline?.metric(key, metric, input.baseline.confidence);
    const bValue = b?.value ?? null;
    const change = bValue === null ? null : cValue - bValue;
    const relativeChange = change === null || bValue === 0 ? null : change / Math.abs(bValue);
    const common = { candidate: cValue, baseline: bValue, change, relativeChange };
    if (rule.kind === 'min' || rule.kind === 'max') {
        return {
            quantity: {
                ...common,
                value: cValue,
                name: metric,
                formula: `${metric} = ${showNumber(cValue)}`,
                // The catalog's interval method: wilson, delong, bootstrap...
                method: c.ci === null ? 'no' : (describeMetric(metric)?.interval ?? 'no'),
                interval: (level) => candidate.metric(key, metric, level)?.ci ?? null
            }
        };
    }
    const changeInterval = changeIntervals(input);
    const sign = input.direction === 'higher' ? -1 : 1;
    const drop = sign * change;
    const toDrop = (ci) => (sign < 0 ? [-ci[1], -ci[0]] : ci);
    const changeFormula = `change = candidate − baseline = ${showNumber(cValue)} − ${showNumber(bValue)} = ${showSigned(change)}; ` +
        (sign < 0
            ? `drop = −change = ${showNumber(drop)} (higher is better)`
            : `drop = change = ${showNumber(drop)} (lower is better)`);
    if (rule.kind === 'max_drop') {
        return {
            quantity: {
                ...common,
                value: drop,
                name: 'drop',
                formula: changeFormula,
                method: changeInterval.method,
                interval: (level) => {
                    const ci = changeInterval.at(level);
                    return ci === null ? null : toDrop(ci);
                }
            }
        };
    }
    if (bValue === 0)
        return { undefinedBecause: `the baseline's ${metric} is 0, so a relative drop is undefined` };
    const scale = Math.abs(bValue);
    return {
        quantity: {
            ...common,
            value: drop / scale,
            name: 'relative drop',
            formula: `${changeFormula}; relative drop = drop / |baseline| = ${showNumber(drop)} / ${showNumber(scale)} = ${showNumber(drop / scale)}`,
            method: changeInterval.method,
            interval: (level) => {
                const ci = changeInterval.at(level);
                if (ci === null)
                    return null;
                const d = toDrop(ci);
                return [d[0] / scale, d[1] / scale];
            }
        }
    };
}
/** Paired when both models carry accumulators keyed by an id column, unpaired otherwise. */
function changeIntervals(input) {
    const { candidate, key, metric } = input;
    const baseline = input.baseline;
    const cSource = candidate.source(key);
    const bSource = baseline.source(key);
    let fallback = 'unpaired normal';
    if (candidate.pairedBy !== null && baseline.pairedBy !== null && cSource && bSource) {
        const probe = pairedDifference(cSource, bSource, metric, { confidence: input.confidence });
        if (probe.ci !== null) {
            return {
                method: 'paired bootstrap',
                at: (confidence) => pairedDifference(cSource, bSource, metric, { confidence }).ci
            };
        }
        fallback = `unpaired normal (no paired interval: ${probe.reason ?? 'undefined in every replicate'})`;
    }
    const c = candidate.metric(key, metric, candidate.confidence);
    const b = baseline.metric(key, metric, baseline.confidence);
    if (c.ci === null || b.ci === null)
        return { method: 'no', at: () => null };
    const se = Math.hypot((c.ci[1] - c.ci[0]) / (2 * criticalValue(candidate.confidence)), (b.ci[1] - b.ci[0]) / (2 * criticalValue(baseline.confidence)));
    const change = c.value - b.value;
    return {
        method: fallback,
        at: (confidence) => {
            const half = criticalValue(confidence) * se;
            return [change - half, change + half];
        }
    };
}
/**
 * Two-sided p-value of "the quantity lies exactly on the bound", by the normal approximation read
 * off its interval `ci` at level `confidence`: `se = d / z` with `d` the distance from the value to
 * the interval's end on the bound's side, `p = P(|Z| ≥ |value − bound| / se)`. A zero-width
 * interval gives 1 on the bound and 0 off it.
 *
 * @example boundPValue({ kind: 'min', threshold: 0.75 }, 0.8, [0.7, 0.9], 0.95) // ≈ 0.327
 */
function boundPValue(rule, value, ci, confidence) {
    const bound = rule.threshold;
    const towardBound = bound < value ? value - ci[0] : ci[1] - value;
    const se = towardBound / criticalValue(confidence);
    if (!(se > 0))
        return value === bound ? 1 : 0;
    return Math.min(1, normalTwoSidedP((value - bound) / se));
}

/** Rules compared against the baseline. */
const CHANGE_RULES = ['max_drop', 'max_relative_drop'];
/** Rules across the segments of one column. */
const ACROSS_RULES = ['min_ratio', 'max_gap'];
const ORDER = ['min', 'max', 'max_drop', 'max_relative_drop', 'min_ratio', 'max_gap'];
/** The rules a gate states, in a fixed order (a gate may state several). */
function rulesOf(gate) {
    return ORDER.flatMap((kind) => (gate[kind] === undefined ? [] : [{ kind, threshold: gate[kind] }]));
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

/** `now` as the UTC calendar date `YYYY-MM-DD`, the format of `expires`. */
function utcDate(now) {
    return now.toISOString().slice(0, 10);
}
/** A waiver is expired from the day after `expires` on (UTC). */
function isExpired(waiver, today) {
    return waiver.expires !== undefined && waiver.expires < today;
}
/** The waivers matching `metric` on `segment`, split into the first active and the first expired. */
function matchWaiver(waivers, metric, segment, today) {
    const matching = waivers.filter((w) => (w.metric === undefined || w.metric === metric) && (w.segment === undefined || w.segment === segment));
    const active = matching.find((w) => !isExpired(w, today));
    const expired = matching.find((w) => isExpired(w, today));
    return { ...(active && { active }), ...(expired && { expired }) };
}
/** `waiver 2 (recall on Home=ignore) expired on 2026-01-31 and no longer applies`. */
function expiryNote(waiver, index) {
    const what = [waiver.metric, waiver.segment && `on ${waiver.segment}`].filter(Boolean).join(' ');
    return `waiver ${index + 1} (${what}: "${waiver.reason}") expired on ${waiver.expires} and no longer applies`;
}

/** Every result of every gate, in config order (gates, then rules, then segments). */
function judgeGates(input) {
    const context = {
        ...input,
        minSupport: input.config.segments?.min_support ?? DEFAULT_MIN_SUPPORT,
        confidence: input.config.evaluation.confidence
    };
    const today = utcDate(input.now);
    return input.config.gates.flatMap((gate, index) => rulesOf(gate).flatMap((rule) => {
        const header = {
            gate: gate.name ?? `${gate.metric} ${rule.kind} ${rule.threshold}`,
            gate_index: index,
            metric: gate.metric,
            rule: rule.kind,
            threshold: rule.threshold,
            mode: gate.mode,
            severity: gate.severity
        };
        const drafts = ACROSS_RULES.includes(rule.kind)
            ? [judgeAcross(context, gate, rule, header)]
            : judgeSegments(context, gate, rule, header);
        return drafts.map((draft) => settle(draft, gate, input.config, today));
    }));
}
/** Applies `on_missing`, waivers and severity: the final status. */
function settle(draft, gate, config, today) {
    if (draft.status === 'inconclusive')
        return { ...draft, status: 'warn' };
    if (draft.status === 'missing' && gate.on_missing === 'skip') {
        return { ...draft, status: 'skipped', reason: `${draft.reason}; on_missing: skip` };
    }
    if (draft.status !== 'fail')
        return { ...draft, status: draft.status };
    const { active, expired } = matchWaiver(config.waivers, draft.metric, draft.segment, today);
    if (active) {
        const until = active.expires === undefined ? 'no expiry' : `until ${active.expires}`;
        return {
            ...draft,
            status: 'waived',
            reason: `${draft.reason}; waived (${until}): ${active.reason}`,
            waiver: { reason: active.reason, expires: active.expires ?? null }
        };
    }
    const expiredNote = expired ? `; the waiver "${expired.reason}" expired on ${expired.expires}` : '';
    if (gate.severity === 'warn') {
        return { ...draft, status: 'warn', reason: `${draft.reason}${expiredNote}; severity: warn` };
    }
    return { ...draft, status: 'fail', reason: `${draft.reason}${expiredNote}` };
}
/** The blank result of `header` on `segment`, to which each outcome adds its fields. */
function blank(header, segment) {
    return {
        ...header,
        segment,
        status: 'missing',
        n: null,
        candidate: null,
        baseline: null,
        change: null,
        relative_change: null,
        ci: null,
        confidence: null,
        p_value: null,
        adjusted_p_value: null,
        excess: null,
        reason: ''
    };
}
/** The segment keys a gate judges, `all` first. */
function segmentKeys(gate, candidate) {
    const perSegment = gate.per_segment;
    if (perSegment === false)
        return [OVERALL];
    if (perSegment === true)
        return candidate.segments.map((s) => s.key);
    if (typeof perSegment === 'string') {
        const keys = candidate.segments.filter((s) => s.family === perSegment).map((s) => s.key);
        // A column with no segment in the evaluation is itself missing.
        return [OVERALL, ...(keys.length > 0 ? keys : [perSegment])];
    }
    return [OVERALL, ...perSegment.filter((key) => key !== OVERALL)];
}
function judgeSegments(context, gate, rule, header) {
    const prepared = segmentKeys(gate, context.candidate).map((key) => prepare(context, gate, rule, blank(header, key)));
    const judged = prepared.filter((p) => p.quantity !== undefined);
    const levels = gate.mode === 'significant' ? holmLevels(judged, rule, context.confidence) : new Map();
    return prepared.map((p) => p.quantity === undefined ? p.draft : decide(p.draft, p.quantity, rule, context, levels.get(p) ?? null));
}
/**
 * The checks before a segment can be measured, in order: segment and metric present, enough
 * rows, a defined value; for a change, the same of the baseline.
 */
function prepare(context, gate, rule, draft) {
    const { candidate, baseline, minSupport } = context;
    const key = draft.segment;
    const metric = gate.metric;
    const about = `${metric} for ${key}`;
    const stop = (status, reason, fields = {}) => ({
        draft: { ...draft, ...fields, status, reason: `${about}: ${reason}` }
    });
    const segment = candidate.segment(key);
    if (segment === undefined)
        return stop('missing', `the candidate's evaluation has no segment ${key}`);
    const c = candidate.metric(key, metric, context.confidence);
    if (c === undefined)
        return stop('missing', `the candidate's evaluation does not report ${metric}`);
    const seen = { n: segment.n, candidate: c.value };
    if (segment.n < minSupport) {
        return stop('insufficient', `${segment.n} rows, fewer than min_support ${minSupport}: not judged`, seen);
    }
    if (c.value === null)
        return stop('insufficient', `undefined for the candidate: ${c.reason}`, seen);
    if (CHANGE_RULES.includes(rule.kind)) {
        if (baseline === null) {
            return context.config.on_missing_baseline === 'fail'
                ? stop('missing', `no baseline to compare with (on_missing_baseline: fail)`, seen)
                : stop('skipped', `no baseline to compare with: ${rule.kind} skipped`, seen);
        }
        const baseSegment = baseline.segment(key);
        if (baseSegment === undefined)
            return stop('missing', `the baseline's evaluation has no segment ${key}`, seen);
        const b = baseline.metric(key, metric, baseline.confidence);
        if (b === undefined)
            return stop('missing', `the baseline's evaluation does not report ${metric}`, seen);
        if (baseSegment.n < minSupport) {
            return stop('insufficient', `${baseSegment.n} rows in the baseline, fewer than min_support ${minSupport}: not judged`, seen);
        }
        if (b.value === null)
            return stop('insufficient', `undefined for the baseline: ${b.reason}`, seen);
    }
    const measured = measure({
        candidate,
        baseline,
        key,
        metric,
        direction: describeMetric(metric).direction,
        rule,
        confidence: context.confidence
    });
    if ('undefinedBecause' in measured)
        return stop('insufficient', measured.undefinedBecause, seen);
    return { draft: { ...draft, n: segment.n }, quantity: measured.quantity };
}
/** Holm over the segments whose quantity has an interval; the others are compared as points. */
function holmLevels(judged, rule, confidence) {
    const tested = [];
    for (const prepared of judged) {
        const q = prepared.quantity;
        const ci = q.interval(confidence);
        if (ci !== null)
            tested.push({ prepared, p: boundPValue(rule, q.value, ci, confidence) });
    }
    const holm = holmAdjust(tested.map((t) => t.p), confidence);
    return new Map(tested.map((t, i) => [
        t.prepared,
        { pValue: t.p, adjusted: holm.adjusted[i], confidence: holm.confidence[i], family: tested.length }
    ]));
}
const OUTCOME = {
    within: 'pass',
    beyond: 'fail',
    inconclusive: 'inconclusive'
};
function decide(draft, q, rule, context, holm) {
    const values = {
        candidate: q.candidate,
        baseline: q.baseline,
        change: q.change,
        relative_change: q.relativeChange,
        excess: excess(rule, q.value)
    };
    const about = `${draft.metric} for ${draft.segment} (n = ${draft.n}): ${q.formula}`;
    const pointText = (decision) => `${showAgainst(q.value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`;
    if (draft.mode === 'point' || holm === null) {
        const decision = decidePoint(rule, q.value);
        const ci = q.interval(context.confidence);
        const note = draft.mode === 'significant' ? `; no interval of the ${q.name}: compared as a point value` : '';
        return {
            ...draft,
            ...values,
            status: OUTCOME[decision],
            ci,
            confidence: ci === null ? null : context.confidence,
            reason: `${about}; ${pointText(decision)}${note}`
        };
    }
    const ci = q.interval(holm.confidence);
    const decision = decideInterval(rule, ci);
    const level = holm.confidence === context.confidence
        ? showLevel(holm.confidence)
        : `${showLevel(holm.confidence)} (Holm-adjusted over ${holm.family} segments)`;
    const reason = `${about}; ${level} ${q.method} interval of the ${q.name} ${showInterval(ci)} ` +
        `${where(rule, decision)} → ${OUTCOME[decision]}; p = ${showNumber(holm.pValue)} ` +
        `(H0: ${q.name} = ${rule.threshold}), Holm-adjusted p = ${showNumber(holm.adjusted)}`;
    return {
        ...draft,
        ...values,
        status: OUTCOME[decision],
        ci,
        confidence: holm.confidence,
        p_value: holm.pValue,
        adjusted_p_value: holm.adjusted,
        reason
    };
}
/** `lies wholly above max_drop 0.05`, `straddles min 0.75`. */
function where(rule, decision) {
    const bound = `${rule.kind} ${rule.threshold}`;
    if (decision === 'inconclusive')
        return `straddles ${bound}`;
    const below = isLowerBound(rule.kind) === (decision === 'beyond');
    return `lies wholly ${below ? 'below' : 'above'}${decision === 'within' ? ' or on' : ''} ${bound}`;
}
/**
 * `min_ratio` / `max_gap`: the metric across the segments of one column that have at least
 * `min_support` rows and a defined value; needs two of them. `ratio = lowest / highest`,
 * `gap = highest − lowest`. Point values only (the config rejects `mode: significant` here).
 */
function judgeAcross(context, gate, rule, header) {
    const column = gate.across;
    const draft = blank(header, column);
    const metric = gate.metric;
    const about = `${metric} across ${column}`;
    const segments = context.candidate.segments.filter((s) => s.family === column);
    if (segments.length === 0) {
        return { ...draft, reason: `${about}: the candidate's evaluation has no segments of ${column}` };
    }
    const judged = [];
    const left = [];
    for (const s of segments) {
        const value = context.candidate.metric(s.key, metric, context.confidence)?.value ?? null;
        if (s.n >= context.minSupport && value !== null)
            judged.push({ key: s.key, value });
        else
            left.push(`${s.key} (${s.n < context.minSupport ? `${s.n} rows` : 'undefined'})`);
    }
    const leftOut = left.length === 0 ? '' : `; left out: ${left.join(', ')}`;
    if (judged.length < 2) {
        return {
            ...draft,
            status: 'insufficient',
            reason: `${about}: needs 2 segments with at least ${context.minSupport} rows and a defined value, found ${judged.length}${leftOut}`
        };
    }
    const lowest = judged.reduce((a, b) => (b.value < a.value ? b : a));
    const highest = judged.reduce((a, b) => (b.value > a.value ? b : a));
    const range = `lowest ${lowest.key} ${showNumber(lowest.value)}, highest ${highest.key} ${showNumber(highest.value)} (${judged.length} segments${leftOut})`;
    let value;
    let formula;
    if (rule.kind === 'min_ratio') {
        if (highest.value === 0) {
            return {
                ...draft,
                status: 'insufficient',
                reason: `${about}: every segment is 0, so the ratio is undefined`
            };
        }
        value = lowest.value / highest.value;
        formula = `ratio = lowest / highest = ${showNumber(lowest.value)} / ${showNumber(highest.value)} = ${showNumber(value)}`;
    }
    else {
        value = highest.value - lowest.value;
        formula = `gap = highest − lowest = ${showNumber(highest.value)} − ${showNumber(lowest.value)} = ${showNumber(value)}`;
    }
    const decision = decidePoint(rule, value);
    return {
        ...draft,
        status: OUTCOME[decision],
        candidate: value,
        excess: excess(rule, value),
        reason: `${about}: ${range}; ${formula}; ${showAgainst(value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`
    };
}

function resultsFromEvaluation(evaluation) {
    const families = evaluation.families;
    const summaries = [...evaluation.segments.values()].map((s) => ({
        key: s.key,
        family: s.family < 0 ? null : families[s.family].name,
        n: s.rows
    }));
    const byKey = new Map(summaries.map((s) => [s.key, s]));
    // finalize computes every metric of a segment; gates ask for a few at a handful of levels.
    const cache = new Map();
    return {
        file: evaluation.file,
        task: evaluation.settings.model.task,
        confidence: evaluation.settings.confidence,
        pairedBy: evaluation.settings.model.id ?? null,
        segments: summaries,
        segment: (key) => byKey.get(key),
        metric(key, name, confidence) {
            const segment = evaluation.segments.get(key);
            if (segment === undefined)
                return undefined;
            const cacheKey = `${confidence}\u0000${key}`;
            let metrics = cache.get(cacheKey);
            if (metrics === undefined) {
                metrics = segment.metrics.finalize({ confidence });
                cache.set(cacheKey, metrics);
            }
            return metrics[name];
        },
        source: (key) => evaluation.segments.get(key)?.metrics
    };
}
function resultsFromDocument(document) {
    const summaries = document.segments.map((s) => ({ key: s.key, family: s.column, n: s.n }));
    const summaryByKey = new Map(summaries.map((s) => [s.key, s]));
    const byKey = new Map(document.segments.map((s) => [s.key, s]));
    const stored = document.settings.confidence;
    return {
        file: document.file,
        task: document.task,
        confidence: stored,
        pairedBy: null,
        segments: summaries,
        segment: (key) => summaryByKey.get(key),
        metric(key, name, confidence) {
            const value = byKey.get(key)?.metrics[name];
            if (value === undefined || value.ci === null || value.value === null || confidence === stored)
                return value;
            return { ...value, ci: rescaleInterval(value.value, value.ci, stored, confidence, name) };
        },
        source: () => undefined
    };
}
function rescaleInterval(value, ci, from, to, name) {
    const factor = criticalValue(to) / criticalValue(from);
    const [lo, hi] = describeMetric(name)?.range ?? [-Infinity, Infinity];
    return [Math.max(lo, value - (value - ci[0]) * factor), Math.min(hi, value + (ci[1] - value) * factor)];
}

const STATUSES = [
    'pass',
    'fail',
    'warn',
    'insufficient',
    'missing',
    'skipped',
    'waived'
];
/** What a result does to the run: `fail`, `warn` or nothing. */
function resultWeight(result) {
    if (result.status === 'fail')
        return 'fail';
    if (result.status === 'missing')
        return result.severity === 'fail' ? 'fail' : 'warn';
    return result.status === 'warn' ? 'warn' : 'pass';
}
function verdictDocument(input) {
    const { results } = input;
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const r of results)
        counts[r.status]++;
    const weights = results.map(resultWeight);
    const verdict = weights.includes('fail') ? 'fail' : weights.includes('warn') ? 'warn' : 'pass';
    return {
        schema: 'ml-gate/verdict@1',
        verdict,
        headline: headline(results, verdict, counts),
        candidate: input.candidate,
        baseline: input.baseline,
        paired: input.paired,
        counts,
        results,
        notes: notes(input)
    };
}
/** The problems, most important first: fails before warns, then by excess (largest first). */
function rankProblems(results) {
    const rank = { fail: 0, warn: 1, pass: 2 };
    return results
        .filter((r) => resultWeight(r) !== 'pass')
        .map((r, i) => ({ r, i }))
        .sort((a, b) => rank[resultWeight(a.r)] - rank[resultWeight(b.r)] ||
        (b.r.excess ?? -Infinity) - (a.r.excess ?? -Infinity) ||
        a.i - b.i)
        .map(({ r }) => r);
}
function headline(results, verdict, counts) {
    const top = rankProblems(results)[0];
    if (top !== undefined)
        return summarize(top);
    const judged = counts.pass;
    const others = ['insufficient', 'skipped', 'waived']
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`);
    const tail = others.length > 0 ? ` (${others.join(', ')})` : '';
    if (results.length === 0)
        return 'no gates configured';
    return `${verdict}: ${judged === 1 ? 'the 1 judged result' : `all ${judged} judged results`} passed${tail}`;
}
/**
 * One result in one line.
 *
 * @example `recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)`
 */
function summarize(r) {
    const inconclusive = isInconclusive(r) ? ' (inconclusive)' : '';
    if (r.status === 'missing' || r.candidate === null)
        return r.reason;
    const where = `${r.metric} for ${r.segment}`;
    switch (r.rule) {
        case 'min':
        case 'max':
            return `${where} is ${showNumber(r.candidate)}, ${r.rule === 'min' ? 'below the minimum' : 'above the maximum'} ${r.threshold}${inconclusive}`;
        case 'max_drop':
        case 'max_relative_drop': {
            const moved = r.change < 0 ? 'fell' : 'rose';
            const change = r.rule === 'max_drop'
                ? `change ${showSigned(r.change)}, allowed drop ${r.threshold}`
                : `relative change ${r.relative_change > 0 ? '+' : ''}${showPercent(r.relative_change)}, allowed relative drop ${showPercent(r.threshold)}`;
            return `${where} ${moved} ${showNumber(r.baseline)} → ${showNumber(r.candidate)} (${change})${inconclusive}`;
        }
        case 'min_ratio':
            return `${r.metric} across ${r.segment}: ratio lowest/highest ${showNumber(r.candidate)}, below min_ratio ${r.threshold}`;
        case 'max_gap':
            return `${r.metric} across ${r.segment}: gap highest−lowest ${showNumber(r.candidate)}, above max_gap ${r.threshold}`;
    }
}
/** A significant-mode result whose interval straddles its bound. */
function isInconclusive(r) {
    return (r.status === 'warn' &&
        r.mode === 'significant' &&
        r.ci !== null &&
        decideInterval({ kind: r.rule, threshold: r.threshold }, r.ci) === 'inconclusive');
}
function notes(input) {
    const { config, results } = input;
    const out = [];
    const changeRules = results.filter((r) => CHANGE_RULES.includes(r.rule));
    if (input.baseline === null && changeRules.length > 0) {
        out.push(config.on_missing_baseline === 'fail'
            ? `no baseline: the ${changeRules.length} results comparing with it are missing (on_missing_baseline: fail)`
            : `no baseline: the ${changeRules.length} results comparing with it were skipped (set model.baseline, or on_missing_baseline: fail to require one)`);
    }
    if (input.baseline !== null && !input.paired && changeRules.length > 0) {
        out.push('no id to pair on: unpaired intervals (normal approximation from each model’s own interval; ' +
            'evaluate both from predictions files with model.id for paired ones)');
    }
    const today = utcDate(input.now);
    config.waivers.forEach((waiver, i) => {
        if (isExpired(waiver, today))
            out.push(expiryNote(waiver, i));
    });
    return out;
}

/**
 * The gate step end to end: check the config, evaluate (or read) the candidate and the baseline,
 * judge every gate, and return the verdict document. Shared by `ml-gate gate`, the `gate` action
 * and `ml-gate run`.
 */
/**
 * Runs the gates of `options.config`.
 *
 * Order: the gates and waivers are checked against the metric catalog and the segment columns
 * first (`checkGates`), so a typo fails in milliseconds, before any file is read. Then the
 * candidate and baseline are evaluated with the config's `model` and `segments` (or read, for
 * evaluation documents), and judged (`judgeGates`).
 *
 * @throws UserInputError for a config mistake (at its line), an unreadable or invalid file, or a
 *   document of another task than the config's
 */
async function runGate(options) {
    const { config } = options.config;
    checkGates(options.config);
    const settings = evaluateSettingsFromConfig(config);
    const candidate = await loadModel(options.candidate ?? config.model.predictions, settings, options.read);
    const baselineInput = options.baseline === undefined ? config.model?.baseline : options.baseline;
    const baseline = baselineInput == null ? null : await loadModel(baselineInput, settings, options.read);
    const candidateResults = asResults(candidate);
    const baselineResults = baseline === null ? null : asResults(baseline);
    const results = judgeGates({
        config,
        candidate: candidateResults,
        baseline: baselineResults,
        now: options.now
    });
    const verdict = verdictDocument({
        config,
        results,
        candidate: candidateResults.file,
        baseline: baselineResults?.file ?? null,
        paired: candidateResults.pairedBy !== null && baselineResults?.pairedBy != null,
        now: options.now
    });
    return { verdict, candidate, baseline };
}
function isDocument(model) {
    return 'schema' in model;
}
function asResults(model) {
    return isDocument(model) ? resultsFromDocument(model) : resultsFromEvaluation(model);
}
async function loadModel(input, settings, read) {
    if (typeof input !== 'string')
        return checkTask(input, settings);
    if (await looksLikeDocument(input))
        return checkTask(await readEvaluationDocument(input), settings);
    return evaluatePredictions(input, settings, read);
}
/** A JSON object whose first 4 KiB name a `schema`: a result document, not rows of predictions. */
async function looksLikeDocument(file) {
    let handle;
    try {
        handle = await open(file, 'r');
    }
    catch {
        return false; // the table reader reports the missing file in its own words
    }
    try {
        const buffer = Buffer.alloc(4096);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const head = buffer.toString('utf8', 0, bytesRead);
        return /^\s*\{/.test(head) && head.includes('"schema"');
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads an `ml-gate/evaluation@1` document, checking the fields the gates read.
 * @throws UserInputError naming the file and what was expected
 */
async function readEvaluationDocument(file) {
    const invalid = (message) => {
        throw new UserInputError(message, { file });
    };
    let value;
    try {
        value = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        invalid(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const document = value;
    if (document.schema !== 'ml-gate/evaluation@1') {
        invalid(`is a ${JSON.stringify(document.schema)} document; expected an ml-gate/evaluation@1 document ` +
            '(from `ml-gate evaluate --json`) or a predictions file');
    }
    const segmentsOk = Array.isArray(document.segments) &&
        document.segments.every((s) => typeof s === 'object' &&
            s !== null &&
            typeof s.key === 'string' &&
            typeof s.n === 'number' &&
            typeof s.metrics === 'object' &&
            s.metrics !== null);
    if (!segmentsOk || typeof document.settings?.confidence !== 'number' || typeof document.task !== 'string') {
        invalid('is not a complete ml-gate/evaluation@1 document: expected `task`, `settings.confidence` and ' +
            '`segments` as a list of {key, column, n, metrics}');
    }
    return document;
}
function checkTask(model, settings) {
    const task = isDocument(model) ? model.task : model.settings.model.task;
    if (task !== settings.model.task) {
        throw new UserInputError(`evaluates a ${task} model, but the config's model.task is ${settings.model.task}`, { file: model.file });
    }
    return model;
}

/** Warnings listed in full; the rest are counted. */
const MAX_WARNINGS = 5;
/** `15 pass, 2 fail, 4 insufficient`: the non-zero counts in status order. */
function countsText(counts) {
    return STATUSES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`)
        .join(', ');
}
/** One line per gate rule: its label and how its results came out. */
function gateLines(results) {
    const groups = new Map();
    for (const r of results) {
        const key = `${r.gate_index}\u0000${r.rule}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const lines = [...groups.values()].map((group) => {
        const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
        for (const r of group)
            counts[r.status]++;
        const only = group.length === 1 ? ` (${group[0].segment} ${showNumber(group[0].candidate)})` : '';
        return [group[0].gate, `${countsText(counts)}${only}`];
    });
    const width = Math.max(...lines.map(([label]) => label.length));
    return lines.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`);
}
function problemRow(r) {
    return [
        r.status.toUpperCase(),
        r.gate,
        r.segment,
        showNumber(r.candidate),
        showNumber(r.baseline),
        r.change === null ? '—' : showSigned(r.change),
        r.ci === null ? '—' : `[${showNumber(r.ci[0])}, ${showNumber(r.ci[1])}]`
    ];
}
/**
 * Renders a verdict document as plain text.
 *
 * @example
 * // FAIL: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)
 * // candidate …/candidate.csv vs baseline …/baseline.csv (paired by row id)
 * //
 * // Gates:
 * //   roc_auc min 0.75      1 pass (all 0.834)
 * //   recall max_drop 0.05  17 pass, 2 fail, 2 insufficient
 * // …
 */
function renderVerdictText(document) {
    const out = [
        `${document.verdict.toUpperCase()}: ${document.headline}`,
        document.baseline === null
            ? `candidate ${document.candidate}, no baseline`
            : `candidate ${document.candidate} vs baseline ${document.baseline}` +
                (document.paired ? ' (paired by row id)' : ' (unpaired)'),
        ''
    ];
    if (document.results.length > 0)
        out.push('Gates:', ...gateLines(document.results), '');
    const ranked = rankProblems(document.results);
    // Every failure is listed; warnings (often inconclusive segments) only the worst few.
    const fails = ranked.filter((r) => r.status === 'fail' || (r.status === 'missing' && r.severity === 'fail'));
    const problems = [...fails, ...ranked.slice(fails.length, fails.length + MAX_WARNINGS)];
    const hidden = ranked.length - problems.length;
    if (problems.length > 0) {
        out.push(renderTextTable(['status', 'gate', 'segment', 'candidate', 'baseline', 'change', 'interval'], problems.map(problemRow), ['left', 'left', 'left', 'right', 'right', 'right', 'left']).trimEnd(), '', 'Why:', ...problems.map((r) => `  ${r.status.toUpperCase()} ${r.reason}`), ...(hidden > 0
            ? [`  … and ${hidden} more warning${hidden === 1 ? '' : 's'}: every result is in the JSON (--json)`]
            : []), '');
    }
    const waived = document.results.filter((r) => r.status === 'waived');
    if (waived.length > 0)
        out.push('Waived:', ...waived.map((r) => `  ${r.reason}`), '');
    if (document.notes.length > 0)
        out.push('Notes:', ...document.notes.map((n) => `  - ${n}`), '');
    out.push(`Results: ${countsText(document.counts) || 'none'}`);
    return `${out.join('\n')}\n`;
}

export { renderVerdictText as a, checkGates as c, runGate as r };
