import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { a as renderValidationMarkdown, m as markdownTable, f as failsUnder } from './validation.js';
import { p as pairingSummary, l as documentKind, n as readDocument, E as EVALUATION } from './verdict-document.js';
import { f as formatNumber, e as escapeClipped } from './text-table.js';
import { readdir } from 'node:fs/promises';
import { join as join$1 } from 'node:path';
import { U as UserInputError } from './suggest.js';

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
 * documents name (predictions, data, contracts, references), each with its sha256. Paths named
 * inside documents are read relative to the working directory, as the steps wrote them; the same
 * path is listed once.
 */
async function collectAuditTrail(results, context) {
    const known = new Map();
    const add = async (role, path, sha256) => {
        if (path === null || known.has(path))
            return;
        known.set(path, { role, path, sha256: sha256 ?? (await sha256File(path)) });
    };
    await add('config', context.config);
    for (const [role, file] of [
        ['verdict', results.verdict],
        ['candidate evaluation', results.candidate],
        ['baseline evaluation', results.baseline]
    ]) {
        if (file !== null)
            await add(role, file.path, file.sha256);
    }
    for (const file of results.validations)
        await add('validation', file.path, file.sha256);
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
        files: [...known.values()]
    };
}

/** Longest label shown under a bar; longer ones end in `…`. */
const LABEL_LENGTH = 32;
/**
 * Text made safe inside a Mermaid quoted label: letters, digits, spaces and `=.,_+-/%()[]&`
 * stay, anything else (quotes, backticks, `<`, `#`, `;`, line breaks) becomes `_`, so no label can
 * end the string, the code fence or start an entity or HTML.
 *
 * @example mermaidLabel('Job="partime"<b>') // 'Job=_partime__b_'
 */
function mermaidLabel(text) {
    const safe = text.replace(/[^\p{L}\p{N} =.,_+\-/%()[\]&]/gu, '_');
    return safe.length > LABEL_LENGTH ? `${safe.slice(0, LABEL_LENGTH - 1)}…` : safe;
}
function plain(value) {
    // Mermaid reads plain decimals; no exponents.
    return String(Number(value.toFixed(4)));
}
/**
 * A Mermaid `xychart-beta` of one metric per segment: bars for the baseline, a line for the
 * candidate (xychart has no legend, so the title says which is which). GitHub renders Mermaid in
 * comments and job summaries, so no image is hosted anywhere. The y axis spans 0 to 1 when every
 * value lies there (most metrics), otherwise Mermaid's own range.
 *
 * @returns the fenced code block, or `null` when there are no points
 */
function renderMetricChart(metric, points) {
    if (points.length === 0)
        return null;
    const values = points.flatMap((p) => [p.baseline, p.candidate]);
    const unit = values.every((v) => v >= 0 && v <= 1);
    const name = mermaidLabel(metric);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${name} per segment: bars baseline, line candidate"`,
        `    x-axis [${points.map((p) => `"${mermaidLabel(p.label)}"`).join(', ')}]`,
        `    y-axis "${name}"${unit ? ' 0 --> 1' : ''}`,
        `    bar [${points.map((p) => plain(p.baseline)).join(', ')}]`,
        `    line [${points.map((p) => plain(p.candidate)).join(', ')}]`,
        '```'
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
const STATUS_TEXT = {
    fail: '❌ fail',
    warn: '⚠️ warn',
    missing: '❔ missing',
    pass: '✅ pass',
    insufficient: '➖ insufficient data',
    skipped: '⏭️ skipped',
    waived: '🔕 waived'
};
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
/** Statuses shown first, in the open: what needs someone's attention. */
const ATTENTION = new Set(['fail', 'warn', 'missing']);
/** Longest text from data shown in a line; cells: `CELL_LENGTH`. */
const LINE_LENGTH = 300;
/** Data text for markdown: clipped, then escaped. */
const text = escapeClipped;
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function signed(value) {
    return value === null ? '—' : value > 0 ? `+${formatNumber(value, 3)}` : formatNumber(value, 3);
}
function interval(ci) {
    return ci === null ? '—' : `[${formatNumber(ci[0], 3)}, ${formatNumber(ci[1], 3)}]`;
}
const BOUND = {
    min: (t) => `≥ ${formatNumber(t)}`,
    max: (t) => `≤ ${formatNumber(t)}`,
    max_drop: (t) => `drop ≤ ${formatNumber(t)}`,
    max_relative_drop: (t) => `drop ≤ ${formatNumber(t * 100)}%`,
    min_ratio: (t) => `ratio ≥ ${formatNumber(t)}`,
    max_gap: (t) => `gap ≤ ${formatNumber(t)}`
};
/** What a result's interval is of (`GateResult.ci`): the value, or the drop the rule bounds. */
const CI_OF = {
    min: '',
    max: '',
    max_drop: 'drop ',
    max_relative_drop: 'relative drop ',
    min_ratio: 'ratio ',
    max_gap: 'gap '
};
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
class Renderer {
    content;
    rows;
    segments;
    confidence;
    constructor(content, rows) {
        this.content = content;
        this.rows = rows;
        this.segments = new Map((content.candidate?.segments ?? []).map((s) => [s.key, s]));
        this.confidence = content.candidate?.settings.confidence ?? null;
    }
    blocks() {
        const c = this.content;
        const blocks = [
            { name: 'headline', markdown: this.headline(), keep: Infinity },
            ...this.optional('notes', 6, this.notes()),
            ...this.optional('failing results', 9, this.attention()),
            ...this.optional('chart', 4, this.chart()),
            ...this.optional('passing results', 5, this.others()),
            ...this.optional('metrics', 8, c.verdict === null ? this.evaluationTable() : null),
            ...c.validations.map((v, i) => ({
                name: `validation of ${text(v.file, 60)}`,
                markdown: renderValidationMarkdown(v).trimEnd(),
                keep: 7 - i / (c.validations.length + 1)
            })),
            ...this.optional('history', 3, this.history()),
            { name: 'audit trail', markdown: this.audit(), keep: Infinity }
        ];
        return blocks;
    }
    optional(name, keep, markdown) {
        return markdown === null ? [] : [{ name, markdown, keep }];
    }
    headline() {
        const c = this.content;
        const verdict = reportVerdict(c);
        const lines = [
            `## ${VERDICT_ICON[verdict]} ml-gate: ${verdict} — ${text(reportHeadline(c), LINE_LENGTH)}`,
            ''
        ];
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
        const v = c.verdict;
        if (v !== null) {
            const order = ['fail', 'warn', 'missing', 'waived', 'pass', 'insufficient', 'skipped'];
            const counts = order.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${COUNT_TEXT[s]}`);
            const against = v.baseline === null
                ? `candidate ${text(v.candidate)}, no baseline`
                : `candidate ${text(v.candidate)} vs baseline ${text(v.baseline)}` +
                    ` (${text(pairingSummary(v.pairing))})`;
            lines.push(`${counts.join(' · ')} — ${against}`, '');
        }
        return lines.join('\n').trimEnd();
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
    table(results) {
        const shown = results.slice(0, this.rows);
        // One level in the header when all intervals share it (point mode), else in each cell.
        const levels = new Set(shown.map((r) => r.confidence));
        const level = levels.size === 1 ? [...levels][0] : undefined;
        const header = level === undefined || level === null ? 'CI' : `${formatNumber(level * 100)}% CI`;
        const table = markdownTable([
            ['segment', 'n', 'metric', 'baseline', 'candidate', 'change', header, 'bound', 'status'],
            ...shown.map((r) => {
                const n = r.n ?? this.segments.get(r.segment)?.n ?? null;
                const ci = r.ci === null
                    ? '—'
                    : `${CI_OF[r.rule]}${interval(r.ci)}` +
                        (level === undefined && r.confidence !== null
                            ? ` (${formatNumber(r.confidence * 100)}%)`
                            : '');
                const status = r.waiver
                    ? `${STATUS_TEXT.waived}: ${text(r.waiver.reason)}${r.waiver.expires === null ? '' : ` (until ${text(r.waiver.expires)})`}`
                    : STATUS_TEXT[r.status];
                return [
                    text(r.segment),
                    n === null ? '—' : String(n),
                    text(r.metric),
                    formatNumber(r.baseline, 4),
                    formatNumber(r.candidate, 4),
                    signed(r.change),
                    ci,
                    BOUND[r.rule](r.threshold),
                    status
                ];
            })
        ], { align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] });
        const rest = results.length - shown.length;
        return rest > 0 ? `${table}\n\n… and ${plural(rest, 'more result')} in verdict.json.` : table;
    }
    attention() {
        const results = (this.content.verdict?.results ?? [])
            .filter((r) => ATTENTION.has(r.status))
            .sort(byExcess);
        if (results.length === 0)
            return null;
        return [
            `### Needs attention (${results.length})`,
            '',
            this.table(results),
            '',
            ...this.capped(results, (r) => `- ${text(r.reason, LINE_LENGTH)}`, 'more reasons in verdict.json')
        ].join('\n');
    }
    /** The segment column a result belongs to: `overall`, the family of its segment, or its own (`across` gates). */
    columnOf(result) {
        if (result.segment === 'all')
            return 'overall';
        const segment = this.segments.get(result.segment);
        if (segment !== undefined)
            return segment.column ?? 'overall';
        if (result.rule === 'max_gap' || result.rule === 'min_ratio')
            return result.segment;
        const equals = result.segment.indexOf('=');
        return equals > 0 ? result.segment.slice(0, equals) : 'other';
    }
    others() {
        const results = (this.content.verdict?.results ?? []).filter((r) => !ATTENTION.has(r.status));
        if (results.length === 0)
            return null;
        const groups = new Map();
        for (const r of results) {
            const column = this.columnOf(r);
            groups.set(column, [...(groups.get(column) ?? []), r]);
        }
        const sections = [...groups].map(([column, group]) => {
            const counts = ['waived', 'pass', 'insufficient', 'skipped']
                .map((s) => [s, group.filter((r) => r.status === s).length])
                .filter(([, n]) => n > 0)
                .map(([s, n]) => `${n} ${COUNT_TEXT[s]}`);
            return [
                `<details><summary>${text(column)}: ${counts.join(', ')}</summary>`,
                '',
                this.table(group),
                '',
                '</details>'
            ].join('\n');
        });
        return [`### Other results (${results.length})`, '', ...sections.flatMap((s) => [s, ''])]
            .join('\n')
            .trimEnd();
    }
    /**
     * The chart of the gated metric that matters most (the worst result's gate, else the first gate
     * over several segments), baseline vs candidate per segment; at most 20 segments, the worst.
     */
    chart() {
        const results = this.content.verdict?.results ?? [];
        const perSegment = (r) => r.baseline !== null && r.candidate !== null && this.columnOf(r) !== r.segment;
        const worst = results.filter((r) => ATTENTION.has(r.status) && perSegment(r)).sort(byExcess)[0];
        const gateIndex = (worst ?? results.find(perSegment))?.gate_index;
        if (gateIndex === undefined)
            return null;
        const gate = results.filter((r) => r.gate_index === gateIndex && perSegment(r));
        if (gate.length < 2)
            return null;
        const chosen = new Set([...gate].sort(byExcess).slice(0, 20));
        const points = gate
            .filter((r) => chosen.has(r))
            .map((r) => ({ label: r.segment, baseline: r.baseline, candidate: r.candidate }));
        const title = `### ${text(gate[0].metric)} per segment` +
            (gate.length > points.length
                ? ` (the ${points.length} furthest from their bound of ${gate.length})`
                : '');
        return `${title}\n\n${renderMetricChart(gate[0].metric, points)}`;
    }
    /** Without gates: every metric of the overall segment, baseline vs candidate. */
    evaluationTable() {
        const candidate = this.content.candidate?.segments.find((s) => s.key === 'all');
        if (candidate === undefined)
            return null;
        const baseline = this.content.baseline?.segments.find((s) => s.key === 'all');
        const ci = this.confidence === null ? 'CI' : `${formatNumber(this.confidence * 100)}% CI`;
        const names = Object.keys(candidate.metrics);
        return [
            `### Metrics (all ${candidate.n} rows)`,
            '',
            markdownTable([
                ['metric', 'baseline', 'candidate', 'change', ci],
                ...names.map((name) => {
                    const c = candidate.metrics[name];
                    const b = baseline?.metrics[name]?.value ?? null;
                    return [
                        text(name),
                        formatNumber(b, 4),
                        c.value === null ? `— (${text(c.reason ?? 'undefined')})` : formatNumber(c.value, 4),
                        signed(b === null || c.value === null ? null : c.value - b),
                        interval(c.ci)
                    ];
                })
            ], { align: ['l', 'r', 'r', 'r', 'r'] })
        ].join('\n');
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
            `seed ${a.seed === null ? '—' : String(a.seed)}`
        ];
        const lines = [`<sub>${facts.join(' · ')}</sub>`];
        if (a.files.length > 0) {
            lines.push('', `<details><summary>Audit trail: sha256 of ${plural(a.files.length, 'input')}</summary>`, '', markdownTable([
                ['file', 'role', 'sha256'],
                ...a.files.map((f) => [text(f.path), f.role, f.sha256 ?? 'not readable here'])
            ]), '', '</details>');
        }
        return lines.join('\n');
    }
}
function sizeOf(markdown, unit) {
    return Buffer.byteLength(markdown, 'utf8');
}
function join(blocks) {
    return blocks.map((b) => b.markdown).join('\n\n') + '\n';
}
/**
 * The report as GitHub-flavoured markdown: the verdict and its headline on the first line; what
 * needs attention (failing, warning and missing results, worst first by `excess`) in a table with
 * the reasons; a Mermaid chart of the gated metric per segment; the other results collapsed per
 * segment column; the data validations; earlier runs; the audit trail (commit, version, seed,
 * sha256 of every input).
 *
 * Every string from data or config goes through `escapeMarkdown`, clipped to 120 characters in
 * cells and 300 in lines. The report fits `limits`: tables are first cut to `rows`, then to
 * `compactRows` rows; if it is still too large, whole sections are left out (history first, the
 * failing results last) and `overflowNote` names them. The headline and the audit trail are
 * always kept.
 */
function renderReport(content, limits) {
    let blocks = new Renderer(content, limits.rows).blocks();
    const fits = (markdown) => sizeOf(markdown) <= limits.maxSize;
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
				threshold: {
					type: [
						"number",
						"null"
					],
					description: "p-value below which a test drifts; distance at or above which a distance drifts."
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
				description: "Confidence level of ci: the configured one, or in significant mode the Holm-adjusted level of the segment's rank."
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
				description: "Significant mode: the Holm-adjusted p-value across the segments judged by the same rule."
			},
			excess: {
				$ref: "#/$defs/number",
				description: "How far past the bound the point value is, positive on the failing side (threshold − value for min and min_ratio, value − threshold otherwise)."
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
 * The type still lives beside the code that writes it (src/gates/verdict.ts) while other changes
 * to it are merged; this module only imports it.
 */
const VERDICT = documentKind(schema, 'from `ml-gate gate --json` or the gate action');

/**
 * The result documents the steps hand to each other in the results folder: the names each step
 * writes, and the loader the report uses. Validation documents are `validation.json` or
 * `validation-<name>.json` (one per data file).
 */
const RESULT_FILES = {
    folder: 'ml-gate-results',
    verdict: 'verdict.json',
    candidate: 'evaluation-candidate.json',
    baseline: 'evaluation-baseline.json'
};
/** `validation.json`, `validation-incoming.json`… */
const VALIDATION_FILE = /^validation(-[^/\\]+)?\.json$/;
/**
 * Loads every result document in `dir`. Each file must be JSON whose `schema` is the one its name
 * promises, valid against that schema (src/documents/): the folder may be a fork's artifact.
 * Documents that are absent are `null` (a validate-only pipeline has no verdict).
 *
 * @throws UserInputError when `dir` is not a readable folder, holds no result document at all,
 *   or a file is not JSON, carries another `schema` or breaks its schema (at its line and column)
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
    const results = {
        dir,
        verdict: await load(RESULT_FILES.verdict, VERDICT),
        candidate: await load(RESULT_FILES.candidate, EVALUATION),
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

export { RESULT_FILES as R, SUMMARY_LIMITS as S, reportContent as a, renderReport as b, collectAuditTrail as c, reportVerdict as d, reportHeadline as e, readResults as r };
