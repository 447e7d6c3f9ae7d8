import { c as candidateBoard, p as pairingSummary, r as rankProblems, s as selectionWords, o as otherFailing, F as FIRST_FAILURES, S as STATUSES, f as failureWords, u as utcDate, m as matchWaiver } from './candidate-board.js';
import { s as showNumber, a as showSigned, b as showInterval, n as normalTwoSidedP, d as showAgainst, c as showLevel, C as CORRECTION_NAMES } from './multiple-testing.js';
import { r as renderTextTable } from './text-table.js';
import { a as criticalValue, n as normalQuantile, d as describeMetric, p as percentileInterval, b as supportUnit, O as OVERALL, e as segmentColumns } from './segmentation.js';
import { D as DEFAULT_MIN_SUPPORT } from './config.schema.js';
import { b as correctFamily } from './family.js';
import { C as CHANGE_RULES, r as rulesOf, A as ACROSS_RULES, a as decidePoint, c as comparison, e as excess, d as decideInterval, i as isLowerBound } from './rules.js';
import { c as confidenceLevel, f as finalizeMetrics } from './binary.js';
import { U as UserInputError } from './suggest.js';
import { o as openTable } from './open.js';
import { s as storedSource, e as evaluatePredictions } from './evaluate2.js';
import { L as LabelDigest, I as IdSet } from './staging-thread.js';

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
        const group = groups.get(key);
        if (group === undefined)
            groups.set(key, [r]);
        else
            group.push(r);
    }
    const lines = [...groups.values()].map((group) => {
        const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
        for (const r of group)
            counts[r.status]++;
        const only = group.length === 1 ? ` (${group[0].segment} ${showNumber(group[0].candidate)})` : '';
        return [group[0].gate, `${countsText(counts)}${only}`];
    });
    const width = lines.reduce((w, [label]) => Math.max(w, label.length), 0);
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
function boardRow(r) {
    const c = r.candidate;
    const worst = r.failures[0];
    return [
        c.rank === null ? '—' : `${c.rank}${r.winner ? ' winner' : ''}`,
        c.name,
        c.verdict,
        showNumber(c.select_value),
        c.select_ci === null ? '—' : showInterval(c.select_ci),
        worst === undefined ? '0' : `${r.failures.length}: ${failureWords(worst)}`
    ];
}
/**
 * The leaderboard of several candidates: ranked, the winner marked, the selection's reason (a tie
 * said first), and with no winner the first failures of each candidate the details do not cover.
 */
function boardLines(board) {
    const s = board.selection;
    const lines = [
        s === null ? 'Candidates:' : `Candidates, ranked by ${selectionWords(s)}:`,
        renderTextTable(['rank', 'candidate', 'verdict', s?.metric ?? 'selection', 'interval', 'failures'], board.rows.map(boardRow), ['left', 'left', 'left', 'right', 'left', 'left']).trimEnd()
    ];
    if (s !== null)
        lines.push(`${s.tie ? 'Tie' : 'Selection'}: ${s.reason}`);
    if (board.winner === null) {
        lines.push(`No candidate passes; the details below are of the first, ${board.shown.name}.`);
        for (const r of otherFailing(board)) {
            const more = r.failures.length - FIRST_FAILURES;
            lines.push(`${r.candidate.name}: ${r.failures.length} failing`);
            for (const f of r.failures.slice(0, FIRST_FAILURES))
                lines.push(`  ${f.status.toUpperCase()} ${f.reason}`);
            if (more > 0)
                lines.push(`  … and ${more} more in the JSON (--json)`);
        }
    }
    return [...lines, ''];
}
/**
 * Renders a verdict document as plain text. With several named candidates the second line names
 * the one the details are of (the winner, else the first) and the leaderboard follows it.
 *
 * @example
 * // FAIL: recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)
 * // candidate …/candidate.csv vs baseline …/baseline.csv (paired by id on all 1825 rows)
 * //
 * // Gates:
 * //   roc_auc min 0.75      1 pass (all 0.834)
 * //   recall max_drop 0.05  17 pass, 2 fail, 2 insufficient
 * // …
 */
function renderVerdictText(document) {
    const board = candidateBoard(document);
    const candidate = board === null
        ? `candidate ${document.candidate}`
        : `${board.winner === null ? 'first candidate' : 'winner'} ${board.shown.name} (${document.candidate})`;
    let out = [
        `${document.verdict.toUpperCase()}: ${document.headline}`,
        document.baseline === null
            ? `${candidate}, no baseline`
            : `${candidate} vs baseline ${document.baseline} (${pairingSummary(document.pairing)})`,
        '',
        ...(board === null ? [] : boardLines(board))
    ];
    if (document.results.length > 0)
        out = out.concat('Gates:', gateLines(document.results), '');
    const ranked = rankProblems(document.results);
    // Every failure is listed; warnings (often inconclusive segments) only the worst few.
    const fails = ranked.filter((r) => r.status === 'fail' || (r.status === 'missing' && r.severity === 'fail'));
    const problems = [...fails, ...ranked.slice(fails.length, fails.length + MAX_WARNINGS)];
    const hidden = ranked.length - problems.length;
    if (problems.length > 0) {
        out = out.concat(renderTextTable(['status', 'gate', 'segment', 'candidate', 'baseline', 'change', 'interval'], problems.map(problemRow), ['left', 'left', 'left', 'right', 'right', 'right', 'left']).trimEnd(), '', 'Why:', problems.map((r) => `  ${r.status.toUpperCase()} ${r.reason}`), hidden > 0
            ? [`  … and ${hidden} more warning${hidden === 1 ? '' : 's'}: every result is in the JSON (--json)`]
            : [], '');
    }
    const waived = document.results.filter((r) => r.status === 'waived');
    if (waived.length > 0)
        out = out.concat('Waived:', waived.map((r) => `  ${r.reason}`), '');
    if (document.notes.length > 0)
        out = out.concat('Notes:', document.notes.map((n) => `  - ${n}`), '');
    out.push(`Results: ${countsText(document.counts) || 'none'}`);
    return `${out.join('\n')}\n`;
}

/**
 * What a result's data could have detected: the minimum detectable effect (MDE) at the result's
 * own level and 80% power, and the power to detect a change as large as the rule allows.
 *
 * The standard error is read off the result's interval, the one its decision used: `se =
 * (upper − lower) / (2·z′)`, `z′ = z_{1−α′/2}`, for `ci` at level `confidence` = 1 − α′ (the
 * configured level in point mode, the corrected level in significant mode). For the analytic
 * intervals (Wilson, DeLong, the unpaired normal combination) that is the normal standard error
 * they were built from; for the (paired) bootstrap's percentile intervals it is the normal-
 * equivalent standard error of the replicates' spread at that level (Efron & Tibshirani 1993,
 * "An Introduction to the Bootstrap", §13.3: the percentile interval and `value ± z·se` agree when
 * the replicates are normal).
 *
 * Sides: the decision is a two-sided interval at 1 − α′ (fail when it lies wholly beyond the
 * bound, pass when wholly within): each outcome is a one-sided test at α′/2, so z′ = z_{1−α′/2}.
 *
 * - `mde = (z′ + z_{0.8})·se` (Bloom 1995, "Minimum detectable effects", Evaluation Review
 *   19(5)): a true quantity at least this far from the bound is decided (fail
 *   beyond it, pass within it) with 80% probability. For a change rule, equivalently, the
 *   smallest change from no change (0) that the data tell apart from 0 with 80% power.
 * - `power_at_bound = Φ(|bound|/se − z′)`: for a change rule, the power to detect a change as
 *   large as the bound (equally: the chance that a model that did not change at all passes). The
 *   far tail (`Φ(−|bound|/se − z′)`, below 1e-3 whenever the power is above 5%) is left out, as
 *   usual for power. It has no meaning for `min` / `max`, whose bound is a level, not a change.
 */
/** The power the MDE is quoted at. */
const POWER = 0.8;
/**
 * A change result whose MDE exceeds `DETECTABLE_FACTOR × bound` is not `detectable`: "too small
 * to judge this bound". At 2 the power at the bound is Φ((z_{0.8} − z′)/2): 29% at α′ = 5%, 14%
 * at α′ = 0.3% (Holm over 18 segments) — the data tell a change of the bound's size from no
 * change less than a third of the time, so a warning there says nothing about the model.
 */
const DETECTABLE_FACTOR = 2;
/** Standard normal CDF Φ(x). */
function normalCdf(x) {
    const tail = normalTwoSidedP(x) / 2;
    return x >= 0 ? 1 - tail : tail;
}
/** The standard error behind `ci` at level `confidence` (see the module comment). */
function standardError(ci, confidence) {
    return (ci[1] - ci[0]) / (2 * criticalValue(confidence));
}
const NO_POWER = { mde: null, power_at_bound: null, detectable: null };
/**
 * `mde`, `power_at_bound` and `detectable` of a result of `rule` with bound `threshold` whose
 * quantity has interval `ci` at `confidence`; all `null` without an interval. `power_at_bound`
 * and `detectable` are `null` for `min` / `max` (their bound is not a change).
 *
 * @example
 * // se 0.05 (an interval of half-width z_{0.995}·0.05 at 99%), bound 0.05:
 * powerOf('max_drop', 0.05, [0.1 - 0.128791, 0.1 + 0.128791], 0.99)
 * // { mde: (2.5758 + 0.8416)·0.05 = 0.17087, power_at_bound: Φ(1 − 2.5758) = 0.0577, detectable: false }
 */
function powerOf(rule, threshold, ci, confidence) {
    if (ci === null || confidence === null)
        return NO_POWER;
    const se = standardError(ci, confidence);
    const z = criticalValue(confidence);
    const mde = (z + normalQuantile(POWER)) * se;
    if (!CHANGE_RULES.includes(rule))
        return { mde, power_at_bound: null, detectable: null };
    const bound = Math.abs(threshold);
    const power = se > 0 ? normalCdf(bound / se - z) : bound > 0 ? 1 : 0;
    return { mde, power_at_bound: power, detectable: mde <= DETECTABLE_FACTOR * bound };
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
 * The quantity a `min`, `max`, `max_drop` or `max_relative_drop` rule judges for one segment, with
 * the formula that produced it and its interval at any confidence level.
 *
 * Intervals, by rule:
 * - `min` / `max`: the candidate's own interval of the metric (Wilson, DeLong or bootstrap, as the
 *   catalog says), recomputed at the requested level when the predictions were evaluated here.
 * - changes, paired: when both models were evaluated with an id column (from predictions on the
 *   ids they share, see `pairing.ts`, or read from evaluation documents with their segments'
 *   state), the paired bootstrap interval of `candidate − baseline` (`pairedDifference`: same rows,
 *   same resamples), at the requested level; a segment whose rows differ between the two falls
 *   back to unpaired, and its method says why.
 * - changes, unpaired (no id column, or a document without state): the normal approximation
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
/** Paired when both models carry metric sources keyed by an id column, unpaired otherwise. */
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

/** Every result of every gate, in config order (gates, then rules, then segments). */
function judgeGates(input) {
    const { candidate, comparedCandidate, baseline, ...rest } = input;
    return judgeCandidates({ ...rest, candidates: [{ candidate, comparedCandidate, baseline }] })[0];
}
/**
 * `judgeGates` of each candidate, in input order, with one difference: a significant-mode rule's
 * family spans every candidate's judged segments (m = Σ over the candidates), so that adding
 * candidates inflates neither false failures nor false passes. With one candidate it is
 * `judgeGates` exactly.
 */
function judgeCandidates(input) {
    const { candidates, ...shared } = input;
    const contexts = candidates.map((model) => ({
        ...shared,
        ...model,
        minSupport: input.config.segments?.min_support ?? DEFAULT_MIN_SUPPORT,
        confidence: input.config.evaluation.confidence
    }));
    const today = utcDate(input.now);
    const results = candidates.map(() => []);
    input.config.gates.forEach((gate, index) => {
        for (const rule of rulesOf(gate)) {
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
                ? contexts.map((context) => [judgeAcross(context, gate, rule, header)])
                : judgeSegments(contexts, gate, rule, header);
            drafts.forEach((list, i) => {
                for (const draft of list)
                    results[i].push(settle(draft, gate, input.config, today));
            });
        }
    });
    return results;
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
        support: null,
        baseline_support: null,
        candidate: null,
        baseline: null,
        change: null,
        relative_change: null,
        ci: null,
        confidence: null,
        p_value: null,
        adjusted_p_value: null,
        excess: null,
        correction: null,
        family: null,
        ...NO_POWER,
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
/** One rule on the segments of every candidate (`contexts`), judged in one family; drafts per candidate. */
function judgeSegments(contexts, gate, rule, header) {
    const prepared = contexts.map((context) => {
        // The segments are the whole candidate's; a change reads them on the rows shared with the baseline.
        const compared = CHANGE_RULES.includes(rule.kind) && context.comparedCandidate !== undefined
            ? { ...context, candidate: context.comparedCandidate }
            : context;
        return segmentKeys(gate, context.candidate).map((key) => prepare(compared, gate, rule, blank(header, key)));
    });
    const judged = prepared.flat().filter((p) => p.quantity !== undefined);
    const confidence = contexts[0]?.confidence ?? 0.95;
    const levels = gate.mode === 'significant'
        ? familyLevels(judged, rule, gate.correction, confidence, contexts.length)
        : new Map();
    return prepared.map((list, i) => list.map((p) => p.quantity === undefined
        ? p.draft
        : decide(p.draft, p.quantity, rule, contexts[i], levels.get(p) ?? null)));
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
    let seen = { n: segment.n, candidate: c.value, support: c.support ?? null };
    if (segment.n < minSupport) {
        return stop('insufficient', `${segment.n} rows, fewer than min_support ${minSupport}: not judged`, seen);
    }
    const cProblem = unjudgeable(metric, c, segment.n, minSupport, 'the candidate');
    if (cProblem !== undefined)
        return stop('insufficient', cProblem, seen);
    if (CHANGE_RULES.includes(rule.kind)) {
        if (baseline === null) {
            const why = context.baselineMissing === undefined ? '' : ` (${context.baselineMissing})`;
            return context.config.on_missing_baseline === 'fail'
                ? stop('missing', `no baseline to compare with${why} (on_missing_baseline: fail)`, seen)
                : stop('skipped', `no baseline to compare with${why}: ${rule.kind} skipped`, seen);
        }
        const baseSegment = baseline.segment(key);
        if (baseSegment === undefined)
            return stop('missing', `the baseline's evaluation has no segment ${key}`, seen);
        const b = baseline.metric(key, metric, baseline.confidence);
        if (b === undefined)
            return stop('missing', `the baseline's evaluation does not report ${metric}`, seen);
        seen = { ...seen, baseline_support: b.support ?? null };
        if (baseSegment.n < minSupport) {
            return stop('insufficient', `${baseSegment.n} rows in the baseline, fewer than min_support ${minSupport}: not judged`, seen);
        }
        const bProblem = unjudgeable(metric, b, baseSegment.n, minSupport, 'the baseline');
        if (bProblem !== undefined)
            return stop('insufficient', bProblem, seen);
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
    const infinite = nonFinite(measured.quantity, rule, context.confidence);
    if (infinite !== undefined)
        return stop('insufficient', infinite, seen);
    return { draft: { ...draft, ...seen }, quantity: measured.quantity };
}
/**
 * Why `value` of `metric` (of `who`, on `n` rows) cannot be judged: undefined, a zero-division
 * convention, not finite (value or interval), or too little support of its own; `undefined` when
 * it can be.
 */
function unjudgeable(metric, value, n, minSupport, who) {
    if (value.value === null)
        return `undefined for ${who}: ${value.reason}`;
    if (value.defined === false) {
        return `undefined for ${who}: ${value.reason ?? 'its denominator is 0'}; a convention, not a value: not judged`;
    }
    if (!Number.isFinite(value.value))
        return `${who}'s value is ${value.value}, not a finite number: not judged`;
    if (value.ci !== null && !value.ci.every(Number.isFinite)) {
        return `${who}'s interval [${value.ci.join(', ')}] is not finite: not judged`;
    }
    if (value.support === undefined) {
        return `${who}'s evaluation does not state the support of ${metric} (a document without \`support\`): not judged`;
    }
    if (value.support < minSupport) {
        const where = who === 'the baseline' ? ' in the baseline' : '';
        return `${value.support} ${supportUnit(metric)} (of ${n} rows)${where}, fewer than min_support ${minSupport}: not judged`;
    }
    return undefined;
}
/**
 * Why a measured quantity cannot be compared: the change (of two huge finite values, say), the
 * quantity or its interval is not a finite number.
 */
function nonFinite(q, rule, confidence) {
    // The candidate's and the baseline's values were checked before they were measured.
    const numbers = CHANGE_RULES.includes(rule.kind) ? [['change', q.change]] : [];
    numbers.push([q.name, q.value]);
    for (const [what, value] of numbers) {
        if (value !== null && !Number.isFinite(value))
            return `the ${what} is ${value}, not a finite number: not judged`;
    }
    const ci = q.interval(confidence);
    if (ci !== null && !ci.every(Number.isFinite)) {
        return `the interval of the ${q.name} [${ci.join(', ')}] is not finite: not judged`;
    }
    return undefined;
}
/** The family of the segments whose quantity has an interval; the others are compared as points. */
function familyLevels(judged, rule, correction, confidence, candidates) {
    const tested = [];
    for (const prepared of judged) {
        const q = prepared.quantity;
        const ci = q.interval(confidence);
        if (ci !== null)
            tested.push({ prepared, p: boundPValue(rule, q.value, ci, confidence) });
    }
    const corrected = correctFamily(tested.map((t) => t.p), correction, confidence);
    return new Map(tested.map((t, i) => [
        t.prepared,
        {
            pValue: t.p,
            adjusted: corrected.adjusted[i],
            confidence: corrected.confidence[i],
            family: tested.length,
            candidates,
            correction
        }
    ]));
}
const OUTCOME = {
    within: 'pass',
    beyond: 'fail',
    inconclusive: 'inconclusive'
};
function decide(draft, q, rule, context, member) {
    const values = {
        candidate: q.candidate,
        baseline: q.baseline,
        change: q.change,
        relative_change: q.relativeChange,
        excess: excess(rule, q.value)
    };
    const about = `${draft.metric} for ${draft.segment} (n = ${draft.n}): ${q.formula}`;
    const pointText = (decision) => `${showAgainst(q.value, rule.threshold)} ${comparison(rule, decision)} → ${OUTCOME[decision]}`;
    if (draft.mode === 'point' || member === null) {
        const decision = decidePoint(rule, q.value);
        const ci = q.interval(context.confidence);
        const confidence = ci === null ? null : context.confidence;
        const note = draft.mode === 'significant' ? `; no interval of the ${q.name}: compared as a point value` : '';
        return {
            ...draft,
            ...values,
            ...powerOf(rule.kind, rule.threshold, ci, confidence),
            status: OUTCOME[decision],
            ci,
            confidence,
            reason: `${about}; ${pointText(decision)}${note}`
        };
    }
    const ci = q.interval(member.confidence);
    if (!ci.every(Number.isFinite)) {
        const at = showLevel(member.confidence);
        return {
            ...draft,
            status: 'insufficient',
            reason: `${about}; the ${at} interval [${ci.join(', ')}] is not finite: not judged`
        };
    }
    const decision = decideInterval(rule, ci);
    const power = powerOf(rule.kind, rule.threshold, ci, member.confidence);
    const detects = decision === 'inconclusive' ? `; ${detectable(q.name, rule, power.mde)}` : '';
    const reason = `${about}; ${showLevel(member.confidence)} ${q.method} interval of the ${q.name} ${showInterval(ci)} ` +
        `${where(rule, decision)} → ${OUTCOME[decision]}; p = ${showNumber(member.pValue)} ` +
        `(H0: ${q.name} = ${rule.threshold}), ${familyText(member, draft.metric, rule)}${detects}`;
    return {
        ...draft,
        ...values,
        ...power,
        status: OUTCOME[decision],
        ci,
        confidence: member.confidence,
        p_value: member.pValue,
        adjusted_p_value: member.adjusted,
        correction: member.correction,
        family: member.family,
        reason
    };
}
/**
 * The adjusted p-value and the family it was adjusted in:
 * `Holm-adjusted p = 0.000216 (Holm over 18 segments of recall max_drop)`, or with several
 * candidates `(Holm over 54 segments of recall max_drop across 3 candidates)`.
 */
function familyText(member, metric, rule) {
    const across = member.candidates > 1 ? ` across ${member.candidates} candidates` : '';
    const segments = `${member.family} segment${member.family === 1 ? '' : 's'} of ${metric} ${rule.kind}${across}`;
    if (member.correction === 'none')
        return `uncorrected (correction: none; ${segments})`;
    const name = CORRECTION_NAMES[member.correction];
    const short = member.correction === 'bh' ? 'BH' : name;
    return `${short}-adjusted p = ${showNumber(member.adjusted)} (${name} over ${segments})`;
}
/**
 * What an inconclusive segment could have told, from its `mde`:
 * `this segment can only detect drops larger than 0.211 (80% power); the bound is 0.05`.
 */
function detectable(name, rule, mde) {
    if (CHANGE_RULES.includes(rule.kind)) {
        return `this segment can only detect ${name}s larger than ${showNumber(mde)} (80% power); the bound is ${rule.threshold}`;
    }
    return `this segment can only tell its ${name} from ${rule.kind} ${rule.threshold} when they differ by more than ${showNumber(mde)} (80% power)`;
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
 * `min_support` rows and support of the metric, and a defined, finite value (not a zero-division
 * convention); needs two of them. `ratio = lowest / highest`, `gap = highest − lowest`; one that
 * is not finite is not judged. Point values only (the config rejects `mode: significant` here).
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
        const value = context.candidate.metric(s.key, metric, context.confidence);
        const problem = memberProblem(metric, s.n, value, context.minSupport);
        if (problem === undefined)
            judged.push({ key: s.key, value: value.value });
        else
            left.push(`${s.key} (${problem})`);
    }
    const leftOut = left.length === 0 ? '' : `; left out: ${left.join(', ')}`;
    if (judged.length < 2) {
        return {
            ...draft,
            status: 'insufficient',
            reason: `${about}: needs 2 segments with support of at least ${context.minSupport} and a defined, finite value, found ${judged.length}${leftOut}`
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
    if (!Number.isFinite(value)) {
        return {
            ...draft,
            status: 'insufficient',
            reason: `${about}: ${range}; ${formula}, not a finite number: not judged`
        };
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
/** Why a segment's value is left out of an `across` rule, in a few words; `undefined` if it counts. */
function memberProblem(metric, n, value, minSupport) {
    if (n < minSupport)
        return `${n} rows`;
    if (value === undefined || value.value === null || value.defined === false)
        return 'undefined';
    if (!Number.isFinite(value.value))
        return `${value.value}`;
    if (value.support === undefined)
        return 'support unknown';
    if (value.support < minSupport)
        return `${value.support} ${supportUnit(metric)}`;
    return undefined;
}

/**
 * One model's evaluated metrics as the gates read them, whether they come from a predictions file
 * just evaluated (accumulators at hand) or from an `ml-gate/evaluation@1` document (the segments'
 * stored state, `stored-source.ts`): either way exact intervals at any level and paired tests. Only
 * a document without state (written by hand) is read as values and intervals at its own level.
 */
function resultsFromEvaluation(evaluation) {
    const families = evaluation.families;
    const segments = [...evaluation.segments.values()];
    return fromSources({
        file: evaluation.file,
        task: evaluation.settings.model.task,
        confidence: evaluation.settings.confidence,
        id: evaluation.settings.model.id ?? null,
        segments: segments.map((s) => ({
            key: s.key,
            family: s.family < 0 ? null : families[s.family].name,
            n: s.rows
        })),
        sources: new Map(segments.map((s) => [s.key, s.metrics]))
    });
}
/**
 * @param path where the document was read from, for errors (default: its `file`)
 * @throws UserInputError naming the document and the segment whose state cannot be used
 */
function resultsFromDocument(document, path = document.file) {
    const summaries = document.segments.map((s) => ({ key: s.key, family: s.column, n: s.n }));
    if (document.segments.every((s) => s.state !== undefined)) {
        const bootstrap = { replicates: document.settings.bootstrap, seed: document.settings.seed };
        const sources = new Map();
        for (const s of document.segments) {
            try {
                sources.set(s.key, storedSource(s.state, document.task, bootstrap));
            }
            catch (error) {
                throw new UserInputError(`segment ${JSON.stringify(s.key)}: ${error.message}`, {
                    file: path
                });
            }
        }
        return fromSources({
            file: document.file,
            task: document.task,
            confidence: document.settings.confidence,
            id: document.settings.id,
            segments: summaries,
            sources
        });
    }
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
/** Results whose metrics are finalized from each segment's source, at the level asked. */
function fromSources(input) {
    const byKey = new Map(input.segments.map((s) => [s.key, s]));
    // finalize computes every metric of a segment; gates ask for a few at a handful of levels.
    const cache = new Map();
    return {
        file: input.file,
        task: input.task,
        confidence: input.confidence,
        pairedBy: input.id,
        segments: input.segments,
        segment: (key) => byKey.get(key),
        metric(key, name, confidence) {
            const source = input.sources.get(key);
            if (source === undefined)
                return undefined;
            const cacheKey = `${confidence}\u0000${key}`;
            let metrics = cache.get(cacheKey);
            if (metrics === undefined) {
                metrics = finalizeMetrics(source, { confidence });
                cache.set(cacheKey, metrics);
            }
            return metrics[name];
        },
        source: (key) => input.sources.get(key)
    };
}
function rescaleInterval(value, ci, from, to, name) {
    const factor = criticalValue(to) / criticalValue(from);
    const [lo, hi] = describeMetric(name)?.range ?? [-Infinity, Infinity];
    return [Math.max(lo, value - (value - ci[0]) * factor), Math.min(hi, value + (ci[1] - value) * factor)];
}

/**
 * Whether the candidate and the baseline describe the same evaluation, and on which rows their
 * changes are computed: the verdict's `pairing`.
 *
 * Rules (both predictions files, with `model.id`):
 * - The same ids with the same labels (the overall row digests and label digests agree, see
 *   `row-ids.ts`): paired on every row, at no extra cost.
 * - Otherwise one more pass over both files' id and label columns: an id whose label differs is
 *   bad input (the files are not the same evaluation set); no id in common is bad input too. The
 *   changes are then computed on the shared ids only: both files are evaluated again restricted
 *   to them, and the counts of rows in one file only are stated. `min` / `max` gates still judge
 *   the whole candidate file: a threshold is a property of the candidate alone.
 * - Per segment, the rows must agree too: a segment on a model output (`score`, `prediction`, a
 *   probability column) or a segment column whose value differs for the same id puts different
 *   rows in the two models' segment; such segments are listed and their changes are unpaired
 *   (`pairedDifference` checks each segment's row digest).
 *
 * Evaluation documents cannot be read again on the shared ids; they pair when both carry their
 * segments' state (row digests and replicates, see `stored-source.ts`) and hold the same rows, as
 * their overall digests tell; otherwise the comparison is unpaired. Without an id column rows
 * cannot be matched at all: unpaired, and the reason says which.
 */
const UNPAIRED_INTERVALS = 'unpaired intervals (normal approximation from each model’s own interval)';
function isDocument(model) {
    return 'schema' in model;
}
function asResults({ model, file }) {
    return isDocument(model) ? resultsFromDocument(model, file) : resultsFromEvaluation(model);
}
/**
 * Pairs `candidate` with `baseline` as the module comment says.
 * @throws UserInputError for a shared id whose label differs (naming the id and both file:line),
 *   and for two files with ids but none in common
 */
async function pairModels(loadedCandidate, loadedBaseline, settings, read) {
    const candidate = loadedCandidate.model;
    const baseline = loadedBaseline?.model ?? null;
    const whole = asResults(loadedCandidate);
    const baselineResults = loadedBaseline === null ? null : asResults(loadedBaseline);
    const unpaired = (reason) => unpairedModels({ results: whole, rows: candidate.rows }, baseline === null ? null : { results: baselineResults, rows: baseline.rows }, reason);
    if (baseline === null)
        return unpaired('no baseline: nothing is compared');
    if (settings.model.id === undefined) {
        return unpaired(`no id to pair on: ${UNPAIRED_INTERVALS}; set model.id for paired ones`);
    }
    if (isDocument(candidate) || isDocument(baseline)) {
        return pairDocuments(whole, baselineResults, candidate.rows, baseline.rows, settings, unpaired);
    }
    // Told by the digests at no cost, else by one more pass over both files' ids and labels.
    const shared = sameRows(candidate, baseline)
        ? null
        : await sharedIds(candidate.file, baseline.file, settings, read);
    if (shared?.size === 0) {
        throw new UserInputError(`no id of the id column '${settings.model.id}' is also in the baseline ${baseline.file}: the two files are ` +
            'not the same evaluation set, so the models cannot be compared. Predict both models on the same rows', { file: candidate.file });
    }
    // Same ids and labels (after the pass, the digests differed by label representation only, e.g. 1 and 1.0).
    if (shared === null || (shared.size === candidate.rows && shared.size === baseline.rows)) {
        return withSegments({ candidate: whole, compared: whole, baseline: baselineResults }, candidate.rows, candidate.rows, baseline.rows, `paired by id: the ${candidate.rows} ids are the same in both files, with the same labels`, settings);
    }
    const m = shared.size;
    // A file whose every id is shared is its own restriction.
    const restrict = async (model) => resultsFromEvaluation(model.rows === m
        ? model
        : await evaluatePredictions(model.file, settings, read, { only: shared, thread: null }));
    return withSegments({ candidate: whole, compared: await restrict(candidate), baseline: await restrict(baseline) }, m, candidate.rows, baseline.rows, `paired by id on the ${m} ids both files share: ${candidate.rows - m} of the candidate's ${candidate.rows} ` +
        `rows and ${baseline.rows - m} of the baseline's ${baseline.rows} are in one file only and left out of ` +
        `every comparison with the baseline; min and max gates judge all ${candidate.rows} candidate rows`, settings);
}
/**
 * The comparison of two models whose rows are not matched: every change is unpaired (the normal
 * combination of each model's own interval, see `quantity.ts`) and `reason` says why. What
 * `pairModels` falls back to, and what a canary is by design (its users are not the control's).
 */
function unpairedModels(candidate, baseline, reason) {
    return {
        pairing: {
            paired: false,
            matched: null,
            candidate_rows: candidate.rows,
            baseline_rows: baseline?.rows ?? null,
            unpaired_segments: [],
            reason
        },
        candidate: candidate.results,
        compared: candidate.results,
        baseline: baseline?.results ?? null
    };
}
/**
 * A document on either side: paired when both sides have row digests (a document with its
 * segments' state, or an evaluation) and the overall digests agree; a document cannot be
 * evaluated again on the shared ids, so different rows are compared unpaired.
 */
function pairDocuments(candidate, baseline, candidateRows, baselineRows, settings, unpaired) {
    const c = candidate.source(OVERALL)?.digest;
    const b = baseline.source(OVERALL)?.digest;
    if (c === undefined || b === undefined) {
        const without = [c === undefined ? 'the candidate' : null, b === undefined ? 'the baseline' : null]
            .filter((who) => who !== null)
            .join(' and ');
        return unpaired(`${without} ${without.includes(' and ') ? 'are evaluation documents without their' : 'is an evaluation document without its'} ` +
            `segments' state, so rows cannot be matched: ${UNPAIRED_INTERVALS}; write documents with ` +
            'this version of ml-gate for paired ones');
    }
    if (!c.equals(b)) {
        return unpaired(`the candidate (${candidateRows} rows) and the baseline (${baselineRows} rows) were not evaluated on the ` +
            `same ids, and an evaluation document cannot be restricted to the shared ones: ${UNPAIRED_INTERVALS}; ` +
            'gate the two predictions files for a comparison on the shared ids');
    }
    return withSegments({ candidate, compared: candidate, baseline }, candidateRows, candidateRows, baselineRows, `paired by id: both evaluations hold the same ${candidateRows} ids (their row digests agree)`, settings);
}
/** The same ids with the same labels: equal overall row digests and label digests. */
function sameRows(candidate, baseline) {
    const c = candidate.segments.get(OVERALL).metrics.digest;
    const b = baseline.segments.get(OVERALL).metrics.digest;
    const [x, y] = [candidate.labels, baseline.labels];
    return (c.equals(b) &&
        x !== null &&
        y !== null &&
        x.rows === y.rows &&
        x.first === y.first &&
        x.second === y.second);
}
/** Adds the segments whose rows differ between the two models to a paired result. */
function withSegments(models, matched, candidateRows, baselineRows, reason, settings) {
    const baseline = models.baseline;
    const differing = models.compared.segments
        .filter((s) => {
        const c = models.compared.source(s.key);
        const b = baseline.source(s.key);
        return c !== undefined && b !== undefined && !c.digest.equals(b.digest);
    })
        .map((s) => s.key);
    const outputs = modelOutputSegments(settings);
    const onOutputs = outputs.length === 0
        ? ''
        : `; segments of ${outputs.map((c) => `'${c}'`).join(', ')} are defined by each model's own output, so ` +
            'the same segment holds different rows for each model';
    const segments = differing.length === 0
        ? onOutputs
        : `; ${differing.length} segment${differing.length === 1 ? '' : 's'} (${differing.slice(0, 5).join(', ')}` +
            `${differing.length > 5 ? ', …' : ''}) hold different rows in the two files` +
            (outputs.length === 0 ? ' (a segment column differs for the same id)' : onOutputs) +
            ': their changes are unpaired';
    return {
        ...models,
        pairing: {
            paired: true,
            matched,
            candidate_rows: candidateRows,
            baseline_rows: baselineRows,
            unpaired_segments: differing,
            reason: reason + segments
        }
    };
}
/** Segment columns that are a model's output: its score, prediction or probability columns. */
function modelOutputSegments(settings) {
    const m = settings.model;
    return segmentColumns(settings.segments).filter((column) => column === m.score ||
        column === m.prediction ||
        (m.task === 'multiclass' && column.startsWith(m.score_prefix) && column.length > m.score_prefix.length));
}
/**
 * The ids in both files, checking that each shared id has the same label in both: one pass over
 * the baseline's id and label columns (a map of id to label and line: about 100 bytes an id) and
 * one over the candidate's.
 * @throws UserInputError for a shared id whose label differs, at the candidate's line, naming the
 *   baseline's
 */
async function sharedIds(candidateFile, baselineFile, settings, read) {
    const labels = new LabelDigest(settings.model.task === 'regression');
    const baseline = new Map();
    const baselineName = await eachIdAndLabel(baselineFile, settings, read, (id, label, line) => baseline.set(key(id), { label, line }));
    const shared = new IdSet();
    await eachIdAndLabel(candidateFile, settings, read, (id, label, line, file) => {
        const other = baseline.get(key(id));
        if (other === undefined)
            return;
        if (labels.labelHash(label) !== labels.labelHash(other.label)) {
            throw new UserInputError(`the id ${JSON.stringify(id)} has the label ${JSON.stringify(label)} here and ${JSON.stringify(other.label)} ` +
                `in the baseline (${baselineName}:${other.line}): the two files are not the same evaluation set. ` +
                'Predict both models on the same labelled rows', { file, line });
        }
        shared.add(id);
    });
    return shared;
}
/**
 * Calls `visit` with every row's id, label and line (the evaluation has checked both already).
 * @returns the file's name as the reader shows it
 */
async function eachIdAndLabel(path, settings, read, visit) {
    const table = await openTable(path, read);
    try {
        const id = table.columns.indexOf(settings.model.id);
        const label = table.columns.indexOf(settings.model.label);
        for await (const batch of table.batches()) {
            const ids = batch.columns[id].values;
            const labels = batch.columns[label].values;
            for (let i = 0; i < batch.size; i++)
                visit(ids[i], labels[i], batch.lines[i], table.file);
        }
    }
    finally {
        await table.close();
    }
    return table.file;
}
/** A map key with the `IdSet`'s equality: −0 is 0. */
function key(id) {
    return id === 0 ? 0 : id;
}

export { resultsFromEvaluation as a, boundPValue as b, pairModels as c, judgeCandidates as d, isDocument as i, judgeGates as j, measure as m, powerOf as p, renderVerdictText as r, unpairedModels as u };
