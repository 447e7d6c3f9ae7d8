import { describe, expect, it } from '@jest/globals'
import { renderVerdictText } from '../../src/report/verdict-text.js'
import { candidatesVerdict } from './candidate-fixtures.js'
import { creditVerdict } from './report-fixtures.js'

describe('renderVerdictText with several named candidates', () => {
  it('names the winner on the second line, then the leaderboard and the selection', () => {
    expect(renderVerdictText(candidatesVerdict('winner')).split('\n').slice(0, 12)).toEqual([
      'PASS: gbm-depth8 wins: all 11 judged results passed (1 insufficient)',
      'winner gbm-depth8 (predictions/gbm8.csv) vs baseline predictions/baseline.csv (paired by id on all 1825 rows)',
      '',
      'Candidates, ranked by roc_auc on all, higher is better, significant mode:',
      'rank      candidate   verdict  roc_auc  interval        failures',
      '--------  ----------  -------  -------  --------------  -------------------------',
      '1 winner  gbm-depth8  pass       0.830  [0.807, 0.853]  0',
      '2         gbm-depth4  pass       0.825  [0.802, 0.848]  0',
      '—         logreg-l1   fail       0.834  [0.811, 0.857]  4: recall for Job=partime',
      'Selection: gbm-depth8 leads gbm-depth4 by 0.00511 in roc_auc on all: the 95% interval of the paired difference [0.00201, 0.00821] on 1825 ids (Holm over 1 comparison) lies above 0',
      '',
      'Gates:'
    ])
  })

  it('says a tie', () => {
    expect(renderVerdictText(candidatesVerdict('tie')).split('\n')[9]).toMatch(
      /^Tie: gbm-depth8 leads gbm-depth4 by 0.00511 .* includes 0: gbm-depth8 wins by point value$/
    )
  })

  it('with no winner lists the first failures of the other candidates before the first one’s details', () => {
    const lines = renderVerdictText(candidatesVerdict('none')).split('\n')
    expect(lines[1]).toBe(
      'first candidate gbm-depth4 (predictions/gbm4.csv) vs baseline predictions/baseline.csv (paired by id on all 1825 rows)'
    )
    expect(lines.slice(9, 19)).toEqual([
      'Selection: no candidate passes or warns: none is ranked',
      'No candidate passes; the details below are of the first, gbm-depth4.',
      'gbm-depth8: 1 failing',
      '  FAIL recall for Home=priv fell 0.677 → 0.419 (change -0.258), allowed drop 0.05: fail',
      'logreg-l1: 4 failing',
      '  FAIL recall for Job=partime fell 0.798 → 0.500 (change -0.298), allowed drop 0.05: fail',
      '  FAIL recall for Home=priv fell 0.677 → 0.419 (change -0.258), allowed drop 0.05: fail',
      '  FAIL recall for Home=other fell 0.656 → 0.547 (change -0.109), allowed drop 0.05: fail',
      '  … and 1 more in the JSON (--json)',
      ''
    ])
  })

  it('reads as before with one unnamed candidate', () => {
    const lines = renderVerdictText(creditVerdict()).split('\n')
    expect(lines.slice(1, 4)).toEqual([
      'candidate predictions/candidate.csv vs baseline predictions/baseline.csv (paired by id on all 1825 rows)',
      '',
      'Gates:'
    ])
  })
})
