import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import { cli } from '../support/cli.js'
import { readOracle } from '../support/datasets.js'

const CANDIDATE = 'examples/credit/predictions/candidate.csv'
const binary = ['--task', 'binary', '--label', 'label', '--score', 'score', '--bootstrap', '100']
const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-evaluate-'))

function file(name: string, text: string): string {
  const path = join(tmp, name)
  writeFileSync(path, text)
  return path
}

describe('ml-gate evaluate', () => {
  it('prints the headline metrics per segment and writes every metric to the document', async () => {
    const run = await cli(
      'evaluate',
      '--predictions',
      CANDIDATE,
      ...binary,
      '--segment',
      'Job',
      '--json',
      '-'
    )
    expect(run.code).toBe(0)
    const document = JSON.parse(run.stdout) as EvaluationDocument
    const oracle = readOracle('credit').metrics.candidate
    const partime = document.segments.find((s) => s.key === 'Job=partime')!
    expect(partime.n).toBe(178)
    expect(partime.metrics.recall.value).toBeCloseTo(
      oracle.find((s) => s.key === 'Job=partime')!.recall as number,
      12
    )
    expect(document.segments.map((s) => s.key)).toEqual([
      'all',
      'Job=fixed',
      'Job=freelance',
      'Job=others',
      'Job=partime'
    ])
    const text = await cli('evaluate', '--predictions', CANDIDATE, ...binary, '--segment', 'Home')
    expect(text.stdout.split('\n')[0]).toBe(
      'examples/credit/predictions/candidate.csv: 1825 rows, binary (values with 95% confidence intervals)'
    )
    // The one applicant without a Home, and the 12 with Home=ignore, are too few to judge.
    expect(text.stdout).toMatch(/\nHome= \* +1 /)
    expect(text.stdout).toMatch(/\nHome=ignore \* +12 /)
    expect(text.stdout).toContain('* 2 segments below min_support (30 rows): reported, not gated')
  })

  it('crosses and bins name their segments as documented', async () => {
    const run = await cli(
      'evaluate',
      '--predictions',
      CANDIDATE,
      ...binary,
      '--bins',
      'Age=18,30,45,60,100',
      '--cross',
      'Home,Job',
      '--min-support',
      '100',
      '--json',
      '-'
    )
    const document = JSON.parse(run.stdout) as EvaluationDocument
    const keys = document.segments.map((s) => s.key)
    expect(keys.slice(0, 5)).toEqual(['all', 'Age=[18,30)', 'Age=[30,45)', 'Age=[45,60)', 'Age=[60,100)'])
    expect(keys).toContain('Home=owner&Job=fixed')
    expect(document.segments.find((s) => s.key === 'Age=[60,100)')).toMatchObject({
      n: 61,
      insufficient: true
    })
  })

  it.each<[string, string[], string]>([
    [
      'a column typo',
      ['--label', 'labl'],
      "the label column 'labl' is not a column of examples/credit/predictions/candidate.csv (did you mean 'label'?)"
    ],
    [
      'a task typo',
      ['--task', 'binry'],
      "--task: expected one of binary, multiclass, regression, got 'binry'"
    ],
    [
      'a bad bin',
      ['--bins', 'Age=30,18'],
      "--bins Age: bin edges of 'Age' must increase strictly; 30 is followed by 18"
    ],
    ['a bad threshold', ['--threshold', '1.5'], "--threshold: expected a number in [0, 1], got '1.5'"]
  ])('%s is bad input', async (_, args, message) => {
    const run = await cli('evaluate', '--predictions', CANDIDATE, ...binary, ...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  it.each<[string, string, string]>([
    [
      'score above 1',
      'id,label,score\n1,0,0.2\n2,1,1.3\n',
      ":3: score 'score' must be a probability in [0, 1]; found 1.3"
    ],
    [
      'missing score',
      'id,label,score\n1,0,0.2\n2,1,\n',
      ":3: score 'score' must be a probability in [0, 1]; found a missing value"
    ],
    ['missing label', 'id,label,score\n1,,0.2\n', ":2: label 'label' is missing; every row needs a label"],
    ['empty file', '', ': empty file: expected a header line']
  ])('%s is reported at its line', async (name, text, message) => {
    const path = file(`${name.replace(/ /g, '-')}.csv`, text)
    const run = await cli('evaluate', '--predictions', path, ...binary)
    expect([run.code, run.stderr]).toEqual([2, `ml-gate: ${path}${message}\n`])
  })

  it('regression and multiclass tasks take a prediction column', async () => {
    const regression = await cli(
      'evaluate',
      '--predictions',
      'test/datasets/sacramento/predictions/candidate.csv',
      '--task',
      'regression',
      '--label',
      'label',
      '--prediction',
      'prediction',
      '--json',
      '-'
    )
    expect(Object.keys((JSON.parse(regression.stdout) as EvaluationDocument).segments[0].metrics)).toEqual(
      expect.arrayContaining(['mae', 'rmse', 'r2', 'mape', 'median_ae'])
    )
    const path = file('classes.csv', 'label,prediction\na,a\nb,c\nc,c\n')
    const multiclass = await cli(
      'evaluate',
      '--predictions',
      path,
      '--task',
      'multiclass',
      '--label',
      'label',
      '--prediction',
      'prediction',
      '--json',
      '-'
    )
    const document = JSON.parse(multiclass.stdout) as EvaluationDocument
    expect(document.classes).toEqual(['a', 'b', 'c'])
    expect(document.segments[0].metrics.accuracy.value).toBeCloseTo(2 / 3, 15)
  })
})

describe('segment columns with too many values', () => {
  it('are bad input at the row that brings the 1,001st segment, not a run out of memory', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${i},${i % 2},0.${(i * 7) % 10}`)
    const path = file('ids.csv', `id,label,score\n${rows.join('\n')}\n`)
    const run = await cli('evaluate', '--predictions', path, ...binary, '--segment', 'id')
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `ml-gate: ${path}:1002: segments of 'id': more than 1000 distinct segments (this row brings "id=1000"); ` +
        'each segment keeps its own metrics (about 130 KB), so a column of ids or free text cannot be a segment. ' +
        'Segment by a column with fewer values, or bin a numeric one (`bins`)\n'
    )
  })
})

describe('a repeated --id', () => {
  it('is bad input (exit 2) at its second line, naming the first: no intervals collapsed by copies', async () => {
    const rows = Array.from(
      { length: 110 },
      (_, i) => `${i % 60 === 41 && i > 60 ? 41 : i},${i % 2},0.${i % 10}`
    )
    const path = file('repeated.csv', `id,label,score\n${rows.join('\n')}\n`)
    const run = await cli('evaluate', '--predictions', path, ...binary, '--id', 'id')
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `ml-gate: ${path}:103: the id column 'id' repeats the id 41, first seen at line 43; every row needs a ` +
        "distinct id (rows sharing an id cannot be matched one to one with the other model's rows, and would be " +
        'resampled together, narrowing every interval)\n'
    )
  })
})
