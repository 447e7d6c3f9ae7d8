/**
 * Data in CI logs: the Actions runner runs a line whose start (after white space) is `::` as a
 * workflow command, and `##[name]` anywhere in a line in the older syntax. Segment values, file
 * names and cell values from a pull request's data reach the CLI's terminal text and the actions'
 * log lines; none may become a command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { logText } from '../../src/text/log-text.js'
import { cli } from '../support/cli.js'

const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-commands-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The lines the runner would take as commands, by its own rule (.NET TrimStart, then `::`; or `##[`). */
const commandLines = (text: string) =>
  text.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['))

describe('logText', () => {
  it('splits `::` at the start of any line, after any white space, and every `##[`', () => {
    expect(logText('::error::forged')).toBe(':\u2060:error::forged')
    expect(logText('ok\n \t\u00a0\u0085::add-mask::x\r::stop-commands::t')).toBe(
      'ok\n \t\u00a0\u0085:\u2060:add-mask::x\r:\u2060:stop-commands::t'
    )
    expect(logText('value ##[warning]v1 and ##[error]again')).toBe(
      'value #\u2060#[warning]v1 and #\u2060#[error]again'
    )
    expect(commandLines(logText('::a::b\n  ::c::d ##[e]f'))).toEqual([])
  })

  it('leaves every other text as it was, byte for byte', () => {
    for (const text of [
      'recall for Job=partime fell 0.798 → 0.500',
      'a::b',
      'x: ::y',
      '# heading',
      '##x [y]',
      ''
    ])
      expect(logText(text)).toBe(text)
  })
})

describe('the CLI with hostile data', () => {
  const rows = [
    'id,"::warning::col",label,score',
    ...Array.from({ length: 80 }, (_, i) => {
      const seg = ['"::error file=a.py,line=1::forged"', '"x\n::add-mask::secret"', '"##[warning]v1"'][i % 3]
      return `${i},${seg},${i % 2},${((i * 37) % 100) / 100}`
    })
  ]
  const predictions = join(tmp, 'predictions.csv')
  writeFileSync(predictions, rows.join('\n') + '\n')
  const binary = ['--task', 'binary', '--label', 'label', '--score', 'score', '--bootstrap', '100']

  it('prints segments from data without a workflow command on stdout', async () => {
    const run = await cli('evaluate', '--predictions', predictions, ...binary, '--segment', '::warning::col')
    expect(run.code).toBe(0)
    // A segment key starts with its column's name: here, a line of the table would start with `::`.
    expect(run.stdout).toContain('\n:\u2060:warning::col=x ::add-mask::secret')
    expect(run.stdout).toContain('#\u2060#[warning]v1')
    expect(commandLines(run.stdout)).toEqual([])
  })

  it('quotes a bad value from data without a workflow command on stderr', async () => {
    const bad = join(tmp, 'bad.csv')
    writeFileSync(bad, 'id,label,score\n1,1,0.5\n2,0,"##[error]x\n::error::y"\n')
    const run = await cli('evaluate', '--predictions', bad, ...binary)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${bad}:3:`)
    expect(commandLines(run.stderr)).toEqual([])
  })
})

describe("the actions' log lines", () => {
  it('go through logInfo: one line, no workflow command', async () => {
    const core = await import('../__fixtures__/core.js')
    jest.unstable_mockModule('@actions/core', () => core)
    const { logInfo } = await import('../../src/github/log.js')
    logInfo('data/x.csv: failed\n::add-mask::secret ##[error]forged')
    expect(core.info.mock.calls).toEqual([['data/x.csv: failed ::add-mask::secret #\u2060#[error]forged']])
  })
})
