import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserInputError } from '../../src/errors.js'
import { readResults } from '../../src/report/result-files.js'
import { CREDIT_DIR } from './report-fixtures.js'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'ml-gate-results-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

async function failure(path: string): Promise<string> {
  try {
    await readResults(path)
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('readResults succeeded')
}

describe('readResults', () => {
  it('loads every document with its sha256, validations in name order', async () => {
    const results = await readResults(CREDIT_DIR)
    const bytes = readFileSync(join(CREDIT_DIR, 'verdict.json'))
    expect(results.verdict?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(results.verdict?.document.verdict).toBe('fail')
    expect(results.candidate?.document.segments[0].key).toBe('all')
    expect(results.validations.map((v) => v.path)).toEqual([join(CREDIT_DIR, 'validation.json')])
    dir = mkdtempSync(join(tmpdir(), 'unused-'))
  })

  it('takes a validation-only folder and ignores other files', async () => {
    const doc = readFileSync(join(CREDIT_DIR, 'validation.json'), 'utf8')
    const results = await readResults(
      folder({ 'validation-b.json': doc, 'validation-a.json': doc, 'notes.txt': 'x' })
    )
    expect(results.verdict).toBeNull()
    expect(results.validations.map((v) => v.path)).toEqual([
      join(dir, 'validation-a.json'),
      join(dir, 'validation-b.json')
    ])
  })

  it('names the line and column of broken JSON', async () => {
    const path = folder({ 'verdict.json': '{\n  "schema": "ml-gate/verdict@1",\n  "verdict": "pass",\n}' })
    expect(await failure(path)).toBe(
      `${join(dir, 'verdict.json')}:4:1: not valid JSON: expected a double-quoted property name, found '}'; expected an ml-gate/verdict@1 document`
    )
  })

  it('refuses a document of another kind under a result name', async () => {
    const path = folder({ 'evaluation-candidate.json': '{"schema": "ml-gate/verdict@1"}' })
    expect(await failure(path)).toBe(
      `${join(dir, 'evaluation-candidate.json')}:1:12: expected an ml-gate/evaluation@1 document (its "schema" key; from \`ml-gate evaluate --json\` or the evaluate action), found "ml-gate/verdict@1"`
    )
  })

  it('says what it expected in an empty or missing folder', async () => {
    expect(await failure(folder({ 'a.txt': '' }))).toBe(
      `no result documents in ${dir}: expected verdict.json, evaluation-candidate.json or validation*.json, as written by the gate, evaluate and validate-data steps; found a.txt`
    )
    expect(await failure(join(dir, 'missing'))).toBe(
      `cannot read the results folder ${join(dir, 'missing')} (ENOENT); expected the folder the validate, evaluate and gate steps wrote (default ml-gate-results)`
    )
  })
})
