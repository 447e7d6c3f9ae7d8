/**
 * Sharding end to end, in process: each shared dataset split into 1, 2, 3 and 7 shards, by files
 * (every Nth file of a list) and by byte ranges (one file), each shard's state written as JSON and
 * read back, merged: the document one run writes. By files bit for bit; by bytes every count,
 * row digest and segment exactly, and the floating-point sums to their last bits (see
 * `evaluation-state.ts`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { EvaluateSettings } from '../../src/config/evaluate-settings.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { evaluateFiles, evaluateShard } from '../../src/evaluation/evaluate-input.js'
import { evaluationDocument } from '../../src/evaluation/evaluate.js'
import type { EvaluationStateDocument } from '../../src/evaluation/evaluation-state.js'
import { DISTINCT_IDS } from '../../src/evaluation/row-ids.js'
import { expandGlob } from '../../src/io/glob.js'
import { MAX_FILES, shardFiles } from '../../src/io/partition.js'
import { mergeStep } from '../../src/steps/merge.js'
import { profileShardStep, profileStep } from '../../src/steps/profile.js'
import type { ProfileDocument } from '../../src/profile/profile.js'
import { UserInputError } from '../../src/errors.js'
import { DATASETS, readCsv } from '../support/datasets.js'
import { splitFiles } from '../support/split-files.js'

const common = { minSupport: 30, confidence: 0.95, bootstrap: { replicates: 50, seed: 42 } }
const model = { score_prefix: 'score_', positive: 1, threshold: 0.5 } as const

const CASES: [string, EvaluateSettings][] = [
  [
    'credit',
    {
      ...common,
      model: { ...model, task: 'binary', label: 'label', score: 'score' },
      segments: { columns: ['Home', 'Job'], bins: { Age: [18, 30, 45, 60, 100] }, cross: [] }
    }
  ],
  [
    'penguins',
    {
      ...common,
      model: { ...model, task: 'multiclass', label: 'label', prediction: 'prediction', id: 'id' },
      segments: { columns: ['island'], bins: {}, cross: [] }
    }
  ],
  [
    'sacramento',
    {
      ...common,
      model: { ...model, task: 'regression', label: 'label', prediction: 'prediction' },
      segments: { columns: ['type'], bins: {}, cross: [] }
    }
  ]
]

const SHARDS = [1, 2, 3, 7]

/** The dataset's predictions as 5 files of consecutive rows, and their glob. */
function splitPredictions(dataset: string, dir: string): string {
  return splitFiles(join(DATASETS, dataset, 'predictions', 'candidate.csv'), dir)
}

async function merged(input: string, count: number, settings: EvaluateSettings, dir: string) {
  const files = await expandGlob(input)
  const paths: string[] = []
  for (let index = 1; index <= count; index++) {
    const { state } = await evaluateShard(input, files, { index, count }, settings)
    const path = join(dir, `state-${count}-${index}.json`)
    writeFileSync(path, JSON.stringify(state))
    paths.push(path)
  }
  const result = await mergeStep(paths.reverse())
  if (result.kind !== 'evaluation') throw new Error(`merged a ${result.kind}`)
  return result.document
}

async function mergedProfile(input: string, count: number, dir: string): Promise<ProfileDocument> {
  const paths: string[] = []
  for (let index = 1; index <= count; index++) {
    const { state } = await profileShardStep(input, { index, count }, {}, 5)
    const path = join(dir, `profile-${count}-${index}.json`)
    writeFileSync(path, JSON.stringify(state))
    paths.push(path)
  }
  const result = await mergeStep(paths)
  if (result.kind !== 'profile') throw new Error(`merged a ${result.kind}`)
  return result.document
}

/** The document with every number rounded to 12 significant digits and base64 replicates left out. */
function rounded(document: EvaluationDocument | ProfileDocument): unknown {
  return JSON.parse(JSON.stringify(document), (key, value: unknown) => {
    if (key === 'replicates' || key === 'values' || key === 'weights') return typeof value
    return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value
  })
}

describe.each(CASES)('%s split into shards', (dataset, settings) => {
  const dir = mkdtempSync(join(tmpdir(), `ml-gate-shard-${dataset}-`))

  it.each(SHARDS)('by files, %i shards: the single run over the list, bit for bit', async (count) => {
    const input = splitPredictions(dataset, dir)
    const single = evaluationDocument(await evaluateFiles(input, await expandGlob(input), settings))
    expect(await merged(input, count, settings, dir)).toEqual(single)
  })

  it.each(SHARDS)('by bytes, %i shards: the single run over the file', async (count) => {
    const file = join(DATASETS, dataset, 'predictions', 'candidate.csv')
    const single = evaluationDocument(await evaluateFiles(file, [file], settings))
    const document = await merged(file, count, settings, dir)
    expect(document.segments.map((s) => [s.key, s.n, s.state?.digest])).toEqual(
      single.segments.map((s) => [s.key, s.n, s.state?.digest])
    )
    expect(rounded(document)).toEqual(rounded(single))
  })

  it.each(SHARDS)('profile by files and by bytes, %i shards: the single run’s profile', async (count) => {
    const input = splitPredictions(dataset, dir)
    const file = join(DATASETS, dataset, 'predictions', 'candidate.csv')
    for (const whole of [input, file]) {
      const single = await profileStep(whole, {}, 5)
      const document = await mergedProfile(whole, count, dir)
      // Mean and std are merged pairwise (Chan et al.), not row by row: equal to rounding.
      expect(rounded(document)).toEqual(rounded(single))
      const exact = (d: ProfileDocument) => d.columns.map((c) => ({ ...c, mean: null, std: null }))
      expect(exact(document)).toEqual(exact(single))
    }
  })
})

describe('a byte-sharded file whose every weight is 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-shard-weights-'))
  const file = join(dir, 'zero-weights.csv')
  const rows = Array.from({ length: 40 }, (_, i) => `${i % 2},${((i * 37) % 100) / 100},0`)
  writeFileSync(file, ['label,score,w', ...rows].join('\n') + '\n')
  const settings: EvaluateSettings = {
    ...common,
    model: { ...model, task: 'binary', label: 'label', score: 'score', weight: 'w' },
    segments: { columns: [], bins: {}, cross: [] }
  }

  /** What `p` fails with, as the CLI prints it. */
  const failure = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => 'no error',
      (e: unknown) => (e instanceof UserInputError ? e.format() : String(e))
    )

  it('fails at the merge as the single run fails, where each shard alone passes', async () => {
    const expected =
      `${file}: every row's weight 'w' is 0: there is nothing to evaluate; ` +
      'expected at least one positive weight'
    expect(await failure(evaluateFiles(file, [file], settings))).toBe(expected)
    expect(await failure(merged(file, 3, settings, dir))).toBe(expected)
  })
})

describe('a single run over a list longer than MAX_FILES', () => {
  it('fails as the shards of the list fail, before reading a file whose row keys would pass 2⁵³', async () => {
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => `missing-${i}.csv`)
    const [settings] = CASES.map(([, s]) => s)
    const message = `${MAX_FILES + 1} files: expected at most ${MAX_FILES} in one list`
    await expect(evaluateFiles('missing-*.csv', files, settings)).rejects.toThrow(message)
    expect(() => shardFiles(files, { index: 1, count: 2 })).toThrow(message)
  })
})

describe('an id repeated across shards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-shard-ids-'))
  const settings: EvaluateSettings = {
    ...common,
    model: { ...model, task: 'binary', label: 'label', score: 'score', id: 'id' },
    segments: { columns: [], bins: {}, cross: [] }
  }
  /** 60 rows, ids `name(1)` to `name(60)` but the row at line 51 has `name(again)` (7: line 8's). */
  const rows = (name: (i: number) => string, again = 7) =>
    Array.from(
      { length: 60 },
      (_, i) => `${name(i === 49 ? again : i + 1)},${i % 2},${((i * 37) % 100) / 100}`
    )
  const reason = DISTINCT_IDS

  const failure = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => 'no error',
      (e: unknown) => (e instanceof UserInputError ? e.format() : String(e))
    )

  /** The shards' state files, each shard's state read back. */
  async function states(
    file: string,
    count: number
  ): Promise<{ path: string; state: EvaluationStateDocument }[]> {
    const out = []
    for (let index = 1; index <= count; index++) {
      const { state } = await evaluateShard(file, [file], { index, count }, settings)
      const path = join(dir, `ids-${count}-${index}.json`)
      writeFileSync(path, JSON.stringify(state))
      out.push({ path, state })
    }
    return out
  }

  it.each([
    ['an integer', (i: number) => String(i), '7'],
    ['a text', (i: number) => `r${i}`, '"r7"']
  ])(
    '%s id in two byte ranges: the merge fails, naming it, both ranges and both states',
    async (_, name, shown) => {
      const file = join(dir, `ids-${shown.length}.csv`)
      writeFileSync(file, ['id,label,score', ...rows(name)].join('\n') + '\n')
      expect(await failure(evaluateFiles(file, [file], settings))).toBe(
        `${file}:51: the id column 'id' repeats the id ${shown}, first seen at line 8; ${reason}`
      )
      const shards = await states(file, 3)
      expect(shards.map((s) => s.state.pieces[0].range?.line)).toEqual([2, 22, 42])
      const [first, , third] = shards
      const range = ({ state }: (typeof shards)[number]) => {
        const r = state.pieces[0].range!
        return `bytes ${r.start}-${r.end} (from line ${r.line})`
      }
      expect(await failure(mergeStep(shards.map((s) => s.path)))).toBe(
        `${third.path}: the id column 'id' repeats the id ${shown} across shards: ` +
          `${file} ${range(third)} (${third.path}) and ${file} ${range(first)} (${first.path}) both hold it; ` +
          `${reason}. The states keep no lines: a single run over ${file} names both`
      )
      // In one range, the shard itself fails as the single run does, at the same lines.
      expect(await failure(evaluateShard(file, [file], { index: 1, count: 1 }, settings))).toBe(
        `${file}:51: the id column 'id' repeats the id ${shown}, first seen at line 8; ${reason}`
      )
    }
  )

  it('no false alarm: distinct ids in 7 byte ranges merge into the single run’s document', async () => {
    const file = join(dir, 'distinct.csv')
    writeFileSync(file, ['id,label,score', ...rows(String, 61)].join('\n') + '\n')
    const single = evaluationDocument(await evaluateFiles(file, [file], settings))
    const result = await mergeStep((await states(file, 7)).map((s) => s.path))
    expect(result.kind === 'evaluation' && rounded(result.document)).toEqual(rounded(single))
  })

  it('in two files of a list: accepted by the merge as by a single run over the list', async () => {
    const [header, ...lines] = ['id,label,score', ...rows(String, 61)]
    writeFileSync(join(dir, 'list-0.csv'), [header, ...lines.slice(0, 30)].join('\n') + '\n')
    // Id 1 again, in the second file.
    writeFileSync(join(dir, 'list-1.csv'), [header, '1,1,0.5', ...lines.slice(30)].join('\n') + '\n')
    const input = join(dir, 'list-*.csv')
    const single = evaluationDocument(await evaluateFiles(input, await expandGlob(input), settings))
    expect(single.rows).toBe(61)
    expect(await merged(input, 2, settings, dir)).toEqual(single)
  })
})

describe('byte shards of JSON Lines, and of CSV with quoted newlines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-shard-text-'))
  const [, credit] = CASES[0]

  const failure = (p: Promise<unknown>): Promise<string> =>
    p.then(
      () => 'no error',
      (e: unknown) => (e instanceof UserInputError ? e.format() : String(e))
    )

  it.each(SHARDS)('credit as JSON Lines, %i shards: the single run over the file', async (count) => {
    const { header, rows } = readCsv(join(DATASETS, 'credit', 'predictions', 'candidate.csv'))
    const value = (text: string) => (text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text)
    const file = join(dir, 'credit.jsonl')
    const records = rows.map((row) =>
      JSON.stringify(Object.fromEntries(header.map((h, i) => [h, value(row[i])])))
    )
    writeFileSync(file, records.join('\n') + '\n')
    const single = evaluationDocument(await evaluateFiles(file, [file], credit))
    expect(single.rows).toBe(rows.length)
    expect(rounded(await merged(file, count, credit, dir))).toEqual(rounded(single))
  })

  const settings: EvaluateSettings = {
    ...common,
    model: { ...model, task: 'binary', label: 'label', score: 'score' },
    segments: { columns: ['note'], bins: {}, cross: [] }
  }
  /** 40 rows over 80 lines: every other row's note spans three lines; the row at `bad` has score 1.5. */
  function quoted(name: string, bad: number | null): string {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const note = i % 2 === 0 ? `"a\nquoted, ""note""\n${i % 3}"` : 'plain'
      return `${i % 2},${i === bad ? 1.5 : ((i * 37) % 100) / 100},${note}`
    })
    const file = join(dir, name)
    writeFileSync(file, ['label,score,note', ...rows].join('\n') + '\n')
    return file
  }

  it.each([2, 3, 7])(
    'CSV with quoted newlines, %i shards: the single run’s rows, segments and failure line',
    async (count) => {
      const file = quoted('quoted.csv', null)
      const single = evaluationDocument(await evaluateFiles(file, [file], settings))
      expect(single.segments.map((s) => [s.key, s.n])).toEqual([
        ['all', 40],
        ['note=a\nquoted, %22note%22\n0', 7],
        ['note=a\nquoted, %22note%22\n1', 6],
        ['note=a\nquoted, %22note%22\n2', 7],
        ['note=plain', 20]
      ])
      expect(rounded(await merged(file, count, settings, dir))).toEqual(rounded(single))
      // Row 30 (0-based) starts at line 2 + 15 · 3 + 15 · 1 = 62.
      const bad = quoted('bad.csv', 30)
      const whole = await failure(evaluateFiles(bad, [bad], settings))
      expect(whole).toBe(`${bad}:62: score 'score' must be a probability in [0, 1]; found 1.5`)
      const found: string[] = []
      for (let index = 1; index <= count; index++) {
        const message = await failure(evaluateShard(bad, [bad], { index, count }, settings))
        if (message !== 'no error') found.push(message)
      }
      expect(found).toEqual([whole])
    }
  )
})

describe('multiclass without probability columns: classes found per shard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-shard-classes-'))
  const [, penguins] = CASES[1]
  // No column starts with `none_`: the classes are the labels and predictions found in the rows.
  const settings: EvaluateSettings = { ...penguins, model: { ...penguins.model, score_prefix: 'none_' } }
  const file = join(DATASETS, 'penguins', 'predictions', 'candidate.csv')

  it.each(SHARDS)(
    '%i shards by bytes and by files: the single run’s document, bit for bit',
    async (count) => {
      const single = evaluationDocument(await evaluateFiles(file, [file], settings))
      expect(single.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo'])
      expect(await merged(file, count, settings, dir)).toEqual(single)
      const input = splitPredictions('penguins', dir)
      const list = evaluationDocument(await evaluateFiles(input, await expandGlob(input), settings))
      expect(await merged(input, count, settings, dir)).toEqual(list)
    }
  )

  it('each byte shard reads only its own range for its classes (fewer than 2: the whole file’s)', async () => {
    const classes: string[][] = []
    for (let index = 1; index <= 7; index++) {
      const { state } = await evaluateShard(file, [file], { index, count: 7 }, settings)
      expect(state.classes).toEqual([])
      const overall = state.pieces[0].segments[0].state
      classes.push('classes' in overall ? [...overall.classes] : [])
    }
    // Shards 1 and 2 hold only Adelie rows: they take the whole file's classes.
    expect(classes).toEqual([
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['Adelie', 'Gentoo'],
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['Adelie', 'Chinstrap']
    ])
  })
})
