import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readRunContext } from '../../src/github/run-context.js'
import { pullRequestEvent, workflowRunEvent } from '../support/github/webhook-events.js'

const dir = mkdtempSync(join(tmpdir(), 'run-context-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const target = { owner: 'octo-org', repo: 'credit-model', pullNumber: 5, headSha: 'a'.repeat(40) }

function env(payload: unknown, name: string): Record<string, string> {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, JSON.stringify(payload))
  return {
    GITHUB_REPOSITORY: 'octo-org/credit-model',
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: path,
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_RUN_ID: '42',
    GITHUB_API_URL: 'https://ghe.example.com/api/v3'
  }
}

describe('readRunContext', () => {
  it('takes the pull request and its head commit (not the merge commit) from pull_request', () => {
    expect(readRunContext(env(pullRequestEvent('opened', target).payload, 'pull_request'), null)).toEqual({
      owner: 'octo-org',
      repo: 'credit-model',
      eventName: 'pull_request',
      pullNumber: 5,
      headSha: 'a'.repeat(40),
      // The base branch, where the baseline artifact is looked for.
      baseRef: 'master',
      workflowRunHeadSha: null,
      workflowRunUrl: null,
      apiUrl: 'https://ghe.example.com/api/v3',
      runUrl: 'https://github.com/octo-org/credit-model/actions/runs/42'
    })
  })

  it('needs pr-number for a fork in workflow_run, whose pull_requests is empty', () => {
    const fork = env(workflowRunEvent({ ...target, forkOwner: 'someone' }).payload, 'workflow_run')
    expect(readRunContext(fork, null)).toMatchObject({
      pullNumber: null,
      headSha: 'a'.repeat(40),
      workflowRunHeadSha: 'a'.repeat(40),
      // The run that computed the results: the audit trail links it (from the numeric id).
      workflowRunUrl: 'https://github.com/octo-org/credit-model/actions/runs/289782451'
    })
    expect(readRunContext(fork, 9).pullNumber).toBe(9)
    const own = env(workflowRunEvent(target).payload, 'workflow_run')
    expect(readRunContext(own, null).pullNumber).toBe(5)
  })

  it('links no triggering run unless the workflow_run names a numeric id', () => {
    const payload = workflowRunEvent(target).payload as { workflow_run: { id: unknown } }
    payload.workflow_run.id = '1/../../evil'
    expect(readRunContext(env(payload, 'workflow_run'), null).workflowRunUrl).toBeNull()
  })

  it('refuses to run outside a workflow', () => {
    expect(() => readRunContext({}, null)).toThrow(
      "GITHUB_REPOSITORY is '', expected owner/repo: run this action in a GitHub workflow"
    )
  })
})
