import { U as UserInputError, d as didYouMean, E as ExitCode } from './suggest.js';
import { r as renderTextTable } from './text-table.js';
import { s as showNumber, d as showAgainst, n as normalTwoSidedP, a as showSigned, c as showLevel, b as showInterval, C as CORRECTION_NAMES } from './multiple-testing.js';
import { l as loadConfig } from './load.js';
import { D as DEFAULT_MIN_SUPPORT } from './config.schema.js';
import { b as correctFamily, d as directionlessDrop } from './family.js';
import { O as OVERALL, d as describeMetric, b as supportUnit, a as criticalValue, s as segmentFamilies, C as segmentKey, e as segmentColumns, j as metricNames } from './segmentation.js';
import { V as VERSION } from './version.js';
import { a as measureDrift, c as correctDrift } from './detect.js';
import { e as expandGlob } from './glob.js';
import { o as openTable } from './open.js';
import { r as rulesOf, a as decidePoint, c as comparison } from './rules.js';
import { B as BinaryAccumulator } from './binary.js';
import { c as writeDocument, a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import { p as parseCommandArgs } from './args.js';
import 'node:path';
import 'node:fs';
import './schema-validator.js';
import './schema-errors.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import './base64.js';
import './hash.js';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './selection.js';
import 'node:util';

/**
 * The monitor document for people: a terminal summary (`ml-gate monitor`) and the body of the one
 * issue the monitor action keeps (`monitorIssueBody`), with a sparkline of the positive rate and
 * the mean score over the windows.
 */
const BLOCKS = '▁▂▃▄▅▆▇█';
/**
 * One character per value, `▁` the lowest and `█` the highest of them, `·` for a missing one;
 * all equal values draw `▄`.
 *
 * @example sparkline([0.1, 0.2, null, 0.5]) // '▁▃·█'
 */
function sparkline(values) {
    const present = values.filter((v) => v !== null);
    const lo = present.reduce((m, v) => Math.min(m, v), Infinity);
    const hi = present.reduce((m, v) => Math.max(m, v), -Infinity);
    return values
        .map((v) => {
        if (v === null)
            return '·';
        if (hi === lo)
            return BLOCKS[3];
        return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BLOCKS.length))];
    })
        .join('');
}
const STATUS_WORD = {
    alert: 'ALERT',
    ok: 'ok',
    insufficient: 'insufficient'
};
/** The check of `quantity` on all rows of a window. */
function overall(window, quantity) {
    return window.rates.find((r) => r.segment === 'all' && r.quantity === quantity);
}
function valueOf(window, quantity) {
    return overall(window, quantity)?.value ?? null;
}
/** `ml-gate monitor`'s terminal text: headline, one line per window, the newest window's alerts. */
function renderMonitorText(document) {
    const lines = [`ml-gate monitor: ${STATUS_WORD[document.status]}: ${document.headline}`, ''];
    const { windows } = document;
    if (windows.length > 0) {
        lines.push(renderTextTable(['window', 'rows', 'labelled', 'positive rate', 'mean score', 'status', 'alerts'], windows.map((w) => [
            w.start,
            String(w.rows),
            String(w.labelled),
            showNumber(valueOf(w, 'positive_rate')),
            showNumber(valueOf(w, 'mean_score')),
            STATUS_WORD[w.status],
            String(w.alerts.length)
        ]), ['left', 'right', 'right', 'right', 'right', 'left', 'right']).trimEnd(), '', `positive rate  ${sparkline(windows.map((w) => valueOf(w, 'positive_rate')))}`, `mean score     ${sparkline(windows.map((w) => valueOf(w, 'mean_score')))}`);
    }
    const newest = windows.at(-1);
    if (newest !== undefined && newest.alerts.length > 0) {
        lines.push('', `Alerts of the newest window (${newest.start}):`);
        for (const alert of newest.alerts)
            lines.push(`  - ${alert}`);
    }
    return `${lines.join('\n')}\n`;
}

/**
 * `checks[w][c]`: column c in window w. A window with fewer than 30 values on either side is
 * insufficient (the drift methods' own minimum).
 */
function driftChecks(columns, windows, referenceRows, drift) {
    const method = drift?.method === undefined || drift.method === 'auto' ? undefined : drift.method;
    const options = { method, threshold: drift?.threshold };
    const correction = drift?.correction ?? 'holm';
    const kinds = columns.map((column) => kindOf(column, windows, referenceRows));
    const references = columns.map((column, c) => sampleOf(column.referenceValues, referenceRows, kinds[c]));
    const measurements = [];
    for (const rows of windows) {
        columns.forEach((column, c) => {
            measurements.push(measureDrift(references[c], sampleOf(column.values, rows, kinds[c]), options));
        });
    }
    const results = correctDrift(measurements, correction);
    return windows.map((_, w) => columns.map((column, c) => {
        const r = results[w * columns.length + c];
        return {
            column: column.name,
            method: r.method,
            statistic: r.statistic,
            p_value: r.p_value,
            adjusted_p_value: r.adjusted_p_value,
            threshold: r.threshold,
            status: r.drifted === null ? 'insufficient' : r.drifted ? 'alert' : 'ok',
            reason: r.reason
        };
    }));
}
/** Numeric when every value on both sides is a number, boolean when every one is a boolean. */
function kindOf(column, windows, reference) {
    const seen = new Set();
    for (const i of reference)
        seen.add(typeof column.referenceValues[i]);
    for (const rows of windows)
        for (const i of rows)
            seen.add(typeof column.values[i]);
    seen.delete('object'); // null: missing, left out
    if (seen.size === 1 && seen.has('number'))
        return 'numeric';
    if (seen.size === 1 && seen.has('boolean'))
        return 'boolean';
    return 'categorical';
}
function sampleOf(values, rows, kind) {
    const present = rows.map((i) => values[i]).filter((v) => v !== null);
    if (kind === 'numeric')
        return { kind, values: Float64Array.from(present) };
    if (kind === 'boolean')
        return { kind, trues: present.filter((v) => v === true).length, total: present.length };
    const counts = new Map();
    for (const v of present)
        counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    return { kind, counts: { counts } };
}

/** What a time cell may hold, for messages. */
const TIME_FORMATS = 'an ISO 8601 time with a zone (2026-03-01T12:00:00Z, 2026-03-01T12:00:00.5+02:00), a date (2026-03-01, midnight UTC) or epoch seconds (1772366400)';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * Milliseconds since 1970-01-01T00:00:00Z of a time cell, or `null` when it is not one of
 * `TIME_FORMATS`: a number is epoch seconds (finite); a string is an ISO date or date-time with a
 * zone (`Z` or `±HH:MM`), whose fields must exist (no 2026-02-30, no 24:00).
 *
 * @example parseTime('2026-03-01T12:00:00+02:00') // 1772359200000
 * @example parseTime(1772366400) // 1772366400000
 */
function parseTime(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value * 1000 : null;
    if (typeof value !== 'string')
        return null;
    const date = DATE.exec(value);
    if (date !== null)
        return utc(+date[1], +date[2], +date[3], 0, 0, 0);
    const m = DATE_TIME.exec(value);
    if (m === null)
        return null;
    const base = utc(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6]);
    if (base === null)
        return null;
    const fraction = m[7] === undefined ? 0 : Number(m[7]) * 1000;
    return base + fraction - zoneOffset(m[8]);
}
/** `Z` -> 0, `+02:00` -> 7,200,000 ms. */
function zoneOffset(zone) {
    if (zone === 'Z')
        return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
/** The UTC time of these fields, `null` when one is out of range (Date would roll it over). */
function utc(year, month, day, hour, minute, second) {
    if (hour > 23 || minute > 59 || second > 59)
        return null;
    const time = Date.UTC(year, month - 1, day, hour, minute, second);
    const d = new Date(time);
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? time : null;
}
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `12h`, `1d`, `2w` in milliseconds (the schema admits only these forms). */
function durationMs(text) {
    return Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1)];
}
/** The start of the UTC day of `ms`. */
function utcMidnight(ms) {
    return Math.floor(ms / UNIT_MS.d) * UNIT_MS.d;
}
/** `2026-03-01T00:00:00Z`: ISO 8601 in UTC, milliseconds only when there are some. */
function isoTime(ms) {
    return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * Reads every file `pattern` names (a path or a glob, files in sorted order).
 *
 * @throws UserInputError when no file matches, a file lacks a column (at the config line that
 *   names it), or a cell is not what its column needs (at its file and line): a time not in
 *   `TIME_FORMATS`, a score that is not a finite number, a missing prediction
 */
async function readLogs(pattern, columns, what) {
    const files = await expandGlob(pattern);
    if (files.length === 0)
        throw new UserInputError(`${what}: no file matches '${pattern}'`);
    const rows = {
        time: [],
        score: [],
        predicted: [],
        label: [],
        values: new Map(columns.others.map((c) => [c.name, []]))
    };
    const positive = String(columns.positive);
    for (const file of files) {
        const table = await openTable(file);
        const index = (column) => {
            if (column === undefined)
                return -1;
            const i = table.columns.indexOf(column.name);
            if (i < 0) {
                void table.close();
                throw new UserInputError(`${what} ${file} has no column '${column.name}'; its columns are ${table.columns.join(', ')}`, column.where);
            }
            return i;
        };
        const [time, score, prediction, label] = [
            columns.time,
            columns.score,
            columns.prediction,
            columns.label
        ].map(index);
        const others = columns.others.map((c) => [index(c), rows.values.get(c.name)]);
        for await (const batch of table.batches()) {
            const fail = (i, column, message) => {
                throw new UserInputError(`column '${column}': ${message}`, {
                    file,
                    line: batch.lines[i],
                    column: table.columns.indexOf(column) + 1
                });
            };
            for (let i = 0; i < batch.size; i++) {
                if (time >= 0) {
                    const value = batch.columns[time].values[i];
                    const ms = parseTime(value);
                    if (ms === null)
                        fail(i, columns.time.name, `expected ${TIME_FORMATS}; found ${show(value)}`);
                    rows.time.push(ms);
                }
                else
                    rows.time.push(NaN);
                const s = batch.columns[score].values[i];
                if (typeof s !== 'number' || !Number.isFinite(s))
                    fail(i, columns.score.name, `the score must be a finite number; found ${show(s)}`);
                rows.score.push(s);
                if (prediction >= 0) {
                    const p = batch.columns[prediction].values[i];
                    if (p === null)
                        fail(i, columns.prediction.name, 'the prediction is missing; every row needs one');
                    rows.predicted.push(String(p) === positive ? 1 : 0);
                }
                else
                    rows.predicted.push(s >= columns.threshold ? 1 : 0);
                const l = label >= 0 ? batch.columns[label].values[i] : null;
                rows.label.push(l === null ? null : String(l) === positive ? 1 : 0);
                for (const [column, values] of others)
                    values.push(batch.columns[column].values[i]);
            }
        }
    }
    return { files, ...rows };
}
function show(value) {
    return value === null ? 'an empty cell' : typeof value === 'string' ? `'${value}'` : String(value);
}

/** `checks[w]`: window w's results, by gate, rule, then segment. */
function performanceChecks(input) {
    const metrics = (label, score, rows) => {
        const accumulator = new BinaryAccumulator({ threshold: input.threshold, bootstrap: input.bootstrap });
        let labelled = 0;
        for (const i of rows) {
            const y = label[i];
            if (y === null)
                continue;
            accumulator.add(y, score[i], i + 1);
            labelled++;
        }
        return { labelled, values: labelled === 0 ? {} : accumulator.finalize({ confidence: input.confidence }) };
    };
    const referenceCache = new Map();
    const referenceOf = (segment) => {
        let m = referenceCache.get(segment);
        if (m === undefined)
            referenceCache.set(segment, (m = metrics(input.referenceLabel, input.referenceScore, input.reference.get(segment) ?? [])));
        return m;
    };
    return input.windows.map((segments) => {
        const cache = new Map();
        return input.gates.flatMap((gate) => rulesOf(gate).flatMap((rule) => [...segments.keys()]
            .filter((segment) => gate.per_segment || segment === OVERALL)
            .map((segment) => {
            let m = cache.get(segment);
            if (m === undefined)
                cache.set(segment, (m = metrics(input.label, input.score, segments.get(segment))));
            return judge(gate, rule, segment, m, rule.kind === 'max_drop' ? referenceOf(segment) : null, input.minSupport);
        })));
    });
}
/** Why `m` cannot be judged, or `null`. */
function insufficiency(m, metric, minSupport, side) {
    if (m.labelled < minSupport)
        return `${m.labelled} labelled rows in the ${side} < min_support ${minSupport}`;
    const v = m.values[metric];
    if (v === undefined || v.value === null || v.defined === false || !Number.isFinite(v.value))
        return `${metric} is undefined in the ${side}${v?.reason === undefined ? '' : `: ${v.reason}`}`;
    if ((v.support ?? 0) < minSupport)
        return `${metric} support in the ${side} is ${v.support ?? 0} ${supportUnit(metric)} < min_support ${minSupport}`;
    return null;
}
function judge(gate, rule, segment, m, reference, minSupport) {
    const v = m.values[gate.metric];
    const head = {
        segment,
        metric: gate.metric,
        rule: rule.kind,
        threshold: rule.threshold,
        value: v?.value ?? null,
        ci: v?.ci ?? null,
        support: v?.support ?? 0,
        reference: null
    };
    const why = insufficiency(m, gate.metric, minSupport, 'window') ??
        (reference === null ? null : insufficiency(reference, gate.metric, minSupport, 'reference'));
    if (why !== null)
        return { ...head, status: 'insufficient', reason: `insufficient data: ${why}` };
    const value = v.value;
    if (reference === null) {
        const decision = decidePoint(rule, value);
        return {
            ...head,
            status: decision === 'beyond' ? 'alert' : 'ok',
            reason: `${gate.metric} ${showAgainst(value, rule.threshold)} ${comparison(rule, decision)}`
        };
    }
    const base = reference.values[gate.metric].value;
    const drop = describeMetric(gate.metric)?.direction === 'lower' ? value - base : base - value;
    const decision = decidePoint(rule, drop);
    return {
        ...head,
        reference: base,
        status: decision === 'beyond' ? 'alert' : 'ok',
        reason: `${gate.metric} ${showNumber(base)} → ${showNumber(value)}: drop ${showAgainst(drop, rule.threshold)} ${comparison(rule, decision)}`
    };
}

/**
 * The difference of a window's mean from the reference's with a normal interval: Welch's for the
 * mean score, Agresti–Caffo's for the positive rate. For both the interval at level c is
 * `d ± z_{(1+c)/2}·se` and the p-value `2·(1 − Φ(|d| / se))`, so the interval excludes 0 exactly
 * when `p < 1 − c`.
 */
function momentsOf(values, rows) {
    const n = rows.length;
    let sum = 0;
    for (const i of rows)
        sum += values[i];
    const mean = n === 0 ? NaN : sum / n;
    let squares = 0;
    for (const i of rows)
        squares += (values[i] - mean) ** 2;
    return { n, mean, variance: n < 2 ? 0 : squares / (n - 1) };
}
/**
 * Welch's z for a difference of means (large samples): `d = mean_w − mean_r`,
 * `se = √(s²_w / n_w + s²_r / n_r)`.
 *
 * @example meanDifference({ n: 100, mean: 0.3, variance: 0.21 }, { n: 400, mean: 0.2, variance: 0.16 })
 * // { difference: 0.1, se: 0.05, p: 0.0455 }
 */
function meanDifference(window, reference) {
    const difference = window.mean - reference.mean;
    const se = Math.sqrt(window.variance / window.n + reference.variance / reference.n);
    const p = se === 0 ? (difference === 0 ? 1 : 0) : normalTwoSidedP(difference / se);
    return { difference, se, p };
}
/**
 * The difference of two rates by Agresti and Caffo (2000, "Simple and effective confidence
 * intervals for proportions and differences of proportions result from adding two successes and
 * two failures", The American Statistician 54:280–288): one success and one failure are added to
 * each side, `p̃ = (x + 1) / (n + 2)`, and `d̃ = p̃_w − p̃_r` is judged with
 * `se = √(p̃_w(1 − p̃_w)/(n_w + 2) + p̃_r(1 − p̃_r)/(n_r + 2))`. Unlike the plain Wald interval it
 * keeps its level when a window's rate is 0 or 1 (a Wald interval then has no width on that side
 * and alerts far too often on small segments). `window.mean` and `reference.mean` are the rates.
 *
 * @example rateDifference({ n: 30, mean: 0, variance: 0 }, { n: 300, mean: 0.1, variance: 0.09 })
 * // d̃ = 1/32 − 31/302 = −0.0714, se = 0.0354, p = 0.0435
 */
function rateDifference(window, reference) {
    const adjusted = (m) => (m.mean * m.n + 1) / (m.n + 2);
    const [pw, pr] = [adjusted(window), adjusted(reference)];
    const difference = pw - pr;
    const se = Math.sqrt((pw * (1 - pw)) / (window.n + 2) + (pr * (1 - pr)) / (reference.n + 2));
    return { difference, se, p: normalTwoSidedP(difference / se) };
}

const QUANTITIES = ['positive_rate', 'mean_score'];
/** `checks[w]`: the rate checks of window w, by segment then quantity. */
function rateChecks(input) {
    const values = {
        positive_rate: input.predicted,
        mean_score: input.score
    };
    const referenceValues = {
        positive_rate: input.referencePredicted,
        mean_score: input.referenceScore
    };
    // The reference's moments do not depend on the window: computed once per (segment, quantity).
    const referenceCache = new Map();
    const referenceOf = (segment, quantity) => {
        const key = `${quantity}\u0000${segment}`;
        let m = referenceCache.get(key);
        if (m === undefined)
            referenceCache.set(key, (m = momentsOf(referenceValues[quantity], input.reference.get(segment) ?? [])));
        return m;
    };
    const pending = [];
    input.windows.forEach((segments, window) => {
        for (const [segment, rows] of segments) {
            for (const quantity of QUANTITIES) {
                const current = momentsOf(values[quantity], rows);
                const base = referenceOf(segment, quantity);
                const judged = current.n >= input.minSupport && base.n >= input.minSupport;
                pending.push({
                    window,
                    segment,
                    quantity,
                    current,
                    base,
                    test: judged
                        ? (quantity === 'positive_rate' ? rateDifference : meanDifference)(current, base)
                        : null
                });
            }
        }
    });
    const tested = pending.filter((p) => p.test !== null);
    const family = correctFamily(tested.map((p) => p.test.p), input.correction, input.confidence);
    // Exactly the tested checks have an entry, so it alone tells judged from insufficient.
    const adjusted = new Map(tested.map((p, k) => [p, { test: p.test, p: family.adjusted[k], level: family.confidence[k] }]));
    const alpha = 1 - input.confidence;
    const over = `${CORRECTION_NAMES[input.correction]} over ${tested.length} tests`;
    const checks = input.windows.map(() => []);
    for (const p of pending) {
        const a = adjusted.get(p);
        checks[p.window].push(a === undefined ? insufficient(p, input.minSupport) : judged(p, a.test, a, alpha, over));
    }
    return checks;
}
function judged(p, test, a, alpha, over) {
    const z = criticalValue(a.level);
    const ci = [test.difference - z * test.se, test.difference + z * test.se];
    const difference = p.current.mean - p.base.mean;
    const alert = a.p <= alpha;
    const what = p.quantity === 'positive_rate' ? 'positive rate' : 'mean score';
    return {
        segment: p.segment,
        quantity: p.quantity,
        rows: p.current.n,
        reference_rows: p.base.n,
        value: p.current.mean,
        reference: p.base.mean,
        difference,
        ci,
        level: a.level,
        p_value: test.p,
        adjusted_p_value: a.p,
        status: alert ? 'alert' : 'ok',
        reason: `${what} ${showNumber(p.base.mean)} → ${showNumber(p.current.mean)} (${showSigned(difference)}, ` +
            `${showLevel(a.level)} interval ${showInterval(ci)}; p = ${showNumber(test.p)}, adjusted p = ${showNumber(a.p)} ` +
            `(${over}) ${alert ? '≤' : '>'} ${showNumber(alpha)}): ${alert ? 'significant deviation' : 'no significant deviation'}`
    };
}
function insufficient(p, minSupport) {
    const n = p.base.n;
    const why = p.current.n < minSupport
        ? `${p.current.n} rows in the window < min_support ${minSupport}`
        : `${n} rows in the reference < min_support ${minSupport}`;
    return {
        segment: p.segment,
        quantity: p.quantity,
        rows: p.current.n,
        reference_rows: n,
        value: p.current.n === 0 ? null : p.current.mean,
        reference: n === 0 ? null : p.base.mean,
        difference: null,
        ci: null,
        level: null,
        p_value: null,
        adjusted_p_value: null,
        status: 'insufficient',
        reason: `insufficient data: ${why}`
    };
}

/**
 * Groups `rows` by segment: `all`, and with `spec` every segment of its families (a row whose
 * value cannot be placed, a string in a binned column, is in no segment of that family).
 */
function segmentRows(rows, values, spec) {
    const groups = new Map([[OVERALL, [...rows]]]);
    if (spec === null)
        return groups;
    for (const family of segmentFamilies(spec)) {
        const columns = family.parts.map((part) => values.get(part.column));
        for (const i of rows) {
            const labels = family.parts.map((part, p) => part.label(columns[p][i]));
            if (labels.some((l) => l === undefined))
                continue;
            const key = segmentKey(labels);
            let group = groups.get(key);
            if (group === undefined)
                groups.set(key, (group = []));
            group.push(i);
        }
    }
    return groups;
}

/**
 * @throws UserInputError for a `first` of the other kind than `window`, a `from`/`to` that is not a
 *   time or not in order, or a reference period holding no row (at the config line)
 */
function cutWindows(time, monitor, locate) {
    const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
    const { reference, window } = monitor;
    let referenceRows = null;
    let period = null;
    let rest = order;
    if (typeof reference !== 'string' && 'first' in reference) {
        const { first } = reference;
        if (typeof first !== typeof window) {
            throw new UserInputError(`monitor.reference.first: ${JSON.stringify(first)} is a ${typeof first === 'number' ? 'row count' : 'duration'} but monitor.window ${JSON.stringify(window)} is a ${typeof window === 'number' ? 'row count' : 'duration'}; give both of one kind`, locate(['monitor', 'reference', 'first']));
        }
        if (typeof first === 'number') {
            referenceRows = order.slice(0, first);
            rest = order.slice(first);
        }
        else {
            const origin = utcMidnight(time[order[0]] ?? 0);
            period = [origin, origin + durationMs(first)];
        }
    }
    else if (typeof reference !== 'string') {
        const at = (key) => {
            const ms = parseTime(reference[key]);
            if (ms === null) {
                throw new UserInputError(`monitor.reference.${key}: expected ${TIME_FORMATS}; found '${reference[key]}'`, locate(['monitor', 'reference', key]));
            }
            return ms;
        };
        period = [at('from'), at('to')];
        if (!(period[0] < period[1])) {
            throw new UserInputError(`monitor.reference: from ${isoTime(period[0])} must be before to ${isoTime(period[1])}`, locate(['monitor', 'reference', 'to']));
        }
    }
    if (period !== null) {
        const [from, to] = period;
        referenceRows = order.filter((i) => time[i] >= from && time[i] < to);
        rest = order.filter((i) => time[i] >= to);
        if (referenceRows.length === 0) {
            throw new UserInputError(`monitor.reference: no log row in [${isoTime(from)}, ${isoTime(to)}); the logs run from ${isoTime(time[order[0]])} to ${isoTime(time[order.at(-1)])}`, locate(['monitor', 'reference']));
        }
    }
    const windows = typeof window === 'number'
        ? rowWindows(rest, time, window)
        : timeWindows(order, time, durationMs(window), period);
    return { windows, reference: referenceRows, period };
}
function rowWindows(rows, time, size) {
    const windows = [];
    for (let at = 0; at < rows.length; at += size) {
        const part = rows.slice(at, at + size);
        windows.push({ index: windows.length, start: time[part[0]], end: time[part.at(-1)], rows: part });
    }
    return windows;
}
function timeWindows(order, time, size, period) {
    if (order.length === 0)
        return [];
    const origin = utcMidnight(time[order[0]]);
    const count = Math.floor((time[order.at(-1)] - origin) / size) + 1;
    const buckets = Array.from({ length: count }, () => []);
    for (const i of order)
        buckets[Math.floor((time[i] - origin) / size)].push(i);
    const windows = [];
    buckets.forEach((rows, k) => {
        const start = origin + k * size;
        if (period !== null && start < period[1])
            return;
        windows.push({ index: windows.length, start, end: start + size, rows });
    });
    return windows;
}

/**
 * Reads the logs (and a reference file) of `loaded.config.monitor`, cuts the windows, and runs the
 * checks: score and feature drift, positive rate and mean score per segment, performance gates on
 * the labelled rows. A window alerts when any of its checks does; it is `insufficient` when none of
 * its checks could be judged (an empty window, too few rows): that fails closed like an alert.
 *
 * @throws UserInputError (at the config line or the log's line) for a config without `monitor`
 *   or `model`, a task other than binary, an unknown metric, a missing column, a bad time
 */
async function runMonitor(loaded) {
    const { config, locate } = loaded;
    const monitor = config.monitor;
    if (monitor === undefined) {
        throw new UserInputError('no monitor section: add `monitor:` with logs, time, window and reference', locate([]));
    }
    const model = config.model;
    if (model === undefined || model.task !== 'binary' || model.score === undefined) {
        throw new UserInputError('monitor needs `model:` with task: binary and a score column (the positive rate, mean score and metrics are those of a binary classifier)', locate(model === undefined ? ['monitor'] : ['model']));
    }
    const spec = monitor.segments && config.segments !== undefined ? config.segments : null;
    checkGates(loaded, monitor, spec !== null);
    const others = [...new Set([...monitor.features, ...(spec === null ? [] : segmentColumns(spec))])];
    const named = (name, path) => ({ name, where: locate(path) });
    const columns = (time) => ({
        ...(time ? { time: named(monitor.time, ['monitor', 'time']) } : {}),
        score: named(model.score, ['model', 'score']),
        ...(model.prediction === undefined
            ? {}
            : { prediction: named(model.prediction, ['model', 'prediction']) }),
        label: { ...named(model.label, ['model', 'label']), required: monitor.gates.length > 0 },
        others: others.map((name) => {
            const i = monitor.features.indexOf(name);
            return named(name, i >= 0 ? ['monitor', 'features', i] : ['segments']);
        }),
        positive: model.positive,
        threshold: model.threshold
    });
    const logs = await readLogs(monitor.logs, columns(true), 'monitor.logs');
    const cut = cutWindows(logs.time, monitor, locate);
    const referenceLogs = typeof monitor.reference === 'string'
        ? await readLogs(monitor.reference, columns(false), 'monitor.reference')
        : logs;
    const referenceRows = cut.reference ?? referenceLogs.time.map((_, i) => i);
    return document(loaded, monitor, logs, referenceLogs, referenceRows, cut, spec);
}
function document(loaded, monitor, logs, referenceLogs, referenceRows, cut, spec) {
    const { config } = loaded;
    const minSupport = config.segments?.min_support ?? DEFAULT_MIN_SUPPORT;
    const confidence = config.evaluation.confidence;
    const windowRows = cut.windows.map((w) => w.rows);
    const drift = driftChecks([
        { name: config.model.score, values: logs.score, referenceValues: referenceLogs.score },
        ...monitor.features.map((name) => ({
            name,
            values: logs.values.get(name),
            referenceValues: referenceLogs.values.get(name)
        }))
    ], windowRows, referenceRows, monitor.drift);
    const reference = segmentRows(referenceRows, referenceLogs.values, spec);
    const segments = windowRows.map((rows) => segmentRows(rows, logs.values, spec));
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
        : segments.map(() => []);
    const performance = performanceChecks({
        gates: monitor.gates,
        label: logs.label,
        score: logs.score,
        referenceLabel: referenceLogs.label,
        referenceScore: referenceLogs.score,
        reference,
        windows: segments,
        threshold: config.model.threshold,
        minSupport,
        confidence,
        // Point rules need no bootstrap: analytic intervals (Wilson, DeLong) only, fast per window.
        bootstrap: { replicates: 0, seed: config.evaluation.seed }
    });
    const windows = cut.windows.map((w, k) => {
        const checks = [...drift[k], ...rates[k], ...performance[k]];
        const alerts = [
            ...drift[k].filter((c) => c.status === 'alert').map((c) => `drift of ${c.column}: ${c.reason}`),
            ...rates[k].filter((c) => c.status === 'alert').map((c) => `${c.segment}: ${c.reason}`),
            ...performance[k].filter((c) => c.status === 'alert').map((c) => `${c.segment}: ${c.reason}`)
        ];
        const status = alerts.length > 0 ? 'alert' : checks.some((c) => c.status === 'ok') ? 'ok' : 'insufficient';
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
        };
    });
    const newest = windows.at(-1);
    const status = newest?.status ?? 'insufficient';
    const alerting = windows.filter((w) => w.status === 'alert').map((w) => w.index);
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
    };
}
function headline(newest, alerting, total) {
    if (newest === undefined)
        return 'no window to monitor: every log row is in the reference';
    const of = `${alerting} of ${total} windows alert`;
    if (newest.status === 'alert') {
        const more = newest.alerts.length > 1 ? ` (and ${newest.alerts.length - 1} more)` : '';
        return `the newest window (${newest.start}) alerts: ${newest.alerts[0]}${more}; ${of}`;
    }
    if (newest.status === 'insufficient')
        return `the newest window (${newest.start}, ${newest.rows} row${newest.rows === 1 ? '' : 's'}) cannot be judged: too few rows for every check; ${of}`;
    return `the newest window (${newest.start}) is within the reference; ${of}`;
}
/**
 * Every performance gate names a binary metric, bounds a drop only of a metric with a better
 * direction (as the config's gates), and asks for segments only when there are some.
 */
function checkGates(loaded, monitor, segmented) {
    const names = metricNames('binary');
    monitor.gates.forEach((gate, i) => {
        if (!names.includes(gate.metric)) {
            throw new UserInputError(`monitor.gates[${i}].metric: unknown binary metric '${gate.metric}'${didYouMean(gate.metric, names)}; expected one of ${names.join(', ')}`, loaded.locate(['monitor', 'gates', i, 'metric'], 'value'));
        }
        const drop = directionlessDrop(gate);
        if (drop !== null) {
            throw new UserInputError(`monitor.gates[${i}].${drop.rule}: ${drop.message}`, loaded.locate(['monitor', 'gates', i, drop.rule], 'key'));
        }
        if (gate.per_segment && !segmented) {
            throw new UserInputError(`monitor.gates[${i}].per_segment: there are no segments to judge (${loaded.config.segments === undefined ? 'the config has no segments section' : 'monitor.segments is false'}); remove per_segment or add segments`, loaded.locate(['monitor', 'gates', i, 'per_segment'], 'value'));
        }
    });
}

/**
 * The monitor step: the config's `monitor:` over its prediction logs, the `ml-gate/monitor@1`
 * document, and the exit code. Shared by `ml-gate monitor` and the monitor action.
 */
/** @throws UserInputError for a bad config, log or reference (at the file and line) */
async function monitorStep(request) {
    const loaded = await loadConfig(request.config, { workspace: request.workspace });
    const document = await runMonitor(loaded);
    if (request.output !== undefined)
        await writeDocument(request.output, document);
    return { document, code: monitorExitCode(document) };
}
function monitorExitCode(document) {
    return document.status === 'ok' ? ExitCode.Pass : ExitCode.GateFailed;
}

const usage = `Usage: ml-gate monitor --config CONFIG [--json OUT]

Cuts the prediction logs of CONFIG's monitor section into windows and compares each with the
reference: score and feature drift, the positive rate and mean score per segment (significant
deviations only, corrected across windows and segments), and performance on labelled rows.

  --config CONFIG   the ml-gate.yml file with a monitor: section
  --json OUT        also write the ml-gate/monitor@1 document to OUT ('-' for stdout)

Exit codes: 0 the newest window is fine, 1 it alerts or cannot be judged, 2 bad input.`;
const monitorCommand = {
    name: 'monitor',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('monitor', args, { config: { type: 'string' }, json: { type: 'string' } }, { min: 0, max: 0, names: 'no positional arguments' });
        if (values.config === undefined)
            throw new UserInputError('ml-gate monitor: --config CONFIG is required');
        const { document, code } = await monitorStep({ config: values.config });
        if (values.json !== '-')
            console.stdout(logText(renderMonitorText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return code;
    }
};

export { monitorCommand };
