import { describe, expect, it } from '@jest/globals'
import type { Value } from '../../src/io/table.js'
import { codePoints, ContractChecker, MAX_EXAMPLES, type CheckResult } from '../../src/contract/check.js'
import type { ColumnContract, Contract } from '../../src/contract/types.js'
import { batchOfColumn, batchOfRows } from '../support/batches.js'

function checkColumn(rules: ColumnContract, values: Value[]): CheckResult[] {
  const checker = new ContractChecker({ columns: { x: rules } }, ['x'])
  checker.add(batchOfColumn(values))
  return checker.results()
}

function only(results: CheckResult[], check: string): CheckResult {
  const found = results.filter((r) => r.check === check)
  expect(found).toHaveLength(1)
  return found[0]
}

describe('value checks', () => {
  it('reports type failures with their lines, and no range failure for them', () => {
    const results = checkColumn({ type: 'integer', min: 0 }, [1, 'two', 3.5, 4.0, -1, null])
    expect(only(results, 'type')).toMatchObject({
      passed: false,
      failures: 2,
      checked: 5,
      expected: 'integer',
      examples: [
        { line: 3, value: 'two' },
        { line: 4, value: 3.5 }
      ]
    })
    expect(only(results, 'min')).toMatchObject({
      failures: 1,
      checked: 3,
      examples: [{ line: 6, value: -1 }]
    })
  })

  it.each<[ColumnContract['type'], Value[], number]>([
    ['number', [1, 2.5, 'x', true], 2],
    ['boolean', [true, false, 'yes', 1], 2],
    ['string', ['a', 1, true], 0],
    ['date', ['2024-02-29', '2023-02-29', '2024-1-01', 20240101], 3],
    [
      'datetime',
      ['2024-02-29T10:00:00Z', '2024-02-29 10:00', '2024-02-29', 'yesterday', '2024-13-01T00:00'],
      2
    ]
  ])('type %s', (type, values, failures) => {
    expect(only(checkColumn({ type }, values), 'type').failures).toBe(failures)
  })

  it('bounds are inclusive, and date bounds compare as dates', () => {
    expect(only(checkColumn({ min: 18, max: 100 }, [18, 100, 17, 100.5]), 'max').failures).toBe(1)
    expect(only(checkColumn({ min: 18, max: 100 }, [18, 100, 17, 100.5]), 'min').failures).toBe(1)
    const dates = checkColumn({ type: 'date', min: '2024-01-01' }, ['2023-12-31', '2024-01-01'])
    expect(only(dates, 'min')).toMatchObject({ failures: 1, expected: '>= 2024-01-01' })
  })

  it('in, pattern and lengths compare the value as text', () => {
    const results = checkColumn(
      { in: ['owner', 'rent', 1], pattern: '^[a-z0-9]+$', min_length: 2, max_length: 5 },
      ['owner', 'rent', 1, 'unknown', 'RENT']
    )
    expect(only(results, 'in')).toMatchObject({
      failures: 2,
      expected: 'one of: owner, rent, 1',
      examples: [
        { line: 5, value: 'unknown' },
        { line: 6, value: 'RENT' }
      ]
    })
    expect(only(results, 'pattern').failures).toBe(1)
    expect(only(results, 'min_length').failures).toBe(1)
    expect(only(results, 'max_length').examples).toEqual([{ line: 5, value: 'unknown' }])
  })

  it('in with a long list (hashed rather than scanned) compares the value as text too', () => {
    const allowed = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? `c${i}` : i))
    const results = checkColumn({ in: allowed }, ['c0', 1, '1', 'c1', 2, true, 'c10', 11])
    expect(only(results, 'in').examples.map((e) => e.value)).toEqual(['c1', 2, true])
  })

  it('counts lengths in code points, as [...text] does: a surrogate pair is one, a lone one too', () => {
    const texts = [
      '',
      'ab',
      '🐢',
      '🐢🐢',
      'a🐢b',
      '\ud83d',
      '\udc22\ud83d',
      'ab\ud83d',
      'żółw',
      'abcd🐢',
      '🐢🐢🐢🐢'
    ]
    for (const text of texts) expect(codePoints(text)).toBe([...text].length)
    for (const [min, max] of [
      [1, 2],
      [2, 3],
      [3, 4],
      [0, 1]
    ]) {
      const results = checkColumn({ min_length: min, max_length: max }, texts)
      const lines = (check: string) => only(results, check).examples.map((e) => texts[e.line - 2])
      expect(lines('min_length')).toEqual(texts.filter((t) => [...t].length < min))
      expect(lines('max_length')).toEqual(texts.filter((t) => [...t].length > max))
    }
  })

  it('keeps the first 20 examples but counts every failure', () => {
    const result = only(
      checkColumn(
        { min: 0 },
        Array.from({ length: 50 }, () => -1)
      ),
      'min'
    )
    expect(result.failures).toBe(50)
    expect(result.examples).toHaveLength(MAX_EXAMPLES)
    expect(result.examples[19].line).toBe(21)
  })
})

describe('tolerance and severity', () => {
  const values = Array.from({ length: 200 }, (_, i) => (i < 3 ? -1 : i))

  it('mostly tolerates a share of the values checked', () => {
    expect(only(checkColumn({ min: 0, mostly: 0.99 }, values), 'min')).toMatchObject({
      passed: false,
      allowed: 2
    })
    expect(only(checkColumn({ min: 0, mostly: 0.985 }, values), 'min')).toMatchObject({
      passed: true,
      allowed: 3
    })
  })

  it('max_failures tolerates a count, and per-check settings override the column', () => {
    const results = checkColumn(
      { type: 'integer', min: 0, severity: 'warn', checks: { min: { max_failures: 3, severity: 'error' } } },
      values
    )
    expect(only(results, 'min')).toMatchObject({ passed: true, allowed: 3, severity: 'error' })
    expect(only(results, 'type')).toMatchObject({ passed: true, severity: 'warn' })
  })
})

describe('missing values and uniqueness', () => {
  it('nullable: false fails every missing value, with lines', () => {
    expect(only(checkColumn({ nullable: false }, [1, null, 2, null]), 'nullable')).toMatchObject({
      failures: 2,
      checked: 4,
      examples: [
        { line: 3, value: null },
        { line: 5, value: null }
      ]
    })
  })

  it('max_missing is a share below 1 and a count from 1', () => {
    const values = [1, null, null, 4, 5, 6, 7, 8, 9, 10]
    expect(only(checkColumn({ max_missing: 0.2 }, values), 'max_missing')).toMatchObject({
      passed: true,
      allowed: 2,
      expected: 'at most 20% missing'
    })
    expect(only(checkColumn({ max_missing: 0.1 }, values), 'max_missing').passed).toBe(false)
    expect(only(checkColumn({ max_missing: 1 }, values), 'max_missing')).toMatchObject({
      passed: false,
      expected: 'at most 1 missing'
    })
  })

  it('unique reports each repeat at its line and tells the string "1" from the number 1', () => {
    expect(only(checkColumn({ unique: true }, [1, '1', 2, 1, null, null, 2]), 'unique')).toMatchObject({
      failures: 2,
      examples: [
        { line: 5, value: 1 },
        { line: 8, value: 2 }
      ]
    })
  })
})

describe('table checks', () => {
  const contract: Contract = {
    columns: { a: { type: 'integer' }, b: { required: false } },
    rows: { min: 3, max: 10 },
    extra_columns: 'warn'
  }

  it('counts rows across batches and reports extra columns with the configured severity', () => {
    const checker = new ContractChecker(contract, ['a', 'c'])
    checker.add(batchOfRows([[1, 'x']]))
    checker.add(batchOfRows([[2, 'y']], 3))
    const results = checker.results()
    expect(results.map((r) => [r.column, r.check, r.severity, r.passed])).toEqual([
      [null, 'rows', 'error', false],
      ['c', 'extra_columns', 'warn', false],
      ['a', 'type', 'error', true]
    ])
    expect(results[0]).toMatchObject({ checked: 2, expected: '>= 3 and <= 10 rows' })
  })

  it('extra_columns: ignore reports nothing for unnamed columns', () => {
    const checker = new ContractChecker({ ...contract, extra_columns: 'ignore' }, ['a', 'c'])
    expect(checker.results().some((r) => r.check === 'extra_columns')).toBe(false)
  })
})
