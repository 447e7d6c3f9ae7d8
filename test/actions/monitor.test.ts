import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../../src/config/load.js'
import type { MonitorDocument } from '../../src/monitor/document.js'
import { runMonitor } from '../../src/monitor/monitor.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { expectGolden } from '../support/golden.js'
import { logsCsv, monitorFolder } from '../monitor/monitor-logs.js'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runShell } = await import('../__fixtures__/action.js')
const { monitorAction, ISSUES_DENIED } = await import('../../src/actions/monitor/action.js')
const { monitorIssueBody, monitorIssueTitle } = await import('../../src/report/monitor.js')

const OWNER = 'octo-org'
const REPO = 'credit-model'
const ISSUES = `/repos/${OWNER}/${REPO}/issues`
const RUN_URL = `https://github.com/${OWNER}/${REPO}/actions/runs/4242`
const GOLDEN = fileURLToPath(new URL('../fixtures/monitor/', import.meta.url))

/** The score shifted by +0.15 in the last two of ten monitored days (see test/monitor); keeping the issue: test/github/monitor-issue.test.ts. */
const SHIFTED = logsCsv({ seed: 7, days: 13, rowsPerDay: 100, shift: { 11: 0.15, 12: 0.15 }, unlabelled: 1 })

let github: FakeGitHub
let config: string
const saved = { ...process.env }

beforeEach(async () => {
  github = await FakeGitHub.start({ owner: OWNER, repo: REPO, pullNumber: null })
  config = monitorFolder(
    SHIFTED,
    ['logs: logs.csv', 'time: ts', 'window: 1d', 'reference: { first: 3d }'],
    ['segments:', '  columns: [Home]']
  )
  Object.assign(process.env, {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242'
  })
})

afterEach(async () => {
  github.assertNoViolations()
  await github.stop()
  process.env = { ...saved }
})

/** Runs the action on `logs` (written over the config's logs.csv). */
async function run(logs: string) {
  writeFileSync(join(dirname(config), 'logs.csv'), logs)
  const result = join(dirname(config), 'monitor.json')
  const seen = github.requests.length
  const outcome = await runShell('monitor', monitorAction, {
    config,
    result,
    'allow-outside-workspace': 'true'
  })
  const document = JSON.parse(readFileSync(result, 'utf8')) as MonitorDocument
  return { ...outcome, document, requests: github.requests.slice(seen).map((r) => `${r.method} ${r.path}`) }
}

describe('the monitor action', () => {
  it('opens the issue on alert with the body of monitorIssueBody; a re-run writes nothing', async () => {
    const opened = await run(SHIFTED)
    expect(opened.code).toBe(1)
    expect(opened.failure).toBe(`ml-gate monitor: ${opened.document.headline}`)
    expect(opened.requests).toEqual(['POST /graphql', `GET ${ISSUES}`, `POST ${ISSUES}`])
    const body = monitorIssueBody(opened.document, { key: config, runUrl: RUN_URL })
    expect(github.calls('issues/create')[0].body).toEqual({ title: monitorIssueTitle(config), body })
    const [issue] = github.state.issues
    expect([issue.number, issue.state, issue.user.login]).toEqual([1, 'open', 'github-actions[bot]'])
    expect(opened.outputs).toEqual({
      status: 'alert',
      result: join(dirname(config), 'monitor.json'),
      'issue-number': '1',
      'issue-url': `https://github.com/${OWNER}/${REPO}/issues/1`
    })
    expect(opened.summary).toBe(body)
    const again = await run(SHIFTED)
    expect(again.requests).toEqual(['POST /graphql', `GET ${ISSUES}`])
    expect(github.state.issues).toHaveLength(1)
  })
})

describe('a token that may not write issues', () => {
  it('warns once with what to change; the job still fails on the alert', async () => {
    await github.stop()
    github = await FakeGitHub.start({ owner: OWNER, repo: REPO, pullNumber: null, readOnlyToken: true })
    process.env.GITHUB_API_URL = github.url
    const outcome = await run(SHIFTED)
    expect(outcome.code).toBe(1)
    expect(outcome.annotations).toEqual([{ level: 'warning', message: ISSUES_DENIED }])
    expect(outcome.requests).toEqual(['POST /graphql', `GET ${ISSUES}`, `POST ${ISSUES}`])
    expect(github.state.issues).toEqual([])
    expect(outcome.outputs).toMatchObject({ status: 'alert' })
  })
})

describe('the issue body', () => {
  it('is the golden text for the shifted logs (read it: sparklines, the table, the alerts, the marker)', async () => {
    const document = await runMonitor(await loadConfig(config))
    expectGolden(
      `${GOLDEN}issue-body.md`,
      monitorIssueBody(document, { key: 'ml-gate.yml', runUrl: RUN_URL })
    )
  })
})
