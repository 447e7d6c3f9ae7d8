/**
 * The gate action finds its baseline artifact in a pull_request event (inputs, event payload,
 * RUNNER_TEMP, output `baseline-source`), in this process against the fake GitHub.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { zipSync } from 'fflate'
import * as core from '../__fixtures__/core.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { pullRequestEvent } from '../support/github/webhook-events.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { gateAction } = await import('../../src/actions/gate/action.js')
const { rootAction } = await import('../../src/actions/run/action.js')
const { gateStep } = await import('../../src/steps/gate.js')

const OWNER = 'octo-org'
const REPO = 'credit-model'
const CONFIG = 'examples/credit/ml-gate.yml'
const [BASE, HEAD] = ['b'.repeat(40), 'd'.repeat(40)]

let dir: string
let github: FakeGitHub
const saved = { ...process.env }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ml-gate-gate-artifact-'))
  github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
  // The pull request's base branch is the example event's `master`.
  github.state.addCommit(BASE, [], 'master')
  github.state.addCommit(HEAD, [BASE], 'feature')
  // What the default branch's run wrote for the production model: its evaluation document.
  const production = await gateStep({
    config: CONFIG,
    candidate: 'examples/credit/predictions/baseline.csv',
    baseline: null,
    now: new Date(),
    results: join(dir, 'push')
  })
  const zip = zipSync({ 'evaluation-candidate.json': readFileSync(production.written.candidate!) })
  github.state.addArtifact({ name: 'ml-gate-baseline', zip, headSha: BASE, headBranch: 'master' })
  const event = join(dir, 'event.json')
  const { payload } = pullRequestEvent('opened', { owner: OWNER, repo: REPO, pullNumber: 1, headSha: HEAD })
  writeFileSync(event, JSON.stringify(payload))
  Object.assign(process.env, {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: resolve('.'),
    RUNNER_TEMP: join(dir, 'runner-temp')
  })
})
afterEach(() => github.assertNoViolations())
afterAll(async () => {
  process.env = saved
  await github.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('the gate action with baseline-artifact', () => {
  it('gates against the artifact of the merge base, over the config baseline file, and says where it came from', async () => {
    const outcome = await runShell('gate', gateAction, {
      config: CONFIG,
      'baseline-artifact': 'ml-gate-baseline'
    })
    const [artifact] = github.state.artifacts
    const source = `artifact ml-gate-baseline of run ${artifact.runId} at bbbbbbb, the merge base`
    expect(outcome.outputs['baseline-source']).toBe(source)
    // The same verdict as the config's baseline file gives (ml-gate gate on the example): its
    // two candidates, the blend winning with warnings; the outputs count the winner's results.
    const direct = await gateStep({ config: CONFIG, now: new Date() })
    const { verdict, counts } = direct.verdict
    expect([direct.code, verdict, counts.fail, counts.warn]).toEqual([0, 'warn', 0, 13])
    expect([outcome.code, outcome.outputs.verdict, outcome.outputs.failed, outcome.outputs.warned]).toEqual([
      0,
      'warn',
      '0',
      '13'
    ])
    expect(outcome.log).toContain(`ml-gate: baseline: ${source}`)
    expect(github.requests.map((r) => r.operationId)).toEqual([
      'repos/compare-commits-with-basehead',
      'actions/list-artifacts-for-repo',
      'actions/download-artifact',
      'blob'
    ])
    expect(github.requests[0].headers.authorization).toBe('token ghs_fake_installation_token')
  })

  it('warns why there is none, and the verdict says it too', async () => {
    const outcome = await runShell('gate', gateAction, {
      config: CONFIG,
      'baseline-artifact': 'no-such-artifact',
      'baseline-fallback': 'none'
    })
    const why =
      "no artifact named 'no-such-artifact' from a run of master in octo-org/credit-model: upload the " +
      'results folder under this name on every push to master (examples/workflows/baseline.yml)'
    expect(outcome.annotations).toEqual([{ level: 'warning', message: `ml-gate: no baseline: ${why}` }])
    expect(outcome.outputs['baseline-source']).toBe('')
    const verdict = JSON.parse(readFileSync(outcome.outputs.result, 'utf8')) as { notes: string[] }
    expect(verdict.notes[0]).toMatch(`no baseline (${why}): the`)
  })

  it('the root action too, from model.baseline: { artifact } of the config', async () => {
    const config = join(dir, 'model-only.yml')
    const text = readFileSync(CONFIG, 'utf8').replace(/^data:\n(?: .*\n)+/m, '')
    writeFileSync(
      config,
      text
        .replace('baseline: predictions/baseline.csv', 'baseline: { artifact: ml-gate-baseline }')
        .replaceAll('predictions/', `${resolve('examples/credit/predictions')}/`)
    )
    github.requests.length = 0
    const outcome = await runShell('run', rootAction, {
      config,
      comment: 'false',
      summary: 'false',
      'allow-outside-workspace': 'true'
    })
    const [artifact] = github.state.artifacts
    expect(outcome.outputs['baseline-source']).toBe(
      `artifact ml-gate-baseline of run ${artifact.runId} at bbbbbbb, the merge base`
    )
    expect(outcome.outputs.verdict).toBe('warn')
    expect(github.requests.slice(0, 4).map((r) => r.operationId)).toEqual([
      'repos/compare-commits-with-basehead',
      'actions/list-artifacts-for-repo',
      'actions/download-artifact',
      'blob'
    ])
  })

  it('refuses a baseline-fallback it does not know', async () => {
    const outcome = await runShell('gate', gateAction, { config: CONFIG, 'baseline-fallback': 'newest' })
    expect(outcome.code).toBe(2)
    expect(outcome.annotations[0].message).toBe(
      "ml-gate: input 'baseline-fallback': expected none or latest, got 'newest'"
    )
  })
})
