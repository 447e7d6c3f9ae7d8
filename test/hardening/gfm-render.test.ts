/**
 * Hostile strings from data and from forged result documents, rendered through every report path
 * (PR comment, job summary, validation and evaluation sections, annotations) and then through a
 * real GitHub-flavoured markdown renderer (micromark + GFM, raw HTML let through so that any
 * would show). What GitHub adds after rendering (mentions, issue references) is checked on the
 * rendered text: no `@word`, `#123`, `GH-123`, `www.` or `://` may be left for it to join.
 */
import { describe, expect, it } from '@jest/globals'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import type { ValidationDocument } from '../../src/contract/validate.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { contractAnnotations, summaryAnnotations } from '../../src/report/annotations.js'
import { commentMarker } from '../../src/report/comment-state.js'
import { escapeMarkdown, plainText } from '../../src/text/escape.js'
import { renderEvaluationMarkdown } from '../../src/report/evaluation.js'
import {
  commentLimits,
  renderReport,
  SUMMARY_LIMITS,
  type ReportContent
} from '../../src/report/pr-report.js'
import { renderValidationMarkdown } from '../../src/report/validation.js'
import { creditCandidate, creditContent, creditValidation, creditVerdict } from '../report/report-fixtures.js'

/** Each tries one way into a GitHub comment. */
const ATTACKS = [
  '@octocat',
  'cc @ml-gate/maintainers',
  'fixes #123',
  'owner/repo#7',
  'GH-42 and gh-43',
  'www.example.com',
  'WWW.EXAMPLE.COM/x',
  'https://evil.example/x',
  'mailto:a@b.example',
  'user@example.com',
  '<img src=x onerror=alert(1)>',
  '<a href="https://e.example">x</a>',
  '[l](https://e.example)',
  '![i](https://e.example/i.png)',
  '<https://e.example>',
  '&#64;octocat',
  '&#35;12',
  '\\#1 \\@octocat',
  '<!-- ml-gate:ml-gate.yml -->',
  '<details open>',
  'right\u202eto\u202cleft',
  'iso\u2066late\u2069',
  'nul\u0000bell\u0007esc\u001b[31m',
  'c1\u0085\u009bx',
  'line\u2028para\u2029bom\ufeff',
  '| a | b |\n|---|---|',
  '`code` ***b*** ~~s~~'
]
const HOSTILE = ATTACKS.join(' ')

const CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/

/** The credit documents with every string a forged document could carry made hostile. */
function hostileContent(): ReportContent {
  const verdict: VerdictDocument = {
    ...creditVerdict(),
    headline: HOSTILE,
    candidate: HOSTILE,
    baseline: HOSTILE,
    notes: ATTACKS,
    results: creditVerdict().results.map((r, i) => ({
      ...r,
      gate: HOSTILE,
      metric: ATTACKS[i % ATTACKS.length],
      segment: `${ATTACKS[i % ATTACKS.length]} ${i}`,
      reason: HOSTILE,
      ...(i === 0 ? { status: 'waived' as const, waiver: { reason: HOSTILE, expires: '#1 @x' } } : {})
    }))
  }
  const validation: ValidationDocument = {
    ...creditValidation(),
    file: HOSTILE,
    contract: HOSTILE,
    reference: HOSTILE,
    checks: creditValidation().checks.map((c, i) => ({
      ...c,
      column: ATTACKS[i % ATTACKS.length],
      expected: HOSTILE,
      examples: c.examples.map((e, j) => ({ ...e, value: ATTACKS[(i + j) % ATTACKS.length] }))
    })),
    drift: creditValidation().drift.map((d, i) => ({
      ...d,
      column: ATTACKS[i % ATTACKS.length],
      reason: HOSTILE
    }))
  }
  const candidate: EvaluationDocument = {
    ...creditCandidate(),
    file: HOSTILE,
    segments: creditCandidate().segments.map((s, i) => ({
      ...s,
      key: i === 0 ? 'all' : `${ATTACKS[i % ATTACKS.length]} ${i}`,
      metrics: Object.fromEntries(
        Object.entries(s.metrics).map(([name, m]) => [name, { ...m, value: null, reason: HOSTILE }])
      )
    }))
  }
  return creditContent({
    verdict,
    candidate,
    baseline: candidate,
    validations: [validation],
    audit: {
      commit: HOSTILE,
      version: HOSTILE,
      seed: 1,
      files: [{ role: 'config', path: HOSTILE, sha256: null }]
    },
    history: [{ verdict: 'fail', headline: HOSTILE, commit: HOSTILE }]
  })
}

/** Text nodes of rendered HTML, as GitHub's mention and reference filters see them. */
function renderedText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const OWN_TAGS =
  /^<\/?(p|h2|h3|table|thead|tbody|tr|th|td|ul|li|details|summary|sub|b|strong|code|pre|blockquote|br|hr)( align="(left|right|center)"| class="language-text")?( open)?\s?\/?>$/

/** What must hold for any markdown a report path produced from hostile input. */
function expectInert(markdown: string, ownMarkers = 0): void {
  expect(markdown).not.toMatch(CONTROLS)
  expect(markdown.split(commentMarker('ml-gate.yml'))).toHaveLength(ownMarkers + 1)
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
  const tags = (html.match(/<[^>]*>/g) ?? []).filter((t) => !t.startsWith('<!--'))
  expect(tags.filter((t) => !OWN_TAGS.test(t))).toEqual([])
  const comments = html.match(/<!--[\s\S]*?-->/g) ?? []
  expect(comments).toEqual(Array(ownMarkers).fill(commentMarker('ml-gate.yml')))
  // GitHub looks for mentions and references outside code: the Mermaid block is a diagram.
  const text = renderedText(html.replace(/<pre>[\s\S]*?<\/pre>/g, ' '))
  expect(text).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/)
  expect(text).not.toMatch(/#[0-9]/)
  expect(text).not.toMatch(/\bgh-[0-9]/i)
  expect(text).not.toMatch(/\bwww\./i)
  expect(text).not.toMatch(/:\/\//)
}

describe('hostile strings through a real GFM renderer', () => {
  it.each(ATTACKS.map((a) => [a]))('escapeMarkdown(%j) renders as inert text', (attack) => {
    expectInert(`| x |\n|---|\n| ${escapeMarkdown(attack)} |\n\n${escapeMarkdown(attack)}\n`)
    // The reader sees the same characters, less the hidden ones.
    const shown = renderedText(micromark(escapeMarkdown(attack))).trim()
    expect(shown.replace(/\u200d/g, '')).toBe(plainText(attack).trim())
  })

  const content = hostileContent()
  it('the PR comment (with our marker appended)', () => {
    const body = `${renderReport(content, commentLimits(60_000, null))}\n${commentMarker('ml-gate.yml')}\n`
    expectInert(body, 1)
  })

  it('the job summary', () => {
    expectInert(renderReport(content, SUMMARY_LIMITS))
  })

  it('the validation and evaluation sections', () => {
    expectInert(renderValidationMarkdown(content.validations[0]))
    expectInert(renderEvaluationMarkdown(content.candidate!))
  })

  it('annotations: plain text without control or bidirectional characters', () => {
    const annotations = [
      ...summaryAnnotations(content.verdict, content.validations),
      ...contractAnnotations(content.validations)
    ]
    expect(annotations.length).toBeGreaterThan(5)
    for (const a of annotations) {
      expect(a.title).not.toMatch(CONTROLS)
      expect(a.message).not.toMatch(CONTROLS)
    }
  })
})
