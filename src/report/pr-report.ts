import { markdownTable } from 'markdown-table'
import { failsUnder, type ValidationDocument } from '../contract/validate.js'
import type { GateResult, GateStatus, RuleKind, VerdictDocument } from '../gates/verdict.js'
import { pairingSummary } from '../gates/verdict-document.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import type { AuditTrail } from './audit.js'
import type { HistoryEntry, ReportVerdict } from './comment-state.js'
import { escapeClipped } from '../text/escape.js'
import { formatNumber } from '../text/format-number.js'
import { renderMetricChart, type ChartPoint } from './mermaid-chart.js'
import type { Results } from './result-files.js'
import { renderValidationMarkdown } from './validation.js'

/** Who applied the override label and whether their permission lets it count. */
export interface OverrideDecision {
  readonly label: string
  /** The login that added the label (its last `labeled` event). */
  readonly by: string
  /** When, as GitHub reports it (`2026-01-01T00:00:05Z`). */
  readonly at: string
  /** Their role on the repository: `admin`, `maintain`, `write`, `triage`, `read` or `none`. */
  readonly role: string
  /** Write, maintain or admin: the failing verdict becomes `overridden`. */
  readonly honoured: boolean
}

/** Everything a report shows. Documents that are absent are `null` (or empty). */
export interface ReportContent {
  readonly verdict: VerdictDocument | null
  readonly candidate: EvaluationDocument | null
  readonly baseline: EvaluationDocument | null
  readonly validations: readonly ValidationDocument[]
  readonly audit: AuditTrail
  readonly override: OverrideDecision | null
  /** Earlier runs, newest first (sticky comments only). */
  readonly history: readonly HistoryEntry[]
}

/** The content of a report from loaded results; no override and no history unless given. */
export function reportContent(
  results: Results,
  audit: AuditTrail,
  extra: { readonly override?: OverrideDecision | null; readonly history?: readonly HistoryEntry[] } = {}
): ReportContent {
  return {
    verdict: results.verdict?.document ?? null,
    candidate: results.candidate?.document ?? null,
    baseline: results.baseline?.document ?? null,
    validations: results.validations.map((v) => v.document),
    audit,
    override: extra.override ?? null,
    history: extra.history ?? []
  }
}

/** How large a report may be and how it shrinks to fit. */
export interface ReportLimits {
  /** The largest report, in `unit`s. */
  readonly maxSize: number
  /** GitHub counts comment bodies in characters and the step summary in bytes. */
  readonly unit: 'chars' | 'bytes'
  /** Rows per table at first; the rest are counted in a `… N more` line. */
  readonly rows: number
  /** Rows per table when the first rendering is too large (collapsing before truncating). */
  readonly compactRows: number
  /** The note that replaces omitted sections, e.g. a pointer to the job summary. */
  readonly overflowNote: (omitted: readonly string[]) => string
}

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT = 65_536
/** GitHub's limit on a step summary, in bytes (1 MiB). */
export const SUMMARY_LIMIT = 1_048_576

/** Limits for the job summary: everything up to 1,000 rows per table, then 1 MiB. */
export const SUMMARY_LIMITS: ReportLimits = {
  maxSize: SUMMARY_LIMIT,
  unit: 'bytes',
  rows: 1000,
  compactRows: 100,
  overflowNote: (omitted) =>
    `> [!NOTE]\n> This summary is shortened to GitHub's limit of 1 MiB; left out: ${omitted.join(', ')}. ` +
    `Every number is in the result documents listed under the audit trail.`
}

/**
 * Limits for a PR comment (or a check run's summary: `what`) of at most `maxSize` characters; the
 * overflow note points at the job summary (`summaryUrl`: the workflow run's page, or `null`).
 */
export function commentLimits(maxSize: number, summaryUrl: string | null, what = 'comment'): ReportLimits {
  const where = summaryUrl === null ? 'the job summary' : `the [job summary](${summaryUrl})`
  return {
    maxSize,
    unit: 'chars',
    rows: 50,
    compactRows: 10,
    overflowNote: (omitted) =>
      `> [!NOTE]\n> This ${what} is shortened to fit GitHub's size limit; left out: ` +
      `${omitted.join(', ')}. The full report is in ${where}.`
  }
}

/** The validations that fail the job under their own `fail_on` (the pipeline's, the step's). */
export function failedValidations(
  content: Pick<ReportContent, 'validations'>
): readonly ValidationDocument[] {
  return content.validations.filter((v) => failsUnder(v))
}

/**
 * The verdict a report shows, which is the job's: `fail` when a data validation fails under its
 * `fail_on`, whatever the gate said (an override label is for the gate's judgement, not for data
 * that broke its contract); else the gate's verdict, `overridden` when an honoured override turns
 * a `fail`; `pass` without a verdict document.
 */
export function reportVerdict(
  content: Pick<ReportContent, 'verdict' | 'validations' | 'override'>
): ReportVerdict {
  if (failedValidations(content).length > 0) return 'fail'
  const verdict = content.verdict?.verdict ?? 'pass'
  return verdict === 'fail' && content.override?.honoured === true ? 'overridden' : verdict
}

/** `data/incoming.csv (3 failing checks, 2 drifted columns)`: what failed, under its `fail_on`. */
function dataFailure(v: ValidationDocument): string {
  const { errors, warnings, drifted } = v.summary
  const parts = [
    ...(errors > 0 ? [plural(errors, 'failing check')] : []),
    ...(warnings > 0 && v.fail_on === 'warn' ? [plural(warnings, 'failing warning check')] : []),
    ...(drifted > 0 ? [plural(drifted, 'drifted column')] : [])
  ]
  return `${v.file} (${parts.join(', ')})`
}

/**
 * The one line that matters most: the data that failed its contract first (it fails the job
 * whatever the gates say), then the gate's headline; or what the validations found.
 */
export function reportHeadline(
  content: Pick<ReportContent, 'verdict' | 'validations' | 'candidate'>
): string {
  const failed = failedValidations(content)
  const data = failed.length > 0 ? `data validation failed for ${failed.map(dataFailure).join(', ')}` : null
  if (content.verdict !== null) {
    return data === null ? content.verdict.headline : `${data}; the gates: ${content.verdict.headline}`
  }
  if (data !== null) return data
  if (content.validations.some((v) => !v.passed))
    return 'data validation found problems; fail_on lets them pass'
  if (content.validations.length > 0) return 'data validation passed'
  return 'evaluated without gates'
}

const VERDICT_ICON: Record<ReportVerdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', overridden: '🟡' }

const STATUS_TEXT: Record<GateStatus, string> = {
  fail: '❌ fail',
  warn: '⚠️ warn',
  missing: '❔ missing',
  pass: '✅ pass',
  insufficient: '➖ insufficient data',
  skipped: '⏭️ skipped',
  waived: '🔕 waived'
}

/** How many results had each status, in words: `4 failing`. */
const COUNT_TEXT: Record<GateStatus, string> = {
  fail: 'failing',
  warn: 'warning',
  missing: 'missing',
  waived: 'waived',
  pass: 'passing',
  insufficient: 'with insufficient data',
  skipped: 'skipped'
}

/** Statuses shown first, in the open: what needs someone's attention. */
const ATTENTION: ReadonlySet<GateStatus> = new Set(['fail', 'warn', 'missing'])

/** Longest text from data shown in a line; cells: `CELL_LENGTH`. */
const LINE_LENGTH = 300

/** Data text for markdown: clipped, then escaped. */
const text = escapeClipped

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function signed(value: number | null): string {
  return value === null ? '—' : value > 0 ? `+${formatNumber(value, 3)}` : formatNumber(value, 3)
}

function interval(ci: readonly [number, number] | null): string {
  return ci === null ? '—' : `[${formatNumber(ci[0], 3)}, ${formatNumber(ci[1], 3)}]`
}

const BOUND: Record<RuleKind, (t: number) => string> = {
  min: (t) => `≥ ${formatNumber(t)}`,
  max: (t) => `≤ ${formatNumber(t)}`,
  max_drop: (t) => `drop ≤ ${formatNumber(t)}`,
  max_relative_drop: (t) => `drop ≤ ${formatNumber(t * 100)}%`,
  min_ratio: (t) => `ratio ≥ ${formatNumber(t)}`,
  max_gap: (t) => `gap ≤ ${formatNumber(t)}`
}

/** What a result's interval is of (`GateResult.ci`): the value, or the drop the rule bounds. */
const CI_OF: Record<RuleKind, string> = {
  min: '',
  max: '',
  max_drop: 'drop ',
  max_relative_drop: 'relative drop ',
  min_ratio: 'ratio ',
  max_gap: 'gap '
}

/** A part of the report that may be left out when space runs short; lower `keep` goes first. */
interface Block {
  readonly name: string
  readonly markdown: string
  /** `Infinity`: always kept. Otherwise blocks are dropped lowest `keep` first. */
  readonly keep: number
}

/** Worst first: by `excess` descending, results without one last, ties in document order. */
function byExcess(a: GateResult, b: GateResult): number {
  if (a.excess === b.excess) return 0
  if (a.excess === null) return 1
  if (b.excess === null) return -1
  return b.excess - a.excess
}

class Renderer {
  private readonly segments: ReadonlyMap<string, { column: string | null; n: number }>
  private readonly confidence: number | null

  constructor(
    private readonly content: ReportContent,
    private readonly rows: number
  ) {
    this.segments = new Map((content.candidate?.segments ?? []).map((s) => [s.key, s]))
    this.confidence = content.candidate?.settings.confidence ?? null
  }

  blocks(): Block[] {
    const c = this.content
    const blocks: Block[] = [
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
    ]
    return blocks
  }

  private optional(name: string, keep: number, markdown: string | null): Block[] {
    return markdown === null ? [] : [{ name, markdown, keep }]
  }

  private headline(): string {
    const c = this.content
    const verdict = reportVerdict(c)
    const lines = [
      `## ${VERDICT_ICON[verdict]} ml-gate: ${verdict} — ${text(reportHeadline(c), LINE_LENGTH)}`,
      ''
    ]
    const o = c.override
    if (o !== null) {
      const who = `[${text(o.by, 60)}](https://github.com/${encodeURIComponent(o.by)})`
      if (o.honoured && verdict === 'fail') {
        lines.push(
          `The label ${text(o.label)} added by ${who} (${text(o.role)} access) at ${text(o.at)} overrides ` +
            `the gate's verdict only: data that fails its contract fails the job, so the verdict is fail.`,
          ''
        )
      } else if (o.honoured) {
        lines.push(
          `**Overridden** by ${who} (${text(o.role)} access), who added the label ${text(o.label)} at ${text(o.at)}. ` +
            `Without the override the verdict is fail.`,
          ''
        )
      } else {
        lines.push(
          `> [!WARNING]`,
          `> The label ${text(o.label)} was added by ${who} at ${text(o.at)}, whose role is ${text(o.role)}; ` +
            `only write, maintain or admin access can override a failing gate. The verdict stands.`,
          ''
        )
      }
    }
    const v = c.verdict
    if (v !== null) {
      const order: GateStatus[] = ['fail', 'warn', 'missing', 'waived', 'pass', 'insufficient', 'skipped']
      const counts = order.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${COUNT_TEXT[s]}`)
      const against =
        v.baseline === null
          ? `candidate ${text(v.candidate)}, no baseline`
          : `candidate ${text(v.candidate)} vs baseline ${text(v.baseline)}` +
            ` (${text(pairingSummary(v.pairing))})`
      lines.push(`${counts.join(' · ')} — ${against}`, '')
    }
    return lines.join('\n').trimEnd()
  }

  private notes(): string | null {
    const notes = this.content.verdict?.notes ?? []
    if (notes.length === 0) return null
    return this.capped(notes, (note) => `- ${text(note, LINE_LENGTH)}`, 'more notes').join('\n')
  }

  /** `items` rendered, at most `this.rows` of them, and a line counting the rest. */
  private capped<T>(items: readonly T[], render: (item: T) => string, more: string): string[] {
    const shown = items.slice(0, this.rows).map(render)
    if (items.length > shown.length) shown.push(`- … ${items.length - shown.length} ${more}`)
    return shown
  }

  private table(results: readonly GateResult[]): string {
    const shown = results.slice(0, this.rows)
    // One level in the header when all intervals share it (point mode), else in each cell.
    const levels = new Set(shown.map((r) => r.confidence))
    const level = levels.size === 1 ? [...levels][0] : undefined
    const header = level === undefined || level === null ? 'CI' : `${formatNumber(level * 100)}% CI`
    const table = markdownTable(
      [
        ['segment', 'n', 'metric', 'baseline', 'candidate', 'change', header, 'bound', 'status'],
        ...shown.map((r) => {
          const n = r.n ?? this.segments.get(r.segment)?.n ?? null
          const ci =
            r.ci === null
              ? '—'
              : `${CI_OF[r.rule]}${interval(r.ci)}` +
                (level === undefined && r.confidence !== null
                  ? ` (${formatNumber(r.confidence * 100)}%)`
                  : '')
          const status = r.waiver
            ? `${STATUS_TEXT.waived}: ${text(r.waiver.reason)}${r.waiver.expires === null ? '' : ` (until ${text(r.waiver.expires)})`}`
            : STATUS_TEXT[r.status]
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
          ]
        })
      ],
      { align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] }
    )
    const rest = results.length - shown.length
    return rest > 0 ? `${table}\n\n… and ${plural(rest, 'more result')} in verdict.json.` : table
  }

  private attention(): string | null {
    const results = (this.content.verdict?.results ?? [])
      .filter((r) => ATTENTION.has(r.status))
      .sort(byExcess)
    if (results.length === 0) return null
    return [
      `### Needs attention (${results.length})`,
      '',
      this.table(results),
      '',
      ...this.capped(results, (r) => `- ${text(r.reason, LINE_LENGTH)}`, 'more reasons in verdict.json')
    ].join('\n')
  }

  /** The segment column a result belongs to: `overall`, the family of its segment, or its own (`across` gates). */
  private columnOf(result: GateResult): string {
    if (result.segment === 'all') return 'overall'
    const segment = this.segments.get(result.segment)
    if (segment !== undefined) return segment.column ?? 'overall'
    if (result.rule === 'max_gap' || result.rule === 'min_ratio') return result.segment
    const equals = result.segment.indexOf('=')
    return equals > 0 ? result.segment.slice(0, equals) : 'other'
  }

  private others(): string | null {
    const results = (this.content.verdict?.results ?? []).filter((r) => !ATTENTION.has(r.status))
    if (results.length === 0) return null
    const groups = new Map<string, GateResult[]>()
    for (const r of results) {
      const column = this.columnOf(r)
      groups.set(column, [...(groups.get(column) ?? []), r])
    }
    const sections = [...groups].map(([column, group]) => {
      const counts = (['waived', 'pass', 'insufficient', 'skipped'] as const)
        .map((s) => [s, group.filter((r) => r.status === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${COUNT_TEXT[s]}`)
      return [
        `<details><summary>${text(column)}: ${counts.join(', ')}</summary>`,
        '',
        this.table(group),
        '',
        '</details>'
      ].join('\n')
    })
    return [`### Other results (${results.length})`, '', ...sections.flatMap((s) => [s, ''])]
      .join('\n')
      .trimEnd()
  }

  /**
   * The chart of the gated metric that matters most (the worst result's gate, else the first gate
   * over several segments), baseline vs candidate per segment; at most 20 segments, the worst.
   */
  private chart(): string | null {
    const results = this.content.verdict?.results ?? []
    const perSegment = (r: GateResult) =>
      r.baseline !== null && r.candidate !== null && this.columnOf(r) !== r.segment
    const worst = results.filter((r) => ATTENTION.has(r.status) && perSegment(r)).sort(byExcess)[0]
    const gateIndex = (worst ?? results.find(perSegment))?.gate_index
    if (gateIndex === undefined) return null
    const gate = results.filter((r) => r.gate_index === gateIndex && perSegment(r))
    if (gate.length < 2) return null
    const chosen = new Set([...gate].sort(byExcess).slice(0, 20))
    const points: ChartPoint[] = gate
      .filter((r) => chosen.has(r))
      .map((r) => ({ label: r.segment, baseline: r.baseline!, candidate: r.candidate! }))
    const title =
      `### ${text(gate[0].metric)} per segment` +
      (gate.length > points.length
        ? ` (the ${points.length} furthest from their bound of ${gate.length})`
        : '')
    return `${title}\n\n${renderMetricChart(gate[0].metric, points)}`
  }

  /** Without gates: every metric of the overall segment, baseline vs candidate. */
  private evaluationTable(): string | null {
    const candidate = this.content.candidate?.segments.find((s) => s.key === 'all')
    if (candidate === undefined) return null
    const baseline = this.content.baseline?.segments.find((s) => s.key === 'all')
    const ci = this.confidence === null ? 'CI' : `${formatNumber(this.confidence * 100)}% CI`
    const names = Object.keys(candidate.metrics)
    return [
      `### Metrics (all ${candidate.n} rows)`,
      '',
      markdownTable(
        [
          ['metric', 'baseline', 'candidate', 'change', ci],
          ...names.map((name) => {
            const c = candidate.metrics[name]
            const b = baseline?.metrics[name]?.value ?? null
            return [
              text(name),
              formatNumber(b, 4),
              c.value === null ? `— (${text(c.reason ?? 'undefined')})` : formatNumber(c.value, 4),
              signed(b === null || c.value === null ? null : c.value - b),
              interval(c.ci)
            ]
          })
        ],
        { align: ['l', 'r', 'r', 'r', 'r'] }
      )
    ].join('\n')
  }

  private history(): string | null {
    const history = this.content.history
    if (history.length === 0) return null
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
    ].join('\n')
  }

  private audit(): string {
    const a = this.content.audit
    const facts = [
      `ml-gate ${text(a.version)}`,
      `commit ${a.commit === null ? 'not recorded' : text(a.commit)}`,
      `seed ${a.seed === null ? '—' : String(a.seed)}`
    ]
    const lines = [`<sub>${facts.join(' · ')}</sub>`]
    if (a.files.length > 0) {
      lines.push(
        '',
        `<details><summary>Audit trail: sha256 of ${plural(a.files.length, 'input')}</summary>`,
        '',
        markdownTable([
          ['file', 'role', 'sha256'],
          ...a.files.map((f) => [text(f.path), f.role, f.sha256 ?? 'not readable here'])
        ]),
        '',
        '</details>'
      )
    }
    return lines.join('\n')
  }
}

function sizeOf(markdown: string, unit: ReportLimits['unit']): number {
  return unit === 'chars' ? markdown.length : Buffer.byteLength(markdown, 'utf8')
}

function join(blocks: readonly Block[]): string {
  return blocks.map((b) => b.markdown).join('\n\n') + '\n'
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
export function renderReport(content: ReportContent, limits: ReportLimits): string {
  let blocks = new Renderer(content, limits.rows).blocks()
  const fits = (markdown: string) => sizeOf(markdown, limits.unit) <= limits.maxSize
  let markdown = join(blocks)
  if (fits(markdown)) return markdown
  blocks = new Renderer(content, limits.compactRows).blocks()
  markdown = join(blocks)
  if (fits(markdown)) return markdown

  const omitted = new Set<Block>()
  const droppable = blocks.filter((b) => b.keep !== Infinity).sort((a, b) => a.keep - b.keep)
  const render = () => {
    const kept = blocks.filter((b) => !omitted.has(b))
    const names = blocks.filter((b) => omitted.has(b)).map((b) => b.name)
    // The note goes where the first omitted section was.
    const at = blocks.findIndex((b) => omitted.has(b))
    const note: Block = { name: 'note', markdown: limits.overflowNote(names), keep: Infinity }
    const before = kept.filter((b) => blocks.indexOf(b) < at)
    return join([...before, note, ...kept.slice(before.length)])
  }
  for (const block of droppable) {
    omitted.add(block)
    markdown = render()
    if (!fits(markdown)) continue
    // Dropping in order may have removed small sections before the large one: put back, most
    // important first, every section that still fits.
    for (const back of [...omitted].sort((a, b) => b.keep - a.keep)) {
      omitted.delete(back)
      const candidate = render()
      if (fits(candidate)) markdown = candidate
      else omitted.add(back)
    }
    return markdown
  }
  // Only the headline and the audit trail are left and still too large: cannot happen with the
  // clipping above unless the limit is tiny; cut at a line boundary rather than exceed it.
  while (!fits(markdown)) markdown = markdown.slice(0, markdown.lastIndexOf('\n', markdown.length - 2) + 1)
  return markdown
}
