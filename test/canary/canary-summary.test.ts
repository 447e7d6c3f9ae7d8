/** The canary's job summary shows hostile data as text: no HTML, no mention, no broken table. */
import { describe, expect, it } from '@jest/globals'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import type { CanaryDocument, OutcomeResult } from '../../src/canary/canary-document.js'
import { renderCanarySummary } from '../../src/report/canary-summary.js'
import { HOSTILE } from '../report/report-fixtures.js'

const outcome: OutcomeResult = {
  name: HOSTILE,
  column: HOSTILE,
  better: 'lower',
  max_shift: 5,
  status: 'fail',
  canary_n: 100,
  control_n: 100,
  canary_missing: 0,
  control_missing: 0,
  canary_median: 60,
  control_median: 50,
  shift: 10,
  shift_ci: [8, 12],
  degradation: 10,
  degradation_ci: [8, 12],
  confidence: 0.95,
  u: 8000,
  p_value: 1e-9,
  test: 'normal',
  mde: 2,
  power_at_bound: 1,
  traffic: null,
  reason: `${HOSTILE}: got worse`
}

const document: CanaryDocument = {
  schema: 'ml-gate/canary@1',
  decision: 'rollback',
  headline: `${HOSTILE} got worse`,
  reasons: [outcome.reason],
  control: { file: `${HOSTILE}.csv`, rows: 100 },
  canary: { file: 'canary.csv', rows: 100 },
  paired: false,
  confidence: 0.95,
  gates: null,
  outcomes: [outcome],
  traffic: null
}

describe('renderCanarySummary', () => {
  const markdown = renderCanarySummary(document)
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })

  it('opens with the decision', () => {
    expect(markdown.split('\n')[0]).toBe('## ❌ ml-gate canary: rollback')
  })

  it('renders no tag, link, emphasis or comment from data, and one outcome row of 8 cells', () => {
    expect(html).not.toMatch(/<(img|a|strong|em|code)\b|<!--/)
    expect(html).not.toMatch(/@octocat/) // a joiner follows every @
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => row.match(/<t[dh]>/g)!.length)
    expect(rows).toEqual([8, 8])
  })
})
