/**
 * Evaluation documents are as good as the predictions files they were written from: gating two
 * documents gives the same results (statuses and numbers, paired intervals, Holm-adjusted levels)
 * as gating the two files, and a document evaluated with other settings is bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, parseConfig, type LoadedConfig } from '../../src/config/load.js'
import { configuredBaselineFile } from '../../src/config/baseline.js'
import { UserInputError } from '../../src/errors.js'
import { runGate } from '../../src/steps/gate.js'
import { evaluateSettingsFromConfig } from '../../src/config/evaluate-settings.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { evaluatePredictions, evaluationDocument } from '../../src/evaluation/evaluate.js'
import { TODAY } from './fixtures.js'

const CONFIG = 'test/fixtures/gates/credit.yml'

let loaded: LoadedConfig
let dir: string
let candidateDocument: EvaluationDocument
let baselineDocument: EvaluationDocument

/** Writes `document` as JSON in the temp folder; returns its path. */
async function write(name: string, document: unknown): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, JSON.stringify(document))
  return file
}

/** A copy of `document` (as read back from JSON) with `change` applied to it. */
function edited(document: EvaluationDocument, change: (d: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(document)) as Record<string, unknown>
  change(copy)
  return copy
}

function settingsOf(d: Record<string, unknown>): Record<string, unknown> {
  return d.settings as Record<string, unknown>
}

async function gateError(config: LoadedConfig, candidate: string, baseline: string): Promise<string> {
  try {
    await runGate({ config, candidate, baseline, now: TODAY })
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
  throw new Error('expected a UserInputError')
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml-gate-documents-'))
  loaded = await loadConfig(CONFIG)
  const settings = evaluateSettingsFromConfig(loaded.config)
  candidateDocument = evaluationDocument(
    await evaluatePredictions(loaded.config.model!.predictions!, settings)
  )
  baselineDocument = evaluationDocument(
    await evaluatePredictions(configuredBaselineFile(loaded.config.model)!, settings)
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('gating two evaluation documents', () => {
  it.each([
    [CONFIG, 23],
    ['examples/credit/ml-gate.yml', 23]
  ])(
    'gives the verdict of the two predictions files (%s): same statuses, numbers, pairing',
    async (file, count) => {
      const config = await loadConfig(file)
      const settings = evaluateSettingsFromConfig(config.config)
      const model = config.config.model!
      // The example names two candidates: its first, as one unnamed candidate.
      const candidateFile = model.predictions ?? model.candidates![0].predictions
      const fromPredictions = (await runGate({ config, candidate: candidateFile, now: TODAY })).verdict
      const candidate = await write(
        'c.json',
        evaluationDocument(await evaluatePredictions(candidateFile, settings))
      )
      const baseline = await write(
        'b.json',
        evaluationDocument(await evaluatePredictions(configuredBaselineFile(model)!, settings))
      )
      const fromDocuments = (await runGate({ config, candidate, baseline, now: TODAY })).verdict
      expect(fromPredictions.results).toHaveLength(count)
      expect(fromPredictions.paired).toBe(true)
      // Everything but the words of the pairing: documents say how they know the rows agree.
      const { pairing: documentsPairing, ...documents } = fromDocuments
      const { pairing: predictionsPairing, ...predictions } = fromPredictions
      expect(documents).toEqual(predictions)
      expect(documentsPairing).toEqual({
        ...predictionsPairing,
        reason: 'paired by id: both evaluations hold the same 1825 ids (their row digests agree)'
      })
    }
  )

  it('pairs on the stored replicates: the paired bootstrap interval of Job=partime', async () => {
    const candidate = await write('candidate.json', candidateDocument)
    const baseline = await write('baseline.json', baselineDocument)
    const verdict = (await runGate({ config: loaded, candidate, baseline, now: TODAY })).verdict
    const partime = verdict.results.find((r) => r.segment === 'Job=partime' && r.rule === 'max_drop')!
    expect(partime.status).toBe('fail')
    expect(partime.reason).toContain('paired bootstrap')
    expect(verdict.notes.some((n) => n.startsWith('no id to pair on'))).toBe(false)
  })

  it('does not pair documents without an id column, and says so', async () => {
    const text = (await import('node:fs')).readFileSync(CONFIG, 'utf8').replace('  id: id\n', '')
    const noId = parseConfig(text, CONFIG)
    const settings = evaluateSettingsFromConfig(noId.config)
    const candidate = await write(
      'candidate-no-id.json',
      evaluationDocument(await evaluatePredictions(noId.config.model!.predictions!, settings))
    )
    const baseline = await write(
      'baseline-no-id.json',
      evaluationDocument(await evaluatePredictions(configuredBaselineFile(noId.config.model)!, settings))
    )
    const fromDocuments = (await runGate({ config: noId, candidate, baseline, now: TODAY })).verdict
    const fromPredictions = (await runGate({ config: noId, now: TODAY })).verdict
    expect(fromDocuments.paired).toBe(false)
    expect(fromDocuments).toEqual(fromPredictions)
  })
})

describe('a document evaluated with other settings', () => {
  // Each setting of the credit config, changed in the candidate's document: [name, change, the document's value, the config's]
  const cases: readonly (readonly [string, (d: Record<string, unknown>) => void, string, string])[] = [
    ['model.task', (d) => (d.task = 'regression'), '"regression"', '"binary"'],
    ['model.label', (d) => (settingsOf(d).label = 'target'), '"target"', '"label"'],
    ['model.positive', (d) => (settingsOf(d).positive = 0), '0', '1'],
    ['model.threshold', (d) => (settingsOf(d).threshold = 0.3), '0.3', '0.5'],
    ['model.weight', (d) => (settingsOf(d).weight = 'w'), '"w"', 'null'],
    ['model.id', (d) => (settingsOf(d).id = null), 'null', '"id"'],
    ['evaluation.confidence', (d) => (settingsOf(d).confidence = 0.9), '0.9', '0.95'],
    ['evaluation.bootstrap', (d) => (settingsOf(d).bootstrap = 200), '200', '1000'],
    ['evaluation.seed', (d) => (settingsOf(d).seed = 7), '7', '42'],
    [
      'segments.columns',
      (d) => ((settingsOf(d).segments as Record<string, unknown>).columns = ['Job']),
      '["Job"]',
      '["Home","Job","Marital"]'
    ],
    [
      'segments.bins',
      (d) => ((settingsOf(d).segments as Record<string, unknown>).bins = { Age: [18, 40, 100] }),
      '[["Age",[18,40,100]]]',
      '[["Age",[18,30,45,60,100]]]'
    ],
    [
      'segments.cross',
      (d) => ((settingsOf(d).segments as Record<string, unknown>).cross = [['Home', 'Job']]),
      '[["Home","Job"]]',
      '[]'
    ],
    ['segments (a document without them)', (d) => delete settingsOf(d).segments, 'absent', '']
  ]

  it.each(cases)('is bad input naming %s, both values', async (name, change, mine, theirs) => {
    const candidate = await write('changed.json', edited(candidateDocument, change))
    const baseline = await write('baseline.json', baselineDocument)
    const message = await gateError(loaded, candidate, baseline)
    if (name.startsWith('segments (')) {
      // The schema requires them: the document is refused before any setting is compared.
      expect(message).toBe(`${candidate}:1:129: settings: missing required key "segments"`)
      return
    }
    // Two documents that differ: the candidate's is named against the baseline's...
    expect(message).toBe(
      `${candidate}: was evaluated with other settings than the baseline ${baseline}: ` +
        `${name}: this document's ${mine}, the baseline's ${theirs} (evaluate both with the same config)`
    )
    // ...and one document against the config, whatever the baseline is.
    const predictions = configuredBaselineFile(loaded.config.model)!
    expect(await gateError(loaded, candidate, predictions)).toBe(
      `${candidate}: was evaluated with other settings than the config: ` +
        `${name}: the document's ${mine}, the config's ${theirs} (evaluate it again with this config)`
    )
  })

  it('lists every differing setting, and names the baseline when only it differs', async () => {
    const candidate = await write('candidate.json', candidateDocument)
    const baseline = await write(
      'two-changes.json',
      edited(baselineDocument, (d) => {
        settingsOf(d).seed = 7
        settingsOf(d).bootstrap = 200
      })
    )
    expect(await gateError(loaded, loaded.config.model!.predictions!, baseline)).toBe(
      `${baseline}: was evaluated with other settings than the config: ` +
        `evaluation.bootstrap: the document's 200, the config's 1000; ` +
        `evaluation.seed: the document's 7, the config's 42 (evaluate it again with this config)`
    )
    expect(await gateError(loaded, candidate, baseline)).toBe(
      `${candidate}: was evaluated with other settings than the baseline ${baseline}: ` +
        `evaluation.bootstrap: this document's 1000, the baseline's 200; ` +
        `evaluation.seed: this document's 42, the baseline's 7 (evaluate both with the same config)`
    )
  })

  it('accepts the segment columns in another order and `--positive 1` for `positive: 1`', async () => {
    const reordered = await write(
      'reordered.json',
      edited(candidateDocument, (d) => {
        ;(settingsOf(d).segments as Record<string, unknown>).columns = ['Job', 'Marital', 'Home']
        settingsOf(d).positive = '1'
      })
    )
    const verdict = (await runGate({ config: loaded, candidate: reordered, now: TODAY })).verdict
    expect(verdict.verdict).toBe('fail')
  })
})
