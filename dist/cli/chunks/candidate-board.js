import { O as OVERALL } from './segmentation.js';
import { A as ACROSS_RULES, C as CHANGE_RULES, d as decideInterval } from './rules.js';
import { s as showNumber, a as showSigned, e as showPercent } from './multiple-testing.js';

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
    const judged = weights.includes('fail') ? 'fail' : weights.includes('warn') ? 'warn' : 'pass';
    const why = noEvidence(results);
    const onNoEvidence = input.config.on_no_evidence;
    const verdict = why === null || judged === 'fail' ? judged : onNoEvidence === 'fail' ? 'fail' : 'warn';
    const lacking = why === null ? null : `no evidence: ${why} (on_no_evidence: ${onNoEvidence})`;
    return {
        schema: 'ml-gate/verdict@1',
        verdict,
        headline: headline(results, verdict, counts, lacking),
        no_evidence: why,
        candidate: input.candidate,
        baseline: input.baseline,
        paired: input.pairing.paired,
        pairing: input.pairing,
        counts,
        results,
        notes: notes(input),
        ...(input.baselineSource === undefined ? {} : { baseline_source: input.baselineSource })
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
/** The statuses of a result that was judged against its rule. */
const JUDGED = ['pass', 'fail', 'warn', 'waived'];
/**
 * Why `results` hold no evidence, in words, or `null` when they hold some: a result on `all` is
 * insufficient (the data as a whole cannot answer the gate), or none was judged and some are
 * insufficient.
 *
 * @example noEvidence(tenRows) // 'roc_auc for all: 10 rows, fewer than min_support 30: not judged (and 1 more on all)'
 */
function noEvidence(results) {
    const overall = results.filter((r) => r.segment === OVERALL && r.status === 'insufficient' && !ACROSS_RULES.includes(r.rule));
    if (overall.length > 0) {
        const more = overall.length > 1 ? ` (and ${overall.length - 1} more on ${OVERALL})` : '';
        return `${overall[0].reason}${more}`;
    }
    const insufficient = results.filter((r) => r.status === 'insufficient');
    if (insufficient.length === 0 || results.some((r) => JUDGED.includes(r.status)))
        return null;
    const others = STATUSES.filter((s) => s !== 'insufficient')
        .map((s) => [s, results.filter((r) => r.status === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `, ${n} ${s}`)
        .join('');
    const total = results.length === 1 ? 'the 1 result' : `none of the ${results.length} results`;
    return `${total} could ${results.length === 1 ? 'not ' : ''}be judged (${insufficient.length} insufficient${others}); ${insufficient[0].reason}`;
}
function headline(results, verdict, counts, lacking) {
    const top = rankProblems(results)[0];
    if (top !== undefined && resultWeight(top) === 'fail')
        return summarize(top);
    if (lacking !== null)
        return lacking;
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
/** Every row of both files and of every segment matched: nothing to add to the summary line. */
function isFullyPaired(p) {
    return (p.paired &&
        p.matched === p.candidate_rows &&
        p.matched === p.baseline_rows &&
        p.unpaired_segments.length === 0);
}
/**
 * The pairing in a few words, for the line under the headline.
 *
 * @example `paired by id on all 1825 rows`, `paired by id on the 900 shared ids (candidate 1000 rows, baseline 950)`
 */
function pairingSummary(p) {
    if (!p.paired)
        return 'unpaired';
    const rows = p.matched === p.candidate_rows && p.matched === p.baseline_rows
        ? `paired by id on all ${p.matched} rows`
        : `paired by id on the ${p.matched} shared ids (candidate ${p.candidate_rows} rows, baseline ${p.baseline_rows})`;
    const k = p.unpaired_segments.length;
    return k === 0 ? rows : `${rows}; ${k} segment${k === 1 ? '' : 's'} unpaired`;
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
        const why = input.baselineMissing === undefined ? 'no baseline' : `no baseline (${input.baselineMissing})`;
        out.push(config.on_missing_baseline === 'fail'
            ? `${why}: the ${changeRules.length} results comparing with it are missing (on_missing_baseline: fail)`
            : `${why}: the ${changeRules.length} results comparing with it were skipped (set model.baseline, or on_missing_baseline: fail to require one)`);
    }
    if (input.baseline !== null && changeRules.length > 0 && !isFullyPaired(input.pairing)) {
        out.push(input.pairing.reason);
    }
    const today = utcDate(input.now);
    config.waivers.forEach((waiver, i) => {
        if (isExpired(waiver, today))
            out.push(expiryNote(waiver, i));
    });
    return out;
}

/** Worst first: by `excess` descending, results without one last, ties in document order. */
function byExcess(a, b) {
    if (a.excess === b.excess)
        return 0;
    if (a.excess === null)
        return 1;
    if (b.excess === null)
        return -1;
    return b.excess - a.excess;
}
function groupResults(results) {
    const sorted = [...results].sort(byExcess);
    const inconclusive = sorted.filter(isInconclusive);
    return {
        failing: sorted.filter((r) => r.status === 'fail' || r.status === 'missing'),
        warnings: sorted.filter((r) => r.status === 'warn' && !isInconclusive(r)),
        inconclusive: inconclusive.filter((r) => r.detectable !== false),
        tooSmall: inconclusive.filter((r) => r.detectable === false),
        others: results.filter((r) => !['fail', 'missing', 'warn'].includes(r.status))
    };
}

/**
 * The board of `verdict`: candidates that pass or warn by rank, then the others in config order;
 * `null` when the verdict has no `candidates` (one unnamed candidate: the report reads as before).
 */
function candidateBoard(verdict) {
    const candidates = verdict?.candidates;
    if (verdict === null || candidates === undefined || candidates.length === 0)
        return null;
    const winner = verdict.winner ?? null;
    const ranked = candidates.filter((c) => c.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const rows = [...ranked, ...candidates.filter((c) => c.rank === null)].map((c) => ({
        candidate: c,
        winner: c.name === winner,
        failures: groupResults(c.results).failing
    }));
    return {
        rows,
        winner,
        selection: verdict.selection ?? null,
        shown: candidates.find((c) => c.name === winner) ?? candidates[0]
    };
}
/** Failures listed per candidate that neither wins nor is described in full (no winner). */
const FIRST_FAILURES = 3;
/** The candidates with failures besides `board.shown`, whose failures the details show in full. */
function otherFailing(board) {
    return board.rows.filter((r) => r.candidate.name !== board.shown.name && r.failures.length > 0);
}
/** `recall for Job=partime`: a failing result in a few words (unescaped). */
function failureWords(r) {
    return `${r.metric} for ${r.segment}`;
}
/** `roc_auc on all, higher is better, significant mode`: how the candidates were ranked. */
function selectionWords(s) {
    return `${s.metric} on ${s.segment}, ${s.higher_is_better ? 'higher' : 'lower'} is better, ${s.mode} mode`;
}

export { FIRST_FAILURES as F, STATUSES as S, byExcess as b, candidateBoard as c, failureWords as f, groupResults as g, isInconclusive as i, matchWaiver as m, otherFailing as o, pairingSummary as p, rankProblems as r, selectionWords as s, utcDate as u, verdictDocument as v };
