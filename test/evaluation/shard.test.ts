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
import { expandGlob } from '../../src/io/glob.js'
import { MAX_FILES, shardFiles } from '../../src/io/partition.js'
import { mergeStep } from '../../src/steps/merge.js'
import { profileShardStep, profileStep } from '../../src/steps/profile.js'
import type { ProfileDocument } from '../../src/profile/profile.js'
import { UserInputError } from '../../src/errors.js'
import { DATASETS } from '../support/datasets.js'
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
