import { describe, expect, it } from '@jest/globals'
import type { CheckResult } from '../../src/contract/check.js'
import type { ValidationDocument } from '../../src/contract/validate.js'
import { renderValidationMarkdown } from '../../src/report/validation.js'

function documentWith(columns: number): ValidationDocument {
  const checks: CheckResult[] = Array.from({ length: columns }, (_, i) => ({
    column: `column_${i}`,
    check: 'min',
    severity: 'error',
    passed: false,
    failures: columns - i,
    checked: 100,
    allowed: 0,
    expected: '>= 0',
    examples: [{ line: 2, value: -1 }]
  }))
  return {
    schema: 'ml-gate/validation@1',
    file: 'wide.csv',
    format: 'csv',
    unit: 'line',
    contract: 'wide.yml',
    reference: null,
    passed: false,
    rows: 100,
    summary: { errors: columns, warnings: 0, drifted: 0 },
    checks,
    drift: []
  }
}

describe('renderValidationMarkdown', () => {
  it('lists at most 200 failing checks, most failures first, and says how many more there are', () => {
    const markdown = renderValidationMarkdown(documentWith(5000))
    const rows = markdown.split('\n').filter((l) => l.startsWith('| column\\_'))
    expect(rows).toHaveLength(200)
    expect(rows[0]).toMatch(/^\| column\\_0 +\| min +\| error +\| +5000 \|/)
    expect(markdown).toContain('… and 4800 more failing checks: the validation document lists them all.')
    expect(markdown.length).toBeLessThan(64 * 1024)
  })

  it('lists every check when there are few', () => {
    const markdown = renderValidationMarkdown(documentWith(3))
    expect(markdown.split('\n').filter((l) => l.startsWith('| column\\_'))).toHaveLength(3)
    expect(markdown).not.toContain('more failing checks')
  })
})
