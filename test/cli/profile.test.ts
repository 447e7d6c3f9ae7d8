import { describe, expect, it } from '@jest/globals'
import type { ProfileDocument } from '../../src/profile/profile.js'
import { cli } from '../support/cli.js'

describe('ml-gate profile', () => {
  it('prints one line per column with the numbers', async () => {
    const run = await cli('profile', 'examples/credit/data/train.csv', '--top', '2')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('examples/credit/data/train.csv: 2629 rows, 15 columns (csv)')
    expect(lines.find((l) => l.startsWith('Age '))!.split(/\s{2,}/)).toEqual([
      'Age',
      'integer',
      '2629',
      '0',
      '50',
      '18',
      '68',
      '36.9711',
      '11.0055'
    ])
    expect(lines.find((l) => l.startsWith('Home '))).toMatch(/"owner" \(1199\), "rent" \(597\)$/)
  })

  it('--json - writes only the document', async () => {
    const run = await cli('profile', 'examples/credit/data/train.csv', '--json', '-')
    const document = JSON.parse(run.stdout) as ProfileDocument
    expect([document.schema, document.rows, document.columns.length]).toEqual(['ml-gate/profile@1', 2629, 15])
  })

  it.each<[string[], string]>([
    [['profile'], "ml-gate: ml-gate profile: expected one FILE, got nothing; see 'ml-gate profile --help'\n"],
    [
      ['profile', 'a.csv', '--topp', '3'],
      "ml-gate: ml-gate profile: unknown option '--topp' (did you mean '--top'?); see 'ml-gate profile --help'\n"
    ],
    [
      ['profile', 'examples/credit/data/train.csv', '--top', 'x'],
      "ml-gate: --top: expected a whole number >= 0, got 'x'\n"
    ]
  ])('%j is bad input', async (args, message) => {
    const run = await cli(...args)
    expect([run.code, run.stderr]).toEqual([2, message])
  })
})

it('suggests the closest command for a typo', async () => {
  const run = await cli('profil', 'a.csv')
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(
    /^ml-gate: unknown command 'profil' \(did you mean 'profile'\?\)\. Commands: profile, validate, infer, evaluate/
  )
})
