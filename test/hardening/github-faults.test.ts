import { rmSync } from 'node:fs'
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/octokit.js'
import { FakeGitHub, faults } from '../support/github/fake-github.js'
import { runAction, type ActionRun } from '../support/github/runner-env.js'
import { pullRequestEvent } from '../support/github/webhook-events.js'
import {
  ACTION_YML,
  BUNDLE,
  MARKER,
  OWNER,
  REPO,
  session,
  workspace,
  type Session
} from '../actions/report-harness.js'
import { creditBaseline, creditCandidate, creditVerdict } from '../report/report-fixtures.js'

// GitHub faults injected by the fake API server, against the bundled report action (npm run
// bundle). After every fault: no crash, exactly one ml-gate comment holding the latest verdict,
// and the job's result is the verdict's (1 for the credit fail, 0 for a pass).

let s: Session | undefined
afterEach(async () => {
  s?.github.assertNoViolations()
  await s?.close()
  s = undefined
})

const ours = (github: FakeGitHub) => github.state.comments.filter((c) => c.body.includes(MARKER))
let injected = 0
/** Counts what is injected, for the summary line printed at the end. */
function inject(github: FakeGitHub, ...args: Parameters<FakeGitHub['fail']>): void {
  injected += args[2]?.times ?? 1
  github.fail(...args)
}
afterAll(() => console.log(`github faults: ${injected} injected, all survived`))

function passing(): Record<string, unknown> {
  const verdict = creditVerdict()
  return {
    'verdict.json': {
      ...verdict,
      verdict: 'pass',
      headline: 'all gate results pass',
      counts: { ...verdict.counts, fail: 0 },
      results: verdict.results.filter((r) => r.status !== 'fail')
    },
    'evaluation-candidate.json': creditCandidate(),
    'evaluation-baseline.json': creditBaseline()
  }
}

function expectOneComment(run: ActionRun, github: FakeGitHub, verdict: 'fail' | 'pass'): void {
  expect(run.stdout).not.toContain('crashed')
  expect(run.code).toBe(verdict === 'fail' ? 1 : 0)
  expect(run.outputs.verdict).toBe(verdict)
  const comments = ours(github)
  expect(comments).toHaveLength(1)
  expect(comments[0].body).toMatch(new RegExp(`^## [^ ]+ ml-gate: ${verdict} `))
}

describe('transient faults are retried and survived', () => {
  it('500, 502 and 503 on the label lookup, the comment lookup and the creation', async () => {
    s = await session()
    inject(s.github, { operationId: 'issues/list-labels-on-issue' }, faults.status(500))
    inject(s.github, { operationId: 'issues/list-comments' }, faults.status(502))
    inject(s.github, { operationId: 'issues/create-comment' }, faults.status(503))
    const run = await s.run()
    expect(s.github.calls('issues/list-labels-on-issue').map((r) => r.status)).toEqual([500, 200])
    expect(s.github.calls('issues/list-comments').map((r) => r.status)).toEqual([502, 200, 200])
    expect(s.github.calls('issues/create-comment').map((r) => r.status)).toEqual([503, 201])
    expectOneComment(run, s.github, 'fail')
  })

  it('a 502 on the edit and a secondary rate limit on the next edit', async () => {
    s = await session()
    await s.run()
    inject(s.github, { operationId: 'issues/update-comment' }, faults.status(502))
    inject(s.github, { operationId: 'issues/update-comment' }, faults.secondaryRateLimit(1))
    const run = await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(s.github.calls('issues/update-comment').map((r) => r.status)).toEqual([502, 403, 200])
    expectOneComment(run, s.github, 'fail')
  })

  it('a slow answer (1.5 s) on the creation', async () => {
    s = await session()
    inject(s.github, { operationId: 'issues/create-comment' }, faults.delay(1500))
    const run = await s.run()
    expectOneComment(run, s.github, 'fail')
  })
})

describe('faults that are not retried', () => {
  it('403 for a fork token on every write: the verdict still decides, the summary holds the report', async () => {
    s = await session({ readOnlyToken: true })
    injected += 1
    const run = await s.run({ inputs: { 'check-name': 'ml-gate' } })
    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('crashed')
    expect(run.summary).toContain('ml-gate: fail')
    expect(s.github.state.comments).toEqual([])
  })

  it('404 for a comment deleted between the lookup and the edit: created again, one comment', async () => {
    s = await session()
    await s.run()
    inject(s.github, { operationId: 'issues/update-comment' }, faults.status(404))
    const run = await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(run.stdout).toContain('ml-gate: comment recreated')
    expectOneComment(run, s.github, 'fail')
  })

  it('a comment deleted by someone before the run: created again', async () => {
    s = await session()
    await s.run()
    s.github.state.comments.length = 0
    injected += 1
    const run = await s.run()
    expectOneComment(run, s.github, 'fail')
  })
})

describe('a hung connection', () => {
  it('is aborted after the client timeout and retried', async () => {
    const github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
    try {
      inject(github, { operationId: 'issues/list-comments' }, faults.hang())
      const client = createGitHubClient('ghs_test', {
        baseUrl: github.url,
        log: { debug: () => undefined, warn: () => undefined },
        timeoutMs: 300
      })
      const started = Date.now()
      const { status } = await client.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 1 })
      expect(status).toBe(200)
      // The hung request is never answered (status 0); the retry is.
      expect(github.calls('issues/list-comments').map((r) => r.status)).toEqual([0, 200])
      expect(Date.now() - started).toBeLessThan(5_000)
    } finally {
      await github.stop()
    }
  })
})

describe('two runs updating the same pull request at once', () => {
  // Both look up the comments before either creates one (the lookups are held 800 ms), so both
  // create: the second lookup after creating settles on one comment.
  it.each([
    ['both find none and both create', 2],
    ['one finds none, the other is held longer', 1]
  ])('%s: one comment remains, with the verdict of the run that wrote last', async (_, held) => {
    const github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
    const dirs = [workspace(), workspace(passing())]
    try {
      inject(github, { operationId: 'issues/list-comments' }, faults.delay(800), { times: held })
      const event = pullRequestEvent('synchronize', { owner: OWNER, repo: REPO, pullNumber: 1 })
      const [failRun, passRun] = await Promise.all(
        dirs.map((dir) => runAction(BUNDLE, { github, actionYml: ACTION_YML, workspace: dir, event }))
      )
      expect([failRun.code, passRun.code]).toEqual([1, 0])
      expect([failRun.stdout, passRun.stdout].join()).not.toContain('crashed')
      const comments = ours(github)
      expect(comments).toHaveLength(1)
      // The latest write: the body of the last create or edit that reached the fake.
      const writes = github.requests.filter(
        (r) =>
          r.status < 300 &&
          (r.operationId === 'issues/create-comment' || r.operationId === 'issues/update-comment')
      )
      expect(comments[0].body).toBe((writes.at(-1)?.body as { body: string }).body)
      github.assertNoViolations()
    } finally {
      await github.stop()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  })
})
