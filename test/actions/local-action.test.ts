/**
 * Every action runs under GitHub's `@github/local-action` too: that runner imports the entry module
 * and calls its exported `run()`, so importing must not run the action, and `run()` must do exactly
 * what `node dist/<name>/index.js` does.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../support/github/runner-env.js'

const github = { url: 'http://127.0.0.1:9', state: { owner: 'octo-org', repo: 'credit-model' } }
const ACTIONS = ['canary', 'evaluate', 'gate', 'merge', 'monitor', 'report', 'run', 'validate-data']

describe.each(ACTIONS)('dist/%s/index.js imported', (name) => {
  it('exports run() and does nothing until it is called', async () => {
    const outcome = await runAction(`dist/${name}/index.js`, { github, start: 'import-only' })
    expect([outcome.code, outcome.stdout, outcome.stderr, outcome.outputs]).toEqual([0, '', '', {}])
  })
})

describe.each(ACTIONS)('dist/%s/index.js started as a script', (name) => {
  // A bundle whose entry code landed in a shared chunk would not know it is the script and exit 0
  // having done nothing: a silent pass. Without inputs, each must run and refuse, exit code 2.
  it('runs: without its inputs it stops with one error, exit code 2', async () => {
    const outcome = await runAction(`dist/${name}/index.js`, {
      github,
      workspace: mkdtempSync(join(tmpdir(), 'ml-gate-bare-'))
    })
    expect([outcome.code, outcome.annotations.map((a) => a.level)]).toEqual([2, ['error']])
  })
})

describe('run() of an imported action', () => {
  it('does what the script does: validate-data on the credit batch', async () => {
    const options = (results: string) => ({
      github,
      workspace: process.cwd(),
      actionYml: 'actions/validate-data/action.yml',
      inputs: {
        data: 'examples/credit/data/incoming.csv',
        contract: 'examples/credit/contracts/credit.yml',
        'results-dir': results
      }
    })
    const dir = mkdtempSync(join(tmpdir(), 'ml-gate-local-action-'))
    const [script, imported] = [
      await runAction('dist/validate-data/index.js', options(join(dir, 'a'))),
      await runAction('dist/validate-data/index.js', { ...options(join(dir, 'b')), start: 'import' })
    ]
    expect(imported.code).toBe(1)
    expect(imported.outputs.passed).toBe('false')
    const same = (run: typeof script) => ({
      code: run.code,
      annotations: run.annotations,
      outputs: { ...run.outputs, result: undefined, results: undefined }
    })
    expect(same(imported)).toEqual(same(script))
  })
})
