import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'
import { outsideWorkspace, type Workspace } from '../../src/io/workspace.js'
import { runAction } from '../support/github/runner-env.js'

// A workspace with data inside, a secret next to it (outside), and links of both kinds:
//   base/secret.csv
//   base/ws/data/train.csv
//   base/ws/data/out.csv        -> base/secret.csv      (a link pointing out)
//   base/ws/data/in.csv         -> base/ws/data/train.csv
//   base/ws/escape/             -> base/                (a folder link pointing out)
const base = realpathSync(mkdtempSync(join(tmpdir(), 'ml-gate-ws-')))
const root = join(base, 'ws')
mkdirSync(join(root, 'data'), { recursive: true })
mkdirSync(join(root, '.git'))
writeFileSync(join(base, 'secret.csv'), 'token\nghs_secret\n')
writeFileSync(join(root, 'data', 'train.csv'), 'a\n1\n')
writeFileSync(join(root, '.git', 'config'), '[http]\n')
symlinkSync(join(base, 'secret.csv'), join(root, 'data', 'out.csv'))
symlinkSync(join(root, 'data', 'train.csv'), join(root, 'data', 'in.csv'))
symlinkSync(base, join(root, 'escape'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

const confined: Workspace = { root, allowOutside: false }
/** Paths as a step sees them: relative to the current folder, which is the workspace in actions. */
const at = (path: string) => relative(process.cwd(), join(root, path))

describe('outsideWorkspace', () => {
  it.each([
    ['a file inside', 'data/train.csv'],
    ['a link to a file inside', 'data/in.csv'],
    ['a file not written yet, in a folder not made yet', 'results/new/verdict.json'],
    ['a glob inside', 'data/*.csv'],
    ['the workspace itself', '.']
  ])('accepts %s', (_, path) => {
    expect(outsideWorkspace(at(path), confined)).toBeNull()
  })

  it.each([
    ['.. out of the workspace', '../secret.csv', join(base, 'secret.csv')],
    ['.. hidden in the middle', 'data/../../secret.csv', join(base, 'secret.csv')],
    ['a link to a file outside', 'data/out.csv', join(base, 'secret.csv')],
    ['a file under a folder link pointing out', 'escape/secret.csv', join(base, 'secret.csv')],
    ['a glob under a folder link pointing out', 'escape/*.csv', base],
    // The OS resolves `escape/..` to the parent of the link's target, not to the workspace.
    ['.. after a link, as the OS resolves it', 'escape/ws/../secret.csv', join(base, 'secret.csv')]
  ])('refuses %s, naming where it resolves', (_, path, target) => {
    expect(outsideWorkspace(at(path), confined)).toBe(
      `'${at(path)}' resolves to ${target}, outside the workspace ${root}`
    )
  })

  it('refuses an absolute path outside', () => {
    expect(outsideWorkspace('/etc/passwd', confined)).toBe(
      `'/etc/passwd' resolves to /etc/passwd, outside the workspace ${root}`
    )
  })

  it("refuses '..' after a wildcard, which a glob would follow", () => {
    const path = `${at('data')}/*/../../secret.csv` // not joined: join would remove the '..'
    expect(outsideWorkspace(path, confined)).toBe(
      `'${path}' has '..' after a wildcard, which could leave the workspace ${root}`
    )
  })

  it('refuses the .git folder, where actions/checkout keeps the token', () => {
    expect(outsideWorkspace(at('.git/config'), confined)).toBe(
      `'${at('.git/config')}' is in the workspace's .git folder, which can hold credentials`
    )
  })

  it('accepts everything when outside paths are allowed', () => {
    for (const path of ['/etc/passwd', at('data/out.csv'), at('../secret.csv'), at('.git/config')])
      expect(outsideWorkspace(path, { root, allowOutside: true })).toBeNull()
  })
})

describe('loadConfig with a workspace', () => {
  function config(name: string, text: string): string {
    const file = join(root, name)
    writeFileSync(file, text)
    return at(name)
  }
  async function failure(file: string, workspace: Workspace = confined): Promise<string> {
    try {
      await loadConfig(file, { workspace })
    } catch (error) {
      if (error instanceof UserInputError) return error.format()
      throw error
    }
    throw new Error('expected an error')
  }
  const allowHint =
    "in a workflow ml-gate reads and writes only inside the workspace. Set the action input 'allow-outside-workspace: true' in the workflow to allow it"

  it('names the config line of a path that leaves the workspace, and how to allow it', async () => {
    const file = config(
      'escape.yml',
      'version: 1\ndata:\n  - path: data/train.csv\n  - path: ../secret.csv\n'
    )
    expect(await failure(file)).toBe(
      `${file}:4:11: data[1].path: '${at('../secret.csv')}' resolves to ${join(base, 'secret.csv')}, outside the workspace ${root}; ${allowHint}`
    )
  })

  it('follows symbolic links: a contract that links out is refused at its line', async () => {
    const file = config(
      'link.yml',
      'version: 1\ndata:\n  - path: data/train.csv\n    contract: data/out.csv\n'
    )
    expect(await failure(file)).toBe(
      `${file}:4:15: data[0].contract: '${at('data/out.csv')}' resolves to ${join(base, 'secret.csv')}, outside the workspace ${root}; ${allowHint}`
    )
  })

  it('refuses absolute paths: model.baseline and report.output', async () => {
    const baseline = config(
      'abs.yml',
      'version: 1\nmodel:\n  task: binary\n  label: y\n  score: s\n  predictions: p.csv\n  baseline: /etc/passwd\n'
    )
    expect(await failure(baseline)).toBe(
      `${baseline}:7:13: model.baseline: '/etc/passwd' resolves to /etc/passwd, outside the workspace ${root}; ${allowHint}`
    )
    const output = config('out.yml', 'version: 1\nreport:\n  output: /tmp\n')
    expect(await failure(output)).toMatch(new RegExp(`^${output}:3:11: report.output: '/tmp' resolves to`))
  })

  it('loads them when the workspace allows outside paths (the action input), and never for a config key', async () => {
    const text = 'version: 1\ndata:\n  - path: ../secret.csv\n    contract: data/out.csv\n'
    const plain = config('plain.yml', text)
    expect((await loadConfig(plain, { workspace: { root, allowOutside: true } })).config.data).toHaveLength(1)
    // A pull request can edit ml-gate.yml, so the config cannot lift the check itself.
    const keyed = config('keyed.yml', `allow_outside_workspace: true\n${text}`)
    expect(await failure(keyed)).toMatch(new RegExp(`^${keyed}:1:1: unknown key 'allow_outside_workspace'`))
  })

  it('does not confine without a workspace (the CLI: the user reads what they type)', async () => {
    const file = config('cli.yml', 'version: 1\ndata:\n  - path: /etc/passwd\n')
    expect((await loadConfig(file)).config.data[0].path).toBe('/etc/passwd')
  })
})

describe('the validate-data action in a workspace (bundled)', () => {
  const github = { url: 'http://127.0.0.1:9', state: { owner: 'octo-org', repo: 'credit-model' } }
  const run = (inputs: Record<string, string>) =>
    runAction('dist/validate-data/index.js', {
      github,
      workspace: root,
      actionYml: 'actions/validate-data/action.yml',
      inputs: { 'results-dir': join(base, 'results'), ...inputs }
    })

  it('refuses a data input that is a symbolic link pointing out: exit 2, one error saying how to allow it', async () => {
    const outcome = await run({ data: 'data/out.csv', reference: 'data/train.csv' })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations.map((a) => a.message)).toEqual([
      `ml-gate: input 'data': 'data/out.csv' resolves to ${join(base, 'secret.csv')}, outside the workspace ${root}; an action reads and writes only inside the workspace. Set the input 'allow-outside-workspace: true' to allow it`
    ])
    expect(outcome.summary).not.toContain('ghs_secret')
  })

  it('reads it with allow-outside-workspace: true', async () => {
    const outcome = await run({
      data: 'data/out.csv',
      reference: 'data/out.csv',
      'allow-outside-workspace': 'true'
    })
    expect(outcome.code).toBe(0)
  })
})
