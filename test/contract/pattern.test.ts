import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RE2JS } from 're2js'
import { compilePattern, isFixedAscii } from '../../src/contract/pattern.js'
import type { ValidationDocument } from '../../src/contract/validate.js'
import { cli } from '../support/cli.js'

const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-pattern-'))
const write = (name: string, text: string): string => {
  const file = join(tmp, name)
  writeFileSync(file, text)
  return file
}

// Patterns on which a backtracking engine takes time exponential in the value's length: V8's
// engine took 13 s on ^(a+)+$ against 26 a's and a '!', 40 s with 28 (a day or more with 40).
const CATASTROPHIC = ['^(a+)+$', '^(a|a)*$', '^(a*)*b$', '^(a|aa)+$', '^([a-z]+)*[0-9]$']
const HOSTILE = `${'a'.repeat(28)}!`

describe('contract patterns match in linear time', () => {
  it.each(CATASTROPHIC)(
    '%s against a 41-character value is judged at once',
    async (pattern) => {
      const data = write('values.csv', `v\n${HOSTILE}\naaa\n`)
      const contract = write('contract.yml', `columns:\n  v: { pattern: "${pattern}" }\n`)
      const out = join(tmp, 'validation.json')
      const run = await cli('validate', '--data', data, '--contract', contract, '--json', out)
      const check = (JSON.parse(readFileSync(out, 'utf8')) as ValidationDocument).checks.find(
        (c) => c.check === 'pattern'
      )
      const aaaMatches = new RegExp(pattern).test('aaa')
      expect([run.code, check?.failures, check?.examples[0]]).toEqual([
        1,
        aaaMatches ? 1 : 2,
        { line: 2, value: HOSTILE }
      ])
    },
    5000
  )

  it.each(CATASTROPHIC)(
    '%s in a JSON Schema contract is judged at once',
    async (pattern) => {
      const data = write('values.csv', `v\n${HOSTILE}\n`)
      const schema = write('schema.json', JSON.stringify({ properties: { v: { type: 'string', pattern } } }))
      const out = join(tmp, 'validation.json')
      const run = await cli('validate', '--data', data, '--contract', schema, '--json', out)
      const checks = (JSON.parse(readFileSync(out, 'utf8')) as ValidationDocument).checks
      expect([run.code, checks.map((c) => [c.column, c.check, c.failures])]).toEqual([
        1,
        [['v', 'pattern', 1]]
      ])
    },
    5000
  )

  it.each<[string, string]>([
    ['(a)\\\\1', 'invalid escape sequence: `\\1`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?=a)b', 'invalid or unsupported Perl syntax: `(?=`']
  ])('%s, which the linear-time engine cannot run, is an error at its line', async (pattern, reason) => {
    const contract = write('unsafe.yml', `columns:\n  v:\n    pattern: "${pattern}"\n`)
    const run = await cli('validate', '--data', write('v.csv', 'v\nx\n'), '--contract', contract)
    expect([run.code, run.stderr]).toEqual([
      2,
      `ml-gate: ${contract}:3:14: columns.v.pattern: invalid regular expression: ${reason}; expected RE2 syntax (no backreferences, no lookaround: matching stays linear in the value)\n`
    ])
  })
})

// Fixed-length ASCII patterns run on V8's engine (faster); they must mean what they mean in RE2.
describe('fixed-length ASCII patterns', () => {
  const atom = fc.oneof(
    fc.constantFrom('a', 'Z', '7', '-', '@', ' ', '_', '\\d', '\\w', '\\.', '\\$', '\\*', '\\\\'),
    fc.constantFrom('[A-Z]', '[0-9]', '[a-f0-9]', '[\\-x]', '[\\w.]', '[ !-/]')
  )
  const pattern = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(atom, fc.option(fc.integer({ min: 0, max: 3 }))), { maxLength: 5 }),
      fc.boolean()
    )
    .map(([start, atoms, end]) => {
      const body = atoms.map(([a, n]) => (n === null ? a : `${a}{${n}}`)).join('')
      return `${start ? '^' : ''}${body}${end ? '$' : ''}`
    })
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', '7', '-', '@', ' ', '_', '.', '$', '*', '\\', 'é', '\n', '😀'),
    maxLength: 8
  })

  it('are recognised, and V8 and RE2 agree on every value', () => {
    fc.assert(
      fc.property(pattern, fc.array(value, { maxLength: 10 }), (source, values) => {
        expect(isFixedAscii(source)).toBe(true)
        const fast = compilePattern(source)
        const re2 = RE2JS.compile(source)
        for (const v of values) expect([v, fast.test(v)]).toEqual([v, re2.test(v)])
      }),
      { seed: 8, numRuns: 2000 }
    )
  })

  it("include the benchmark contract's code pattern, so validate keeps V8's speed on it", () => {
    expect(compilePattern('^[A-Z]{2}-[0-9]{4}$')).toBeInstanceOf(RegExp)
  })

  it.each(['^a+$', '^a*$', 'a|b', '^(ab){2}$', '^.{3}$', '^[^@]{2}$', '^\\s$', '^a{1,3}$', '^\\D$', '\\bx'])(
    '%s is not one of them (it runs on RE2)',
    (source) => {
      expect(isFixedAscii(source)).toBe(false)
      expect(compilePattern(source)).not.toBeInstanceOf(RegExp)
    }
  )
})
