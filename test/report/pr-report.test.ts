import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { expectGolden as expectGoldenFile } from '../support/golden.js'
import type { ValidationDocument } from '../../src/contract/validate.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import {
  COMMENT_LIMIT,
  commentLimits,
  renderReport,
  reportHeadline,
  reportTitle,
  reportVerdict,
  SUMMARY_LIMITS,
  type ReportContent
} from '../../src/report/pr-report.js'
import { renderIntervalChart } from '../../src/report/interval-chart.js'
import { collectAuditTrail } from '../../src/report/audit.js'
import {
  creditContent,
  creditValidation,
  creditVerdict,
  failingResult,
  HOSTILE,
  hostileContent,
  hostileVerdict,
  significantContent
} from './report-fixtures.js'
import { candidatesContent, candidatesVerdict } from './candidate-fixtures.js'

/** The credit verdict with its failures gone: every gate passes. */
function passingVerdict(): VerdictDocument {
  const verdict = creditVerdict()
  const results = verdict.results.filter((r) => r.status !== 'fail')
  return {
    ...verdict,
    verdict: 'pass',
    headline: 'pass: all 7 judged results passed (1 insufficient)',
    counts: { ...verdict.counts, fail: 0 },
    results
  }
}

/** The credit validation with only its warning check failing. */
function warningsOnly(failOn: 'error' | 'warn'): ValidationDocument {
  const v = creditValidation()
  return {
    ...v,
    passed: true,
    fail_on: failOn,
    summary: { errors: 0, warnings: 1, drifted: 0 },
    checks: v.checks.filter((c) => c.passed || c.severity === 'warn'),
    drift: v.drift.map((d) => ({ ...d, drifted: false }))
  }
}

const GOLDEN = fileURLToPath(new URL('../fixtures/report/golden/', import.meta.url))
const RUN_URL = 'https://github.com/octo-org/credit-model/actions/runs/1658821493'

/** Compares with the golden file of that name (see `expectGoldenFile`). */
function expectGolden(name: string, markdown: string): void {
  expectGoldenFile(`${GOLDEN}${name}`, markdown)
}

describe('golden reports', () => {
  it('the credit example in significant mode with power, as a comment', () => {
    expectGolden(
      'credit-significant-comment.md',
      renderReport(significantContent(), commentLimits(COMMENT_LIMIT, RUN_URL))
    )
  })

  it('the credit example as a job summary', () => {
    expectGolden('credit-summary.md', renderReport(creditContent(), SUMMARY_LIMITS))
  })

  it('the credit example as a comment, overridden, with two earlier runs', () => {
    const content = creditContent({
      validations: [],
      override: {
        label: 'ml-gate:override',
        by: 'lead-dev',
        at: '2026-01-01T00:00:02Z',
        role: 'maintain',
        honoured: true
      },
      history: [
        {
          verdict: 'fail',
          headline: 'recall for Job=partime fell 0.798 → 0.512, allowed drop 0.05',
          commit: 'f'.repeat(40)
        },
        { verdict: 'pass', headline: 'all 12 gate results pass', commit: 'e'.repeat(40) }
      ]
    })
    expectGolden('credit-comment-overridden.md', renderReport(content, commentLimits(COMMENT_LIMIT, RUN_URL)))
  })

  it('an override label added without write access', () => {
    const content = creditContent({
      validations: [],
      override: {
        label: 'ml-gate:override',
        by: 'drive-by',
        at: '2026-01-01T00:00:02Z',
        role: 'read',
        honoured: false
      }
    })
    expectGolden('credit-override-refused.md', renderReport(content, SUMMARY_LIMITS))
  })

  it('an evaluation without gates', () => {
    expectGolden(
      'evaluation-only.md',
      renderReport(creditContent({ verdict: null, validations: [] }), SUMMARY_LIMITS)
    )
  })

  it('a data validation alone', () => {
    const content = creditContent({ verdict: null, candidate: null, baseline: null })
    expectGolden('validation-only.md', renderReport(content, SUMMARY_LIMITS))
  })
})

describe('reportVerdict', () => {
  const override = { label: 'ml-gate:override', by: 'a', at: 't', role: 'write', honoured: true }
  it.each<[string, Partial<ReportContent>, string]>([
    ['the gate', {}, 'fail'],
    ['an honoured override of a fail', { override, validations: [] }, 'overridden'],
    ['a refused override', { override: { ...override, honoured: false } }, 'fail'],
    [
      'an override of a pass',
      { verdict: { ...creditVerdict(), verdict: 'pass' }, override, validations: [] },
      'pass'
    ],
    ['a failed validation without a verdict', { verdict: null }, 'fail'],
    [
      'a passed validation without a verdict',
      { verdict: null, validations: [{ ...creditValidation(), passed: true }] },
      'pass'
    ],
    ['a failed validation with a passing gate', { verdict: passingVerdict() }, 'fail'],
    [
      'a failed validation with a warning gate',
      { verdict: { ...passingVerdict(), verdict: 'warn' } },
      'fail'
    ],
    ['an honoured override does not cover failing data', { verdict: passingVerdict(), override }, 'fail'],
    [
      'a failed validation under fail_on: never',
      { verdict: passingVerdict(), validations: [{ ...creditValidation(), fail_on: 'never' }] },
      'pass'
    ],
    [
      'warnings alone under fail_on: warn',
      { verdict: passingVerdict(), validations: [warningsOnly('warn')] },
      'fail'
    ],
    [
      'warnings alone under fail_on: error',
      { verdict: passingVerdict(), validations: [warningsOnly('error')] },
      'pass'
    ]
  ])('%s', (_, parts, expected) => {
    expect(reportVerdict(creditContent(parts))).toBe(expected)
  })
})

describe('reportHeadline', () => {
  it.each<[string, Partial<ReportContent>, string]>([
    [
      'failing data before a failing gate',
      {},
      'data validation failed for data/incoming.csv (2 failing checks, 1 drifted column); ' +
        'the gates: recall for Job=partime fell 0.798 → 0.500, allowed drop 0.05'
    ],
    [
      'failing data before a passing gate',
      { verdict: passingVerdict() },
      'data validation failed for data/incoming.csv (2 failing checks, 1 drifted column); ' +
        'the gates: pass: all 7 judged results passed (1 insufficient)'
    ],
    [
      'warnings counted when they fail the data',
      { verdict: passingVerdict(), validations: [warningsOnly('warn')] },
      'data validation failed for data/incoming.csv (1 failing warning check); the gates: pass: all 7 judged results passed (1 insufficient)'
    ],
    [
      'passing data: the gate alone',
      { verdict: passingVerdict(), validations: [] },
      'pass: all 7 judged results passed (1 insufficient)'
    ],
    [
      'problems that fail_on lets pass',
      { verdict: null, validations: [{ ...creditValidation(), fail_on: 'never' }] },
      'data validation found problems; fail_on lets them pass'
    ]
  ])('%s', (_, parts, expected) => {
    expect(reportHeadline(creditContent(parts))).toBe(expected)
  })

  it('says an honoured override cannot pass failing data', () => {
    const override = { label: 'ml-gate:override', by: 'a', at: 't', role: 'write', honoured: true }
    const markdown = renderReport(creditContent({ verdict: passingVerdict(), override }), SUMMARY_LIMITS)
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '## ❌ ml-gate: fail — data validation failed for data/incoming.csv \\(2 failing checks, 1 drifted column\\); the gates\\: pass\\: all 7 judged results passed \\(1 insufficient\\)',
      '',
      "The label ml\\-gate\\:override added by [a](https://github.com/a) (write access) at t overrides the gate's verdict only: data that fails its contract fails the job, so the verdict is fail."
    ])
  })
})

describe('hostile strings', () => {
  const content = hostileContent()
  const markdown = renderReport(content, SUMMARY_LIMITS)

  it('cannot open HTML, mention anyone, fake our marker or break out of a table', () => {
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toContain('<!--')
    expect(markdown).not.toContain('@octocat')
    expect(markdown).not.toContain('[l](')
    expect(markdown).toContain(
      '| &lt;\\!\\-\\- ml\\-gate\\:ml\\-gate.yml \\-\\-&gt; @\u200doctocat &#124;x&#124; &lt;img src\\=x onerror\\=alert\\(1\\)&gt; \\*\\*b\\*\\* \\`c\\` \\[l\\]\\(http\\:\u200d//e\\) \\#\u200d h \\- item 2 '
    )
    // Every table row has as many cells as its header: no `|` from data survived.
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'))
    expect(tables).toHaveLength(4)
    for (const table of tables) {
      const [header, ...rows] = table.split('\n').map((line) => line.split('|').length)
      expect(rows.every((cells) => cells === header)).toBe(true)
    }
  })

  it('cannot end the chart code block', () => {
    const chart = renderIntervalChart('drop of `x`', '95%', 0.05, [
      { label: `\`\`\`\n${HOSTILE}`, estimate: 0.1, ci: [0, 0.2], status: 'fail' },
      { label: '~~~', estimate: 0, ci: [-0.1, 0.1], status: 'pass' }
    ])!
    const lines = chart.split('\n')
    expect(lines.slice(1, -1).some((line) => /[`~<>@]/.test(line))).toBe(false)
    expect(lines[3]).toBe('_____!-- ml-gate:… ·············├────────────●───────────┤·  0.100  fail')
    expect(lines[4]).toBe('___                ·├───────────●────────────┤·············      0  pass')
  })

  it('clips a 1 MB value to 120 characters in cells and 300 in lines', () => {
    const row = markdown.split('\n').find((line) => line.includes('item xxx') && line.startsWith('|'))
    expect(row).toContain(` item ${'x'.repeat(13)}… |`)
    expect(markdown).not.toContain('x'.repeat(300))
    expect(Buffer.byteLength(markdown)).toBeLessThan(40_000)
  })
})

describe('size limits', () => {
  it('collapses tables to 10 rows before leaving anything out', () => {
    const verdict = hostileVerdict(60)
    const content = creditContent({
      verdict: { ...verdict, results: verdict.results.map((r, i) => ({ ...r, segment: `Job=s${i}` })) }
    })
    const full = renderReport(content, commentLimits(COMMENT_LIMIT, RUN_URL))
    expect(full).toContain('… and 10 more results in verdict.json.')
    const compact = renderReport(content, commentLimits(full.length - 1, RUN_URL))
    expect(compact).toContain('… and 50 more results in verdict.json.')
    expect(compact).not.toContain('shortened')
  })

  it('then leaves out whole sections, least important first, and says which and where the rest is', () => {
    const huge = {
      ...creditValidation(),
      // Cells are clipped to 120 characters and tables to 200 rows: the section is about 50 KB,
      // so a 20,000-character limit must drop it.
      checks: Array.from({ length: 2000 }, (_, i) => ({
        ...creditValidation().checks[0],
        column: `${'x'.repeat(100)}${i}`
      }))
    }
    const content = creditContent({ validations: [huge] })
    const comment = renderReport(content, commentLimits(20_000, RUN_URL))
    expect(comment.length).toBeLessThanOrEqual(20_000)
    expect(comment).toContain(
      "> [!NOTE]\n> This comment is shortened to fit GitHub's size limit; left out: validation of data/incoming.csv. " +
        `The full report is in the [job summary](${RUN_URL}).`
    )
    // The smaller sections are kept.
    expect(comment).toContain('### ❌ Failing (4)')
    expect(comment).toContain('```text')
    expect(comment).toContain('<summary>Audit trail')
  })

  it('measures the summary in bytes', () => {
    const results = Array.from({ length: 3000 }, (_, i) => failingResult(`Job=${'é'.repeat(100)}${i}`, 0.01))
    const content = creditContent({ verdict: { ...creditVerdict(), results } })
    const limits = { ...SUMMARY_LIMITS, maxSize: 200_000 }
    const summary = renderReport(content, limits)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(200_000)
    expect(summary.length).toBeLessThan(200_000)
  })

  it('with a tiny limit keeps whole lines of the headline', () => {
    const report = renderReport(creditContent({ validations: [] }), { ...SUMMARY_LIMITS, maxSize: 120 })
    expect(report).toBe(
      '## ❌ ml-gate: fail — recall for Job\\=partime fell 0.798 → 0.500, allowed drop 0.05\n\n'
    )
  })

  it('names where ml-gate found the baseline in the audit trail, from the verdict', async () => {
    const source = 'artifact ml-gate-baseline of run 12 at abc1234, the merge base'
    const verdict = { ...creditVerdict(), baseline_source: source }
    const audit = await collectAuditTrail(
      {
        dir: 'ml-gate-results',
        verdict: { path: 'ml-gate-results/verdict.json', sha256: 'b'.repeat(64), document: verdict },
        candidate: null,
        candidates: [],
        baseline: null,
        validations: []
      },
      { config: null, commit: null, version: '0.1.0' }
    )
    expect(audit.baselineSource).toBe(source)
    const report = renderReport(creditContent({ verdict, audit }), SUMMARY_LIMITS)
    // Escaped as every text from a document is.
    expect(report).toContain(
      '<sub>ml-gate 0.1.0 · commit not recorded · seed — · baseline: artifact ml\\-gate\\-baseline of run 12 at abc1234, the merge base</sub>'
    )
    expect(renderReport(creditContent(), SUMMARY_LIMITS)).not.toContain('baseline: artifact')
  })
})

describe('several named candidates', () => {
  it.each([
    ['a winner, as a comment', 'candidates-winner-comment.md', candidatesContent('winner'), 'comment'],
    ['a tie, as a job summary', 'candidates-tie-summary.md', candidatesContent('tie'), 'summary'],
    ['no candidate passes, as a comment', 'candidates-none-comment.md', candidatesContent('none'), 'comment']
  ] as const)('golden: %s', (_, golden, content, where) => {
    expectGolden(
      golden,
      renderReport(content, where === 'comment' ? commentLimits(COMMENT_LIMIT, RUN_URL) : SUMMARY_LIMITS)
    )
  })

  it('reads as before with one unnamed candidate: nothing of the leaderboard', () => {
    const markdown = renderReport(creditContent(), SUMMARY_LIMITS)
    expect(markdown).not.toContain('Candidates')
    expect(markdown).toContain('### Candidate vs baseline (all: 1825 rows)')
  })

  it('keeps the leaderboard when sections are left out, and caps it like any table', () => {
    const verdict = candidatesVerdict('winner')
    const many = Array.from({ length: 30 }, (_, i) => ({ ...verdict.candidates![2], name: `l1-${i}` }))
    const content = candidatesContent('winner', {
      verdict: { ...verdict, candidates: [...verdict.candidates!, ...many] }
    })
    const full = renderReport(content, commentLimits(COMMENT_LIMIT, RUN_URL))
    expect(full).not.toContain('more candidates')
    const small = renderReport(content, commentLimits(full.length - 1, RUN_URL))
    expect(small).toContain('|    — | l1\\-6           | ❌ fail  |')
    expect(small).toContain('… and 23 more candidates in verdict.json.')
    const tiny = renderReport(content, commentLimits(3000, RUN_URL))
    expect(tiny.length).toBeLessThanOrEqual(3000)
    expect(tiny).toContain('### 🏆 Candidates: gbm\\-depth8 wins (of 33)')
    expect(tiny).toContain('left out: ')
  })

  it('names the winner in the check run title, or that there is none', () => {
    expect(reportTitle(candidatesContent('winner'))).toBe(
      'pass: winner gbm-depth8 — gbm-depth8 wins: all 11 judged results passed (1 insufficient)'
    )
    expect(reportTitle(candidatesContent('none'))).toBe(
      'fail: no winner — no candidate passes: gbm-depth4: recall for Home=priv fell 0.677 → 0.419, allowed drop 0.05'
    )
    expect(reportTitle(creditContent({ validations: [] }))).toBe(
      'fail: recall for Job=partime fell 0.798 → 0.500, allowed drop 0.05'
    )
  })
})
