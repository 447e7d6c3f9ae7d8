import { U as UserInputError, E as ExitCode } from './suggest.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { e as extent, s as setting, v as value, m as markdownTable, c as change, a as level, p as percent, i as interval, b as renderValidationMarkdown, d as reasonText, f as failsUnder } from './validate2.js';
import { b as byExcess, s as selectionWords, o as otherFailing, F as FIRST_FAILURES, f as failureWords, g as groupResults, c as candidateBoard, p as pairingSummary } from './candidate-board.js';
import { i as isLowerBound } from './rules.js';
import { e as escapeClipped } from './text-table.js';
import { b as supportUnit, d as describeMetric } from './segmentation.js';
import { C as CORRECTION_NAMES } from './multiple-testing.js';
import { readdir } from 'node:fs/promises';
import { join as join$1 } from 'node:path';
import { R as RESULT_FILES, c as candidateResultFile, E as EVALUATION } from './result-names.js';
import { d as documentKind, a as readDocument } from './read-document.js';
import { V as VERSION } from './version.js';

/**
 * A text chart of intervals, one row per segment, sorted: readable at any width a comment has,
 * in GitHub's monospace font, with nothing to render (a Mermaid chart of 18 segments smears its
 * axis labels together at 780 px and cannot draw an interval at all).
 *
 *     drop of recall: ● estimate  ├──┤ 99.64% interval  ┆ bound 0.05  │ 0
 *     Job=partime     ·········│···┆······├────●─────┤····  0.298  fail
 */
/** Characters of the label column and of the plot. */
const LABEL = 18;
const PLOT = 40;
/**
 * A label safe inside a fenced code block: no backtick or tilde (a line of them closes the
 * fence), no `<` or `>` (the markdown would hold a comment marker such as ours, which finds the
 * sticky comment), no `@` (a mention to anything that reads the raw text), no control character;
 * clipped to the label column.
 */
function chartLabel(text, width = LABEL) {
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    const safe = text.replace(/[`~<>@\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '_');
    return safe.length > width ? `${safe.slice(0, width - 1)}…` : safe;
}
/**
 * The chart as a fenced `text` block: a legend line (`quantity`, the `confidence` of the
 * intervals, the `bound`), the rows on one scale that spans the intervals, 0 and the bound, and an
 * axis with 0 and the bound marked. `null` without rows.
 */
function renderIntervalChart(quantity, confidence, bound, rows) {
    if (rows.length === 0)
        return null;
    const ends = rows.flatMap((r) => [r.ci[0], r.ci[1], r.estimate]);
    let [lo, hi] = extent([0, bound, ...ends]);
    if (hi === lo)
        [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.04;
    lo -= pad;
    hi += pad;
    const col = (x) => Math.min(PLOT - 1, Math.max(0, Math.round(((x - lo) / (hi - lo)) * (PLOT - 1))));
    const zero = col(0);
    const boundAt = col(bound);
    const plot = (r) => {
        const cells = Array.from({ length: PLOT }, () => '·');
        cells[zero] = '│';
        cells[boundAt] = '┆';
        const [a, b] = [col(Math.min(r.ci[0], r.ci[1])), col(Math.max(r.ci[0], r.ci[1]))];
        for (let i = a; i <= b; i++)
            cells[i] = '─';
        cells[a] = a === b ? '┼' : '├';
        if (b !== a)
            cells[b] = '┤';
        cells[col(r.estimate)] = '●';
        return cells.join('');
    };
    const axis = Array.from({ length: PLOT }, () => ' ');
    const mark = (at, text) => {
        const start = Math.max(0, Math.min(PLOT - text.length, at - Math.floor(text.length / 2)));
        if (axis.slice(Math.max(0, start - 1), start + text.length + 1).some((c) => c !== ' '))
            return;
        for (let i = 0; i < text.length; i++)
            axis[start + i] = text[i];
    };
    mark(zero, '0');
    mark(boundAt, setting(bound));
    mark(0, value(lo + pad));
    mark(PLOT - 1, value(hi - pad));
    const estimates = rows.map((r) => value(r.estimate));
    const width = extent(estimates.map((e) => e.length))[1];
    return [
        '```text',
        `${chartLabel(quantity, 60)}: ● estimate  ├─┤ ${confidence} interval  ┆ bound ${setting(bound)}  │ 0`,
        '',
        ...rows.map((r, i) => `${chartLabel(r.label).padEnd(LABEL)} ${plot(r)}  ${estimates[i].padStart(width)}  ${r.status}`),
        `${' '.repeat(LABEL)} ${axis.join('').trimEnd()}`,
        '```'
    ].join('\n');
}

/**
 * Tables of gate results for a 780 px comment: at most seven columns, values as
 * `baseline → candidate`, intervals as `[0.160, 0.432]` with their confidence level stated once,
 * above the table, and each segment's support (positives for recall) next to its rows.
 */
const text$3 = escapeClipped;
/** The bound of a rule: `drop ≤ 0.05`. */
const BOUND = {
    min: (t) => `≥ ${setting(t)}`,
    max: (t) => `≤ ${setting(t)}`,
    max_drop: (t) => `drop ≤ ${setting(t)}`,
    max_relative_drop: (t) => `drop ≤ ${setting(t * 100)}%`,
    min_ratio: (t) => `ratio ≥ ${setting(t)}`,
    max_gap: (t) => `gap ≤ ${setting(t)}`
};
/** What a result's interval (`GateResult.ci`) is of: the value, or the quantity the rule bounds. */
const QUANTITY = {
    min: 'value',
    max: 'value',
    max_drop: 'drop',
    max_relative_drop: 'relative drop',
    min_ratio: 'ratio',
    max_gap: 'gap'
};
const STATUS_TEXT = {
    fail: '❌ fail',
    warn: '⚠️ warn',
    missing: '❔ missing',
    pass: '✅ pass',
    insufficient: '➖ too few rows',
    skipped: '⏭️ skipped',
    waived: '🔕 waived'
};
function plural$1(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** The confidence levels of `results`' intervals, once: `99.67%`, or `99.64–99.67%` when they differ. */
function levels(results) {
    const all = [...new Set(results.filter((r) => r.ci !== null).flatMap((r) => r.confidence ?? []))];
    if (all.length === 0)
        return null;
    const [lo, hi] = extent(all).map(level);
    return lo === hi ? lo : `${lo.slice(0, -1)}–${hi}`;
}
/** `Holm over 15 segments`: how the levels of significant-mode results were corrected. */
function correction(results) {
    const significant = results.filter((r) => r.mode === 'significant' && r.ci !== null);
    if (significant.length === 0)
        return null;
    const p = significant[0];
    // Significant-mode results always carry both (the verdict schema requires them).
    if (p.correction === null || p.family === null)
        return 'each corrected for the segments of its gate';
    if (p.correction === 'none')
        return 'no correction across segments';
    return `${CORRECTION_NAMES[p.correction]} over a family of ${p.family}`;
}
/**
 * The line above a table of results: the intervals' level and correction, the decision threshold
 * of the scores, what the support column counts.
 */
function tableCaption(results, threshold, columns) {
    const parts = [];
    const at = levels(results);
    const rules = new Set(results.filter((r) => r.ci !== null).map((r) => QUANTITY[r.rule]));
    if (at !== null) {
        const of = rules.size === 1 ? ` of the ${[...rules][0]}` : '';
        const how = correction(results);
        parts.push(`${at} intervals${of}${how === null ? '' : ` (${how})`}`);
    }
    const bounds = new Set(results.map((r) => BOUND[r.rule](r.threshold)));
    if (columns !== 'judged' && bounds.size === 1)
        parts.push(`bound ${[...bounds][0]}`);
    if (threshold !== null)
        parts.push(`decision threshold ${setting(threshold)}`);
    if (columns === 'power') {
        const of = rules.size === 1 ? [...rules][0] : 'change';
        parts.push(`MDE: the smallest ${of} detected with 80% power at that level`);
    }
    return parts.length === 0 ? '' : `<sub>${parts.join(' · ')}</sub>`;
}
/** The support column: `positives / rows` with cells `104 / 178` when every row counts the same unit. */
function supportColumn(results) {
    const units = new Set(results.filter((r) => (r.support ?? null) !== null && r.n !== null).map((r) => supportUnit(r.metric)));
    const unit = units.size === 1 ? [...units][0] : null;
    if (unit === 'rows' || units.size === 0)
        return { header: 'rows', cell: (r) => (r.n === null ? '—' : String(r.n)) };
    return {
        header: unit === null ? 'support / rows' : `${text$3(unit, 40)} / rows`,
        cell: (r) => (r.n === null ? '—' : `${r.support ?? '—'} / ${r.n}`)
    };
}
/** `0.798 → 0.500`; `0.228` without a baseline. */
function values(r) {
    return r.baseline === null ? value(r.candidate) : `${value(r.baseline)} → ${value(r.candidate)}`;
}
/**
 * A table of results, at most `rows` of them (a line counts the rest), seven columns at most:
 * segment (with the metric when the results are of several), support, values, change, interval,
 * then the bound and the status (`status`), the bound (`judged`) or the minimum detectable effect
 * and the power at the bound (`power`).
 */
function resultTable(results, columns, rows) {
    const shown = results.slice(0, rows);
    const metrics = new Set(results.map((r) => r.metric));
    const rules = new Set(results.filter((r) => r.ci !== null).map((r) => r.rule));
    const support = supportColumn(shown);
    const ciHeader = rules.size === 1 ? `${QUANTITY[[...rules][0]]} interval` : 'interval';
    const segment = (r) => metrics.size > 1 ? `${text$3(r.metric, 40)}: ${text$3(r.segment)}` : text$3(r.segment);
    const ci = (r) => rules.size > 1 && r.ci !== null ? `${QUANTITY[r.rule]} ${interval(r.ci)}` : interval(r.ci);
    const header = [
        metrics.size > 1 ? 'metric: segment' : `${text$3([...metrics][0] ?? '', 40)}: segment`,
        support.header,
        'baseline → candidate',
        'change',
        ciHeader
    ];
    const extra = {
        judged: { header: ['bound'], cells: (r) => [BOUND[r.rule](r.threshold)] },
        status: {
            // One gate per table (see the report's `others`): its bound is in the caption.
            header: ['status'],
            cells: (r) => [STATUS_TEXT[r.waiver ? 'waived' : r.status]]
        },
        power: {
            header: ['MDE', 'power at bound'],
            cells: (r) => {
                return [value(r.mde), r.power_at_bound === null ? '—' : percent(r.power_at_bound)];
            }
        }
    };
    const table = markdownTable([
        [...header, ...extra[columns].header],
        ...shown.map((r) => [
            segment(r),
            support.cell(r),
            values(r),
            change(r.change),
            ci(r),
            ...extra[columns].cells(r)
        ])
    ], {
        align: [
            'l',
            'r',
            'r',
            'r',
            'r',
            ...extra[columns].header.map(() => (columns === 'power' ? 'r' : 'l'))
        ]
    });
    const rest = results.length - shown.length;
    return rest > 0 ? `${table}\n\n… and ${plural$1(rest, 'more result')} in verdict.json.` : table;
}

/**
 * Candidate vs baseline on every metric of the `all` segment, in one compact table: the numbers a
 * reviewer checks first after what failed.
 */
const text$2 = escapeClipped;
/** `▲ better`, `▼ worse`, `= same`, or the plain direction for metrics without a better side. */
function arrow(metric, delta) {
    if (delta === null)
        return '';
    if (delta === 0)
        return '= same';
    const direction = describeMetric(metric)?.direction ?? 'none';
    const up = delta > 0;
    if (direction === 'none')
        return up ? '▲' : '▼';
    return `${up ? '▲' : '▼'} ${up === (direction === 'higher') ? 'better' : 'worse'}`;
}
/** The gates on the metric for `all`: `✅ ≥ 0.75`, the worst result first. */
function gated(results, metric) {
    const own = results.filter((r) => r.segment === 'all' && r.metric === metric).sort(byExcess);
    return own.map((r) => `${STATUS_TEXT[r.status].split(' ')[0]} ${BOUND[r.rule](r.threshold)}`).join(', ');
}
/**
 * The overview table with its heading: metric, baseline, candidate, change with an arrow, the
 * candidate's interval and the gate on it, for every metric of `all` (counts such as `n` are in the
 * heading instead). `null` without a candidate evaluation.
 */
function renderOverview(candidate, baseline, results, heading) {
    const all = candidate?.segments.find((s) => s.key === 'all');
    if (candidate === null || all === undefined)
        return null;
    const base = baseline?.segments.find((s) => s.key === 'all') ?? null;
    const counts = Object.keys(all.metrics).filter((name) => describeMetric(name)?.interval === 'none');
    const names = Object.keys(all.metrics).filter((name) => !counts.includes(name));
    const hasGates = results.length > 0;
    const count = (name) => value(all.metrics[name]?.value ?? null);
    const facts = [
        `${all.n} rows`,
        ...(counts.includes('positives') ? [`${count('positives')} positives`] : [])
    ];
    const settings = candidate.settings;
    const confusion = ['tp', 'fp', 'tn', 'fn'].filter((c) => counts.includes(c));
    const caption = [
        `${level(settings.confidence)} intervals of the candidate's value`,
        ...(settings.threshold === null
            ? []
            : [
                `decision threshold ${setting(settings.threshold)}` +
                    (confusion.length === 4
                        ? `: ${confusion.map((c) => `${c.toUpperCase()} ${count(c)}`).join(', ')}`
                        : '')
            ])
    ];
    const rows = names.map((name) => {
        const c = all.metrics[name];
        const b = base?.metrics[name]?.value ?? null;
        const delta = b === null || c.value === null ? null : c.value - b;
        const shown = c.value === null ? `— (${text$2(c.reason ?? 'undefined', 40)})` : value(c.value);
        return [
            text$2(name, 40),
            value(b),
            shown,
            `${change(delta)} ${arrow(name, delta)}`.trim(),
            interval(c.ci),
            ...(hasGates ? [gated(results, name)] : [])
        ];
    });
    return [
        `### ${heading} (all: ${facts.join(', ')})`,
        '',
        `<sub>${caption.join(' · ')}</sub>`,
        '',
        markdownTable([
            ['metric', 'baseline', 'candidate', 'change', 'candidate interval', ...(hasGates ? ['gate'] : [])],
            ...rows
        ], { align: ['l', 'r', 'r', 'r', 'r', 'l'] })
    ].join('\n');
}

/**
 * The opening of a report on several named candidates: who wins, by what, and what kept the others
 * out, in one table that fits a 780 px comment; the winner's details follow it as for one candidate.
 */
const text$1 = escapeClipped;
/** Longest candidate name in a cell, and segment in a failure cell: the table stays 780 px wide. */
const NAME_LENGTH = 30;
const FAILURE_LENGTH = 40;
/** `4: recall for Job=partime`: how many failed and the worst, escaped; `0` when none did. */
function failuresCell(failures) {
    const worst = failures[0];
    return worst === undefined ? '0' : `${failures.length}: ${text$1(failureWords(worst), FAILURE_LENGTH)}`;
}
function row(r) {
    const c = r.candidate;
    const name = text$1(c.name, NAME_LENGTH);
    return [
        c.rank === null ? '—' : r.winner ? `🏆 ${c.rank}` : String(c.rank),
        r.winner ? `**${name}**` : name,
        STATUS_TEXT[c.verdict],
        value(c.select_value),
        interval(c.select_ci),
        failuresCell(r.failures)
    ];
}
/** `🏆 Candidates: gbm-depth8 wins`, with a tie or no winner said as such. */
function heading(board) {
    const n = board.rows.length;
    if (board.winner === null)
        return `### ❌ Candidates: none of the ${n} passes`;
    const name = text$1(board.winner, NAME_LENGTH);
    return board.selection?.tie === true
        ? `### ⚖️ Candidates: ${name} wins a tie (of ${n})`
        : `### 🏆 Candidates: ${name} wins (of ${n})`;
}
/**
 * The leaderboard: a heading naming the winner (or that none passes), a caption with the ranking
 * and the intervals' level (`confidence`, the evaluation's; `null`: not stated), the table (rank,
 * the winner marked 🏆 and in bold; verdict; selection value and interval; failures with the worst
 * named) of at most `rows` candidates, and the selection's reason, flagged when it is a tie.
 */
function renderLeaderboard(board, confidence, rows) {
    const s = board.selection;
    const metric = s === null ? 'selection metric' : `${text$1(s.metric, 40)} on ${text$1(s.segment, 40)}`;
    const caption = [
        ...(s === null ? [] : [`ranked by ${text$1(selectionWords(s), 200)}`]),
        ...(confidence === null ? [] : [`${level(confidence)} intervals`]),
        'failures: failing or missing gate results, the worst named'
    ];
    const shown = board.rows.slice(0, rows);
    const rest = board.rows.length - shown.length;
    const lines = [
        heading(board),
        '',
        `<sub>${caption.join(' · ')}</sub>`,
        '',
        markdownTable([['rank', 'candidate', 'verdict', metric, 'interval', 'failures'], ...shown.map(row)], {
            align: ['r', 'l', 'l', 'r', 'r', 'l']
        })
    ];
    if (rest > 0)
        lines.push('', `… and ${rest} more candidates in verdict.json.`);
    if (s !== null)
        lines.push('', `${s.tie ? '⚖️ **Tie**: ' : ''}${text$1(s.reason, 300)}`);
    return lines.join('\n');
}
/**
 * With no winner: the first failures of each candidate but `board.shown` (whose failures the
 * details below show in full), each under its name; `null` when there is a winner or nothing to show.
 */
function renderFirstFailures(board, threshold, rows) {
    if (board.winner !== null)
        return null;
    const others = otherFailing(board).slice(0, rows);
    if (others.length === 0)
        return null;
    const sections = others.map((r) => {
        const caption = tableCaption(r.failures, threshold, 'judged');
        return [
            `**${text$1(r.candidate.name, NAME_LENGTH)}**: ${r.failures.length} failing`,
            ...(caption === '' ? [] : ['', caption]),
            '',
            resultTable(r.failures, 'judged', FIRST_FAILURES)
        ].join('\n');
    });
    return [
        `### First failures of the other candidates`,
        '',
        `${text$1(board.shown.name, NAME_LENGTH)}'s failures are in the details below.`,
        '',
        sections.join('\n\n')
    ].join('\n');
}

/** The content of a report from loaded results; no override and no history unless given. */
function reportContent(results, audit, extra = {}) {
    return {
        verdict: results.verdict?.document ?? null,
        candidate: results.candidate?.document ?? null,
        baseline: results.baseline?.document ?? null,
        validations: results.validations.map((v) => v.document),
        audit,
        override: extra.override ?? null,
        history: extra.history ?? []
    };
}
/** GitHub's limit on a comment body, in characters. */
const COMMENT_LIMIT = 65_536;
/** GitHub's limit on a step summary, in bytes (1 MiB). */
const SUMMARY_LIMIT = 1_048_576;
/** Limits for the job summary: everything up to 1,000 rows per table, then 1 MiB. */
const SUMMARY_LIMITS = {
    maxSize: SUMMARY_LIMIT,
    unit: 'bytes',
    rows: 1000,
    compactRows: 100,
    overflowNote: (omitted) => `> [!NOTE]\n> This summary is shortened to GitHub's limit of 1 MiB; left out: ${omitted.join(', ')}. ` +
        `Every number is in the result documents listed under the audit trail.`
};
/**
 * Limits for a PR comment (or a check run's summary: `what`) of at most `maxSize` characters; the
 * overflow note points at the job summary (`summaryUrl`: the workflow run's page, or `null`).
 */
function commentLimits(maxSize, summaryUrl, what = 'comment') {
    const where = summaryUrl === null ? 'the job summary' : `the [job summary](${summaryUrl})`;
    return {
        maxSize,
        unit: 'chars',
        rows: 50,
        compactRows: 10,
        overflowNote: (omitted) => `> [!NOTE]\n> This ${what} is shortened to fit GitHub's size limit; left out: ` +
            `${omitted.join(', ')}. The full report is in ${where}.`
    };
}
/** The validations that fail the job under their own `fail_on` (the pipeline's, the step's). */
function failedValidations(content) {
    return content.validations.filter((v) => failsUnder(v));
}
/**
 * The verdict a report shows, which is the job's: `fail` when a data validation fails under its
 * `fail_on`, whatever the gate said (an override label is for the gate's judgement, not for data
 * that broke its contract); else the gate's verdict, `overridden` when an honoured override turns
 * a `fail`; `pass` without a verdict document.
 */
function reportVerdict(content) {
    if (failedValidations(content).length > 0)
        return 'fail';
    const verdict = content.verdict?.verdict ?? 'pass';
    return verdict === 'fail' && content.override?.honoured === true ? 'overridden' : verdict;
}
/** `data/incoming.csv (3 failing checks, 2 drifted columns)`: what failed, under its `fail_on`. */
function dataFailure(v) {
    const { errors, warnings, drifted } = v.summary;
    const parts = [
        ...(errors > 0 ? [plural(errors, 'failing check')] : []),
        ...(warnings > 0 && v.fail_on === 'warn' ? [plural(warnings, 'failing warning check')] : []),
        ...(drifted > 0 ? [plural(drifted, 'drifted column')] : [])
    ];
    return `${v.file} (${parts.join(', ')})`;
}
/**
 * The one line that matters most: the data that failed its contract first (it fails the job
 * whatever the gates say), then the gate's headline; or what the validations found.
 */
function reportHeadline(content) {
    const failed = failedValidations(content);
    const data = failed.length > 0 ? `data validation failed for ${failed.map(dataFailure).join(', ')}` : null;
    if (content.verdict !== null) {
        return data === null ? content.verdict.headline : `${data}; the gates: ${content.verdict.headline}`;
    }
    if (data !== null)
        return data;
    if (content.validations.some((v) => !v.passed))
        return 'data validation found problems; fail_on lets them pass';
    if (content.validations.length > 0)
        return 'data validation passed';
    return 'evaluated without gates';
}
const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌', overridden: '🟡' };
/** How many results had each status, in words: `4 failing`. */
const COUNT_TEXT = {
    fail: 'failing',
    warn: 'warning',
    missing: 'missing',
    waived: 'waived',
    pass: 'passing',
    insufficient: 'with insufficient data',
    skipped: 'skipped'
};
/** Longest text from data shown in a line; cells: `CELL_LENGTH`. */
const LINE_LENGTH = 300;
/** Segments in the interval chart: the failing ones and the worst of the rest. */
const CHART_ROWS = 8;
/** Data text for markdown: clipped, then escaped. */
const text = escapeClipped;
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `0.064–0.164`, or one value when they agree; `null` without values. */
function range(values) {
    if (values.length === 0)
        return null;
    const [lo, hi] = extent(values).map(value);
    return lo === hi ? lo : `${lo}–${hi}`;
}
/** The one bound of `results` (`drop ≤ 0.05`), or `null` when they have several. */
function oneBound(results) {
    const bounds = new Set(results.map((r) => BOUND[r.rule](r.threshold)));
    return bounds.size === 1 ? [...bounds][0] : null;
}
/** The gated quantity of a result (`GateResult.ci` is its interval): the bound plus the excess. */
function gatedQuantity(r) {
    if (r.excess === null)
        return null;
    return isLowerBound(r.rule) ? r.threshold - r.excess : r.threshold + r.excess;
}
/** `results` grouped by gate and rule, in order of first appearance. */
function byGate(results) {
    const groups = new Map();
    for (const r of results) {
        const key = `${r.gate_index} ${r.rule}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.values()];
}
class Renderer {
    content;
    rows;
    groups;
    threshold;
    /** Several named candidates; `null` for one. */
    board;
    constructor(content, rows) {
        this.content = content;
        this.rows = rows;
        this.groups = groupResults(content.verdict?.results ?? []);
        this.threshold = content.candidate?.settings.threshold ?? null;
        this.board = candidateBoard(content.verdict);
    }
    blocks() {
        const c = this.content;
        const g = this.groups;
        return [
            { name: 'headline', markdown: this.headline(), keep: Infinity },
            // Several candidates: who wins opens the report (a row per candidate, capped like any table).
            ...this.optional('leaderboard', Infinity, this.leaderboard()),
            ...this.optional('failures of the other candidates', 8.8, this.firstFailures()),
            ...this.optional('failing results', 9, this.judged(this.whose('❌ Failing'), g.failing)),
            ...this.optional('overview', 8.5, this.overview()),
            ...this.optional('inconclusive results', 6.5, this.undecided('inconclusive')),
            ...this.optional('too small to judge', 6.4, this.undecided('too small')),
            ...this.optional('warnings', 8, this.judged(this.whose('⚠️ Warnings'), g.warnings)),
            ...this.optional('chart', 4, this.chart()),
            ...this.optional('other results', 5, this.others()),
            ...this.optional('notes', 6, this.notes()),
            ...c.validations.map((v, i) => ({
                name: `validation of ${text(v.file, 60)}`,
                markdown: renderValidationMarkdown(v).trimEnd(),
                keep: 7 - i / (c.validations.length + 1)
            })),
            ...this.optional('history', 3, this.history()),
            { name: 'audit trail', markdown: this.audit(), keep: Infinity }
        ];
    }
    /** `❌ Failing: gbm-depth8`: with several candidates, a heading of the details names whose they are. */
    whose(title) {
        return this.board === null ? title : `${title}: ${text(this.board.shown.name, 60)}`;
    }
    optional(name, keep, markdown) {
        return markdown === null ? [] : [{ name, markdown, keep }];
    }
    headline() {
        const c = this.content;
        const verdict = reportVerdict(c);
        // When the gates fail too, the heading names their failure and the data's gets its own line
        // under it: a heading of both wraps to four lines at comment width.
        const failedData = failedValidations(c);
        const split = failedData.length > 0 && c.verdict?.verdict === 'fail';
        const headline = split ? c.verdict.headline : reportHeadline(c);
        const lines = [`## ${VERDICT_ICON[verdict]} ml-gate: ${verdict} — ${text(headline, LINE_LENGTH)}`, ''];
        if (split) {
            const files = failedData.map((v) => text(dataFailure(v), LINE_LENGTH)).join(', ');
            lines.push(`❌ **Data validation failed** for ${files}: the job fails on the data alone (below).`, '');
        }
        const o = c.override;
        if (o !== null) {
            const who = `[${text(o.by, 60)}](https://github.com/${encodeURIComponent(o.by)})`;
            if (o.honoured && verdict === 'fail') {
                lines.push(`The label ${text(o.label)} added by ${who} (${text(o.role)} access) at ${text(o.at)} overrides ` +
                    `the gate's verdict only: data that fails its contract fails the job, so the verdict is fail.`, '');
            }
            else if (o.honoured) {
                lines.push(`**Overridden** by ${who} (${text(o.role)} access), who added the label ${text(o.label)} at ${text(o.at)}. ` +
                    `Without the override the verdict is fail.`, '');
            }
            else {
                lines.push(`> [!WARNING]`, `> The label ${text(o.label)} was added by ${who} at ${text(o.at)}, whose role is ${text(o.role)}; ` +
                    `only write, maintain or admin access can override a failing gate. The verdict stands.`, '');
            }
        }
        // With several candidates the counts follow the leaderboard, as the details' introduction.
        if (c.verdict !== null && this.board === null)
            lines.push(this.counts(c.verdict, `candidate ${text(c.verdict.candidate)}`), '');
        return lines.join('\n').trimEnd();
    }
    /** `1 failing · 7 passing — candidate X vs baseline Y (paired …)`; `candidate`: markdown. */
    counts(v, candidate) {
        const order = ['fail', 'warn', 'missing', 'waived', 'pass', 'insufficient', 'skipped'];
        const counts = order.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${COUNT_TEXT[s]}`);
        const against = v.baseline === null
            ? `${candidate}, no baseline`
            : `${candidate} vs baseline ${text(v.baseline)}` + ` (${text(pairingSummary(v.pairing))})`;
        return `${counts.join(' · ')} — ${against}`;
    }
    leaderboard() {
        const b = this.board;
        const v = this.content.verdict;
        if (b === null || v === null)
            return null;
        const name = `**${text(b.shown.name, 60)}**`;
        const intro = b.winner === null
            ? `No candidate passes, so none can be shipped. The details below are of the first, ${name}: `
            : `The details below are of the winner, ${name}: `;
        return [
            renderLeaderboard(b, this.content.candidate?.settings.confidence ?? null, this.rows),
            '',
            intro + this.counts(v, text(v.candidate))
        ].join('\n');
    }
    firstFailures() {
        return this.board === null ? null : renderFirstFailures(this.board, this.threshold, this.rows);
    }
    notes() {
        const notes = this.content.verdict?.notes ?? [];
        if (notes.length === 0)
            return null;
        return this.capped(notes, (note) => `- ${text(note, LINE_LENGTH)}`, 'more notes').join('\n');
    }
    /** `items` rendered, at most `this.rows` of them, and a line counting the rest. */
    capped(items, render, more) {
        const shown = items.slice(0, this.rows).map(render);
        if (items.length > shown.length)
            shown.push(`- … ${items.length - shown.length} ${more}`);
        return shown;
    }
    /** The full reasons of `results`, folded: they are long, and the table says the numbers. */
    reasons(results, summary) {
        return [
            `<details><summary>${summary}</summary>`,
            '',
            ...this.capped(results, (r) => `- ${reasonText(r.reason)}`, 'more reasons in verdict.json'),
            '',
            '</details>'
        ].join('\n');
    }
    /** A table of results with the line above it that states its levels and threshold once. */
    table(results, columns) {
        const caption = tableCaption(results, this.threshold, columns);
        const table = resultTable(results, columns, this.rows);
        return caption === '' ? table : `${caption}\n\n${table}`;
    }
    /** Failing or warning results: a heading, the table (worst first), the reasons folded. */
    judged(title, results) {
        if (results.length === 0)
            return null;
        return [
            `### ${title} (${results.length})`,
            '',
            this.table(results, 'judged'),
            '',
            this.reasons(results, results.length === 1 ? 'Why' : `Why, for each of the ${results.length}`)
        ].join('\n');
    }
    overview() {
        const c = this.content;
        const heading = this.board === null ? 'Candidate' : text(this.board.shown.name, 60);
        return renderOverview(c.candidate, c.baseline, c.verdict?.results ?? [], `${heading} vs baseline`);
    }
    /**
     * The results the data could not decide, collapsed under one line that says how many, the
     * bound, and what the data could have detected: "10 inconclusive against drop ≤ 0.05: the data
     * can only detect drops larger than 0.0643–0.142"; without `mde` in the verdict, the count only.
     */
    undecided(kind) {
        const results = kind === 'inconclusive' ? this.groups.inconclusive : this.groups.tooSmall;
        if (results.length === 0)
            return null;
        const mde = range(results.flatMap((r) => r.mde ?? []));
        const bound = oneBound(results) ?? 'their bounds';
        const drops = `${QUANTITY[results[0].rule]}s`;
        const summary = kind === 'inconclusive'
            ? `⚠️ <b>${results.length} inconclusive</b> against ${bound}` +
                (mde === null
                    ? ': their intervals straddle the bound'
                    : `: the data can only detect ${drops} larger than ${mde} (MDE at 80% power)`)
            : `➖ <b>${results.length} too small to judge ${bound}</b>` +
                (mde === null ? '' : `: they can only detect ${drops} larger than ${mde}`);
        return [
            `<details><summary>${summary}</summary>`,
            '',
            this.table(results, mde === null ? 'judged' : 'power'),
            '',
            ...this.capped(results, (r) => `- ${reasonText(r.reason)}`, 'more reasons in verdict.json'),
            '',
            '</details>'
        ].join('\n');
    }
    others() {
        const results = this.groups.others;
        if (results.length === 0)
            return null;
        const counts = ['waived', 'pass', 'insufficient', 'skipped']
            .map((s) => [s, results.filter((r) => r.status === s).length])
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${COUNT_TEXT[s]}`);
        const waived = results.filter((r) => r.waiver !== undefined);
        return [
            `<details><summary>Other results: ${counts.join(', ')}</summary>`,
            '',
            // One table per gate and rule: one metric and one quantity each, so no cell repeats them.
            ...byGate(results).flatMap((gate) => [this.table(gate, 'status'), '']),
            ...this.capped(waived, (r) => `- waived ${text(r.segment)}: ${text(r.waiver?.reason ?? '', LINE_LENGTH)}` +
                (r.waiver?.expires ? ` (until ${text(r.waiver.expires)})` : ''), 'more waivers'),
            ...(waived.length > 0 ? [''] : []),
            '</details>'
        ].join('\n');
    }
    /**
     * The interval of the gated quantity per segment for the gate of the worst result: its failing
     * segments and the worst of the rest, sorted, against the bound. `null` when the gate has fewer
     * than two segments with an interval.
     */
    chart() {
        const results = this.content.verdict?.results ?? [];
        const withCi = results.filter((r) => r.ci !== null && gatedQuantity(r) !== null);
        const worst = [...withCi].sort(byExcess)[0];
        if (worst === undefined)
            return null;
        const gate = withCi
            .filter((r) => r.gate_index === worst.gate_index && r.rule === worst.rule)
            .sort(byExcess);
        if (gate.length < 2)
            return null;
        const shown = gate.slice(0, CHART_ROWS);
        const quantity = `${QUANTITY[worst.rule]} of ${chartLabel(worst.metric, 40)}`;
        const chart = renderIntervalChart(quantity, levels(shown) ?? '', worst.threshold, shown.map((r) => ({ label: r.segment, estimate: gatedQuantity(r), ci: r.ci, status: r.status })));
        const title = `### ${text(worst.metric)}: ${QUANTITY[worst.rule]} per segment` +
            (gate.length > shown.length ? ` (the ${shown.length} worst of ${gate.length})` : '');
        return `${title}\n\n${chart}`;
    }
    history() {
        const history = this.content.history;
        if (history.length === 0)
            return null;
        return [
            `<details><summary>Earlier runs (${history.length})</summary>`,
            '',
            markdownTable([
                ['commit', 'verdict', 'headline'],
                ...history.map((h) => [
                    h.commit === null ? '—' : text(h.commit.slice(0, 7)),
                    `${VERDICT_ICON[h.verdict] ?? ''} ${text(h.verdict)}`,
                    text(h.headline, LINE_LENGTH)
                ])
            ]),
            '',
            '</details>'
        ].join('\n');
    }
    audit() {
        const a = this.content.audit;
        const facts = [
            `ml-gate ${text(a.version)}`,
            `commit ${a.commit === null ? 'not recorded' : text(a.commit)}`,
            `seed ${a.seed === null ? '—' : String(a.seed)}`,
            ...(a.computedIn === undefined ? [] : [`computed in [the triggering run](${a.computedIn})`]),
            ...(a.baselineSource === undefined ? [] : [`baseline: ${text(a.baselineSource)}`])
        ];
        const lines = [`<sub>${facts.join(' · ')}</sub>`];
        if (a.files.length > 0) {
            // A list, not a table: a 64-digit hash beside a path is wider than a comment.
            const files = a.files.map((f) => `- ${text(f.path)} (${text(f.role)}): ${f.sha256 === null ? 'not readable here' : `\`${f.sha256}\``}`);
            lines.push('', `<details><summary>Audit trail: sha256 of ${plural(a.files.length, 'input')}</summary>`, '', files.join('\n'), '', '</details>');
        }
        return lines.join('\n');
    }
}
function sizeOf(markdown, unit) {
    return unit === 'chars' ? markdown.length : Buffer.byteLength(markdown, 'utf8');
}
function join(blocks) {
    return blocks.map((b) => b.markdown).join('\n\n') + '\n';
}
/**
 * The report as GitHub-flavoured markdown: the verdict and its headline on the first line; what
 * needs attention (failing, warning and missing results, worst first by `excess`) in a table with
 * the reasons; a Mermaid chart of the gated metric per segment; the other results collapsed per
 * segment column; the data validations; earlier runs; the audit trail (commit, version, seed,
 * sha256 of every input). With several named candidates (`VerdictDocument.candidates`) a
 * leaderboard follows the verdict (`leaderboard.ts`), and the rest are the details of the winner,
 * or of the first candidate when none passes, after the first failures of the others.
 *
 * Every string from data or config goes through `escapeMarkdown`, clipped to 120 characters in
 * cells and 300 in lines. The report fits `limits`: tables are first cut to `rows`, then to
 * `compactRows` rows; if it is still too large, whole sections are left out (history first, the
 * failing results last) and `overflowNote` names them. The headline and the audit trail are
 * always kept.
 */
function renderReport(content, limits) {
    let blocks = new Renderer(content, limits.rows).blocks();
    const fits = (markdown) => sizeOf(markdown, limits.unit) <= limits.maxSize;
    let markdown = join(blocks);
    if (fits(markdown))
        return markdown;
    blocks = new Renderer(content, limits.compactRows).blocks();
    markdown = join(blocks);
    if (fits(markdown))
        return markdown;
    const omitted = new Set();
    const droppable = blocks.filter((b) => b.keep !== Infinity).sort((a, b) => a.keep - b.keep);
    const render = () => {
        const kept = blocks.filter((b) => !omitted.has(b));
        const names = blocks.filter((b) => omitted.has(b)).map((b) => b.name);
        // The note goes where the first omitted section was.
        const at = blocks.findIndex((b) => omitted.has(b));
        const note = { name: 'note', markdown: limits.overflowNote(names), keep: Infinity };
        const before = kept.filter((b) => blocks.indexOf(b) < at);
        return join([...before, note, ...kept.slice(before.length)]);
    };
    for (const block of droppable) {
        omitted.add(block);
        markdown = render();
        if (!fits(markdown))
            continue;
        // Dropping in order may have removed small sections before the large one: put back, most
        // important first, every section that still fits.
        for (const back of [...omitted].sort((a, b) => b.keep - a.keep)) {
            omitted.delete(back);
            const candidate = render();
            if (fits(candidate))
                markdown = candidate;
            else
                omitted.add(back);
        }
        return markdown;
    }
    // Only the headline and the audit trail are left and still too large: cannot happen with the
    // clipping above unless the limit is tiny; cut at a line boundary rather than exceed it.
    while (!fits(markdown))
        markdown = markdown.slice(0, markdown.lastIndexOf('\n', markdown.length - 2) + 1);
    return markdown;
}

/**
 * Hex sha256 of a file, read as a stream (prediction files can be gigabytes); `null` when the file
 * cannot be read.
 */
async function sha256File(path) {
    const hash = createHash('sha256');
    try {
        for await (const chunk of createReadStream(path))
            hash.update(chunk);
    }
    catch {
        return null;
    }
    return hash.digest('hex');
}
/**
 * The audit trail of a set of results: the config, every result document and every file those
 * documents name (predictions, data, contracts, references), each with its sha256, or named as not
 * readable here (computed in another job). Paths named inside documents are read relative to the
 * working directory, as the steps wrote them; the same path is listed once.
 */
async function collectAuditTrail(results, context) {
    const known = new Map();
    const add = async (role, path, sha256) => {
        if (path === null || known.has(path))
            return;
        known.set(path, { role, path, sha256: sha256 ?? (await sha256File(path)) });
    };
    await add('config', context.config);
    if (results.verdict !== null)
        await add('verdict', results.verdict.path, results.verdict.sha256);
    // Several named candidates: each one's evaluation and predictions under its name.
    for (const { name, evaluation } of results.candidates)
        await add(`evaluation of candidate ${name}`, evaluation.path, evaluation.sha256);
    for (const [role, file] of [
        ['candidate evaluation', results.candidate],
        ['baseline evaluation', results.baseline]
    ]) {
        if (file !== null)
            await add(role, file.path, file.sha256);
    }
    for (const file of results.validations)
        await add('validation', file.path, file.sha256);
    for (const { name, evaluation } of results.candidates)
        await add(`predictions of candidate ${name}`, evaluation.document.file);
    await add('candidate predictions', results.candidate?.document.file ?? null);
    await add('baseline predictions', results.baseline?.document.file ?? null);
    for (const { document } of results.validations) {
        await add('data', document.file);
        await add('contract', document.contract);
        await add('reference', document.reference);
    }
    return {
        commit: context.commit,
        version: context.version,
        seed: results.candidate?.document.settings.seed ?? null,
        files: [...known.values()],
        ...(context.computedIn == null ? {} : { computedIn: context.computedIn }),
        ...(results.verdict?.document.baseline_source === undefined
            ? {}
            : { baselineSource: results.verdict.document.baseline_source })
    };
}

var $schema$1 = "https://json-schema.org/draft/2020-12/schema";
var $id$1 = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/validation.schema.json";
var title$1 = "ml-gate validation document";
var description$1 = "Written by `ml-gate validate --json` and the validate-data action: contract checks and drift of one data file.";
var type$1 = "object";
var required$1 = [
	"schema",
	"file",
	"format",
	"unit",
	"contract",
	"reference",
	"passed",
	"rows",
	"summary",
	"checks",
	"drift"
];
var properties$1 = {
	schema: {
		"const": "ml-gate/validation@1"
	},
	file: {
		type: "string",
		maxLength: 4096,
		description: "The data file, as given."
	},
	format: {
		"enum": [
			"csv",
			"jsonl",
			"json",
			"parquet"
		]
	},
	unit: {
		"enum": [
			"line",
			"row"
		],
		description: "What `line` in examples means: a line of the file (CSV, JSON Lines) or a 1-based row number (JSON arrays, Parquet)."
	},
	contract: {
		type: [
			"string",
			"null"
		],
		maxLength: 4096
	},
	reference: {
		type: [
			"string",
			"null"
		],
		maxLength: 4096
	},
	passed: {
		type: "boolean",
		description: "No error-severity check failed and no column drifted."
	},
	fail_on: {
		"enum": [
			"error",
			"warn",
			"never"
		],
		description: "The policy the validating step judged the file under (`fail_on` of ml-gate.yml, `--fail-on`, the fail-on input); the report fails exactly when it does. error: an error check failed or a column drifted; warn: also a warning check failed; never: never. Absent: error."
	},
	rows: {
		type: "integer",
		minimum: 0
	},
	files: {
		type: "array",
		description: "Only when the input has several files (a glob): each file, in the sorted order validated, with its rows.",
		items: {
			type: "object",
			required: [
				"file",
				"rows"
			],
			additionalProperties: false,
			properties: {
				file: {
					type: "string",
					maxLength: 4096
				},
				rows: {
					type: "integer",
					minimum: 0
				}
			}
		}
	},
	summary: {
		type: "object",
		required: [
			"errors",
			"warnings",
			"drifted"
		],
		properties: {
			errors: {
				type: "integer",
				minimum: 0,
				description: "Failing checks of severity error."
			},
			warnings: {
				type: "integer",
				minimum: 0,
				description: "Failing checks of severity warn."
			},
			drifted: {
				type: "integer",
				minimum: 0,
				description: "Columns that drifted."
			}
		}
	},
	checks: {
		type: "array",
		items: {
			type: "object",
			required: [
				"column",
				"check",
				"severity",
				"passed",
				"failures",
				"checked",
				"allowed",
				"expected",
				"examples"
			],
			properties: {
				column: {
					type: [
						"string",
						"null"
					],
					maxLength: 1048576,
					description: "The column, or null for table checks (rows)."
				},
				check: {
					"enum": [
						"type",
						"min",
						"max",
						"in",
						"pattern",
						"min_length",
						"max_length",
						"nullable",
						"max_missing",
						"unique",
						"rows",
						"extra_columns"
					],
					description: "The contract key that was checked."
				},
				severity: {
					"enum": [
						"error",
						"warn"
					]
				},
				passed: {
					type: "boolean"
				},
				failures: {
					type: "integer",
					minimum: 0,
					description: "All failures, not only those in examples."
				},
				checked: {
					type: "integer",
					minimum: 0,
					description: "Values (or rows) the check looked at."
				},
				allowed: {
					type: "integer",
					minimum: 0,
					description: "Failures tolerated (mostly, max_failures, max_missing)."
				},
				expected: {
					type: "string",
					maxLength: 1048576,
					description: "What was expected, in words."
				},
				examples: {
					type: "array",
					maxItems: 20,
					description: "The first failures, in file order.",
					items: {
						type: "object",
						required: [
							"line",
							"value"
						],
						properties: {
							file: {
								type: "string",
								maxLength: 4096,
								description: "The file the failure is in; only when the input has several files (then line is in that file)."
							},
							line: {
								type: "integer",
								minimum: 1
							},
							value: {
								type: [
									"string",
									"number",
									"boolean",
									"null"
								],
								maxLength: 1048576
							}
						}
					}
				}
			}
		}
	},
	drift: {
		type: "array",
		items: {
			type: "object",
			required: [
				"column",
				"method",
				"statistic",
				"p_value",
				"threshold",
				"drifted",
				"reason"
			],
			properties: {
				column: {
					type: "string",
					maxLength: 1048576
				},
				method: {
					"enum": [
						"ks",
						"chi2",
						"z",
						"wasserstein",
						"jensen_shannon",
						"psi",
						null
					],
					description: "null when no method applies (a column mixing numbers and text)."
				},
				statistic: {
					type: [
						"number",
						"null"
					]
				},
				p_value: {
					type: [
						"number",
						"null"
					],
					minimum: 0,
					maximum: 1,
					description: "For the tests (ks, chi2, z)."
				},
				adjusted_p_value: {
					type: [
						"number",
						"null"
					],
					minimum: 0,
					maximum: 1,
					description: "The p-value adjusted by `data[].drift.correction` across the tested columns of this file (Holm by default), which is compared with threshold; equal to p_value when the column is the only one tested. null when p_value is. Absent in documents of earlier versions (read: p_value)."
				},
				correction: {
					"enum": [
						"holm",
						"bh",
						"none",
						null
					],
					description: "The correction of that family of tests; null for distances, undefined tests and a column tested alone."
				},
				threshold: {
					type: [
						"number",
						"null"
					],
					description: "(Adjusted) p-value below which a test drifts; distance at or above which a distance drifts."
				},
				drifted: {
					type: [
						"boolean",
						"null"
					],
					description: "null when there was too little data to judge."
				},
				reason: {
					type: "string",
					maxLength: 1048576,
					description: "Why this method, and the decision."
				}
			}
		}
	}
};
var schema$1 = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	description: description$1,
	type: type$1,
	required: required$1,
	properties: properties$1
};

/**
 * `ml-gate/validation@1` documents (schemas/validation.schema.json), read back by the report.
 *
 * The type still lives beside the code that writes it (src/contract/validate.ts) while other
 * changes to it are merged; this module only imports it.
 */
const VALIDATION = documentKind(schema$1, 'from `ml-gate validate --json` or the validate-data action');

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/ml-gate/ml-gate/v1/schemas/verdict.schema.json";
var title = "ml-gate verdict document";
var description = "Written by `ml-gate gate --json` and the gate action: one result per gate, rule and segment, and the overall verdict. Every failure states its formula: change = candidate − baseline; drop = −change for higher-is-better metrics, +change for lower-is-better ones; relative drop = drop / |baseline|.";
var type = "object";
var required = [
	"schema",
	"verdict",
	"headline",
	"candidate",
	"baseline",
	"paired",
	"pairing",
	"counts",
	"results",
	"notes"
];
var properties = {
	schema: {
		"const": "ml-gate/verdict@1",
		description: "Document kind and version."
	},
	verdict: {
		"enum": [
			"pass",
			"warn",
			"fail"
		],
		description: "fail if any result fails (or is missing in a severity: fail gate); else warn if any warns (or is missing in a severity: warn gate); else pass. The CLI exits 1 on fail, 0 otherwise."
	},
	headline: {
		type: "string",
		maxLength: 1048576,
		description: "The most important problem in one line (failures first, the largest excess first), e.g. `recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)`."
	},
	candidate: {
		type: "string",
		maxLength: 4096,
		description: "The candidate's predictions file or evaluation document."
	},
	baseline: {
		type: [
			"string",
			"null"
		],
		maxLength: 4096,
		description: "The baseline's predictions file or evaluation document; null when there is none."
	},
	no_evidence: {
		type: [
			"string",
			"null"
		],
		description: "Why the run holds no evidence, or null when it holds some: no gated result could be judged while some are insufficient, or a result on the segment all is insufficient. The verdict is then fail (on_no_evidence: fail, the default) or at least warn (on_no_evidence: warn), and the headline starts with \"no evidence\"."
	},
	paired: {
		type: "boolean",
		description: "pairing.paired: whether changes were computed on rows paired by model.id (paired bootstrap); otherwise unpaired normal intervals."
	},
	pairing: {
		type: "object",
		description: "On which rows the candidate and the baseline were compared (README, Gates: pairing).",
		required: [
			"paired",
			"matched",
			"candidate_rows",
			"baseline_rows",
			"unpaired_segments",
			"reason"
		],
		additionalProperties: false,
		properties: {
			paired: {
				type: "boolean",
				description: "Changes were computed on the same rows of both files, matched by model.id."
			},
			matched: {
				type: [
					"integer",
					"null"
				],
				minimum: 0,
				description: "Ids in both files: the rows every change was computed on; null when rows were not matched (no id column, an evaluation document, no baseline)."
			},
			candidate_rows: {
				type: "integer",
				minimum: 0,
				description: "Rows of the candidate's file (all judged by min / max gates)."
			},
			baseline_rows: {
				type: [
					"integer",
					"null"
				],
				minimum: 0,
				description: "Rows of the baseline's file; null without a baseline."
			},
			unpaired_segments: {
				type: "array",
				items: {
					type: "string"
				},
				description: "Segments whose rows differ between the two files (a segment on a model output, or a segment column that differs for the same id): their changes are unpaired."
			},
			reason: {
				type: "string",
				description: "What was done, with the counts, in a sentence."
			}
		}
	},
	counts: {
		type: "object",
		description: "How many results have each status.",
		required: [
			"pass",
			"fail",
			"warn",
			"insufficient",
			"missing",
			"skipped",
			"waived"
		],
		additionalProperties: false,
		properties: {
			pass: {
				type: "integer",
				minimum: 0
			},
			fail: {
				type: "integer",
				minimum: 0
			},
			warn: {
				type: "integer",
				minimum: 0
			},
			insufficient: {
				type: "integer",
				minimum: 0
			},
			missing: {
				type: "integer",
				minimum: 0
			},
			skipped: {
				type: "integer",
				minimum: 0
			},
			waived: {
				type: "integer",
				minimum: 0
			}
		}
	},
	results: {
		type: "array",
		items: {
			$ref: "#/$defs/result"
		}
	},
	notes: {
		type: "array",
		items: {
			type: "string",
			maxLength: 1048576
		},
		description: "What the user should know: no baseline, unpaired intervals, expired waivers."
	},
	baseline_source: {
		type: "string",
		maxLength: 4096,
		description: "Where the baseline came from, in words, when ml-gate found it itself (model.baseline: { artifact }, the baseline-artifact input), e.g. 'artifact ml-gate-baseline of run 123 at abc1234, the merge base'; absent for a baseline given as a file."
	},
	candidates: {
		type: "array",
		minItems: 1,
		description: "Several named candidates only (model.candidates, --candidate NAME=FILE; absent with one unnamed candidate): each one's verdict against the baseline, in config order, judged in significant-mode families that span every candidate and segment of a rule. The top-level candidate, results, counts, pairing and no_evidence then describe the winner, or with no winner the first candidate; verdict is the winner's, or fail when no candidate passes or warns.",
		items: {
			type: "object",
			additionalProperties: false,
			required: [
				"name",
				"file",
				"verdict",
				"rank",
				"select_value",
				"select_ci",
				"headline",
				"no_evidence",
				"counts",
				"pairing",
				"results"
			],
			properties: {
				name: {
					type: "string",
					maxLength: 1048576,
					pattern: "^[A-Za-z0-9._-]+$",
					description: "Unique; the candidate's result file is evaluation-candidate-<name>.json."
				},
				file: {
					type: "string",
					maxLength: 1048576,
					description: "The candidate's predictions file or evaluation document."
				},
				verdict: {
					"enum": [
						"pass",
						"warn",
						"fail"
					],
					description: "This candidate's own verdict, as the top-level verdict is defined for one candidate."
				},
				rank: {
					type: [
						"integer",
						"null"
					],
					minimum: 1,
					description: "1 = best of the candidates that pass or warn by the selection metric; null for one that fails, or whose selection value is undefined."
				},
				select_value: {
					type: [
						"number",
						"null"
					],
					description: "The selection metric on the selection segment; null when it is undefined or missing."
				},
				select_ci: {
					description: "Its interval at the configured confidence; null when there is none.",
					oneOf: [
						{
							type: "null"
						},
						{
							type: "array",
							items: {
								type: "number"
							},
							minItems: 2,
							maxItems: 2
						}
					]
				},
				headline: {
					type: "string",
					maxLength: 1048576,
					description: "This candidate's own headline."
				},
				no_evidence: {
					type: [
						"string",
						"null"
					],
					maxLength: 1048576,
					description: "As the top-level no_evidence, for this candidate."
				},
				counts: {
					$ref: "#/properties/counts"
				},
				pairing: {
					$ref: "#/properties/pairing"
				},
				results: {
					type: "array",
					items: {
						$ref: "#/$defs/result"
					}
				}
			}
		}
	},
	winner: {
		type: [
			"string",
			"null"
		],
		maxLength: 1048576,
		description: "With candidates: the candidate to ship, rank 1 of those that pass or warn; null when none does."
	},
	selection: {
		type: "object",
		additionalProperties: false,
		description: "With candidates: how the candidates that pass or warn were ranked (select in ml-gate.yml; README, Several candidates).",
		required: [
			"metric",
			"segment",
			"mode",
			"higher_is_better",
			"tie",
			"reason"
		],
		properties: {
			metric: {
				type: "string",
				maxLength: 1048576,
				description: "The selection metric."
			},
			segment: {
				type: "string",
				maxLength: 1048576,
				description: "The segment it is read on."
			},
			mode: {
				"enum": [
					"point",
					"significant"
				],
				description: "point: the best point value wins; significant: the leader must be shown better than every other (Holm over the comparisons)."
			},
			higher_is_better: {
				type: "boolean",
				description: "The metric's direction, from the catalog."
			},
			tie: {
				type: "boolean",
				description: "The leader was not shown better than every other candidate that passes or warns (significant), or equals one of them (point): still the winner, by point value, flagged."
			},
			reason: {
				type: "string",
				maxLength: 1048576,
				description: "Who leads, by how much, compared how (paired on N ids, or unpaired) and at which level."
			}
		}
	}
};
var $defs = {
	number: {
		type: [
			"number",
			"null"
		]
	},
	result: {
		type: "object",
		required: [
			"gate",
			"gate_index",
			"metric",
			"segment",
			"status",
			"rule",
			"threshold",
			"mode",
			"severity",
			"n",
			"candidate",
			"baseline",
			"change",
			"relative_change",
			"ci",
			"confidence",
			"p_value",
			"adjusted_p_value",
			"excess",
			"correction",
			"family",
			"mde",
			"power_at_bound",
			"detectable",
			"reason"
		],
		properties: {
			gate: {
				type: "string",
				maxLength: 1048576,
				description: "The gate's name, or `<metric> <rule> <threshold>`."
			},
			gate_index: {
				type: "integer",
				minimum: 0,
				description: "Position of the gate in the config's gates list."
			},
			metric: {
				type: "string",
				maxLength: 1000
			},
			segment: {
				type: "string",
				maxLength: 1048576,
				description: "A segment key (`all`, `Job=partime`, `Age=[18,30)`), or for min_ratio/max_gap the column (`Job`)."
			},
			status: {
				"enum": [
					"pass",
					"fail",
					"warn",
					"insufficient",
					"missing",
					"skipped",
					"waived"
				],
				description: "pass/fail: the rule held/was broken (significant mode: the whole interval within/beyond the bound). warn: a severity: warn gate failed, or the interval straddles the bound (inconclusive). insufficient: fewer rows than min_support, less support of the metric than min_support (in the candidate, or for a change in the baseline), or a value that is undefined, a zero-division convention or not a finite number (value, baseline, change or interval); not judged. missing: the evaluation lacks the segment or metric, or there is no baseline under on_missing_baseline: fail; fails closed. skipped: a change rule without a baseline, or a missing one under on_missing: skip. waived: a failure accepted by an unexpired waiver."
			},
			rule: {
				"enum": [
					"min",
					"max",
					"max_drop",
					"max_relative_drop",
					"min_ratio",
					"max_gap"
				]
			},
			threshold: {
				type: "number",
				description: "The bound as configured."
			},
			mode: {
				"enum": [
					"point",
					"significant"
				]
			},
			severity: {
				"enum": [
					"fail",
					"warn"
				]
			},
			n: {
				type: [
					"integer",
					"null"
				],
				minimum: 0,
				description: "Rows of the segment in the candidate's evaluation."
			},
			support: {
				type: [
					"integer",
					"null"
				],
				minimum: 0,
				description: "The candidate's support of the metric: the rows of positive weight in the metric's own denominator (positives for recall, predicted positives for precision, min(positives, negatives) for roc_auc, rows for accuracy...), unweighted; min_support bounds it. null for across gates, missing segments and documents that do not state it."
			},
			baseline_support: {
				type: [
					"integer",
					"null"
				],
				minimum: 0,
				description: "For a change rule (max_drop, max_relative_drop), the baseline's support of the metric, which min_support bounds too; otherwise null."
			},
			candidate: {
				$ref: "#/$defs/number",
				description: "The candidate's value of the metric; for min_ratio/max_gap the ratio (lowest / highest) or gap (highest − lowest) across the column's segments."
			},
			baseline: {
				$ref: "#/$defs/number",
				description: "The baseline's value of the metric."
			},
			change: {
				$ref: "#/$defs/number",
				description: "candidate − baseline."
			},
			relative_change: {
				$ref: "#/$defs/number",
				description: "(candidate − baseline) / |baseline|; null when the baseline is 0."
			},
			ci: {
				oneOf: [
					{
						type: "null"
					},
					{
						type: "array",
						items: {
							type: "number"
						},
						minItems: 2,
						maxItems: 2
					}
				],
				description: "Interval of the quantity the rule bounds, in the units of threshold: the value (min, max), the drop (max_drop; positive = worse) or the relative drop (max_relative_drop)."
			},
			confidence: {
				type: [
					"number",
					"null"
				],
				minimum: 0,
				maximum: 1,
				description: "Confidence level of ci: the configured one, or in significant mode the level the gate's correction gives the segment (Holm: its rank's step-down level; bh: 1 − max(k, 1)·α/m for the whole family, k the segments BH declares significant; none: the configured one)."
			},
			p_value: {
				type: [
					"number",
					"null"
				],
				minimum: 0,
				maximum: 1,
				description: "Significant mode: two-sided p-value of 'the quantity lies exactly on the bound' (normal approximation from its interval)."
			},
			adjusted_p_value: {
				type: [
					"number",
					"null"
				],
				minimum: 0,
				maximum: 1,
				description: "Significant mode: the p-value adjusted by the gate's correction (Holm, Benjamini–Hochberg, or none: the p-value itself) across the segments judged by the same rule."
			},
			excess: {
				$ref: "#/$defs/number",
				description: "How far past the bound the point value is, positive on the failing side (threshold − value for min and min_ratio, value − threshold otherwise)."
			},
			correction: {
				"enum": [
					"holm",
					"bh",
					"none",
					null
				],
				description: "Significant mode: the gate's correction of the family this result was judged in (the segments of its rule that have an interval). null in point mode and for a result in no family (not judged, or compared as a point value)."
			},
			family: {
				type: [
					"integer",
					"null"
				],
				minimum: 1,
				description: "The size of that family; null when correction is."
			},
			mde: {
				type: [
					"number",
					"null"
				],
				minimum: 0,
				description: "Minimum detectable effect in the units of threshold, at this result's level (confidence = 1 − α′) and 80% power: (z_{1−α′/2} + z_{0.8}) · se, se = (ci[1] − ci[0]) / (2·z_{1−α′/2}). For max_drop / max_relative_drop, the smallest drop the data could tell from no change; for min / max, how far from the bound the value must lie to be decided. null without ci."
			},
			power_at_bound: {
				type: [
					"number",
					"null"
				],
				minimum: 0,
				maximum: 1,
				description: "max_drop / max_relative_drop: the power to detect a change equal to the bound, Φ(threshold / se − z_{1−α′/2}). null for other rules and without ci."
			},
			detectable: {
				type: [
					"boolean",
					"null"
				],
				description: "max_drop / max_relative_drop: false when mde exceeds 2 × threshold (too small to judge this bound). null when power_at_bound is."
			},
			reason: {
				type: "string",
				maxLength: 1048576,
				description: "The full explanation: values, formula, interval, decision."
			},
			waiver: {
				type: "object",
				required: [
					"reason",
					"expires"
				],
				properties: {
					reason: {
						type: "string",
						maxLength: 1048576
					},
					expires: {
						type: [
							"string",
							"null"
						],
						maxLength: 10,
						description: "YYYY-MM-DD, the last day it applies; null: never expires."
					}
				}
			}
		}
	}
};
var schema = {
	$schema: $schema,
	$id: $id,
	title: title,
	description: description,
	type: type,
	required: required,
	properties: properties,
	$defs: $defs
};

/**
 * `ml-gate/verdict@1` documents (schemas/verdict.schema.json), read back by the report: in the
 * fork-safe pattern they come from the fork's own run.
 *
 * Here beside the type (src/gates/verdict.ts) rather than in src/documents/, which the gates
 * import (the evaluation documents they read): a reader there would close a documents ↔ gates
 * cycle. It joins the other readers when the verdict's type moves to src/documents/.
 */
const VERDICT = documentKind(schema, 'from `ml-gate gate --json` or the gate action');

/**
 * The result documents the steps hand to each other in the results folder, as the report loads
 * them (the names each step writes: `documents/result-names.ts`). Validation documents are `validation.json` or
 * `validation-<name>.json` (one per data file).
 */
/** `validation.json`, `validation-incoming.json`… */
const VALIDATION_FILE = /^validation(-[^/\\]+)?\.json$/;
/**
 * Loads every result document in `dir`. Each file must be JSON whose `schema` is the one its name
 * promises, valid against that schema (src/documents/): the folder may be a fork's artifact.
 * Documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * With several named candidates (`candidates` in the verdict) each one's evaluation is
 * `candidateResultFile(name)` and `evaluation-candidate.json` is not read.
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON, carries another `schema` or breaks its schema (at its line and column);
 *   when the verdict names a candidate whose evaluation is not in `dir`
 */
async function readResults(dir) {
    let names;
    try {
        names = (await readdir(dir)).sort();
    }
    catch (error) {
        const code = error.code;
        throw new UserInputError(`cannot read the results folder ${dir} (${code ?? String(error)}); expected the folder the ` +
            `validate, evaluate and gate steps wrote (default ${RESULT_FILES.folder})`);
    }
    const load = async (name, kind) => names.includes(name) ? readDocument(join$1(dir, name), kind) : null;
    const verdict = await load(RESULT_FILES.verdict, VERDICT);
    const named = verdict === null ? [] : await loadCandidates(dir, names, verdict);
    const shown = verdict?.document.winner ?? verdict?.document.candidates?.[0]?.name;
    const results = {
        dir,
        verdict,
        candidate: verdict?.document.candidates === undefined
            ? await load(RESULT_FILES.candidate, EVALUATION)
            : (named.find((c) => c.name === shown)?.evaluation ?? null),
        candidates: named,
        baseline: await load(RESULT_FILES.baseline, EVALUATION),
        validations: await Promise.all(names
            .filter((name) => VALIDATION_FILE.test(name))
            .map((name) => readDocument(join$1(dir, name), VALIDATION)))
    };
    if (results.verdict === null && results.candidate === null && results.validations.length === 0) {
        throw new UserInputError(`no result documents in ${dir}: expected ${RESULT_FILES.verdict}, ${RESULT_FILES.candidate} ` +
            `or validation*.json, as written by the gate, evaluate and validate-data steps` +
            (names.length > 0 ? `; found ${names.slice(0, 10).join(', ')}` : '; the folder is empty'));
    }
    return results;
}
/** The evaluation of every candidate `verdict` names, each required. */
async function loadCandidates(dir, names, verdict) {
    const candidates = verdict.document.candidates ?? [];
    const loaded = [];
    for (const { name } of candidates) {
        // The folder may be a fork's artifact: the verdict schema's name pattern ([A-Za-z0-9._-]+)
        // keeps `name` from reaching outside it.
        const file = candidateResultFile(name);
        if (!names.includes(file)) {
            throw new UserInputError(`${join$1(dir, file)}: not found; ${verdict.path} names the candidate ${name}, whose evaluation ` +
                `the gate step writes there (expected an ml-gate/evaluation@1 document; upload the whole results folder)`);
        }
        loaded.push({ name, evaluation: await readDocument(join$1(dir, file), EVALUATION) });
    }
    const winner = verdict.document.winner ?? null;
    if (winner !== null && !candidates.some((c) => c.name === winner)) {
        throw new UserInputError(`${verdict.path}: winner ${JSON.stringify(winner.slice(0, 80))} is not one of its candidates ` +
            `(${candidates.map((c) => c.name).join(', ')}); expected one of them or null`);
    }
    return loaded;
}

/**
 * The report step: the result documents of a folder, read back, with their audit trail, as the
 * content every report renders (terminal, job summary, PR comment, check run). Shared by
 * `ml-gate report`, `ml-gate run`, the gate action's summary, the report action and the root action.
 */
/**
 * Reads the results folder (each document valid against its schema) and builds the report.
 * @throws UserInputError naming a document that is not valid, and where
 */
async function reportStep(request) {
    const results = await readResults(request.results);
    const audit = await collectAuditTrail(results, {
        config: request.config,
        commit: request.commit,
        version: VERSION,
        computedIn: request.computedIn
    });
    const content = reportContent(results, audit);
    const verdict = reportVerdict(content);
    return {
        results,
        audit,
        content,
        verdict,
        code: verdict === 'fail' ? ExitCode.GateFailed : ExitCode.Pass
    };
}

export { COMMENT_LIMIT as C, SUMMARY_LIMITS as S, reportVerdict as a, renderReport as b, commentLimits as c, reportStep as d, reportHeadline as r };
