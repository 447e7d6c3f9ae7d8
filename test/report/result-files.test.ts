import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserInputError } from '../../src/errors.js'
import { collectAuditTrail } from '../../src/report/audit.js'
import { readResults } from '../../src/report/result-files.js'
import { candidateDocuments, candidatesVerdict, type CandidatesCase } from './candidate-fixtures.js'
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

describe('readResults with several named candidates', () => {
  const named = (which: CandidatesCase, change: (files: Record<string, unknown>) => void = () => {}) => {
    const documents = candidateDocuments(which)
    change(documents)
    return folder(Object.fromEntries(Object.entries(documents).map(([name, d]) => [name, JSON.stringify(d)])))
  }

  it('reads each candidate’s evaluation; the candidate is the winner’s, or the first’s without one', async () => {
    const results = await readResults(named('winner'))
    expect(results.candidates.map((c) => [c.name, c.evaluation.path, c.evaluation.document.file])).toEqual([
      ['gbm-depth4', join(dir, 'evaluation-candidate-gbm-depth4.json'), 'predictions/gbm4.csv'],
      ['gbm-depth8', join(dir, 'evaluation-candidate-gbm-depth8.json'), 'predictions/gbm8.csv'],
      ['logreg-l1', join(dir, 'evaluation-candidate-logreg-l1.json'), 'predictions/l1.csv']
    ])
    expect(results.candidate?.path).toBe(join(dir, 'evaluation-candidate-gbm-depth8.json'))
    rmSync(dir, { recursive: true, force: true })
    expect((await readResults(named('none'))).candidate?.path).toBe(
      join(dir, 'evaluation-candidate-gbm-depth4.json')
    )
  })

  it('lists every candidate’s evaluation and predictions in the audit trail, by name', async () => {
    const results = await readResults(named('winner'))
    const audit = await collectAuditTrail(results, { config: null, commit: null, version: '0.1.0' })
    expect(audit.files.map((f) => [f.role, f.path.replace(dir, 'DIR')])).toEqual([
      ['verdict', 'DIR/verdict.json'],
      ['evaluation of candidate gbm-depth4', 'DIR/evaluation-candidate-gbm-depth4.json'],
      ['evaluation of candidate gbm-depth8', 'DIR/evaluation-candidate-gbm-depth8.json'],
      ['evaluation of candidate logreg-l1', 'DIR/evaluation-candidate-logreg-l1.json'],
      ['baseline evaluation', 'DIR/evaluation-baseline.json'],
      ['predictions of candidate gbm-depth4', 'predictions/gbm4.csv'],
      ['predictions of candidate gbm-depth8', 'predictions/gbm8.csv'],
      ['predictions of candidate logreg-l1', 'predictions/l1.csv'],
      ['baseline predictions', 'predictions/baseline.csv']
    ])
  })

  it('says which evaluation is missing, and refuses a name that is no candidate name or a winner not among them', async () => {
    expect(
      await failure(named('winner', (files) => delete files['evaluation-candidate-logreg-l1.json']))
    ).toBe(
      `${join(dir, 'evaluation-candidate-logreg-l1.json')}: not found; ${join(dir, 'verdict.json')} names the candidate logreg-l1, ` +
        'whose evaluation the gate step writes there (expected an ml-gate/evaluation@1 document; upload the whole results folder)'
    )
    rmSync(dir, { recursive: true, force: true })
    const renamed = (name: string) =>
      named('winner', (files) => {
        const verdict = files['verdict.json'] as ReturnType<typeof candidatesVerdict>
        files['verdict.json'] = {
          ...verdict,
          candidates: verdict.candidates!.map((c, i) => (i === 2 ? { ...c, name } : c))
        }
      })
    // The verdict schema's name pattern refuses it before any file is named after it.
    const refused = await failure(renamed('../../etc/passwd'))
    expect(refused.startsWith(`${join(dir, 'verdict.json')}:1:`)).toBe(true)
    expect(refused).toMatch(/:1:\d+: candidates\[2\]\.name: does not match the schema \(pattern\)$/)
    rmSync(dir, { recursive: true, force: true })
    const path = named('winner', (files) => {
      files['verdict.json'] = { ...(files['verdict.json'] as object), winner: 'gbm-depth9' }
    })
    expect(await failure(path)).toBe(
      `${join(dir, 'verdict.json')}: winner "gbm-depth9" is not one of its candidates ` +
        '(gbm-depth4, gbm-depth8, logreg-l1); expected one of them or null'
    )
  })
})
