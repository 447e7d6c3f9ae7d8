/**
 * Validation in shards, in process: each shared dataset against a contract that fails, with drift
 * against a reference, split into 1, 2, 3 and 7 shards, by files (5 files of the data, 3 of the
 * reference) and by byte ranges (one file each), each shard's state written as JSON and read back,
 * merged: the document one run writes, bit for bit (drift p-values included).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadContract } from '../../src/contract/load.js'
import type { ValidationDocument } from '../../src/contract/validate.js'
import type { ValidationPieceState } from '../../src/contract/validation-state.js'
import { VALIDATION } from '../../src/documents/validation.js'
import { UserInputError } from '../../src/errors.js'
import { contractAnnotations } from '../../src/report/annotations.js'
import { renderValidationText } from '../../src/report/validation.js'
import { mergeStep } from '../../src/steps/merge.js'
import { validateFile } from '../../src/steps/validate.js'
import { validateShardStep } from '../../src/steps/validate-shard.js'
import { DATASETS } from '../support/datasets.js'
import { splitFiles } from '../support/split-files.js'

/** Contracts that break: `min` some rows break, `unique` on repeats and on the id, `nullable` on missing values, `in` short of a category. */
const CONTRACTS: Record<string, string> = {
  credit: `
columns:
  id: { type: integer, unique: true }
  Home: { type: string, nullable: false, in: [rent, owner, parents, other] }
  Marital: { in: [married, single, separated] }
  Job: { unique: true }
  Age: { type: integer, min: 30 }
  score: { type: number, unique: true, min: 0.05 }
  label: { type: integer }
  prediction: { type: integer }
rows: { min: 1000 }
`,
  penguins: `
columns:
  id: { type: integer, unique: true }
  island: { in: [Biscoe, Dream] }
  sex: { nullable: false }
  label: { unique: true }
  score_Adelie: { type: number, min: 0.5 }
  score_Gentoo: { type: number, unique: true }
extra_columns: warn
`,
  sacramento: `
columns:
  id: { type: integer, unique: true }
  type: { in: [Residential, Condo] }
  beds: { type: integer, min: 3 }
  label: { type: integer, unique: true }
  prediction: { type: number, min: 100000 }
`
}

const SHARDS = [1, 2, 3, 7]

/** The dataset's reference: the baseline's predictions, or else the candidate's odd rows. */
function referenceOf(dataset: string, dir: string): string {
  const predictions = join(DATASETS, dataset, 'predictions')
  if (dataset === 'credit') return join(predictions, 'baseline.csv')
  const [header, ...rows] = readFileSync(join(predictions, 'candidate.csv'), 'utf8').trimEnd().split('\n')
  const file = join(dir, 'reference.csv')
  writeFileSync(file, [header, ...rows.filter((_, i) => i % 2 === 1)].join('\n') + '\n')
  return file
}

interface Inputs {
  readonly data: string
  readonly reference: string
  readonly contract: string
}

async function mergedShards(inputs: Inputs, count: number, dir: string): Promise<ValidationDocument> {
  const paths: string[] = []
  for (let index = 1; index <= count; index++) {
    const { state } = await validateShardStep({ ...inputs, shard: { index, count } })
    const path = join(dir, `validation-${count}-${index}.json`)
    writeFileSync(path, JSON.stringify(state))
    paths.push(path)
  }
  const result = await mergeStep(paths.reverse())
  if (result.kind !== 'validation') throw new Error(`merged a ${result.kind}`)
  return result.document
}

async function single(inputs: Inputs): Promise<ValidationDocument> {
  return validateFile({ ...inputs, contract: await loadContract(inputs.contract), globs: true })
}

describe.each(Object.keys(CONTRACTS))('%s validated in shards', (dataset) => {
  const dir = mkdtempSync(join(tmpdir(), `ml-gate-vshard-${dataset}-`))
  const contract = join(dir, 'contract.yml')
  writeFileSync(contract, CONTRACTS[dataset])
  const file = join(DATASETS, dataset, 'predictions', 'candidate.csv')
  const reference = referenceOf(dataset, dir)
  const byBytes: Inputs = { data: file, reference, contract }
  const byFiles: Inputs = {
    data: splitFiles(file, dir),
    reference: splitFiles(reference, dir, 3, 'reference'),
    contract
  }
  const wholeBytes = single(byBytes)
  const wholeFiles = single(byFiles)

  it('fails checks and measures drift (the comparison below compares something)', async () => {
    const document = await wholeBytes
    expect(document.summary.errors).toBeGreaterThanOrEqual(4)
    expect(document.checks.filter((c) => c.check === 'unique' && c.failures > 0).length).toBeGreaterThan(0)
    expect(document.drift.filter((d) => d.p_value !== null).length).toBeGreaterThan(1)
  })

  it.each(SHARDS)('by bytes, %i shards: the single run over the file, bit for bit', async (count) => {
    expect(await mergedShards(byBytes, count, dir)).toEqual(await wholeBytes)
  })

  it.each(SHARDS)('by files, %i shards: the single run over the glob, bit for bit', async (count) => {
    expect(await mergedShards(byFiles, count, dir)).toEqual(await wholeFiles)
  })
})

describe('a failure’s line after merging', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-lines-'))
  const contract = join(dir, 'contract.yml')
  writeFileSync(contract, CONTRACTS.credit)
  const file = join(DATASETS, 'credit', 'predictions', 'candidate.csv')
  const nullable = (d: ValidationDocument) =>
    d.checks.find((c) => c.column === 'Home' && c.check === 'nullable')

  it('names the line of the file (by bytes) and the file and its line (by files)', async () => {
    // The one missing Home of candidate.csv is on line 1197 (id 2996), in shard 5 of 7.
    const bytes = await mergedShards({ data: file, reference: file, contract }, 7, dir)
    expect(nullable(bytes)?.examples).toEqual([{ line: 1197, value: null }])
    // 365 rows a file: row 1195 is row 100 of part-3.csv, on its line 102.
    const glob = splitFiles(file, dir)
    const files = await mergedShards({ data: glob, reference: file, contract }, 3, dir)
    expect(nullable(files)?.examples).toEqual([{ file: join(dir, 'part-3.csv'), line: 102, value: null }])
    expect(files.files).toEqual([0, 1, 2, 3, 4].map((f) => ({ file: join(dir, `part-${f}.csv`), rows: 365 })))
    // The published schema describes `files` and an example's `file`.
    expect(VALIDATION.check(JSON.parse(JSON.stringify(files)))).toMatchObject({ valid: true })
    // The report and the annotations name that file.
    const part = join(dir, 'part-3.csv')
    expect(renderValidationText(files)).toContain(`${part} line 102: missing`)
    expect(contractAnnotations([files]).filter((a) => a.file === part && a.line === 102)).toHaveLength(1)
  })

  it('keys each drift row as a single run does: rows before the byte range, file index · 2³²', async () => {
    const ageKeys = (piece: ValidationPieceState) =>
      [...piece.drift.find((d) => d.column === 'Age')!.collector.reservoir.rowKeys].sort((a, b) => a - b)
    const inputs = { data: file, reference: file, contract }
    const shards = await Promise.all(
      [1, 2, 3].map((index) => validateShardStep({ ...inputs, shard: { index, count: 3 } }))
    )
    const [a, b, c] = shards.map((s) => s.state.pieces[0])
    expect([a.rows, b.rows, c.rows].reduce((x, y) => x + y)).toBe(1825)
    expect(ageKeys(c)).toEqual(Array.from({ length: c.rows }, (_, i) => a.rows + b.rows + i))
    const glob = splitFiles(file, dir)
    const { state } = await validateShardStep({ ...inputs, data: glob, shard: { index: 2, count: 3 } })
    expect(state.pieces.map((p) => [p.file_index, p.rows])).toEqual([
      [1, 365],
      [4, 365]
    ])
    expect(ageKeys(state.pieces[1])).toEqual(Array.from({ length: 365 }, (_, i) => 4 * 2 ** 32 + i))
  })
})

describe('a JSON Schema contract in shards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-schema-'))
  const contract = join(dir, 'contract.json')
  writeFileSync(
    contract,
    JSON.stringify({
      type: 'object',
      required: ['sex'],
      properties: { island: { enum: ['Biscoe', 'Dream'] }, score_Adelie: { type: 'number', minimum: 0.5 } }
    })
  )
  const file = join(DATASETS, 'penguins', 'predictions', 'candidate.csv')

  it('by bytes and by files, 3 shards: the single run', async () => {
    const count = 3
    for (const data of [file, splitFiles(file, dir)]) {
      const inputs = { data, reference: file, contract }
      const document = await single(inputs)
      expect(document.checks.map((c) => [c.column, c.check, c.failures])).toEqual([
        ['island', 'in', 27],
        ['sex', 'nullable', 6],
        ['score_Adelie', 'min', 44]
      ])
      expect(await mergedShards(inputs, count, dir)).toEqual(document)
    }
  })
})

describe('unique across byte shards', () => {
  it('tells integer 1, decimal 1.0 and string "1" apart, as a single run does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-kinds-'))
    // JSON Lines keeps a string "1" a string; CSV keeps 1.0 a decimal (JSON.parse makes it 1).
    const data = join(dir, 'kinds.jsonl')
    const values = ['1', '"1"', '2', '1', '"1"', '"2"', '2', '1', 'true', '"true"', 'true']
    writeFileSync(data, values.map((v) => `{"v": ${v}}\n`).join(''))
    const csv = join(dir, 'kinds.csv')
    writeFileSync(csv, ['v', '1', '1.0', '2', '1', '1.0', '2.0', '2', '1'].join('\n') + '\n')
    const contract = join(dir, 'contract.yml')
    writeFileSync(contract, 'columns:\n  v: { unique: true }\n')
    const duplicates = (d: ValidationDocument) => {
      const unique = d.checks.find((c) => c.check === 'unique')!
      return [unique.failures, unique.examples.map((e) => [e.line, e.value])]
    }
    const jsonl = { data, reference: data, contract }
    const table = { data: csv, reference: csv, contract }
    const [a, b] = [await single(jsonl), await single(table)]
    expect(duplicates(a)).toEqual([
      5,
      [
        [4, 1],
        [5, '1'],
        [7, 2],
        [8, 1],
        [11, true]
      ]
    ])
    expect(duplicates(b)).toEqual([
      4,
      [
        [5, 1],
        [6, 1],
        [8, 2],
        [9, 1]
      ]
    ])
    for (const count of [2, 3, 7]) {
      expect(await mergedShards(jsonl, count, dir)).toEqual(a)
      expect(await mergedShards(table, count, dir)).toEqual(b)
    }
  })
})

describe('--data as a glob', () => {
  it('names one file where globs are not asked for (the action’s matched files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-literal-'))
    writeFileSync(join(dir, 'x[1].csv'), 'id\n1\n2\n')
    writeFileSync(join(dir, 'x1.csv'), 'id\n1\n')
    const file = join(dir, 'x[1].csv')
    expect((await validateFile({ data: file, reference: file })).rows).toBe(2)
    expect((await validateFile({ data: file, reference: file, globs: true })).rows).toBe(1)
  })

  it('whose files differ in their columns is one error naming the file and the columns expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-columns-'))
    writeFileSync(join(dir, 'a.csv'), 'id,x\n1,2\n')
    writeFileSync(join(dir, 'b.csv'), 'id,y\n2,3\n')
    const run = validateFile({ data: join(dir, '*.csv'), reference: join(dir, 'a.csv'), globs: true })
    await expect(run).rejects.toThrow(UserInputError)
    await expect(run.catch((e: UserInputError) => Promise.reject(new Error(e.format())))).rejects.toThrow(
      `${join(dir, 'b.csv')}: its columns are id, y: expected the columns of ${join(dir, 'a.csv')}, the first file of the input: id, x`
    )
  })
})

describe('merging validation states that do not belong together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-vshard-errors-'))
  const file = join(DATASETS, 'penguins', 'predictions', 'candidate.csv')
  const contract = join(dir, 'contract.yml')
  writeFileSync(contract, CONTRACTS.penguins)
  const other = join(dir, 'other.yml')
  writeFileSync(other, `${CONTRACTS.penguins}rows: { min: 1 }\n`)

  const state = async (index: number, count: number, contractFile: string): Promise<string> => {
    const { state } = await validateShardStep({ data: file, contract: contractFile, shard: { index, count } })
    const path = join(dir, `state-${index}-${count}-${contractFile === contract ? 'a' : 'b'}.json`)
    writeFileSync(path, JSON.stringify(state))
    return path
  }
  const failure = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => 'no error',
      (e: unknown) => (e instanceof UserInputError ? e.format() : String(e))
    )

  it('refuses a state of another contract', async () => {
    const first = await state(1, 2, contract)
    const second = await state(2, 2, other)
    const message = await failure(mergeStep([first, second]))
    expect(message).toMatch(
      new RegExp(
        `^${second}: validated with other settings than ${first}: contract: this state "${other}", the first "${contract}", contract_sha256: this state "[0-9a-f]{64}", the first "[0-9a-f]{64}"; expected every shard validated alike$`
      )
    )
  })

  it('refuses a state its schema does not describe, at its line', async () => {
    const bad = join(dir, 'bad.json')
    const parsed = JSON.parse(readFileSync(await state(1, 1, contract), 'utf8')) as {
      settings: { seed: unknown }
    }
    parsed.settings.seed = 'forty-two'
    writeFileSync(bad, JSON.stringify(parsed, null, 2))
    expect(await failure(mergeStep([bad]))).toMatch(
      new RegExp(`^${bad}:\\d+:\\d+: settings\\.seed: expected an integer, got a string$`)
    )
  })

  it('refuses a shard missing', async () => {
    const paths = [await state(1, 3, contract), await state(3, 3, contract)]
    expect(await failure(mergeStep(paths))).toBe(
      'ml-gate merge: shard 2 of 3 missing: expected the state of every shard (a shard that read nothing still writes one)'
    )
  })

  it('refuses a contract changed since the shards ran', async () => {
    const changing = join(dir, 'changing.yml')
    writeFileSync(changing, CONTRACTS.penguins)
    const { state: only } = await validateShardStep({
      data: file,
      contract: changing,
      shard: { index: 1, count: 1 }
    })
    const path = join(dir, 'changing-state.json')
    writeFileSync(path, JSON.stringify(only))
    writeFileSync(changing, `${CONTRACTS.penguins}\n`)
    expect(await failure(mergeStep([path]))).toMatch(
      new RegExp(
        `^${changing}: the contract's sha256 is [0-9a-f]{64}, but the shards were validated with [0-9a-f]{64}: expected the contract the shards were validated with$`
      )
    )
  })
})
