import { describe, expect, it } from '@jest/globals'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import {
  COMMENT_LIMIT,
  commentLimits,
  renderReport,
  SUMMARY_LIMITS,
  type ReportContent
} from '../../src/report/pr-report.js'
import { creditContent, HOSTILE, hostileContent, significantContent } from './report-fixtures.js'
import { candidatesContent, candidatesVerdict } from './candidate-fixtures.js'

// The report as GitHub renders it (GFM, our own HTML let through as GitHub does), checked for
// what a reviewer sees: what comes first, how wide the tables are, that data stays text.

/** Columns a table may have, and its width in characters (cell text plus padding) at 780 px. */
const COLUMNS = 7
const WIDTH = 104

function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}

/** The visible text of an HTML fragment. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#124;/g, '|')
    .replace(/&amp;/g, '&')
    .replace(/\u200d/g, '')
}

interface Table {
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

function tables(rendered: string): Table[] {
  return [...rendered.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) => {
    const cells = (row: string) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => textOf(c))
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, r]) => cells(r))
    return { header: rows[0], rows: rows.slice(1) }
  })
}

/**
 * Characters of each column, plus three for the cell's padding: its widest cell, or its header's
 * longest word (a header wraps at its spaces; a cell should not).
 */
function width(table: Table): number {
  const longestWord = (text: string) => Math.max(...text.split(' ').map((w) => w.length))
  // A list wraps between its items (a comma outside brackets).
  const longestItem = (text: string) => Math.max(...text.split(/, (?![^[]*\])/).map((w) => w.length))
  return table.header
    .map((h, i) => Math.max(longestWord(h), ...table.rows.map((r) => longestItem(r[i] ?? ''))) + 3)
    .reduce((a, b) => a + b, 0)
}

const TAGS = new Set(
  'h2 h3 p sub details summary b table thead tbody tr th td ul li pre code a blockquote strong em'.split(' ')
)

const reports: [string, ReportContent, 'comment' | 'summary'][] = [
  ['the credit example (significant, with power)', significantContent(), 'comment'],
  ['the credit example (significant, with power)', significantContent(), 'summary'],
  ['the credit example (point mode)', creditContent(), 'comment'],
  ['the credit example (point mode)', creditContent(), 'summary']
]

describe.each(reports)('%s as a %s', (_, content, where) => {
  const markdown = renderReport(
    content,
    where === 'comment' ? commentLimits(COMMENT_LIMIT, null) : SUMMARY_LIMITS
  )
  const rendered = html(markdown)
  const all = tables(rendered)

  it('opens with the failure: the first table’s first row is the worst failing result', () => {
    expect(all[0].header[0]).toBe('recall: segment')
    expect(all[0].rows[0][0]).toBe('Job=partime')
    expect(all[0].rows[0].join(' | ')).toContain('0.798 → 0.500 | −0.298')
  })

  it('has no table wider than the comment', () => {
    for (const table of all) {
      expect(table.header.length).toBeLessThanOrEqual(COLUMNS)
      expect([table.header.join(' | '), width(table)]).toEqual([
        table.header.join(' | '),
        Math.min(width(table), WIDTH)
      ])
    }
  })

  it('writes every minus sign as U+2212 and never splits a number at its exponent', () => {
    const text = textOf(rendered)
    expect(text.match(/.{0,30}(^|[\s([=])-\d.{0,10}/gm)).toBeNull()
    expect(text).not.toMatch(/\de-\d/)
  })
})

describe('the credit example, first screen', () => {
  const markdown = renderReport(significantContent(), commentLimits(COMMENT_LIMIT, null))
  const rendered = html(markdown)
  const headings = [...rendered.matchAll(/<(h[23]|summary)>([\s\S]*?)<\/\1>/g)].map(([, , t]) => textOf(t))

  it('reads: verdict with data validation, the failure, the overview, the inconclusive line with its MDE range', () => {
    expect(headings.slice(0, 5)).toEqual([
      '❌ ml-gate: fail — recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)',
      '❌ Failing (1)',
      'Why',
      'Candidate vs baseline (all: 1825 rows, 515 positives)',
      '⚠️ 3 inconclusive against drop ≤ 0.05: the data can only detect drops larger than 0.0684–0.0942 (MDE at 80% power)'
    ])
    expect(textOf(rendered.slice(rendered.indexOf('</h2>'), rendered.indexOf('<h3>')))).toBe(
      '\n❌ Data validation failed for data/incoming.csv (3 failing checks, 3 drifted columns): the job fails on the data alone (below).\n' +
        '1 failing · 15 warning · 1 passing · 6 with insufficient data — candidate predictions/candidate.csv vs baseline predictions/baseline.csv (paired by id on all 1825 rows)\n'
    )
    expect(headings[5]).toBe(
      '➖ 11 too small to judge drop ≤ 0.05: they can only detect drops larger than 0.111–0.312'
    )
  })
})

describe('data in the rendered report', () => {
  const rendered = html(renderReport(hostileContent(), SUMMARY_LIMITS))

  it('opens no HTML element of its own and no link, mention or reference', () => {
    const tags = new Set([...rendered.matchAll(/<\/?([a-z0-9]+)/g)].map(([, t]) => t))
    expect([...tags].filter((t) => !TAGS.has(t))).toEqual([])
    expect(rendered).not.toContain('<!--')
    expect(rendered).not.toMatch(/<a href="(?!https:\/\/github\.com\/)/)
    expect(textOf(rendered)).toContain(
      '<!-- ml-gate:ml-gate.yml --> @octocat |x| <img src=x onerror=alert(1)>'
    )
  })
})

describe('several named candidates, as GitHub renders them', () => {
  const render = (content: ReportContent) => html(renderReport(content, commentLimits(COMMENT_LIMIT, null)))
  const headingsOf = (rendered: string) =>
    [...rendered.matchAll(/<(h[23])>([\s\S]*?)<\/\1>/g)].map(([, , t]) => textOf(t))

  it('opens with the leaderboard: ranked, the winner marked and first, the failing after, every table in the budget', () => {
    const rendered = render(candidatesContent('winner'))
    const headings = headingsOf(rendered)
    expect(headings.slice(0, 3)).toEqual([
      '✅ ml-gate: pass — gbm-depth8 wins: all 11 judged results passed (1 insufficient)',
      '🏆 Candidates: gbm-depth8 wins (of 3)',
      'gbm-depth8 vs baseline (all: 1825 rows)'
    ])
    const [board, ...rest] = tables(rendered)
    expect(board).toEqual({
      header: ['rank', 'candidate', 'verdict', 'roc_auc on all', 'interval', 'failures'],
      rows: [
        ['🏆 1', 'gbm-depth8', '✅ pass', '0.830', '[0.807, 0.853]', '0'],
        ['2', 'gbm-depth4', '✅ pass', '0.825', '[0.802, 0.848]', '0'],
        ['—', 'logreg-l1', '❌ fail', '0.834', '[0.811, 0.857]', '4: recall for Job=partime']
      ]
    })
    expect(rendered).toContain('<td align="left"><strong>gbm-depth8</strong></td>')
    expect(textOf(rendered)).toContain(
      'ranked by roc_auc on all, higher is better, significant mode · 95% intervals ·'
    )
    // The overview is the winner's own evaluation: its ROC AUC, not logreg-l1's 0.834.
    expect(rest[0].rows.find((r) => r[0] === 'roc_auc')?.slice(0, 3)).toEqual(['roc_auc', '0.830', '0.830'])
    for (const table of [board, ...rest]) expect(width(table)).toBeLessThanOrEqual(WIDTH)
  })

  it('flags a tie in the heading and with the selection’s reason under the table', () => {
    const rendered = render(candidatesContent('tie'))
    expect(textOf(rendered)).toContain('⚖️ Candidates: gbm-depth8 wins a tie (of 3)')
    expect(rendered).toContain(
      '<p>⚖️ <strong>Tie</strong>: gbm-depth8 leads gbm-depth4 by 0.00511 in roc_auc on all, but the 95% interval'
    )
  })

  it('with no winner says none passes and shows the first failures of each other candidate', () => {
    const rendered = render(candidatesContent('none'))
    const headings = headingsOf(rendered)
    expect(headings.slice(1, 4)).toEqual([
      '❌ Candidates: none of the 3 passes',
      'First failures of the other candidates',
      '❌ Failing: gbm-depth4 (1)'
    ])
    const all = tables(rendered)
    expect(all[0].rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['—', 'gbm-depth4', '1: recall for Home=priv'],
      ['—', 'gbm-depth8', '1: recall for Home=priv'],
      ['—', 'logreg-l1', '4: recall for Job=partime']
    ])
    expect(all.slice(1, 3).map((t) => t.rows.map((r) => r[0]))).toEqual([
      ['Home=priv'],
      ['Job=partime', 'Home=priv', 'Home=other']
    ])
    expect(textOf(rendered)).toContain(
      'No candidate passes, so none can be shipped. The details below are of the first, gbm-depth4:'
    )
    for (const table of all) expect(width(table)).toBeLessThanOrEqual(WIDTH)
  })

  it('keeps candidate names text: markdown in a name stays literal, a hostile one opens nothing', () => {
    const verdict = candidatesVerdict('winner')
    const names = ['__init__', HOSTILE, '1.']
    const rendered = render(
      candidatesContent('winner', {
        verdict: {
          ...verdict,
          winner: '__init__',
          candidates: verdict.candidates!.map((c, i) => ({ ...c, name: names[i] }))
        }
      })
    )
    const tags = new Set([...rendered.matchAll(/<\/?([a-z0-9]+)/g)].map(([, t]) => t))
    expect([...tags].filter((t) => !TAGS.has(t))).toEqual([])
    expect(rendered).not.toContain('<!--')
    const [board] = tables(rendered)
    expect(board.rows.map((r) => r[1])).toEqual(['<!-- ml-gate:ml-gate.yml --> …', '__init__', '1.'])
  })
})
