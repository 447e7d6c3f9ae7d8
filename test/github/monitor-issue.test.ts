import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { keepMonitorIssue, type MonitorIssueOptions } from '../../src/github/monitor-issue.js'
import { FakeGitHub } from '../support/github/fake-github.js'

// The issue's lifecycle against the fake GitHub, with a plain Octokit: the action's client adds
// only retries and throttling (a second between writes), which test/actions/monitor.test.ts covers.

const REPO = { owner: 'octo-org', repo: 'credit-model' }
const ISSUES = '/repos/octo-org/credit-model/issues'
const MARKER = '<!-- ml-gate:monitor/ml-gate.yml -->'
const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const

let github: FakeGitHub
let client: Octokit
beforeEach(async () => {
  github = await FakeGitHub.start({ ...REPO, pullNumber: null })
  client = new Octokit({ auth: 'ghs_test', baseUrl: github.url })
})
afterEach(async () => {
  github.assertNoViolations()
  await github.stop()
})

/** One run: what it did and the requests it sent. */
async function keep(alerting: boolean, body = `alert\n${MARKER}\n`) {
  const seen = github.requests.length
  const options: MonitorIssueOptions = {
    marker: MARKER,
    identity: BOT,
    alerting,
    title: 'ml-gate monitor: alert for monitor/ml-gate.yml',
    body,
    cleared: 'cleared\n'
  }
  const issue = await keepMonitorIssue(client, REPO, options)
  const requests = github.requests.slice(seen).map((r) => `${r.method} ${r.path}`)
  return { issue, requests, sent: github.requests.slice(seen).map((r) => r.body ?? null) }
}

describe('keepMonitorIssue', () => {
  it('opens, leaves alone, updates, closes with a comment, then does nothing: one issue throughout', async () => {
    expect(await keep(true)).toEqual({
      issue: { action: 'opened', number: 1, url: 'https://github.com/octo-org/credit-model/issues/1' },
      requests: [`GET ${ISSUES}`, `POST ${ISSUES}`],
      sent: [null, { title: 'ml-gate monitor: alert for monitor/ml-gate.yml', body: `alert\n${MARKER}\n` }]
    })
    expect(github.calls('issues/list-for-repo')[0].query).toEqual({ state: 'open', per_page: '100' })
    expect((await keep(true)).requests).toEqual([`GET ${ISSUES}`])
    expect(await keep(true, `still\n${MARKER}\n`)).toMatchObject({
      issue: { action: 'updated', number: 1 },
      requests: [`GET ${ISSUES}`, `PATCH ${ISSUES}/1`],
      sent: [null, { body: `still\n${MARKER}\n` }]
    })
    expect(await keep(false)).toMatchObject({
      issue: { action: 'closed', number: 1 },
      requests: [`GET ${ISSUES}`, `POST ${ISSUES}/1/comments`, `PATCH ${ISSUES}/1`],
      sent: [null, { body: 'cleared\n' }, { state: 'closed', state_reason: 'completed' }]
    })
    expect(github.state.issues.map((i) => [i.number, i.state, i.stateReason])).toEqual([
      [1, 'closed', 'completed']
    ])
    expect(await keep(false)).toEqual({
      issue: { action: 'none', number: null, url: null },
      requests: [`GET ${ISSUES}`],
      sent: [null]
    })
    // The next alert is a new episode: a new issue.
    expect((await keep(true)).issue).toMatchObject({ action: 'opened', number: 2 })
  })

  it('finds its issue past the first page, and never takes a pull request or a quoting issue by someone else', async () => {
    const octocat = github.state.account('octocat')
    github.state.addIssue({ title: 'quote', body: `look: ${MARKER}`, user: octocat })
    github.state.addIssue({ title: 'pr', body: MARKER, user: github.identity, pullRequest: true })
    const ours = github.state.addIssue({ title: 'ours', body: `old\n${MARKER}\n`, user: github.identity })
    for (let i = 0; i < 120; i++) github.state.addIssue({ title: `other ${i}`, body: null, user: octocat })
    const run = await keep(true)
    expect(run.issue).toMatchObject({ action: 'updated', number: ours.number })
    expect(run.requests).toEqual([`GET ${ISSUES}`, `GET ${ISSUES}`, `PATCH ${ISSUES}/${ours.number}`])
  })
})
