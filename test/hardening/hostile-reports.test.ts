import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runStep } from '../../src/steps/run.js'
import { collectAuditTrail } from '../../src/report/audit.js'
import { commentMarker } from '../../src/report/comment-state.js'
import {
  COMMENT_LIMIT,
  commentLimits,
  renderReport,
  reportContent,
  SUMMARY_LIMIT,
  SUMMARY_LIMITS
} from '../../src/report/pr-report.js'
import { readResults } from '../../src/report/result-files.js'
import { renderValidationMarkdown } from '../../src/report/validation.js'
import { HOSTILE, hostileVerdict } from '../report/report-fixtures.js'

// Hostile data through the real pipeline (validate -> evaluate -> gate -> report): column names
// and values holding markdown, HTML, @mentions and our own comment marker; 10,000 distinct
// categories; a 1 MB cell. The reports must stay within GitHub's limits, show the data as text,
// and keep every table's shape.

const MARKER = commentMarker('ml-gate.yml')
const NAMES = [
  HOSTILE,
  `${MARKER}`,
  '@octocat',
  '<script>alert(1)</script>',
  '| a | b |',
  '<!-- ml-gate-state:AAAA -->',
  '[x](javascript:alert(1))'
]
const CATEGORIES = 10_000
const BIG = `${HOSTILE} ${'y'.repeat(1_000_000)}`

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Rows of the data and the predictions: one hostile column per name, 10,000 categories in the first. */
function rows(n: number, shift: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = { id: i, label: i % 2, score: ((i * 37 + shift) % 100) / 100 }
    NAMES.forEach((name, c) => {
      row[name] =
        c === 0 ? `${HOSTILE} @user${(i + shift) % CATEGORIES}` : `${NAMES[(i + c) % NAMES.length]} ${i % 40}`
    })
    row.big = i === 0 ? BIG : 'ok'
    lines.push(JSON.stringify(row))
  }
  return lines.join('\n') + '\n'
}

const contract = [
  'columns:',
  ...NAMES.map((name, c) => `  ${JSON.stringify(name)}: { type: string, in: ["allowed ${c}"] }`),
  '  big: { type: string, pattern: "^ok$" }',
  ''
].join('\n')

const config = [
  'version: 1',
  'data:',
  '  - path: data.jsonl',
  '    contract: contract.yml',
  '    reference: reference.jsonl',
  'model:',
  '  task: binary',
  '  predictions: data.jsonl',
  '  baseline: reference.jsonl',
  '  label: label',
  '  score: score',
  '  id: id',
  'segments:',
  `  columns: [${JSON.stringify(NAMES[1])}, ${JSON.stringify(NAMES[3])}, ${JSON.stringify(NAMES[4])}]`,
  '  min_support: 5',
  'evaluation: { bootstrap: 100 }',
  'gates:',
  '  - metric: recall',
  '    max_drop: 0.0',
  '    per_segment: true',
  ''
].join('\n')

let comment: string
let summary: string
let validation: string

beforeAll(async () => {
  writeFileSync(join(dir, 'data.jsonl'), rows(CATEGORIES + 2_000, 0))
  writeFileSync(join(dir, 'reference.jsonl'), rows(CATEGORIES + 2_000, 5_000))
  writeFileSync(join(dir, 'contract.yml'), contract)
  writeFileSync(join(dir, 'ml-gate.yml'), config)
  const output = join(dir, 'results')
  await runStep({ config: join(dir, 'ml-gate.yml'), output, now: new Date('2026-07-01') })
  const results = await readResults(output)
  const audit = await collectAuditTrail(results, {
    config: join(dir, 'ml-gate.yml'),
    commit: 'a'.repeat(40),
    version: '0.1.0'
  })
  const content = reportContent(results, audit)
  comment = renderReport(content, commentLimits(COMMENT_LIMIT - 200, 'https://github.com/o/r/actions/runs/1'))
  comment += `\n${MARKER}\n`
  summary = renderReport(content, SUMMARY_LIMITS)
  validation = renderValidationMarkdown(results.validations[0].document)
}, 120_000)

/** Every markdown table: consecutive lines starting with `|`, each with as many cells as its header. */
function tableShapes(markdown: string): { header: number; rows: number[] }[] {
  const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2
  const tables: { header: number; rows: number[] }[] = []
  let current: { header: number; rows: number[] } | null = null
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = null
      continue
    }
    if (current === null) tables.push((current = { header: cells(line), rows: [] }))
    else current.rows.push(cells(line))
  }
  return tables
}

function expectSafe(markdown: string, ownMarkers: number): void {
  // Our own tags are the only HTML: details/summary, and the marker we append.
  const tags = markdown.match(/<[^>]*>?/g) ?? []
  const allowed = /^<(\/?(details|summary|br|sub|b)( open)?|!-- ml-gate:ml-gate\.yml --)>$/
  expect(tags.filter((t) => !allowed.test(t))).toEqual([])
  expect(markdown.split(MARKER)).toHaveLength(ownMarkers + 1)
  expect(markdown).not.toMatch(/(^|[^\w&#])@[A-Za-z0-9]/)
  expect(markdown).not.toContain('y'.repeat(200))
  expect(markdown).not.toContain('](javascript:')
  for (const table of tableShapes(markdown)) for (const row of table.rows) expect(row).toBe(table.header)
}

describe('hostile data through validate -> evaluate -> gate -> report', () => {
  it('keeps the comment within 65,536 characters, with exactly one marker (ours), data shown as text', () => {
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expectSafe(comment, 1)
    expect(comment).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;')
  })

  it('keeps the summary within 1 MiB, with no marker and no raw HTML from data', () => {
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expectSafe(summary, 0)
  })

  it('clips the 1 MB cell and the 10,000 categories in the validation section (renderValidationMarkdown)', () => {
    expectSafe(validation, 0)
    expect(validation.length).toBeLessThan(20_000)
    expect(validation).toContain('…')
  })
})

describe('hostile gate results (10,000 segments, a 1 MB segment name)', () => {
  it('renders comment and summary within limits, tables keeping their shape', () => {
    const content = {
      verdict: hostileVerdict(CATEGORIES),
      candidate: null,
      baseline: null,
      validations: [],
      audit: {
        commit: null,
        version: '0.1.0',
        seed: null,
        files: [{ role: 'config', path: HOSTILE, sha256: null }]
      },
      override: null,
      history: [{ verdict: 'fail' as const, headline: HOSTILE, commit: HOSTILE }]
    }
    const body = renderReport(content, commentLimits(COMMENT_LIMIT, null))
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expectSafe(body, 0)
    const full = renderReport(content, SUMMARY_LIMITS)
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expectSafe(full, 0)
  })
})
