import { describe, expect, it } from '@jest/globals'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { renderTextTable } from '../../src/report/text-table.js'
import { renderVerdictText } from '../../src/report/verdict-text.js'
import { creditVerdict, failingResult } from './report-fixtures.js'

/**
 * Sizes past V8's limit on call arguments (about 120,000 on a default stack): a spread of this
 * many values into `Math.max(...)` or `push(...)` throws "Maximum call stack size exceeded".
 */
const HUGE = 140_000

describe('data-sized arrays are never spread into arguments', () => {
  it('renders the terminal verdict of a config with 140,000 gates', () => {
    const results = Array.from({ length: HUGE }, (_, i) => ({
      ...failingResult('overall', 0.01),
      status: 'pass' as const,
      gate: `recall max_drop 0.05 #${i}`,
      gate_index: i
    }))
    const verdict: VerdictDocument = {
      ...creditVerdict(),
      notes: Array.from({ length: HUGE }, (_, i) => `note ${i}`),
      counts: { pass: HUGE, fail: 0, warn: 0, insufficient: 0, missing: 0, skipped: 0, waived: 0 },
      results
    }
    const lines = renderVerdictText(verdict).split('\n')
    expect(lines.slice(3, 5)).toEqual(['Gates:', `  recall max_drop 0.05 #0       1 pass (overall 0.500)`])
    expect(lines[3 + HUGE]).toBe(`  recall max_drop 0.05 #${HUGE - 1}  1 pass (overall 0.500)`)
    expect(lines.filter((l) => l.startsWith('  - note '))).toHaveLength(HUGE)
    expect(lines.at(-2)).toBe(`Results: ${HUGE} pass`)
  })

  it('sizes a text table of 140,000 rows by its widest cell', () => {
    const rows = Array.from({ length: HUGE }, (_, i) => [String(i)])
    const table = renderTextTable(['n'], rows, ['right']).split('\n')
    expect(table.slice(0, 3)).toEqual(['     n', '------', '     0'])
    expect(table.at(-2)).toBe(String(HUGE - 1))
  })
})
