/** Mistakes with several named candidates: one error each, at the config line or naming the flag. */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'
import { checkGates } from '../../src/gates/check-gates.js'
import { selectionSettings } from '../../src/gates/select.js'
import { parseCandidates } from '../../src/steps/candidate-list.js'

function formatted(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('expected a UserInputError')
}

const load = (lines: readonly string[]) => parseConfig(lines.join('\n') + '\n', 'ml-gate.yml')
const MODEL = ['version: 1', 'model:', '  task: binary', '  label: y', '  score: s']
const segments = ['segments: { columns: [Job] }']

describe('model.candidates in ml-gate.yml', () => {
  it.each([
    [
      'a duplicate name, at the duplicate',
      [
        ...MODEL,
        '  candidates:',
        '    - { name: gbm, predictions: a.csv }',
        '    - { name: gbm, predictions: b.csv }'
      ],
      "ml-gate.yml:8:15: model.candidates[1].name: the candidate name 'gbm' is already used by model.candidates[0]; names must be unique (each names its result file)"
    ],
    [
      'both predictions and candidates, at candidates',
      [...MODEL, '  predictions: p.csv', '  candidates:', '    - { name: gbm, predictions: a.csv }'],
      'ml-gate.yml:7:3: model: both `predictions` and `candidates`; give one candidate as `predictions: FILE`, or several as `candidates: [{name, predictions}]`, not both'
    ],
    [
      'a name that cannot name a file',
      [...MODEL, '  candidates:', '    - { name: gbm/4, predictions: a.csv }'],
      "ml-gate.yml:7:15: model.candidates[0].name: expected a name of letters, digits, '.', '_' and '-' (it names a file), e.g. gbm-depth4, got 'gbm/4'"
    ],
    [
      'an unknown selection mode',
      [...MODEL, '  predictions: p.csv', 'select: { metric: roc_auc, mode: best }'],
      "ml-gate.yml:7:34: select.mode: expected one of point, significant, got 'best'"
    ]
  ])('%s', (_, lines, expected) => {
    expect(formatted(() => load(lines))).toBe(expected)
  })
})

describe('select: checked against the catalog with the gates', () => {
  const check = (...lines: string[]) =>
    formatted(() => checkGates(load([...MODEL, '  predictions: p.csv', ...segments, ...lines])))
  it('an unknown metric, with the closest name', () => {
    expect(check('select: { metric: roc_auk }')).toMatch(
      /^ml-gate\.yml:8:19: select\.metric: unknown metric 'roc_auk' \(did you mean 'roc_auc'\?\); binary metrics: /
    )
  })
  it('a metric without a better direction', () => {
    expect(check('select: { metric: positive_rate }')).toBe(
      'ml-gate.yml:8:19: select.metric: positive_rate has no better direction (neither higher nor lower is better), so it cannot rank candidates; choose a metric such as roc_auc or log_loss'
    )
  })
  it('a segment of a column that is not configured', () => {
    expect(check('select: { metric: roc_auc, segment: Home=rent }')).toBe(
      "ml-gate.yml:8:37: select.segment: segment key 'Home=rent': column 'Home' is not a configured segment column; configured: Job (see the segments section)"
    )
  })
  it('defaults to the first gate with a direction, on all, point mode; with none, asks for select', () => {
    const gates = [
      'gates:',
      '  - { metric: positive_rate, across: Job, max_gap: 0.1 }',
      '  - { metric: recall, min: 0.5 }'
    ]
    expect(selectionSettings(load([...MODEL, '  predictions: p.csv', ...segments, ...gates]))).toEqual({
      metric: 'recall',
      segment: 'all',
      mode: 'point'
    })
    expect(formatted(() => selectionSettings(load([...MODEL, '  predictions: p.csv'])))).toBe(
      'ml-gate.yml:2:1: model: several named candidates are ranked by a metric, and no gate has one with a better direction to default to; add `select: { metric: roc_auc }` (or another metric) to the config'
    )
  })
})

describe('--candidate NAME=FILE and the candidate input', () => {
  const where = (i: number) => `--candidate #${i + 1}`
  it('reads FILE alone as the unnamed candidate, NAME=FILE entries as named ones, ./a=b.csv as a file', () => {
    expect(parseCandidates(['preds/c.csv'], where)).toEqual({ candidate: 'preds/c.csv' })
    expect(parseCandidates(['./a=b.csv'], where)).toEqual({ candidate: './a=b.csv' })
    expect(parseCandidates(['gbm=preds/g.csv', 'l1=x=y.csv'], where)).toEqual({
      candidates: [
        { name: 'gbm', input: 'preds/g.csv' },
        { name: 'l1', input: 'x=y.csv' }
      ]
    })
    expect(parseCandidates([], where)).toEqual({})
  })
  it.each([
    [
      ['=a.csv'],
      '--candidate #1: the name before = is empty; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv'
    ],
    [['gbm='], "--candidate #1: no file after 'gbm='; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv"],
    [
      ['my model=a.csv'],
      "--candidate #1: the name 'my model' may hold only letters, digits, '.', '_' and '-'; expected NAME=FILE, e.g. gbm-depth4=preds/gbm4.csv"
    ],
    [
      ['a=x.csv', 'y.csv'],
      '--candidate #2: several candidates must each be named, NAME=FILE (e.g. gbm-depth4=y.csv); one FILE alone is the unnamed candidate'
    ],
    [
      ['a=x.csv', 'a=y.csv'],
      "--candidate #2: the name 'a' is already given by --candidate #1; names must be unique"
    ]
  ])('%j', (entries, expected) => {
    expect(formatted(() => parseCandidates(entries, where))).toBe(expected)
  })
})
