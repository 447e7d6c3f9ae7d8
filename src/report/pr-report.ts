import { markdownTable } from 'markdown-table'
import { failsUnder, type ValidationDocument } from '../contract/validate.js'
import type { GateResult, GateStatus, VerdictDocument } from '../gates/verdict.js'
import { pairingSummary } from '../gates/verdict-document.js'
import type { EvaluationDocument } from '../documents/evaluation.js'
import type { AuditTrail } from './audit.js'
import type { HistoryEntry, ReportVerdict } from './comment-state.js'
import { isLowerBound } from '../gates/rules.js'
import { extent, reasonText, value } from './cells.js'
import { escapeClipped } from '../text/escape.js'
import { chartLabel, renderIntervalChart } from './interval-chart.js'
import { renderOverview } from './overview.js'
import { candidateBoard, type Board } from './candidate-board.js'
import { renderFirstFailures, renderLeaderboard } from './leaderboard.js'
import { byExcess, groupResults, type ResultGroups } from './result-groups.js'
import { BOUND, levels, QUANTITY, resultTable, tableCaption, type ResultColumns } from './result-table.js'
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

/**
 * The report in one line, for a check run's title: the verdict, with several candidates the
 * winner (or that there is none), and the headline. Markdown-free: callers make it plain text.
 */
export function reportTitle(
  content: Pick<ReportContent, 'verdict' | 'validations' | 'override' | 'candidate'>
): string {
  const board = candidateBoard(content.verdict)
  const winner = board === null ? '' : board.winner === null ? 'no winner — ' : `winner ${board.winner} — `
  return `${reportVerdict(content)}: ${winner}${reportHeadline(content)}`
}

const VERDICT_ICON: Record<ReportVerdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', overridden: '🟡' }

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

/** Longest text from data shown in a line; cells: `CELL_LENGTH`. */
const LINE_LENGTH = 300
/** Segments in the interval chart: the failing ones and the worst of the rest. */
const CHART_ROWS = 8

/** Data text for markdown: clipped, then escaped. */
const text = escapeClipped

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** A part of the report that may be left out when space runs short; lower `keep` goes first. */
interface Block {
  readonly name: string
  readonly markdown: string
  /** `Infinity`: always kept. Otherwise blocks are dropped lowest `keep` first. */
  readonly keep: number
}

/** `0.064–0.164`, or one value when they agree; `null` without values. */
function range(values: readonly number[]): string | null {
  if (values.length === 0) return null
  const [lo, hi] = extent(values).map(value)
  return lo === hi ? lo : `${lo}–${hi}`
}

/** The one bound of `results` (`drop ≤ 0.05`), or `null` when they have several. */
function oneBound(results: readonly GateResult[]): string | null {
  const bounds = new Set(results.map((r) => BOUND[r.rule](r.threshold)))
  return bounds.size === 1 ? [...bounds][0] : null
}

/** The gated quantity of a result (`GateResult.ci` is its interval): the bound plus the excess. */
function gatedQuantity(r: GateResult): number | null {
  if (r.excess === null) return null
  return isLowerBound(r.rule) ? r.threshold - r.excess : r.threshold + r.excess
}

/** `results` grouped by gate and rule, in order of first appearance. */
function byGate(results: readonly GateResult[]): GateResult[][] {
  const groups = new Map<string, GateResult[]>()
  for (const r of results) {
    const key = `${r.gate_index} ${r.rule}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()]
}

class Renderer {
  private readonly groups: ResultGroups
  private readonly threshold: number | null
  /** Several named candidates; `null` for one. */
  private readonly board: Board | null

  constructor(
    private readonly content: ReportContent,
    private readonly rows: number
  ) {
    this.groups = groupResults(content.verdict?.results ?? [])
    this.threshold = content.candidate?.settings.threshold ?? null
    this.board = candidateBoard(content.verdict)
  }

  blocks(): Block[] {
    const c = this.content
    const g = this.groups
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
    ]
  }

  /** `❌ Failing: gbm-depth8`: with several candidates, a heading of the details names whose they are. */
  private whose(title: string): string {
    return this.board === null ? title : `${title}: ${text(this.board.shown.name, 60)}`
  }

  private optional(name: string, keep: number, markdown: string | null): Block[] {
    return markdown === null ? [] : [{ name, markdown, keep }]
  }

  private headline(): string {
    const c = this.content
    const verdict = reportVerdict(c)
    // When the gates fail too, the heading names their failure and the data's gets its own line
    // under it: a heading of both wraps to four lines at comment width.
    const failedData = failedValidations(c)
    const split = failedData.length > 0 && c.verdict?.verdict === 'fail'
    const headline = split ? c.verdict!.headline : reportHeadline(c)
    const lines = [`## ${VERDICT_ICON[verdict]} ml-gate: ${verdict} — ${text(headline, LINE_LENGTH)}`, '']
    if (split) {
      const files = failedData.map((v) => text(dataFailure(v), LINE_LENGTH)).join(', ')
      lines.push(`❌ **Data validation failed** for ${files}: the job fails on the data alone (below).`, '')
    }
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
    // With several candidates the counts follow the leaderboard, as the details' introduction.
    if (c.verdict !== null && this.board === null)
      lines.push(this.counts(c.verdict, `candidate ${text(c.verdict.candidate)}`), '')
    return lines.join('\n').trimEnd()
  }

  /** `1 failing · 7 passing — candidate X vs baseline Y (paired …)`; `candidate`: markdown. */
  private counts(v: VerdictDocument, candidate: string): string {
    const order: GateStatus[] = ['fail', 'warn', 'missing', 'waived', 'pass', 'insufficient', 'skipped']
    const counts = order.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${COUNT_TEXT[s]}`)
    const against =
      v.baseline === null
        ? `${candidate}, no baseline`
        : `${candidate} vs baseline ${text(v.baseline)}` + ` (${text(pairingSummary(v.pairing))})`
    return `${counts.join(' · ')} — ${against}`
  }

  private leaderboard(): string | null {
    const b = this.board
    const v = this.content.verdict
    if (b === null || v === null) return null
    const name = `**${text(b.shown.name, 60)}**`
    const intro =
      b.winner === null
        ? `No candidate passes, so none can be shipped. The details below are of the first, ${name}: `
        : `The details below are of the winner, ${name}: `
    return [
      renderLeaderboard(b, this.content.candidate?.settings.confidence ?? null, this.rows),
      '',
      intro + this.counts(v, text(v.candidate))
    ].join('\n')
  }

  private firstFailures(): string | null {
    return this.board === null ? null : renderFirstFailures(this.board, this.threshold, this.rows)
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

  /** The full reasons of `results`, folded: they are long, and the table says the numbers. */
  private reasons(results: readonly GateResult[], summary: string): string {
    return [
      `<details><summary>${summary}</summary>`,
      '',
      ...this.capped(results, (r) => `- ${reasonText(r.reason)}`, 'more reasons in verdict.json'),
      '',
      '</details>'
    ].join('\n')
  }

  /** A table of results with the line above it that states its levels and threshold once. */
  private table(results: readonly GateResult[], columns: ResultColumns): string {
    const caption = tableCaption(results, this.threshold, columns)
    const table = resultTable(results, columns, this.rows)
    return caption === '' ? table : `${caption}\n\n${table}`
  }

  /** Failing or warning results: a heading, the table (worst first), the reasons folded. */
  private judged(title: string, results: readonly GateResult[]): string | null {
    if (results.length === 0) return null
    return [
      `### ${title} (${results.length})`,
      '',
      this.table(results, 'judged'),
      '',
      this.reasons(results, results.length === 1 ? 'Why' : `Why, for each of the ${results.length}`)
    ].join('\n')
  }

  private overview(): string | null {
    const c = this.content
    const heading = this.board === null ? 'Candidate' : text(this.board.shown.name, 60)
    return renderOverview(c.candidate, c.baseline, c.verdict?.results ?? [], `${heading} vs baseline`)
  }

  /**
   * The results the data could not decide, collapsed under one line that says how many, the
   * bound, and what the data could have detected: "10 inconclusive against drop ≤ 0.05: the data
   * can only detect drops larger than 0.0643–0.142"; without `mde` in the verdict, the count only.
   */
  private undecided(kind: 'inconclusive' | 'too small'): string | null {
    const results = kind === 'inconclusive' ? this.groups.inconclusive : this.groups.tooSmall
    if (results.length === 0) return null
    const mde = range(results.flatMap((r) => r.mde ?? []))
    const bound = oneBound(results) ?? 'their bounds'
    const drops = `${QUANTITY[results[0].rule]}s`
    const summary =
      kind === 'inconclusive'
        ? `⚠️ <b>${results.length} inconclusive</b> against ${bound}` +
          (mde === null
            ? ': their intervals straddle the bound'
            : `: the data can only detect ${drops} larger than ${mde} (MDE at 80% power)`)
        : `➖ <b>${results.length} too small to judge ${bound}</b>` +
          (mde === null ? '' : `: they can only detect ${drops} larger than ${mde}`)
    return [
      `<details><summary>${summary}</summary>`,
      '',
      this.table(results, mde === null ? 'judged' : 'power'),
      '',
      ...this.capped(results, (r) => `- ${reasonText(r.reason)}`, 'more reasons in verdict.json'),
      '',
      '</details>'
    ].join('\n')
  }

  private others(): string | null {
    const results = this.groups.others
    if (results.length === 0) return null
    const counts = (['waived', 'pass', 'insufficient', 'skipped'] as const)
      .map((s) => [s, results.filter((r) => r.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${COUNT_TEXT[s]}`)
    const waived = results.filter((r) => r.waiver !== undefined)
    return [
      `<details><summary>Other results: ${counts.join(', ')}</summary>`,
      '',
      // One table per gate and rule: one metric and one quantity each, so no cell repeats them.
      ...byGate(results).flatMap((gate) => [this.table(gate, 'status'), '']),
      ...this.capped(
        waived,
        (r) =>
          `- waived ${text(r.segment)}: ${text(r.waiver?.reason ?? '', LINE_LENGTH)}` +
          (r.waiver?.expires ? ` (until ${text(r.waiver.expires)})` : ''),
        'more waivers'
      ),
      ...(waived.length > 0 ? [''] : []),
      '</details>'
    ].join('\n')
  }

  /**
   * The interval of the gated quantity per segment for the gate of the worst result: its failing
   * segments and the worst of the rest, sorted, against the bound. `null` when the gate has fewer
   * than two segments with an interval.
   */
  private chart(): string | null {
    const results = this.content.verdict?.results ?? []
    const withCi = results.filter((r) => r.ci !== null && gatedQuantity(r) !== null)
    const worst = [...withCi].sort(byExcess)[0]
    if (worst === undefined) return null
    const gate = withCi
      .filter((r) => r.gate_index === worst.gate_index && r.rule === worst.rule)
      .sort(byExcess)
    if (gate.length < 2) return null
    const shown = gate.slice(0, CHART_ROWS)
    const quantity = `${QUANTITY[worst.rule]} of ${chartLabel(worst.metric, 40)}`
    const chart = renderIntervalChart(
      quantity,
      levels(shown) ?? '',
      worst.threshold,
      shown.map((r) => ({ label: r.segment, estimate: gatedQuantity(r)!, ci: r.ci!, status: r.status }))
    )
    const title =
      `### ${text(worst.metric)}: ${QUANTITY[worst.rule]} per segment` +
      (gate.length > shown.length ? ` (the ${shown.length} worst of ${gate.length})` : '')
    return `${title}\n\n${chart}`
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
      `seed ${a.seed === null ? '—' : String(a.seed)}`,
      ...(a.computedIn === undefined ? [] : [`computed in [the triggering run](${a.computedIn})`]),
      ...(a.baselineSource === undefined ? [] : [`baseline: ${text(a.baselineSource)}`])
    ]
    const lines = [`<sub>${facts.join(' · ')}</sub>`]
    if (a.files.length > 0) {
      // A list, not a table: a 64-digit hash beside a path is wider than a comment.
      const files = a.files.map(
        (f) =>
          `- ${text(f.path)} (${text(f.role)}): ${f.sha256 === null ? 'not readable here' : `\`${f.sha256}\``}`
      )
      lines.push(
        '',
        `<details><summary>Audit trail: sha256 of ${plural(a.files.length, 'input')}</summary>`,
        '',
        files.join('\n'),
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
