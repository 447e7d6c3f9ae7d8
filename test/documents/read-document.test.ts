import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import verdictSchema from '../../schemas/verdict.schema.json' with { type: 'json' }
import { EVALUATION } from '../../src/documents/evaluation.js'
import { type DocumentKind, parseDocument } from '../../src/documents/read-document.js'
import { VALIDATION } from '../../src/documents/validation.js'
import { VERDICT } from '../../src/gates/verdict-file.js'
import { UserInputError } from '../../src/errors.js'
import { readEvaluationDocument } from '../../src/steps/gate.js'
import { readResults } from '../../src/report/result-files.js'
import { creditCandidate, creditValidation, creditVerdict } from '../report/report-fixtures.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-documents-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The formatted error a promise rejects with. */
function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UserInputError ? error.format() : String(error))
  )
}

function message(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('the document was accepted')
}

/** The credit verdict with one change, as the gate step writes it (two-space indent). */
function forgedVerdict(change: (document: Record<string, unknown>) => void): string {
  const document = creditVerdict() as unknown as Record<string, unknown>
  change(document)
  return JSON.stringify(document, null, 2)
}

const firstResult = (d: Record<string, unknown>) => (d.results as Record<string, unknown>[])[0]

describe('result documents are validated against their schemas before use', () => {
  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    [
      'a string where a count belongs',
      (d) => (firstResult(d).n = '<img src=x onerror=alert(1)>'),
      'verdict.json:40:12: results[0].n: expected an integer or null, got a string'
    ],
    [
      'a mention where a number belongs',
      (d) => (firstResult(d).candidate = '@octocat'),
      'verdict.json:36:20: results[0].candidate: expected a number or null, got a string'
    ],
    [
      'a negative count',
      (d) => ((d.counts as Record<string, number>).fail = -1),
      'verdict.json:18:13: counts.fail: expected a number >= 0, got one out of range'
    ],
    [
      'our own marker as the verdict',
      (d) => (d.verdict = '<!-- ml-gate:ml-gate.yml -->'),
      'verdict.json:3:14: verdict: expected one of "pass", "warn", "fail", got another value'
    ],
    ['no results', (d) => delete d.results, 'verdict.json:1:1: missing required key "results"'],
    [
      'results as an object',
      (d) => (d.results = {}),
      'verdict.json:25:14: results: expected an array, got an object'
    ],
    [
      'an interval that is a string',
      (d) => (firstResult(d).ci = 'x'),
      'verdict.json:41:13: results[0].ci: expected null or an array, got a string'
    ],
    [
      'an interval with a string in it',
      (d) => (firstResult(d).ci = [0, '1']),
      'verdict.json:43:9: results[0].ci[1]: expected a number, got a string'
    ],
    [
      'a p-value above 1',
      (d) => (firstResult(d).p_value = 2),
      'verdict.json:46:18: results[0].p_value: expected a number <= 1, got one out of range'
    ],
    [
      'a headline of 2 MB',
      (d) => (d.headline = 'x'.repeat(2_000_000)),
      'verdict.json:4:15: headline: expected at most 1048576 characters, got 2000000'
    ],
    [
      'an unknown count',
      (d) => ((d.counts as Record<string, number>).extra = 1),
      'verdict.json:16:13: counts: an unknown key (this object has a fixed set of keys)'
    ],
    [
      'an array instead of a document',
      (d) => {
        for (const key of Object.keys(d)) delete d[key]
      },
      'verdict.json:1:1: expected an ml-gate/verdict@1 document (its "schema" key; from `ml-gate gate --json` or the gate action), found no "schema" key'
    ]
  ])('%s', (_, change, expected) => {
    expect(message(() => parseDocument(forgedVerdict(change), 'verdict.json', VERDICT))).toBe(expected)
  })

  it('accepts the documents ml-gate writes', () => {
    const same = <T>(document: T, kind: DocumentKind<T>) =>
      expect(parseDocument(JSON.stringify(document), 'x.json', kind)).toEqual(document)
    same(creditVerdict(), VERDICT)
    same(creditCandidate(), EVALUATION)
    same(creditValidation(), VALIDATION)
  })

  it('the gate reads a candidate document only when it matches the schema', async () => {
    const evaluation = creditCandidate() as unknown as {
      segments: { metrics: Record<string, { value: unknown }> }[]
    }
    evaluation.segments[0].metrics.recall.value = '0.9 @octocat'
    const file = join(dir, 'candidate.json')
    writeFileSync(file, JSON.stringify(evaluation))
    const column = JSON.stringify(evaluation).indexOf('"0.9 @octocat"') + 1
    expect(await failure(readEvaluationDocument(file))).toBe(
      `${file}:1:${column}: segments[0].metrics.recall.value: expected a number or null, got a string`
    )
  })

  it('checks evaluation and validation documents as deeply', () => {
    const evaluation = creditCandidate() as unknown as { segments: { n: unknown }[] }
    evaluation.segments[1].n = -3
    expect(message(() => parseDocument(JSON.stringify(evaluation), 'e.json', EVALUATION))).toMatch(
      /^e\.json:1:\d+: segments\[1\]\.n: expected a number >= 0, got one out of range$/
    )
    const validation = creditValidation() as unknown as { checks: { examples: unknown }[] }
    validation.checks[0].examples = 'none'
    expect(message(() => parseDocument(JSON.stringify(validation), 'v.json', VALIDATION))).toMatch(
      /^v\.json:1:\d+: checks\[0\]\.examples: expected an array, got a string$/
    )
  })

  it('reads a forged results folder to one error naming the file, never a TypeError', async () => {
    const folder = join(dir, 'forged')
    mkdirSync(folder)
    writeFileSync(
      join(folder, 'verdict.json'),
      forgedVerdict((d) => (d.notes = [{ toString: 1 }]))
    )
    expect(await failure(readResults(folder))).toBe(
      `${folder}/verdict.json:388:5: notes[0]: expected a string, got an object`
    )
  })
})

describe('errors never quote the file', () => {
  it('a verdict.json symlinked to /etc/passwd-like text or to a JSON secret', async () => {
    const passwd = join(dir, 'passwd')
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\nhunter2:x:1000:1000::/home/h:/bin/sh\n')
    const secret = join(dir, 'secret.json')
    writeFileSync(secret, '{"token": "ghp_SECRETSECRETSECRET", "schema": "ghp_SECRET2"}')
    const messages: string[] = []
    for (const [name, target] of [
      ['a', passwd],
      ['b', secret]
    ]) {
      mkdirSync(join(dir, name))
      symlinkSync(target, join(dir, name, 'verdict.json'))
      messages.push(
        await readResults(join(dir, name)).then(
          () => '',
          (e: UserInputError) => e.format()
        )
      )
    }
    expect(messages).toEqual([
      `${dir}/a/verdict.json:1:1: not valid JSON: expected a value (an object, array, string, number, true, false or null), found 'r'; expected an ml-gate/verdict@1 document`,
      `${dir}/b/verdict.json:1:47: expected an ml-gate/verdict@1 document (its "schema" key; from \`ml-gate gate --json\` or the gate action), found another "schema" (a string)`
    ])
  })

  it.each<[string, string]>([
    ['{"a": 1,}', "1:9: not valid JSON: expected a double-quoted property name, found '}'"],
    ['{"a" 1}', "1:6: not valid JSON: expected ':' after the property name, found '1'"],
    ['[1, 2', "1:6: not valid JSON: expected ',' or ']', found the end of the file"],
    [
      '{"a": "x\u202ey',
      '1:11: not valid JSON: expected the closing " of a string, found the end of the file'
    ],
    [
      '{"a": "\u0000"}',
      '1:8: not valid JSON: expected no control character inside a string (write it as \\uXXXX), found U+0000'
    ],
    [
      '\u202e{}',
      '1:1: not valid JSON: expected a value (an object, array, string, number, true, false or null), found U+202E'
    ],
    ['{}\n{}', "2:1: not valid JSON: expected the end of the file, found '{'"],
    ['{"a": 01}', "1:8: not valid JSON: expected ',' or '}', found '1'"],
    ['{"a": -}', "1:8: not valid JSON: expected a digit, found '}'"],
    [
      '{"a": "\\x"}',
      "1:8: not valid JSON: expected a valid escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX), found '\\'"
    ],
    [
      '['.repeat(100_000),
      '1:100001: not valid JSON: expected a value (an object, array, string, number, true, false or null), found the end of the file'
    ]
  ])('syntax error %#', (text, expected) => {
    expect(message(() => parseDocument(text, 'v.json', VERDICT))).toBe(
      `v.json:${expected}; expected an ml-gate/verdict@1 document`
    )
  })

  it('quotes at most one character of any text it cannot use (property)', () => {
    const valid = JSON.stringify(creditVerdict(), null, 2)
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 8, unit: 'binary' }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut))
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mutated), (text) => {
        let shown: string
        try {
          parseDocument(text, 'F', VERDICT)
          return
        } catch (error) {
          expect(error).toBeInstanceOf(UserInputError)
          shown = (error as UserInputError).message
        }
        // Every word of the message that the file also holds is a word of the message's templates
        // or of the schema (its keys and allowed values), never data.
        for (const word of shown.split(/[^\w@./-]+/).filter((w) => w.length >= 4 && text.includes(w))) {
          expect(VOCABULARY).toContain(word)
        }
      }),
      { seed: 6, numRuns: 300 }
    )
  })
})

/** What a message about a verdict is made of: its templates, and the schema's keys and values. */
const VOCABULARY =
  JSON.stringify(verdictSchema) +
  ' not valid JSON: expected a value (an object, array, string, number, true, false or null), found the end ' +
  'of the file; expected an ml-gate/verdict@1 document (its "schema" key; from `ml-gate gate --json` or ' +
  'the gate action), found no "schema" key, another "schema" (a string) instead of an object an integer ' +
  "null, got another value, got one out of range: missing required key ',' or '}' ']' after the property " +
  'name, a double-quoted property name, a digit after the decimal point in the exponent, no control ' +
  'character inside a string, four hex digits, a valid escape, the closing " of a string'
