import { describe, expect, it } from '@jest/globals'
import {
  contractAnnotations,
  limitPerLevel,
  summaryAnnotations,
  type ReportAnnotation
} from '../../src/report/annotations.js'
import { creditValidation, creditVerdict } from './report-fixtures.js'
import { candidatesVerdict } from './candidate-fixtures.js'

describe('annotations', () => {
  it('puts every failing example of the contract at its file and line', () => {
    const annotations = contractAnnotations([creditValidation()])
    expect(annotations.map((a) => [a.level, a.line, a.message])).toEqual([
      ['failure', 46, '"unknown" breaks in: expected one of: ignore, other, owner, parents, priv, rent'],
      ['failure', 47, '"unknown" breaks in: expected one of: ignore, other, owner, parents, priv, rent'],
      ['failure', 19, '-500 breaks min: expected >= 0'],
      ['failure', 232, '-20 breaks min: expected >= 0'],
      ['failure', 913, '-1 breaks min: expected >= 0'],
      ['warning', 602, '140 breaks max: expected <= 100']
    ])
  })

  it('places Parquet rows at line 1, naming the row', () => {
    const doc = { ...creditValidation(), unit: 'row' as const, checks: [creditValidation().checks[2]] }
    expect(contractAnnotations([doc])).toEqual([
      {
        level: 'warning',
        title: 'ml-gate: Age: max',
        message: '140 (row 602) breaks max: expected <= 100',
        file: 'data/incoming.csv',
        line: 1
      }
    ])
  })

  it('summarises worst gate results first, then checks by failures', () => {
    const titles = summaryAnnotations(creditVerdict(), [creditValidation()]).map((a) => [
      a.level,
      a.title,
      a.line ?? null
    ])
    expect(titles).toEqual([
      ['failure', 'ml-gate: recall max_drop 0.05', null],
      ['failure', 'ml-gate: recall max_drop 0.05', null],
      ['failure', 'ml-gate: recall max_drop 0.05', null],
      ['failure', 'ml-gate: recall max_drop 0.05', null],
      ['failure', 'ml-gate: Amount: min', 19],
      ['failure', 'ml-gate: Home: in', 46],
      ['warning', 'ml-gate: Age: max', 602]
    ])
  })

  it('keeps 10 per level, the tenth counting the rest', () => {
    const make = (level: ReportAnnotation['level'], n: number) =>
      Array.from({ length: n }, (_, i) => ({ level, title: 't', message: `${level} ${i}` }))
    const kept = limitPerLevel([...make('warning', 10), ...make('failure', 25)], 10, 'the job summary')
    expect(kept.map((a) => a.message)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `failure ${i}`),
      '16 more failures not shown as annotations; see the job summary',
      ...Array.from({ length: 10 }, (_, i) => `warning ${i}`)
    ])
  })
})

describe('annotations of several named candidates', () => {
  it('annotates every candidate’s failures, titled with its name, in the leaderboard’s order', () => {
    const annotations = summaryAnnotations(candidatesVerdict('none'), [])
    expect(annotations.map((a) => [a.level, a.title, a.message.slice(0, 24)])).toEqual([
      ['failure', 'ml-gate: gbm-depth4: recall max_drop 0.05', 'recall for Home=priv fel'],
      ['failure', 'ml-gate: gbm-depth8: recall max_drop 0.05', 'recall for Home=priv fel'],
      ['failure', 'ml-gate: logreg-l1: recall max_drop 0.05', 'recall for Job=partime f'],
      ['failure', 'ml-gate: logreg-l1: recall max_drop 0.05', 'recall for Home=priv fel'],
      ['failure', 'ml-gate: logreg-l1: recall max_drop 0.05', 'recall for Home=other fe'],
      ['failure', 'ml-gate: logreg-l1: recall max_drop 0.05', 'recall for all fell 0.48']
    ])
  })
})
