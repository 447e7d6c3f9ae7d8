import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FakeGitHub } from '../support/github/fake-github.js'
import {
  inputVariable,
  parseFileCommand,
  parseWorkflowCommands,
  prepareRunner,
  runAction
} from '../support/github/runner-env.js'
import { pullRequestEvent, workflowRunEvent } from '../support/github/webhook-events.js'

const owner = 'octo-org'
const repo = 'credit-model'
const core = fileURLToPath(new URL('../../node_modules/@actions/core/lib/core.js', import.meta.url))

describe('file and workflow commands', () => {
  it('names inputs as the runner does: upper case, spaces as _, dashes kept', () => {
    expect([inputVariable('pr-number'), inputVariable('fail on'), inputVariable('config')]).toEqual([
      'INPUT_PR-NUMBER',
      'INPUT_FAIL_ON',
      'INPUT_CONFIG'
    ])
  })

  it('parses name=value and heredoc outputs; a later value wins', () => {
    const text =
      'verdict=pass\nreport<<ghadelimiter_1\nline 1\n\nline=3\nghadelimiter_1\nverdict=fail\nempty<<EOF\nEOF\n'
    expect(parseFileCommand(text)).toEqual({ verdict: 'fail', report: 'line 1\n\nline=3', empty: '' })
  })

  it('refuses a heredoc without its closing delimiter', () => {
    expect(() => parseFileCommand('report<<EOF\nline\n')).toThrow(
      'file command: no closing delimiter EOF for report'
    )
  })

  it('decodes workflow command escapes in messages and properties', () => {
    expect(
      parseWorkflowCommands('plain\n::error file=a%2Cb.csv,line=3,title=x%3Ay::50%25 of%0Arows\n::debug::d\n')
    ).toEqual([
      { command: 'error', properties: { file: 'a,b.csv', line: '3', title: 'x:y' }, message: '50% of\nrows' },
      { command: 'debug', properties: {}, message: 'd' }
    ])
  })
})

describe('runAction', () => {
  let github: FakeGitHub
  let scratch: string

  beforeAll(async () => {
    github = await FakeGitHub.start({ owner, repo })
    scratch = mkdtempSync(join(tmpdir(), 'runner-env-test-'))
  })
  afterAll(async () => {
    await github.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('runs a script that uses @actions/core and reads back outputs, summary and annotations', async () => {
    const script = join(scratch, 'action.mjs')
    writeFileSync(
      script,
      `import * as core from ${JSON.stringify(core)}
import { readFileSync } from 'node:fs'
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
core.setOutput('pr', core.getInput('pr-number', { required: true }))
core.setOutput('report', 'line 1\\nline 2')
core.setOutput('head', event.pull_request.head.sha + ' ' + process.env.GITHUB_SHA)
core.setOutput('where', [process.env.GITHUB_REPOSITORY, process.env.GITHUB_API_URL, process.env.GITHUB_EVENT_NAME, process.env.GITHUB_REF].join(' '))
core.setOutput('token', core.getInput('token'))
core.error('recall dropped: 0.81 -> 0.74', { file: 'data/incoming.csv', startLine: 12, endLine: 12, startColumn: 3, title: 'Gate' })
core.warning('segment Job=student has 12 rows, fewer than 30')
core.notice('a, b: c%')
await core.summary.addHeading('ml-gate', 2).addRaw('Verdict: **fail**').write()
core.setFailed('the gate failed')
`
    )
    const event = pullRequestEvent('opened', { owner, repo, pullNumber: 1, headSha: 'f'.repeat(40) })
    const actionYml = join(scratch, 'action.yml')
    writeFileSync(
      actionYml,
      "inputs:\n  token:\n    default: '${{ github.token }}'\n  pr-number:\n    required: true\n"
    )
    const run = await runAction(script, {
      github,
      event,
      actionYml,
      token: 'ghs_secret',
      inputs: { 'pr-number': '1' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({
      pr: '1',
      report: 'line 1\nline 2',
      head: `${'f'.repeat(40)} ${'f'.repeat(40)}`,
      where: `${owner}/${repo} ${github.url} pull_request refs/pull/1/merge`,
      token: 'ghs_secret'
    })
    expect(run.summary).toBe('<h2>ml-gate</h2>\nVerdict: **fail**')
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'recall dropped: 0.81 -> 0.74',
        file: 'data/incoming.csv',
        title: 'Gate',
        line: 12,
        endLine: 12,
        col: 3
      },
      { level: 'warning', message: 'segment Job=student has 12 rows, fewer than 30' },
      { level: 'notice', message: 'a, b: c%' },
      { level: 'error', message: 'the gate failed' }
    ])
    expect(run.stderr).toBe('')
  })

  it('reports the exit code of an action that crashes, with its stderr', async () => {
    const script = join(scratch, 'crash.mjs')
    writeFileSync(script, "throw new Error('boom')\n")
    const run = await runAction(script, { github })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Error: boom')
    expect(run.outputs).toEqual({})
  })

  it('prepares the runner environment without leaking the test process environment', () => {
    const runner = prepareRunner({ github, inputs: { 'fail on': 'warn' }, env: { RUNNER_DEBUG: '1' } })
    try {
      expect(runner.env['INPUT_FAIL_ON']).toBe('warn')
      expect(runner.env.RUNNER_DEBUG).toBe('1')
      expect(runner.env.GITHUB_EVENT_NAME).toBe('workflow_dispatch')
      expect(runner.env.NODE_OPTIONS).toBeUndefined()
      expect(runner.env.RUNNER_TEMP.startsWith(runner.dir)).toBe(true)
    } finally {
      runner.cleanup()
    }
  })
})

describe('webhook payloads', () => {
  const target = { owner, repo, pullNumber: 7, headSha: 'c'.repeat(40) }

  it('moves a pull_request example to the fake repository, number and head', () => {
    const { name, payload } = pullRequestEvent('synchronize', target)
    const pull = payload.pull_request as {
      number: number
      url: string
      head: { sha: string; repo: { full_name: string; fork: boolean } }
      base: { repo: { full_name: string } }
    }
    expect(name).toBe('pull_request')
    expect([payload.action, payload.number, payload.after]).toEqual(['synchronize', 7, 'c'.repeat(40)])
    expect([pull.number, pull.url, pull.head.sha]).toEqual([
      7,
      `https://api.github.com/repos/${owner}/${repo}/pulls/7`,
      'c'.repeat(40)
    ])
    expect([pull.head.repo.full_name, pull.head.repo.fork, pull.base.repo.full_name]).toEqual([
      `${owner}/${repo}`,
      false,
      `${owner}/${repo}`
    ])
    expect(JSON.stringify(payload)).not.toContain('Hello-World')
  })

  it('makes a fork variant whose head repository is another owner', () => {
    const { payload } = pullRequestEvent('opened', { ...target, forkOwner: 'outside-ola' })
    const pull = payload.pull_request as {
      head: { label: string; repo: { full_name: string; fork: boolean; owner: { login: string } } }
      base: { repo: { fork: boolean } }
    }
    expect([
      pull.head.repo.full_name,
      pull.head.repo.fork,
      pull.head.repo.owner.login,
      pull.base.repo.fork
    ]).toEqual([`outside-ola/${repo}`, true, 'outside-ola', false])
    expect(pull.head.label).toBe('outside-ola:changes')
  })

  it('makes workflow_run events: with the pull request, and empty pull_requests for a fork', () => {
    const own = workflowRunEvent(target).payload.workflow_run as {
      event: string
      conclusion: string
      head_sha: string
      pull_requests: { number: number; url: string }[]
    }
    expect([own.event, own.conclusion, own.head_sha]).toEqual(['pull_request', 'success', 'c'.repeat(40)])
    expect(own.pull_requests.map((p) => [p.number, p.url])).toEqual([
      [7, `https://api.github.com/repos/${owner}/${repo}/pulls/7`]
    ])
    const fork = workflowRunEvent({ ...target, forkOwner: 'outside-ola' }, 'failure').payload
      .workflow_run as { conclusion: string; pull_requests: unknown[]; head_repository: { fork: boolean } }
    expect([fork.conclusion, fork.pull_requests, fork.head_repository.fork]).toEqual(['failure', [], true])
  })
})
