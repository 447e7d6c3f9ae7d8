import { f as formatPath } from './schema-errors.js';
import { U as UserInputError, d as didYouMean } from './suggest.js';
import { d as describeMetric, O as OVERALL, s as segmentFamilies, j as metricNames, E as segmentKeyProblem, F as familyOfKey, G as METRICS } from './segmentation.js';
import { f as ascending, g as adjustPValues } from './multiple-testing.js';

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
 * Checks every gate, waiver and the `select` of `loaded` against the metric catalog and the
 * segment families (a selection metric needs a better direction).
 *
 * @throws UserInputError at the offending config line, e.g.
 *   `ml-gate.yml:12:13: gates[1].metric: unknown metric 'recal' (did you mean 'recall'?); binary metrics: n, positives, …`
 */
function checkGates(loaded) {
    const { config } = loaded;
    const fail = (path, message, part = 'value') => {
        throw new UserInputError(`${formatPath(path)}: ${message}`, loaded.locate(path, part));
    };
    if (config.gates.length === 0 && config.waivers.length === 0 && config.select === undefined)
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
    /**
     * A key must follow the grammar of the evaluation's keys, or it could never match one; text
     * without '=' names a family (a waiver of an `across` gate names its column).
     */
    const checkKey = (path, key) => {
        const problem = key.includes('=') ? segmentKeyProblem(key) : null;
        if (problem !== null)
            fail(path, `segment key '${key}': ${problem}`);
        if (key !== OVERALL)
            checkFamily(path, familyOfKey(key), `segment key '${key}': column`);
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
                if (families.includes(key))
                    fail(['gates', i, 'per_segment', j], columnListMessage(perSegment, families));
                checkKey(['gates', i, 'per_segment', j], key);
            });
        }
        if (gate.across !== undefined)
            checkFamily(['gates', i, 'across'], gate.across, 'across column');
    });
    config.waivers.forEach((waiver, j) => {
        if (waiver.metric !== undefined)
            checkMetric(['waivers', j, 'metric'], waiver.metric);
        if (waiver.segment !== undefined)
            checkKey(['waivers', j, 'segment'], waiver.segment);
    });
    const select = config.select;
    if (select !== undefined) {
        checkMetric(['select', 'metric'], select.metric);
        if (describeMetric(select.metric).direction === 'none') {
            fail(['select', 'metric'], `${select.metric} has no better direction (neither higher nor lower is better), so it cannot ` +
                'rank candidates; choose a metric such as roc_auc or log_loss');
        }
        if (select.segment !== OVERALL && !select.segment.includes('=')) {
            fail(['select', 'segment'], `expected a segment key such as all or ${select.segment}=<value>`);
        }
        checkKey(['select', 'segment'], select.segment);
    }
}
/**
 * For `per_segment: [Job, Home]`: a list holds segment keys, so a column name in it judges nothing.
 * Says the three ways to write what was meant.
 */
function columnListMessage(list, families) {
    const columns = list.filter((key) => families.includes(key));
    const example = columns[0];
    return (`per_segment lists segment keys, and ${columns.map((c) => `'${c}'`).join(', ')} ` +
        `${columns.length === 1 ? 'is a column name' : 'are column names'}; write one column as a string ` +
        `(per_segment: ${example}), true for the segments of every column, or segment keys such as ` +
        `${example}=<value> (one gate per column for several columns)`);
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
function checkSegmentKeys(loaded, candidate) {
    const { config } = loaded;
    const keys = candidate.segments.map((s) => s.key);
    const fail = (path, message) => {
        throw new UserInputError(`${formatPath(path)}: ${message}`, loaded.locate(path));
    };
    const unknown = (path, key, names) => {
        const family = familyOfKey(key);
        const siblings = candidate.segments.filter((s) => s.family === family).map((s) => s.key);
        const shown = siblings.slice(0, SEGMENTS_SHOWN);
        const more = siblings.length > shown.length ? `, … (${siblings.length} in all)` : '';
        return fail(path, `no segment '${key}' in the candidate's evaluation ${candidate.file}${didYouMean(key, names)}; ` +
            (siblings.length === 0
                ? `it has no segment of ${family}`
                : `the segments of ${family}: ${shown.join(', ')}${more}`));
    };
    config.gates.forEach((gate, i) => {
        if (!Array.isArray(gate.per_segment))
            return;
        gate.per_segment.forEach((key, j) => {
            if (!keys.includes(key))
                unknown(['gates', i, 'per_segment', j], key, keys);
        });
    });
    const select = config.select?.segment;
    if (select !== undefined && !keys.includes(select))
        unknown(['select', 'segment'], select, keys);
    const families = configuredFamilies(config);
    const across = config.gates.flatMap((gate) => (gate.across === undefined ? [] : [gate.across]));
    config.waivers.forEach((waiver, j) => {
        const key = waiver.segment;
        if (key === undefined || keys.includes(key) || across.includes(key))
            return;
        const path = ['waivers', j, 'segment'];
        if (families.includes(key)) {
            const example = candidate.segments.find((s) => s.family === key)?.key ?? `${key}=<value>`;
            fail(path, `'${key}' is a column, and no gate has \`across: ${key}\`; a waiver names a segment such as ` +
                `${example}, or the column of an across gate`);
        }
        unknown(path, key, [...keys, ...across]);
    });
}
/** Segments of a column listed in the message about an unknown key. */
const SEGMENTS_SHOWN = 10;
/** Every name a typo may be close to (per-class templates such as `recall[<class>]` aside). */
function allNames() {
    return METRICS.map((info) => info.name).filter((name) => !name.includes('['));
}
/**
 * The first rule of `gate` that bounds a drop of a metric with no better direction (neither higher
 * nor lower is better, so a drop means nothing), with why, or `null`. Shared by the config's gates
 * and the monitor's, which each say it at their own config line. The metric must be known.
 */
function directionlessDrop(gate) {
    if (describeMetric(gate.metric).direction !== 'none')
        return null;
    const rule = ['max_drop', 'max_relative_drop'].find((r) => gate[r] !== undefined);
    if (rule === undefined)
        return null;
    return {
        rule,
        message: `${gate.metric} has no better direction (neither higher nor lower is better), so it cannot ` +
            'drop; bound it with min/max'
    };
}
/** Rules that do not fit the metric: a drop of a metric with no better direction, a ratio of signed values. */
function checkRules(gate, i, task, fail) {
    const info = describeMetric(gate.metric);
    const drop = directionlessDrop(gate);
    if (drop !== null)
        fail(['gates', i, drop.rule], `${drop.message}, or compare its segments with across and min_ratio/max_gap`, 'key');
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
    const levels = new Array(m);
    let stopped = null;
    ascending(pValues).forEach((index, rank) => {
        const level = stopped ?? alpha / (m - rank);
        if (stopped === null && pValues[index] > level)
            stopped = level;
        levels[index] = 1 - level;
    });
    return { adjusted: adjustPValues(pValues, 'holm'), confidence: levels };
}

/**
 * The m segments one significance-aware rule judges at once form a family: each segment's p-value
 * (of "the quantity lies on the bound") is adjusted by the gate's `correction`, and its interval is
 * computed at a level chosen so that "the interval excludes the bound" and "the adjusted p-value
 * is at most α" (α = 1 − confidence) tell the same story.
 */
/**
 * Adjusted p-values and interval levels of a family at family-wise (Holm) or false-discovery
 * (BH) level α = 1 − `confidence`:
 * - `holm`: `holmAdjust` (each rank at its step-down level α / (m − i + 1)).
 * - `bh`: one level for the whole family, 1 − max(k, 1)·α/m, with k the number of p-values BH
 *   declares significant (the largest i with p_(i) ≤ i·α/m). The k selected segments get the
 *   false-coverage-rate adjusted intervals of Benjamini & Yekutieli (2005, "False discovery
 *   rate–adjusted multiple confidence intervals for selected parameters", JASA 100:71–81), which
 *   exclude the bound since p_(i) ≤ p_(k) ≤ kα/m; every other segment has p_(i) > iα/m ≥
 *   (k + 1)·α/m, so its interval at the same level includes the bound, as its adjusted p-value
 *   (> α) says. With k = 0 the level is α/m (p_(1) > α/m), the narrowest that keeps every
 *   interval consistent.
 * - `none`: every segment at `confidence`, adjusted p = p.
 *
 * @example
 * correctFamily([0.01, 0.04, 0.03], 'bh', 0.95)
 * // adjusted: [0.03, 0.04, 0.04]; k = 3 (0.04 ≤ 3·0.05/3): confidence 0.95 for all three
 */
function correctFamily(pValues, correction, confidence) {
    if (correction === 'holm')
        return holmAdjust(pValues, confidence);
    const m = pValues.length;
    if (correction === 'none')
        return { adjusted: [...pValues], confidence: pValues.map(() => confidence) };
    const alpha = 1 - confidence;
    const order = ascending(pValues);
    let selected = 0;
    order.forEach((index, rank) => {
        if (pValues[index] <= ((rank + 1) * alpha) / m)
            selected = rank + 1;
    });
    const level = 1 - (Math.max(selected, 1) * alpha) / m;
    return { adjusted: adjustPValues(pValues, 'bh'), confidence: pValues.map(() => level) };
}

export { checkGates as a, correctFamily as b, checkSegmentKeys as c, directionlessDrop as d, holmAdjust as h };
