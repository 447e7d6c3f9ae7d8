import { E as ExitCode, U as UserInputError, d as didYouMean } from './suggest.js';
import { s as showNumber, a as showSigned, b as showInterval, n as normalTwoSidedP, c as showLevel } from './multiple-testing.js';
import { r as renderTextTable } from './text-table.js';
import { r as renderVerdictText, p as powerOf, u as unpairedModels, a as resultsFromEvaluation, j as judgeGates } from './pairing.js';
import { C as CHANGE_RULES, d as decideInterval } from './rules.js';
import { r as rankProblems, i as isInconclusive, v as verdictDocument } from './candidate-board.js';
import { e as evaluateSettingsFromConfig, D as DEFAULT_MIN_SUPPORT } from './config.schema.js';
import { f as formatPath } from './schema-errors.js';
import { e as evaluatePredictions } from './evaluate2.js';
import { c as checkSegmentKeys, a as checkGates } from './family.js';
import { a as criticalValue } from './segmentation.js';
import { o as openTable } from './open.js';
import { G as GrowableFloat64Array } from './binary.js';
import { l as loadConfig } from './load.js';
import { c as writeDocument, a as writeJson } from './write-output.js';
import { l as logText } from './log-text.js';
import { p as parseCommandArgs } from './args.js';
import './staging-thread.js';
import 'node:fs';
import 'node:worker_threads';
import './thread-script.js';
import './number-set.js';
import './base64.js';
import './hash.js';
import 'node:fs/promises';
import 'process';
import 'buffer';
import './selection.js';
import 'node:path';
import 'node:stream';
import 'node:zlib';
import 'node:buffer';
import './schema-validator.js';
import 'node:util';

/** The outcome table's columns (text and markdown). */
const OUTCOME_COLUMNS = [
    'status',
    'outcome',
    'canary median',
    'control median',
    'shift',
    'interval',
    'max shift',
    'p'
];
/** One outcome's cells, in `OUTCOME_COLUMNS` order, numbers formatted. */
function outcomeCells(o) {
    return [
        o.status,
        `${o.name} (${o.better} is better)`,
        showNumber(o.canary_median),
        showNumber(o.control_median),
        o.shift === null ? '—' : showSigned(o.shift),
        o.shift_ci === null ? '—' : showInterval(o.shift_ci),
        String(o.max_shift),
        showNumber(o.p_value)
    ];
}
/**
 * Renders a canary document as plain text.
 *
 * @example
 * // ROLLBACK: latency_ms got worse by 12.0 (interval [8.10, 15.9]), allowed 5
 * // canary logs/canary.csv (1000 rows) vs control logs/control.csv (1000 rows), unpaired by design
 */
function renderCanaryText(document) {
    const { canary, control } = document;
    let out = [
        `${document.decision.toUpperCase()}: ${document.headline}`,
        `canary ${canary.file} (${canary.rows} rows) vs control ${control.file} (${control.rows} rows), ` +
            'unpaired by design (different users)',
        ''
    ];
    if (document.outcomes.length > 0) {
        out = out.concat('Outcomes (Hodges–Lehmann shift canary − control, Mann–Whitney p of no shift):', renderTextTable([...OUTCOME_COLUMNS], document.outcomes.map(outcomeCells), [
            'left',
            'left',
            'right',
            'right',
            'right',
            'left',
            'right',
            'right'
        ]).trimEnd(), '');
    }
    if (document.reasons.length > 0) {
        out = out.concat('Why:', document.reasons.map((r) => `  - ${r}`), '');
    }
    if (document.traffic !== null)
        out = out.concat('Traffic needed:', `  ${document.traffic.reason}`, '');
    if (document.gates !== null) {
        out = out.concat('Gates (the canary as candidate, the control as baseline):', renderVerdictText(document.gates)
            .trimEnd()
            .split('\n')
            .map((line) => (line === '' ? '' : `  ${line}`)), '');
    }
    out.push(`Decision: ${document.decision}`);
    return `${out.join('\n')}\n`;
}

/** The traffic an undecided result needs (the formula: `Traffic` in canary-document.ts). */
/**
 * `n·(mde/distance)²` rows of each log, at least the current ones; `null` when the distance is 0
 * (a value on its bound is never told from it) or the MDE is not a positive number.
 *
 * @example trafficNeeded('latency_ms', 4, 2, 500, 480) // factor (4/2)² = 4: 2000 canary and 1920 control rows
 */
function trafficNeeded(about, mde, distance, canaryRows, controlRows) {
    if (mde === null || !(mde > 0) || !(distance > 0) || !Number.isFinite(mde / distance))
        return null;
    const exact = (mde / distance) ** 2;
    const needed = (rows) => Math.ceil(rows * exact);
    const formula = `n′ = n·(MDE/d)² = ${canaryRows}·(${showNumber(mde)}/${showNumber(distance)})² = ${needed(canaryRows)} canary rows` +
        (controlRows === null
            ? ''
            : ` (${controlRows}·${showNumber(exact)} = ${needed(controlRows)} control rows)`);
    const already = exact < 1
        ? '; fewer than now: the rows already have 80% power at the bound, the estimate lies close to ' +
            'it, and more traffic narrows its interval'
        : '';
    const factor = Math.max(1, exact);
    const canary = Math.max(canaryRows, needed(canaryRows));
    const control = controlRows === null ? null : Math.max(controlRows, needed(controlRows));
    return { factor, canary_rows: canary, control_rows: control, reason: `${about}: ${formula}${already}` };
}

/**
 * The decision on a canary, from the gates' results and the outcomes:
 *
 * - `rollback` when a gate result fails (after waivers and severity: a waived failure or a
 *   `severity: warn` gate never rolls back; in significant mode a failure is significant) or an
 *   outcome fails (its degradation interval lies wholly above `max_shift`);
 * - else `continue` when anything is undecided: an inconclusive significant-mode result of a
 *   `severity: fail` gate, a `missing` result of one (the canary's log lacks the segment or the
 *   metric: not yet observed, never passed), no evidence (`no_evidence`), an inconclusive or
 *   insufficient outcome;
 * - else `promote`.
 *
 * An `insufficient` segment of a per-segment gate alone does not hold the canary back, as it does
 * not fail a gate run: it is reported, and no evidence on `all` does hold it back.
 */
/**
 * Decides as the module comment says. `controlRows(segment)` gives the control log's rows of a
 * segment, for the traffic of an undecided gate result.
 */
function decideCanary(gates, outcomes, controlRows) {
    const results = gates?.results ?? [];
    const failedGates = rankProblems(results).filter((r) => r.status === 'fail');
    const failedOutcomes = outcomes.filter((o) => o.status === 'fail');
    const undecidedGates = results.filter((r) => r.severity === 'fail' && (isInconclusive(r) || r.status === 'missing'));
    const undecidedOutcomes = outcomes.filter((o) => o.status === 'inconclusive' || o.status === 'insufficient');
    const noEvidence = gates?.no_evidence ?? null;
    const undecided = [
        ...(noEvidence === null ? [] : [`no evidence: ${noEvidence}`]),
        ...undecidedGates.map((r) => r.reason),
        ...undecidedOutcomes.map((o) => o.reason)
    ];
    if (failedGates.length > 0 || failedOutcomes.length > 0) {
        const reasons = [
            ...failedGates.map((r) => r.reason),
            ...failedOutcomes.map((o) => o.reason),
            ...undecided
        ];
        const first = failedGates.length > 0 ? gates.headline : outcomeHeadline(failedOutcomes[0]);
        const more = failedGates.length + failedOutcomes.length - 1;
        return {
            decision: 'rollback',
            headline: `${first}${more > 0 ? ` (and ${more} more)` : ''}`,
            reasons,
            traffic: null
        };
    }
    if (undecided.length > 0) {
        const needs = [
            ...undecidedGates.map((r) => gateTraffic(r, controlRows)),
            ...undecidedOutcomes.map((o) => o.traffic)
        ].filter((t) => t !== null);
        const traffic = needs.reduce((a, b) => (a === null || b.factor > a.factor ? b : a), null);
        const count = `${undecided.length} result${undecided.length === 1 ? '' : 's'} undecided`;
        const need = traffic === null
            ? undecided[0]
            : `about ${traffic.canary_rows} canary rows needed (${showNumber(traffic.factor)}× now)`;
        return { decision: 'continue', headline: `${count}; ${need}`, reasons: undecided, traffic };
    }
    const judged = results.filter((r) => r.status === 'pass').length + outcomes.length;
    return {
        decision: 'promote',
        headline: `every gate and outcome passed (${judged} result${judged === 1 ? '' : 's'})`,
        reasons: [],
        traffic: null
    };
}
/** `latency_ms got worse by +12.0, interval [8.10, 15.9], allowed 5`. */
function outcomeHeadline(o) {
    const ci = o.degradation_ci;
    return (`${o.name} got worse by ${showNumber(o.degradation)} (interval [${showNumber(ci[0])}, ` +
        `${showNumber(ci[1])}]), allowed ${o.max_shift}`);
}
/**
 * The traffic of an inconclusive gate result: its bound is the distance for a change rule, the
 * value's distance to the bound for `min` / `max`; `null` for a missing result.
 */
function gateTraffic(r, controlRows) {
    if (r.n === null || r.candidate === null)
        return null;
    const distance = CHANGE_RULES.includes(r.rule) ? r.threshold : Math.abs(r.candidate - r.threshold);
    return trafficNeeded(`${r.gate} for ${r.segment}`, r.mde, distance, r.n, controlRows(r.segment));
}
/** `promote` exits 0, `rollback` 1 (as a failed gate), `continue` 3 (2 is bad input). */
function canaryExitCode(decision) {
    return decision === 'promote'
        ? ExitCode.Pass
        : decision === 'rollback'
            ? ExitCode.GateFailed
            : ExitCode.Inconclusive;
}

/**
 * The Mann–Whitney (Wilcoxon rank-sum) test of two independent samples and the Hodges–Lehmann
 * estimate of their location shift with its distribution-free confidence interval, as Kayenta
 * judges a canary's metrics and R's `wilcox.test(x, y, conf.int = TRUE)` computes them.
 *
 * `x` (the canary, n values) and `y` (the control, m values); the shift Δ is the one for which
 * `x − Δ` has the distribution of `y`.
 *
 * - U = R_x − n(n+1)/2, R_x the sum of the midranks of `x` in the pooled sample: the number of
 *   pairs with x_i > y_j, ties counting one half (R's `W`).
 * - p-value (two-sided, H0: Δ = 0):
 *   - exact for n < 50, m < 50 and no tie (as R): the null distribution of U counted by the
 *     recursion N(u; a, b) = N(u − b; a − 1, b) + N(u; a, b − 1) (Mann & Whitney 1947), p =
 *     min(1, 2·P(U ≤ u)) below the centre nm/2, min(1, 2·P(U ≥ u)) above it;
 *   - otherwise the normal approximation with tie and continuity correction: z = (U − nm/2 ∓ ½)/σ,
 *     σ² = nm/12·[(N + 1) − Σ(t³ − t)/(N(N − 1))], N = n + m, t the size of each group of tied
 *     values (Hollander, Wolfe & Chicken 2014, "Nonparametric Statistical Methods", 3rd ed., §4.1).
 * - Hodges–Lehmann estimate: the median of the nm differences x_i − y_j (Hodges & Lehmann 1963).
 * - Interval at level 1 − α: [D(k), D(nm + 1 − k)], D(1) ≤ … ≤ D(nm) the sorted differences
 *   (Lehmann 1975, "Nonparametrics", §2.6; Bauer 1972, JASA 67): exact, k = the smallest u with
 *   P(U ≤ u) ≥ α/2 (R's `qwilcox(α/2, n, m)`, at least 1); otherwise k = ⌊nm/2 − z_{1−α/2}·σ₀ + ½⌋
 *   (at least 1), σ₀² = nm(N + 1)/12 (the normal approximation of the same quantile with continuity
 *   correction; H&W&C eq. 4.41). Its coverage is at least 1 − α for continuous data.
 *
 * The k-th difference is found without forming the nm differences: a bisection over the doubles
 * between the smallest and the largest difference, counting the differences at most a value with
 * two pointers over the sorted samples, O((n + m)·64) per order statistic.
 */
/** The exact null distribution is used below these sizes, without ties (R's rule). */
const EXACT_BELOW = 50;
/**
 * The test, the estimate and the interval of `canary` against `control` (see the module comment).
 * Both samples must hold at least one value, every one finite.
 *
 * @example
 * // R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69), two-sided:
 * shiftTest([0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.90, 0.74, 1.21], 0.95)
 * // { u: 35, pValue: 0.2544, method: 'exact', estimate: 0.305, ci: [-0.15, 0.76] }
 */
function shiftTest(canary, control, confidence) {
    const x = Float64Array.from(canary).sort();
    const y = Float64Array.from(control).sort();
    const n = x.length;
    const m = y.length;
    if (n === 0 || m === 0)
        throw new RangeError('shiftTest needs at least one value in each sample');
    const { u, ties } = rankStatistic(x, y);
    const pairs = n * m;
    const alpha = 1 - confidence;
    let pValue;
    let k;
    let method;
    if (n < EXACT_BELOW && m < EXACT_BELOW && ties === 0) {
        method = 'exact';
        const cdf = exactCdf(n, m);
        const lower = cdf[Math.floor(u)];
        const upper = 1 - (u >= 1 ? cdf[u - 1] : 0);
        pValue = Math.min(1, 2 * (u > pairs / 2 ? upper : lower));
        k = Math.max(1, cdf.findIndex((p) => p >= alpha / 2));
    }
    else {
        method = 'normal';
        const N = n + m;
        const sigma = Math.sqrt((pairs / 12) * (N + 1 - ties / (N * (N - 1))));
        const centred = u - pairs / 2;
        const z = sigma > 0 ? (centred - Math.sign(centred) * 0.5) / sigma : 0;
        pValue = Math.min(1, normalTwoSidedP(z));
        const sigma0 = Math.sqrt((pairs * (N + 1)) / 12);
        k = Math.max(1, Math.floor(pairs / 2 - criticalValue(confidence) * sigma0 + 0.5));
    }
    const half = Math.floor((pairs + 1) / 2);
    const estimate = pairs % 2 === 1
        ? kthDifference(x, y, half)
        : (kthDifference(x, y, half) + kthDifference(x, y, half + 1)) / 2;
    const ci = [kthDifference(x, y, k), kthDifference(x, y, pairs + 1 - k)];
    return {
        n,
        m,
        u,
        pValue,
        method,
        estimate,
        ci,
        confidence,
        canaryMedian: median(x),
        controlMedian: median(y)
    };
}
function median(sorted) {
    const h = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
/** U from the midranks of the sorted samples, and Σ(t³ − t) over the groups of tied values. */
function rankStatistic(x, y) {
    let i = 0;
    let j = 0;
    let rank = 0;
    let rankSum = 0;
    let ties = 0;
    while (i < x.length || j < y.length) {
        const value = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
        const fromX = i;
        const fromY = j;
        while (i < x.length && x[i] === value)
            i++;
        while (j < y.length && y[j] === value)
            j++;
        const inX = i - fromX;
        const inY = j - fromY;
        const t = inX + inY;
        rankSum += inX * (rank + (t + 1) / 2);
        rank += t;
        ties += t * t * t - t;
    }
    return { u: rankSum - (x.length * (x.length + 1)) / 2, ties };
}
/** P(U ≤ u) for u = 0 … nm under H0 without ties, by the counting recursion. */
function exactCdf(n, m) {
    // counts[b] = N(·; a, b) for the current a, as a polynomial in u of degree a·b.
    let counts = Array.from({ length: m + 1 }, () => Float64Array.of(1));
    for (let a = 1; a <= n; a++) {
        const next = [Float64Array.of(1)];
        for (let b = 1; b <= m; b++) {
            const row = new Float64Array(a * b + 1);
            const left = counts[b]; // N(·; a − 1, b): the largest value is an x, above all b y's
            for (let v = 0; v < left.length; v++)
                row[v + b] += left[v];
            const below = next[b - 1]; // N(·; a, b − 1): the largest value is a y
            for (let v = 0; v < below.length; v++)
                row[v] += below[v];
            next.push(row);
        }
        counts = next;
    }
    const frequencies = counts[m];
    const total = frequencies.reduce((s, f) => s + f, 0);
    const cdf = new Float64Array(frequencies.length);
    let running = 0;
    for (let v = 0; v < frequencies.length; v++) {
        running += frequencies[v];
        cdf[v] = running / total;
    }
    return cdf;
}
/** The number of differences x_i − y_j at most `d` (x, y sorted). */
function countAtMost(x, y, d) {
    let count = 0;
    let i = 0;
    // As y_j grows every x_i − y_j shrinks, so the x's that qualify only grow in number.
    for (let j = 0; j < y.length; j++) {
        while (i < x.length && x[i] - y[j] <= d)
            i++;
        count += i;
    }
    return count;
}
/** D(k), the k-th smallest difference x_i − y_j (1-based), exactly as computed in doubles. */
function kthDifference(x, y, k) {
    let lo = x[0] - y[y.length - 1];
    if (countAtMost(x, y, lo) >= k)
        return lo === 0 ? 0 : lo;
    let hi = x[x.length - 1] - y[0];
    // count(lo) < k ≤ count(hi); bisect over the doubles' order until they are neighbours.
    let low = orderKey(lo);
    let high = orderKey(hi);
    while (high - low > 1n) {
        const mid = (low + high) / 2n;
        const d = fromOrderKey(mid);
        if (countAtMost(x, y, d) >= k) {
            high = mid;
            hi = d;
        }
        else {
            low = mid;
            lo = d;
        }
    }
    return hi === 0 ? 0 : hi;
}
const BITS = new DataView(new ArrayBuffer(8));
const SIGN = 1n << 63n;
/** An integer whose order is the doubles' order (−0 just below +0). */
function orderKey(value) {
    BITS.setFloat64(0, value);
    const bits = BITS.getBigUint64(0);
    return bits & SIGN ? SIGN - 1n - (bits ^ SIGN) : bits | SIGN;
}
function fromOrderKey(key) {
    BITS.setBigUint64(0, key & SIGN ? key ^ SIGN : (SIGN - 1n - key) | SIGN);
    return BITS.getFloat64(0);
}

const STATUS = {
    within: 'pass',
    beyond: 'fail',
    inconclusive: 'inconclusive'
};
/**
 * Judges `outcome` on the canary's and the control's values at `confidence`; fewer than
 * `minSupport` values on either side is `insufficient`.
 */
function judgeOutcome(outcome, canary, control, confidence, minSupport) {
    const name = outcome.name ?? outcome.column;
    const base = {
        name,
        column: outcome.column,
        better: outcome.better,
        max_shift: outcome.max_shift,
        canary_n: canary.values.length,
        control_n: control.values.length,
        canary_missing: canary.missing,
        control_missing: control.missing,
        confidence
    };
    const fewest = Math.min(canary.values.length, control.values.length);
    if (fewest < minSupport) {
        const side = canary.values.length <= control.values.length ? 'canary' : 'control';
        return {
            ...base,
            status: 'insufficient',
            canary_median: null,
            control_median: null,
            shift: null,
            shift_ci: null,
            degradation: null,
            degradation_ci: null,
            u: null,
            p_value: null,
            test: null,
            mde: null,
            power_at_bound: null,
            traffic: null,
            reason: `${name}: ${fewest} ${side} values, fewer than min_support ${minSupport}: not judged`
        };
    }
    const test = shiftTest(canary.values, control.values, confidence);
    const worse = outcome.better === 'lower' ? 1 : -1;
    const degradation = worse * test.estimate;
    const degradationCi = worse > 0 ? test.ci : [-test.ci[1], -test.ci[0]];
    const rule = { kind: 'max_drop', threshold: outcome.max_shift };
    const decision = decideInterval(rule, degradationCi);
    const power = powerOf('max_drop', outcome.max_shift, degradationCi, confidence);
    const status = STATUS[decision];
    const traffic = status === 'inconclusive'
        ? trafficNeeded(name, power.mde, outcome.max_shift, canary.values.length, control.values.length)
        : null;
    const where = decision === 'inconclusive'
        ? 'straddles'
        : decision === 'beyond'
            ? 'lies wholly above'
            : 'lies wholly at or below';
    const reason = `${name} (${outcome.better} is better; canary median ${showNumber(test.canaryMedian)}, control ` +
        `${showNumber(test.controlMedian)}, n = ${test.n} and ${test.m}): Hodges–Lehmann shift canary − control ` +
        `${showSigned(test.estimate)}, ${showLevel(confidence)} interval ${showInterval(test.ci)}; degradation = ` +
        `${worse > 0 ? '+shift' : '−shift'} = ${showSigned(degradation)}, interval ${showInterval(degradationCi)} ` +
        `${where} max_shift ${outcome.max_shift} → ${status}; Mann–Whitney U = ${showNumber(test.u, 6)}, ` +
        `p = ${showNumber(test.pValue)} (H0: no shift; ${test.method === 'exact' ? 'exact' : 'normal approximation with tie correction'})` +
        (status === 'inconclusive' && power.mde !== null
            ? `; the logs can only detect degradations larger than ${showNumber(power.mde)} (80% power)`
            : '');
    return {
        ...base,
        status,
        canary_median: test.canaryMedian,
        control_median: test.controlMedian,
        shift: test.estimate,
        shift_ci: test.ci,
        degradation,
        degradation_ci: degradationCi,
        u: test.u,
        p_value: test.pValue,
        test: test.method,
        mde: power.mde,
        power_at_bound: power.power_at_bound,
        traffic,
        reason
    };
}

/**
 * The values of every outcome of `outcomes` in `file`, in their order.
 * @throws UserInputError for a column the file does not have (at its header, with the closest
 *   name) and for a cell that is not a number (at its line)
 */
async function readOutcomeValues(file, outcomes) {
    if (outcomes.length === 0)
        return [];
    const table = await openTable(file);
    try {
        const indices = outcomes.map((outcome, i) => {
            const index = table.columns.indexOf(outcome.column);
            if (index < 0) {
                throw new UserInputError(`canary.outcomes[${i}].column '${outcome.column}' is not a column of ${table.file}` +
                    `${didYouMean(outcome.column, table.columns)}; its columns are ${table.columns.join(', ')}`, { file: table.file, line: 1 });
            }
            return index;
        });
        const values = outcomes.map(() => new GrowableFloat64Array());
        const missing = outcomes.map(() => 0);
        for await (const batch of table.batches()) {
            indices.forEach((index, k) => {
                const cells = batch.columns[index].values;
                for (let i = 0; i < batch.size; i++) {
                    const cell = cells[i];
                    if (cell === null)
                        missing[k]++;
                    else if (typeof cell === 'number' && Number.isFinite(cell))
                        values[k].push(cell);
                    else {
                        throw new UserInputError(`the outcome column '${outcomes[k].column}' (canary.outcomes[${k}]) holds ` +
                            `${JSON.stringify(cell)}: expected a finite number, or an empty cell for a missing value`, { file: table.file, line: batch.lines[i] });
                    }
                }
            });
        }
        return values.map((v, k) => ({ values: v.values(), missing: missing[k] }));
    }
    finally {
        await table.close();
    }
}

/**
 * A canary judged end to end: the config checked, both outcome logs evaluated with the config's
 * model and segments, the gates judged with the canary as the candidate and the control as the
 * baseline, never paired, the continuous outcomes compared, and the decision taken
 * (`decision.ts`).
 *
 * Never paired: the canary and the control served different users, so even with `model.id` no row
 * of one log is matched with a row of the other; the logs are evaluated without the id, every
 * change has the unpaired interval (`quantity.ts`), and the document says so.
 */
const CANARY_PAIRING = 'unpaired by design: the canary and the control served different users, so no row is matched ' +
    '(not even by model.id); every change uses the unpaired interval (normal approximation from each ' +
    "log's own interval)";
/**
 * Judges the canary of `options` and returns its `ml-gate/canary@1` document.
 * @throws UserInputError for a config mistake (at its line: `checkCanaryConfig`, `checkGates`), a
 *   log that cannot be read or evaluated (at its line), and an outcome column that is missing or
 *   not numeric
 */
async function runCanary(options) {
    const loaded = options.config;
    const { config } = loaded;
    checkCanaryConfig(loaded);
    const outcomes = config.canary?.outcomes ?? [];
    let gates = null;
    let evaluated = null;
    if (config.gates.length > 0) {
        const settings = evaluateSettingsFromConfig(config);
        const unkeyed = { ...settings, model: { ...settings.model, id: undefined } };
        const control = await evaluatePredictions(options.control, unkeyed);
        const canary = await evaluatePredictions(options.canary, unkeyed);
        evaluated = { control, canary };
        const paired = unpairedModels({ results: resultsFromEvaluation(canary), rows: canary.rows }, { results: resultsFromEvaluation(control), rows: control.rows }, CANARY_PAIRING);
        checkSegmentKeys(loaded, paired.candidate);
        const results = judgeGates({
            config,
            candidate: paired.candidate,
            baseline: paired.baseline,
            now: options.now
        });
        gates = verdictDocument({
            config,
            results,
            candidate: canary.file,
            baseline: control.file,
            pairing: paired.pairing,
            now: options.now
        });
    }
    const controlValues = await readOutcomeValues(options.control, outcomes);
    const canaryValues = await readOutcomeValues(options.canary, outcomes);
    const minSupport = config.segments?.min_support ?? DEFAULT_MIN_SUPPORT;
    const confidence = config.evaluation.confidence;
    const judged = outcomes.map((outcome, i) => judgeOutcome(outcome, canaryValues[i], controlValues[i], confidence, minSupport));
    const controlSegments = evaluated?.control.segments;
    const decided = decideCanary(gates, judged, (key) => controlSegments?.get(key)?.rows ?? null);
    const rows = (evaluation, values) => evaluation?.rows ?? values[0].values.length + values[0].missing;
    return {
        schema: 'ml-gate/canary@1',
        decision: decided.decision,
        headline: decided.headline,
        reasons: decided.reasons,
        control: {
            file: evaluated?.control.file ?? options.control,
            rows: rows(evaluated?.control, controlValues)
        },
        canary: { file: evaluated?.canary.file ?? options.canary, rows: rows(evaluated?.canary, canaryValues) },
        paired: false,
        confidence,
        gates,
        outcomes: judged,
        traffic: decided.traffic
    };
}
/**
 * What the schema cannot check about a canary's config, before any log is read: something to
 * judge, the gates (`checkGates`), and each outcome column named once.
 * @throws UserInputError at the config line
 */
function checkCanaryConfig(loaded) {
    const { config } = loaded;
    const outcomes = config.canary?.outcomes ?? [];
    if (config.gates.length === 0 && outcomes.length === 0) {
        const at = config.canary === undefined ? [] : ['canary'];
        throw new UserInputError(`${config.canary === undefined ? 'config' : 'canary'}: nothing to judge a canary by: the config has ` +
            'no gates and no canary.outcomes; add gates (judged on the logs per segment) or ' +
            '`canary: { outcomes: [{ column, better, max_shift }] }`', loaded.locate(at, 'key'));
    }
    checkGates(loaded);
    outcomes.forEach((outcome, i) => {
        const first = outcomes.findIndex((o) => o.column === outcome.column);
        if (first < i) {
            const path = ['canary', 'outcomes', i, 'column'];
            throw new UserInputError(`${formatPath(path)}: the column '${outcome.column}' is already an outcome (canary.outcomes[${first}]); ` +
                'name each outcome column once', loaded.locate(path));
        }
    });
}

/**
 * The canary step: load the config, judge the canary (`runCanary`), write the `ml-gate/canary@1`
 * document. Shared by `ml-gate canary` and the canary action.
 */
/**
 * @throws UserInputError as `runCanary` does, and for a config that cannot be read (at its line)
 */
async function canaryStep(request) {
    const config = await loadConfig(request.config, { workspace: request.workspace });
    const document = await runCanary({
        config,
        control: request.control,
        canary: request.canary,
        now: request.now
    });
    if (request.output !== undefined)
        await writeDocument(request.output, document);
    return { document, code: canaryExitCode(document.decision) };
}

const usage = `Usage: ml-gate canary --control FILE --canary FILE --config CONFIG [--json OUT]

Decides a canary release from the outcome logs of the control (the current model) and the canary
(the new model) on live traffic: the gates of CONFIG judge the logs' metrics per segment (the
canary as candidate, the control as baseline, never paired: different users), and each
canary.outcomes column is compared by its Hodges–Lehmann shift and a Mann–Whitney test.

  --control FILE     the control's log: the columns of the config's model section (label, score,
                     prediction), its segment columns and the outcome columns
  --canary FILE      the canary's log, with the same columns
  --config CONFIG    the ml-gate.yml file
  --json OUT         also write the ml-gate/canary@1 document to OUT ('-' for stdout)

Decision: rollback when a gate fails or an outcome's degradation interval lies wholly above its
max_shift; promote when everything passes; continue when something is undecided (with the
traffic a decision needs).

Exit codes: 0 promote, 1 rollback, 2 bad input, 3 continue.`;
const canaryCommand = {
    name: 'canary',
    usage,
    async run(args, console) {
        const { values } = parseCommandArgs('canary', args, {
            control: { type: 'string' },
            canary: { type: 'string' },
            config: { type: 'string' },
            json: { type: 'string' }
        }, { min: 0, max: 0, names: 'no positional arguments' });
        for (const flag of ['control', 'canary', 'config']) {
            if (values[flag] === undefined) {
                throw new UserInputError(`ml-gate canary: --${flag} ${flag === 'config' ? 'CONFIG' : 'FILE'} is required`);
            }
        }
        const { document, code } = await canaryStep({
            config: values.config,
            control: values.control,
            canary: values.canary,
            now: new Date()
        });
        if (values.json !== '-')
            console.stdout(logText(renderCanaryText(document)));
        if (values.json !== undefined)
            await writeJson(values.json, document, console);
        return code;
    }
};

export { canaryCommand };
