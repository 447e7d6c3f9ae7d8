/** The root action end to end: the credit example's ml-gate.yml, a pull request, the local GitHub. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { runAction } from '../support/github/runner-env.js'
import { pullRequestEvent } from '../support/github/webhook-events.js'

const OWNER = 'octo-org'
const REPO = 'credit-model'
const PATH = `/repos/${OWNER}/${REPO}`

let github: FakeGitHub | undefined
let workspace: string | undefined

afterEach(async () => {
  await github?.stop()
  if (workspace) rmSync(workspace, { recursive: true, force: true })
})

/** A checkout of the example repository, as `actions/checkout` would leave it. */
function checkout(): string {
  workspace = mkdtempSync(join(tmpdir(), 'ml-gate-root-'))
  cpSync('examples/credit', workspace, { recursive: true, filter: (src) => !src.includes('ml-gate-results') })
  return workspace
}

describe('the root action', () => {
  it('runs validate, evaluate, gate and report from ml-gate.yml, comments once, and fails the job', async () => {
    github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
    const dir = checkout()
    const run = await runAction('dist/run/index.js', {
      github,
      workspace: dir,
      actionYml: 'action.yml',
      event: pullRequestEvent('opened', { owner: OWNER, repo: REPO, pullNumber: 1 }),
      timeoutMs: 60_000
    })
    expect(run.code).toBe(1)
    for (const file of [
      'validation-incoming.json',
      'evaluation-candidate-candidate.json',
      'evaluation-candidate-candidate-blend.json',
      'evaluation-baseline.json',
      'verdict.json'
    ]) {
      expect(existsSync(join(dir, 'ml-gate-results', file))).toBe(true)
    }
    const verdict = JSON.parse(
      readFileSync(join(dir, 'ml-gate-results', 'verdict.json'), 'utf8')
    ) as VerdictDocument
    // The gradient boosting candidate fails Job=partime; the blend wins with a warning; the data fails the job.
    expect(verdict.headline).toBe(
      'candidate-blend wins on roc_auc for all (0.844, the only one ranked; 1 fails); ' +
        'positive_rate across Job: ratio lowest/highest 0.177, below min_ratio 0.5'
    )
    expect(verdict.candidates![0].headline).toBe(
      'recall for Job=partime fell 0.798 → 0.500 (change −0.298, allowed drop 0.05)'
    )
    expect(run.outputs.verdict).toBe('fail')
    expect(run.outputs.winner).toBe('candidate-blend')
    expect(run.outputs.results).toBe('ml-gate-results')
    // The gate warns (the data fails the job), so no override label is looked up.
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /graphql',
      `GET ${PATH}/issues/1/comments`,
      `POST ${PATH}/issues/1/comments`,
      `GET ${PATH}/issues/1/comments`
    ])
    github.assertNoViolations()
    const [comment] = github.state.comments
    expect(comment.body).toContain('<!-- ml-gate:ml-gate.yml -->')
    expect(comment.body.split('\n')[0]).toContain('ml-gate: fail')
    expect(comment.body).toContain('Job\\=partime')
    expect(run.stdout).toContain('ml-gate [1/4] validating data/incoming.csv')
    expect(run.annotations.filter((a) => a.file === 'data/incoming.csv').map((a) => a.line)).toEqual([
      19, 46, 602
    ])
  })

  it('takes the candidate and baseline inputs when ml-gate.yml names no predictions', async () => {
    github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
    const dir = checkout()
    const config = join(dir, 'ml-gate.yml')
    const text = readFileSync(config, 'utf8')
    writeFileSync(config, text.replace(/^ {2}(candidates|baseline):.*\n|^ {4}- \{ name: .*\n/gm, ''))
    expect(readFileSync(config, 'utf8')).not.toMatch(/predictions: |baseline: /)
    const run = await runAction('dist/run/index.js', {
      github,
      workspace: dir,
      actionYml: 'action.yml',
      inputs: { candidate: 'predictions/candidate.csv', baseline: 'predictions/baseline.csv' },
      event: pullRequestEvent('opened', { owner: OWNER, repo: REPO, pullNumber: 1 }),
      timeoutMs: 60_000
    })
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('fail')
    const verdict = JSON.parse(
      readFileSync(join(dir, 'ml-gate-results', 'verdict.json'), 'utf8')
    ) as VerdictDocument
    expect([verdict.candidate, verdict.baseline, verdict.paired]).toEqual([
      'predictions/candidate.csv',
      'predictions/baseline.csv',
      true
    ])
    expect(run.stdout).toContain(
      'ml-gate [2/4] evaluating predictions/candidate.csv and predictions/baseline.csv'
    )
  })

  it('with a fork read-only token: no crash, the summary has the report, the verdict decides the job', async () => {
    github = await FakeGitHub.start({ owner: OWNER, repo: REPO, readOnlyToken: true })
    const dir = checkout()
    const run = await runAction('dist/run/index.js', {
      github,
      workspace: dir,
      actionYml: 'action.yml',
      event: pullRequestEvent('opened', { owner: OWNER, repo: REPO, pullNumber: 1, forkOwner: 'someone' }),
      timeoutMs: 60_000
    })
    expect(run.code).toBe(1)
    expect(github.state.comments).toEqual([])
    expect(run.summary).toContain('ml-gate: fail')
    expect(run.annotations.some((a) => a.level === 'warning' && a.message.includes('workflow_run'))).toBe(
      true
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
