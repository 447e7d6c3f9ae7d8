/**
 * Candidate and baseline must describe the same evaluation: what `pairing` says and on which rows
 * each rule is judged, for predictions files with and without `model.id`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'
import { runGate } from '../../src/steps/gate.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { renderVerdictText } from '../../src/report/verdict-text.js'
import { resultFor, TODAY } from './fixtures.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-pairing-'))

interface Row {
  readonly id: number
  readonly job: string
  readonly label: number
  readonly score: number
}

/** 200 rows, ids 1..200: label alternates, scores spread so that recall is neither 0 nor 1. */
function rows(shift = 0, from = 1, to = 200): Row[] {
  const out: Row[] = []
  for (let id = from; id <= to; id++) {
    const label = id % 2
    const score = ((id * 37 + shift) % 100) / 100
    out.push({
      id,
      job: id % 3 === 0 ? 'fixed' : 'partime',
      label,
      score: label === 1 ? Math.min(1, score + 0.3) : score
    })
  }
  return out
}

function write(name: string, data: readonly Row[]): string {
  const file = join(dir, name)
  writeFileSync(
    file,
    ['id,Job,label,score', ...data.map((r) => `${r.id},${r.job},${r.label},${r.score}`)].join('\n') + '\n'
  )
  return file
}

function config(id: boolean, segments = 'segments: { columns: [Job], min_support: 10 }') {
  return parseConfig(
    [
      'version: 1',
      `model: { task: binary, predictions: c.csv, label: label, score: score${id ? ', id: id' : ''} }`,
      segments,
      'evaluation: { bootstrap: 200 }',
      'gates:',
      '  - { metric: recall, max_drop: 0.5, per_segment: true, mode: significant }',
      '  - { metric: recall, min: 0.1 }'
    ].join('\n') + '\n',
    'ml-gate.yml'
  )
}

async function verdictOf(
  candidate: string,
  baseline: string,
  id = true,
  segments?: string
): Promise<VerdictDocument> {
  return (await runGate({ config: config(id, segments), candidate, baseline, now: TODAY })).verdict
}

async function failure(candidate: string, baseline: string): Promise<string> {
  try {
    await verdictOf(candidate, baseline)
  } catch (error) {
    if (error instanceof UserInputError) return error.format()
    throw error
  }
  throw new Error('expected a UserInputError')
}

describe('pairing by model.id', () => {
  it('the same ids with the same labels, in another order: paired on every row, no note', async () => {
    const candidate = write('same-c.csv', rows(0))
    const baseline = write('same-b.csv', rows(11).reverse())
    const verdict = await verdictOf(candidate, baseline)
    expect(verdict.pairing).toEqual({
      paired: true,
      matched: 200,
      candidate_rows: 200,
      baseline_rows: 200,
      unpaired_segments: [],
      reason: 'paired by id: the 200 ids are the same in both files, with the same labels'
    })
    expect(verdict.paired).toBe(true)
    expect(verdict.notes).toEqual([])
    expect(resultFor(verdict, 'all', 'max_drop').reason).toContain('paired bootstrap interval of the drop')
    expect(renderVerdictText(verdict).split('\n')[1]).toBe(
      `candidate ${candidate} vs baseline ${baseline} (paired by id on all 200 rows)`
    )
  })

  it('ids in one file only: changes on the shared ids, min gates on the whole candidate, counts stated', async () => {
    const candidate = write('part-c.csv', rows(0, 1, 200))
    const baseline = write('part-b.csv', rows(11, 41, 260))
    const verdict = await verdictOf(candidate, baseline)
    const reason =
      "paired by id on the 160 ids both files share: 40 of the candidate's 200 rows and 60 of the baseline's 220 " +
      'are in one file only and left out of every comparison with the baseline; min and max gates judge all 200 ' +
      'candidate rows'
    expect(verdict.pairing).toEqual({
      paired: true,
      matched: 160,
      candidate_rows: 200,
      baseline_rows: 220,
      unpaired_segments: [],
      reason
    })
    expect(verdict.notes).toEqual([verdict.pairing.reason])
    expect(resultFor(verdict, 'all', 'max_drop').n).toBe(160)
    expect(resultFor(verdict, 'all', 'max_drop').reason).toContain('paired bootstrap interval of the drop')
    expect(resultFor(verdict, 'all', 'min').n).toBe(200)
    expect(renderVerdictText(verdict).split('\n')[1]).toBe(
      `candidate ${candidate} vs baseline ${baseline} (paired by id on the 160 shared ids (candidate 200 rows, baseline 220))`
    )
  })

  it('a baseline with more rows: the candidate is compared whole, the baseline on its ids', async () => {
    const verdict = await verdictOf(write('sub-c.csv', rows(0, 1, 150)), write('sub-b.csv', rows(11, 1, 200)))
    expect(verdict.pairing).toMatchObject({
      paired: true,
      matched: 150,
      candidate_rows: 150,
      baseline_rows: 200
    })
    expect(verdict.pairing.reason).toMatch(
      /^paired by id on the 150 ids both files share: 0 of the candidate's 150 rows and 50 of the baseline's 200 /
    )
    expect(resultFor(verdict, 'all', 'max_drop').n).toBe(150)
    expect(resultFor(verdict, 'all', 'max_drop').reason).toContain('paired bootstrap interval of the drop')
  })

  it('no id in common is bad input: not the same evaluation set', async () => {
    const candidate = write('none-c.csv', rows(0, 1, 100))
    const baseline = write('none-b.csv', rows(0, 101, 200))
    expect(await failure(candidate, baseline)).toBe(
      `${candidate}: no id of the id column 'id' is also in the baseline ${baseline}: the two files are not the ` +
        'same evaluation set, so the models cannot be compared. Predict both models on the same rows'
    )
  })

  it('a shared id whose label differs is bad input, naming the id and both lines', async () => {
    const candidate = write('label-c.csv', rows(0))
    const flipped = rows(11).map((r) => (r.id === 57 ? { ...r, label: 1 - r.label } : r))
    const baseline = write('label-b.csv', flipped)
    expect(await failure(candidate, baseline)).toBe(
      `${candidate}:58: the id 57 has the label 1 here and 0 in the baseline (${baseline}:58): the two files are ` +
        'not the same evaluation set. Predict both models on the same labelled rows'
    )
  })

  it('a segment column that differs for the same id: those segments are listed, their changes unpaired', async () => {
    const candidate = write('seg-c.csv', rows(0))
    const moved = rows(11).map((r) =>
      r.id <= 30 ? { ...r, job: r.job === 'fixed' ? 'partime' : 'fixed' } : r
    )
    const baseline = write('seg-b.csv', moved)
    const verdict = await verdictOf(candidate, baseline)
    expect(verdict.pairing.unpaired_segments).toEqual(['Job=fixed', 'Job=partime'])
    expect(verdict.pairing.reason).toBe(
      'paired by id: the 200 ids are the same in both files, with the same labels; 2 segments (Job=fixed, Job=partime) ' +
        'hold different rows in the two files (a segment column differs for the same id): their changes are unpaired'
    )
    expect(resultFor(verdict, 'Job=fixed', 'max_drop').reason).toContain(
      'unpaired normal (no paired interval: candidate and baseline were not scored on the same rows'
    )
    expect(resultFor(verdict, 'all', 'max_drop').reason).toContain('paired bootstrap interval')
    expect(renderVerdictText(verdict).split('\n')[1]).toMatch(
      /\(paired by id on all 200 rows; 2 segments unpaired\)$/
    )
  })

  it('bins on the score: segments are each model’s own output, never claimed paired', async () => {
    const verdict = await verdictOf(
      write('bins-c.csv', rows(0)),
      write('bins-b.csv', rows(11)),
      true,
      'segments: { bins: { score: [0, 0.5, 1] }, min_support: 10 }'
    )
    expect(verdict.pairing.unpaired_segments).toEqual(['score=[0,0.5)', 'score=[0.5,1)', 'score=[1,inf)'])
    expect(verdict.pairing.reason).toBe(
      'paired by id: the 200 ids are the same in both files, with the same labels; 3 segments (score=[0,0.5), ' +
        "score=[0.5,1), score=[1,inf)) hold different rows in the two files; segments of 'score' are defined by each model's own " +
        'output, so the same segment holds different rows for each model: their changes are unpaired'
    )
  })

  it('without model.id: unpaired, and the note says why', async () => {
    const verdict = await verdictOf(write('noid-c.csv', rows(0)), write('noid-b.csv', rows(11)), false)
    expect(verdict.pairing).toEqual({
      paired: false,
      matched: null,
      candidate_rows: 200,
      baseline_rows: 200,
      unpaired_segments: [],
      reason:
        'no id to pair on: unpaired intervals (normal approximation from each model’s own interval); set model.id ' +
        'for paired ones'
    })
    expect(verdict.notes).toEqual([verdict.pairing.reason])
    expect(resultFor(verdict, 'all', 'max_drop').reason).toContain('unpaired normal interval')
  })
})
