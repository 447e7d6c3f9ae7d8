import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { faults } from '../support/github/fake-github.js'
import { pullRequestEvent, workflowRunEvent } from '../support/github/webhook-events.js'
import {
  creditBaseline,
  creditCandidate,
  creditValidation,
  creditVerdict,
  HOSTILE,
  hostileVerdict
} from '../report/report-fixtures.js'
import { MARKER, OWNER, PATH, REPO, session, type Session } from './report-harness.js'
import { candidateDocuments } from '../report/candidate-fixtures.js'

// End-to-end: the bundled action (npm run bundle) as a child process, against the fake GitHub.

let s: Session
afterEach(async () => {
  s.github.assertNoViolations()
  await s.close()
})

const LIST = `GET ${PATH}/issues/1/comments`
const LABELS = `GET ${PATH}/issues/1/labels`
const CREATE = `POST ${PATH}/issues/1/comments`
const VIEWER = 'POST /graphql'
const RUN_URL = 'https://github.com/octo-org/credit-model/actions/runs/1658821493'

function passingDocuments(): Record<string, unknown> {
  const verdict = creditVerdict()
  const results = verdict.results.filter((r) => r.status !== 'fail')
  return {
    'verdict.json': {
      ...verdict,
      verdict: 'pass',
      headline: 'all 8 gate results pass',
      counts: { ...verdict.counts, fail: 0 },
      results
    },
    'evaluation-candidate.json': creditCandidate(),
    'evaluation-baseline.json': creditBaseline()
  }
}

describe('sticky comment', () => {
  it('creates the comment on the first run: exact requests, outputs, summary and annotations', async () => {
    s = await session()
    const run = await s.run()
    expect(run.code).toBe(1)
    // The lookup after the creation settles a race with a concurrent run (see upsertStickyComment).
    expect(s.requests()).toEqual([LABELS, VIEWER, LIST, CREATE, LIST])
    expect(s.github.calls('issues/list-comments')[0].query).toEqual({ per_page: '100' })
    const [comment] = s.github.state.comments
    expect(comment.user.login).toBe('github-actions[bot]')
    expect(s.github.calls('issues/create-comment')[0].body).toEqual({ body: comment.body })
    expect(comment.body.split('\n').slice(0, 3)).toEqual([
      '## ❌ ml-gate: fail — recall for Job\\=partime fell 0.798 → 0.500, allowed drop 0.05',
      '',
      '❌ **Data validation failed** for data/incoming.csv \\(2 failing checks, 1 drifted column\\): the job fails on the data alone (below).'
    ])
    expect(comment.body).toContain(`\n${MARKER}\n<!-- ml-gate-state:`)
    expect(run.outputs).toEqual({
      verdict: 'fail',
      'comment-id': String(comment.id),
      'comment-url': `https://github.com/${OWNER}/${REPO}/pull/1#issuecomment-${comment.id}`
    })
    expect(run.summary.split('\n')[0]).toBe(comment.body.split('\n')[0])
    expect(run.summary).not.toContain(MARKER)
    expect(run.annotations.map((a) => [a.level, a.file ?? null, a.line ?? null])).toEqual([
      ['error', null, null],
      ['error', null, null],
      ['error', null, null],
      ['error', null, null],
      ['error', 'data/incoming.csv', 19],
      ['error', 'data/incoming.csv', 46],
      ['warning', 'data/incoming.csv', 602],
      ['error', null, null]
    ])
    expect(run.annotations[0].message).toBe(
      'recall for Job=partime fell 0.798 → 0.500 (change -0.298), allowed drop 0.05: fail'
    )
    expect(run.annotations.at(-1)?.message).toBe(
      'ml-gate: data validation failed for data/incoming.csv (2 failing checks, 1 drifted column); ' +
        'the gates: recall for Job=partime fell 0.798 → 0.500, allowed drop 0.05'
    )
  })

  it('edits the same comment on the next push, keeping the earlier verdict in a collapsed history', async () => {
    s = await session()
    await s.run()
    const [first] = s.github.state.comments
    s.github.requests.length = 0
    const run = await s.run({
      event: pullRequestEvent('synchronize', {
        owner: OWNER,
        repo: REPO,
        pullNumber: 1,
        headSha: 'f'.repeat(40)
      })
    })
    expect(run.code).toBe(1)
    expect(s.requests()).toEqual([LABELS, VIEWER, LIST, `PATCH ${PATH}/issues/comments/${first.id}`])
    expect(s.github.state.comments).toHaveLength(1)
    expect(s.github.state.comments[0].body).toContain(
      '<details><summary>Earlier runs (1)</summary>\n\n| commit  | verdict | headline'
    )
    expect(s.github.state.comments[0].body).toContain('| 0123456 | ❌ fail  |')
    expect(run.outputs['comment-id']).toBe(String(first.id))
  })

  it('does not edit when a re-run would write the same body (skip-unchanged), and edits with skip-unchanged false', async () => {
    s = await session()
    await s.run()
    s.github.requests.length = 0
    const again = await s.run()
    expect(s.github.calls('issues/update-comment')).toEqual([])
    expect(s.requests()).toEqual([LABELS, VIEWER, LIST])
    expect(again.outputs['comment-id']).toBe(String(s.github.state.comments[0].id))
    await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(s.github.calls('issues/update-comment')).toHaveLength(1)
    expect(s.github.state.comments).toHaveLength(1)
  })

  it('never touches a comment by someone else that quotes the marker, and gives matrix jobs their own key', async () => {
    s = await session()
    const foreign = s.github.state.addComment(1, `look: ${MARKER}`, s.github.state.account('octocat'))
    await s.run()
    await s.run({ inputs: { 'comment-key': 'shard-2' } })
    expect(s.github.calls('issues/update-comment')).toEqual([])
    expect(s.github.state.comments.map((c) => [c.user.login, c.body.includes(MARKER)])).toEqual([
      ['octocat', true],
      ['github-actions[bot]', true],
      ['github-actions[bot]', false]
    ])
    expect(s.github.state.comments[0].body).toBe(foreign.body)
    expect(s.github.state.comments[2].body).toContain('<!-- ml-gate:shard-2 -->')
  })

  it('finds its comment past the first 100 by paging through all of them', async () => {
    s = await session()
    const octocat = s.github.state.account('octocat')
    for (let i = 0; i < 120; i++) s.github.state.addComment(1, `comment ${i}`, octocat)
    await s.run()
    for (let i = 0; i < 30; i++) s.github.state.addComment(1, `later ${i}`, octocat)
    s.github.requests.length = 0
    await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(s.requests()).toEqual([
      LABELS,
      VIEWER,
      LIST,
      `${LIST}?page=2`,
      `PATCH ${PATH}/issues/comments/${s.github.state.comments[120].id}`
    ])
    expect(s.github.state.comments).toHaveLength(151)
  })

  it('creates the comment again when it was deleted between the lookup and the edit', async () => {
    s = await session()
    await s.run()
    s.github.fail({ operationId: 'issues/update-comment' }, faults.status(404))
    const run = await s.run({ inputs: { 'skip-unchanged': 'false' } })
    // The injected 404 left the comment in place: the lookup after the creation finds both, keeps
    // the older one with the new body and deletes the new one.
    expect(s.github.calls('issues/update-comment').map((r) => r.status)).toEqual([404, 200])
    expect(s.github.calls('issues/create-comment').map((r) => r.status)).toEqual([201, 201])
    expect(s.github.calls('issues/delete-comment').map((r) => r.status)).toEqual([204])
    expect(s.github.state.comments).toHaveLength(1)
    expect(run.stdout).toContain('ml-gate: comment recreated')
  })

  it('recognises its own comments written with a GitHub App installation token (viewer: ml-gate-app[bot])', async () => {
    s = await session({ tokenLogin: 'ml-gate-app[bot]' })
    s.github.state.addComment(1, `quoted ${MARKER}`, s.github.state.account('github-actions[bot]'))
    await s.run()
    await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(s.github.state.comments.map((c) => c.user.login)).toEqual([
      'github-actions[bot]',
      'ml-gate-app[bot]'
    ])
    expect(s.github.state.comments[0].body).toBe(`quoted ${MARKER}`)
    expect(s.github.calls('issues/update-comment').map((r) => r.path)).toEqual([
      `${PATH}/issues/comments/${s.github.state.comments[1].id}`
    ])
    expect(s.github.calls('graphql').map((r) => r.body)).toEqual([
      { query: 'query { viewer { login } }' },
      { query: 'query { viewer { login } }' }
    ])
  })

  it('recognises its own comments by the login viewer returns for a personal access token', async () => {
    s = await session({ tokenKind: 'user', tokenLogin: 'ml-bot' })
    s.github.state.addComment(1, `quoted ${MARKER}`, s.github.state.account('github-actions[bot]'))
    await s.run()
    await s.run({ inputs: { 'skip-unchanged': 'false' } })
    expect(s.github.state.comments.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'ml-bot'])
    expect(s.github.calls('issues/update-comment').map((r) => r.path)).toEqual([
      `${PATH}/issues/comments/${s.github.state.comments[1].id}`
    ])
  })
})

describe('fork pull requests and faults', () => {
  it('with a fork read-only token: no crash, one warning on workflow_run, the summary, the verdict decides', async () => {
    s = await session({ readOnlyToken: true })
    const run = await s.run({
      inputs: { 'check-name': 'ml-gate', summary: 'false' },
      event: pullRequestEvent('opened', { owner: OWNER, repo: REPO, pullNumber: 1, forkOwner: 'contributor' })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('crashed')
    expect(s.requests()).toEqual([LABELS, VIEWER, LIST, CREATE])
    expect(s.github.calls('checks/create')).toEqual([])
    const warnings = run.annotations.filter((a) => a.level === 'warning' && a.file === undefined)
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toContain('403 Resource not accessible by integration')
    expect(warnings[0].message).toContain('workflow_run')
    expect(run.summary.split('\n')[0]).toContain('ml-gate: fail')
    expect(run.outputs).toEqual({ verdict: 'fail' })
  })

  it('comments from a workflow_run workflow on the pull request given as pr-number', async () => {
    s = await session({ pullNumber: 7 })
    const run = await s.run({
      inputs: { 'pr-number': '7' },
      event: workflowRunEvent(
        { owner: OWNER, repo: REPO, pullNumber: 7, forkOwner: 'contributor' },
        'failure'
      )
    })
    expect(run.code).toBe(1)
    expect(s.github.state.comments.map((c) => c.issueNumber)).toEqual([7])
    expect(s.requests().slice(0, 2)).toEqual([`GET ${PATH}/pulls/7`, `GET ${PATH}/issues/7/labels`])
  })

  it('names in the audit trail what a fork-safe comment job can: the computing run, the config it lacks', async () => {
    s = await session({ pullNumber: 7 })
    rmSync(join(s.dir, 'ml-gate.yml')) // part 2 of the fork-safe pair has no checkout
    const run = await s.run({
      inputs: { 'pr-number': '7' },
      event: workflowRunEvent(
        { owner: OWNER, repo: REPO, pullNumber: 7, forkOwner: 'contributor' },
        'failure'
      )
    })
    expect(run.code).toBe(1)
    const [comment] = s.github.state.comments
    expect(comment.body).toContain(
      'commit 0123456789abcdef0123456789abcdef01234567 · seed 42 · ' +
        'computed in [the triggering run](https://github.com/octo-org/credit-model/actions/runs/289782451)'
    )
    expect(comment.body).toContain('\n- ml\\-gate.yml (config): not readable here\n')
  })

  it('refuses a pr-number from the artifact whose pull request is not the workflow_run head', async () => {
    s = await session({ pullNumber: 7 })
    s.github.state.addIssue({
      number: 8,
      title: 'Someone else',
      user: s.github.state.account('maintainer-mia'),
      pullRequest: true,
      headSha: 'f'.repeat(40)
    })
    const run = await s.run({
      inputs: { 'pr-number': '8', 'check-name': 'ml-gate' },
      event: workflowRunEvent({ owner: OWNER, repo: REPO, pullNumber: 7, forkOwner: 'contributor' })
    })
    expect(run.code).toBe(2)
    expect(run.annotations.map((a) => a.message)).toEqual([
      `ml-gate: input 'pr-number': pull request #8 has head commit ${'f'.repeat(40)}, but this workflow_run is for commit 0123456789abcdef0123456789abcdef01234567 (workflow_run.head_sha); refusing to report on it. The number came from the artifact, which the pull request that produced it can write; only the pull request whose head is the run's commit is accepted (after a new push, its next run reports)`
    ])
    expect(s.requests()).toEqual([`GET ${PATH}/pulls/8`])
    expect(s.github.state.comments).toEqual([])
  })

  it('refuses a pr-number from the artifact that names no pull request', async () => {
    s = await session({ pullNumber: 7 })
    const run = await s.run({
      inputs: { 'pr-number': '99' },
      event: workflowRunEvent({ owner: OWNER, repo: REPO, pullNumber: 7, forkOwner: 'contributor' })
    })
    expect(run.code).toBe(2)
    expect(run.annotations.map((a) => a.message)).toEqual([
      `ml-gate: input 'pr-number': there is no pull request #99 in ${OWNER}/${REPO}; refusing to report on it`
    ])
    expect(s.requests()).toEqual([`GET ${PATH}/pulls/99`])
  })

  it('retries a 500 and a secondary rate limit, then succeeds', async () => {
    s = await session()
    s.github.fail({ operationId: 'issues/list-comments' }, faults.status(500))
    s.github.fail({ operationId: 'issues/create-comment' }, faults.secondaryRateLimit(1))
    const run = await s.run()
    expect(run.code).toBe(1)
    expect(s.github.calls('issues/list-comments').map((r) => r.status)).toEqual([500, 200, 200])
    expect(s.github.calls('issues/create-comment').map((r) => r.status)).toEqual([403, 201])
    expect(s.github.state.comments).toHaveLength(1)
  })

  it('a pull request that does not exist (404) is a warning, not a crash; the verdict decides', async () => {
    s = await session(undefined, passingDocuments())
    const run = await s.run({ inputs: { 'pr-number': '99' } })
    expect(run.code).toBe(0)
    expect(s.requests()).toEqual([VIEWER, `GET ${PATH}/issues/99/comments`])
    expect(run.annotations.map((a) => a.message)).toEqual([
      "ml-gate: could not comment on pull request #99: 404 Not Found. The report is in the job summary; the gate's verdict still decides this job."
    ])
  })

  it('a bad input is exit code 2 with one error naming it', async () => {
    s = await session()
    const run = await s.run({ inputs: { 'pr-number': 'seven' } })
    expect(run.code).toBe(2)
    expect(run.annotations.map((a) => a.message)).toEqual([
      "ml-gate: input 'pr-number': expected a pull request number such as 42, got 'seven'"
    ])
    expect(s.github.requests).toEqual([])
  })
})

describe('override label', () => {
  it('turns a fail into overridden when added by someone with write access, naming them', async () => {
    s = await session(undefined, {
      'verdict.json': creditVerdict(),
      'evaluation-candidate.json': creditCandidate(),
      'evaluation-baseline.json': creditBaseline()
    })
    s.github.state.setRole('lead-dev', 'maintain')
    s.github.state.labelIssue(1, 'ml-gate:override', s.github.state.account('lead-dev'))
    const run = await s.run()
    expect(run.code).toBe(0)
    expect(run.outputs.verdict).toBe('overridden')
    expect(s.requests().slice(0, 3)).toEqual([
      LABELS,
      `GET ${PATH}/issues/1/events`,
      `GET ${PATH}/collaborators/lead-dev/permission`
    ])
    const body = s.github.state.comments[0].body
    expect(body.split('\n')[0]).toBe(
      '## 🟡 ml-gate: overridden — recall for Job\\=partime fell 0.798 → 0.500, allowed drop 0.05'
    )
    expect(body).toContain(
      '**Overridden** by [lead\\-dev](https://github.com/lead-dev) (maintain access), who added the label ml\\-gate\\:override at 2026\\-01\\-01T00\\:00\\:02Z.'
    )
  })

  it('is not honoured for someone with read access: the verdict stands and the report says why', async () => {
    s = await session()
    s.github.state.setRole('drive-by', 'read')
    s.github.state.labelIssue(1, 'ml-gate:override', s.github.state.account('drive-by'))
    const run = await s.run()
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('fail')
    expect(s.github.state.comments[0].body).toContain(
      'whose role is read; only write, maintain or admin access can override a failing gate. The verdict stands.'
    )
  })

  it('is not even looked up when the gate passed', async () => {
    s = await session(undefined, passingDocuments())
    const run = await s.run()
    expect(run.code).toBe(0)
    expect(s.github.calls('issues/list-labels-on-issue')).toEqual([])
    expect(s.requests()).toEqual([VIEWER, LIST, CREATE, LIST])
  })
})

describe('check run', () => {
  it('sends 120 annotations in batches of 50: create, then two updates', async () => {
    const validation = creditValidation()
    const examples = Array.from({ length: 10 }, (_, i) => ({ line: i + 2, value: -i }))
    const checks = Array.from({ length: 12 }, (_, i) => ({
      ...validation.checks[1],
      column: `Amount${i}`,
      failures: 10,
      examples
    }))
    s = await session(undefined, {
      ...passingDocuments(),
      'validation.json': { ...validation, checks, summary: { errors: 12, warnings: 0, drifted: 0 } }
    })
    const run = await s.run({ inputs: { 'check-name': 'ml-gate / credit' } })
    // The gate passed, but the data broke its contract: the job, the check, the comment, the
    // summary and the output all say fail, and why.
    const headline =
      'data validation failed for data/incoming.csv (12 failing checks); the gates: all 8 gate results pass'
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('fail')
    expect(run.annotations.at(-1)?.message).toBe(`ml-gate: ${headline}`)
    const first = s.github.state.comments[0].body.split('\n')[0]
    expect(first).toBe(
      '## ❌ ml-gate: fail — data validation failed for data/incoming.csv \\(12 failing checks\\); the gates\\: all 8 gate results pass'
    )
    expect(run.summary.split('\n')[0]).toBe(first)
    const [create, ...updates] = [...s.github.calls('checks/create'), ...s.github.calls('checks/update')]
    expect(create.body).toMatchObject({
      name: 'ml-gate / credit',
      head_sha: '0123456789abcdef0123456789abcdef01234567',
      status: 'completed',
      conclusion: 'failure',
      details_url: RUN_URL,
      output: { title: `fail: ${headline}` }
    })
    const sizes = [create, ...updates].map(
      (r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length
    )
    expect(sizes).toEqual([50, 50, 20])
    const [run0] = s.github.state.checkRuns
    expect(run0.annotations).toHaveLength(120)
    expect(run0.annotations[0]).toEqual({
      path: 'data/incoming.csv',
      start_line: 2,
      end_line: 2,
      annotation_level: 'failure',
      title: 'ml-gate: Amount0: min',
      message: '0 breaks min: expected >= 0'
    })
    expect(run.outputs['check-run-id']).toBe(String(run0.id))
    // Workflow commands: 10 errors at most, the last counting the rest; then the job's failure.
    const errors = run.annotations.filter((a) => a.level === 'error').slice(0, -1)
    expect(errors).toHaveLength(10)
    expect(errors.at(-1)?.message).toBe('3 more failures not shown as annotations; see the job summary')
  })
})

describe('oversized and hostile reports', () => {
  it('keeps the comment under 65,536 characters and the summary under 1 MiB, escaping every hostile string', async () => {
    const validation = creditValidation()
    const hostileCheck = { ...validation.checks[0], column: `${HOSTILE} ${'x'.repeat(1_000_000)}` }
    s = await session(undefined, {
      'verdict.json': hostileVerdict(10_000),
      'evaluation-candidate.json': creditCandidate(),
      'validation.json': { ...validation, file: HOSTILE, checks: [hostileCheck] }
    })
    const run = await s.run()
    expect(run.code).toBe(1)
    const body = s.github.state.comments[0].body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1_048_576)
    // Cells are clipped to 120 characters, so this report fits without leaving sections out.
    expect(body.split(MARKER)).toHaveLength(2)
    for (const text of [body, run.summary]) {
      expect(text).not.toContain('@octocat')
      expect(text).not.toContain('<img')
      expect(text).not.toContain('<!-- ml-gate:ml-gate.yml --> ')
      expect(text).not.toContain('x'.repeat(200))
    }
    expect(readFileSync(`${s.dir}/ml-gate-results/verdict.json`, 'utf8')).toContain(HOSTILE.slice(0, 20))
  })
})

describe('forged result documents (a fork artifact)', () => {
  it('a verdict with a string where a number belongs is exit 2 naming the file and path; nothing is posted', async () => {
    const verdict = creditVerdict()
    const forged = { ...verdict, results: [{ ...verdict.results[0], candidate: '<img src=x> @octocat' }] }
    s = await session(undefined, { 'verdict.json': forged, 'evaluation-candidate.json': creditCandidate() })
    const run = await s.run()
    expect(run.code).toBe(2)
    const column = JSON.stringify(forged).indexOf('"<img src=x> @octocat"') + 1
    expect(run.annotations.map((a) => a.message)).toEqual([
      `ml-gate: ml-gate-results/verdict.json:1:${column}: results[0].candidate: expected a number or null, got a string`
    ])
    expect(s.github.requests).toEqual([])
  })

  it('a headline with a newline cannot start a workflow command in the log', async () => {
    s = await session(undefined, {
      'verdict.json': { ...creditVerdict(), headline: 'recall fell\n::error::injected\u202e' },
      'evaluation-candidate.json': creditCandidate()
    })
    const run = await s.run()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ml-gate: fail: recall fell ::error::injected\ufffd')
    expect(run.annotations.map((a) => a.message)).not.toContain('injected')
  })
})

describe('several named candidates', () => {
  it('outputs the winner, names it in the check run title and opens the comment with the leaderboard', async () => {
    s = await session(undefined, candidateDocuments('winner'))
    const run = await s.run({ inputs: { 'check-name': 'ml-gate / credit' } })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ verdict: 'pass', winner: 'gbm-depth8' })
    expect(s.github.calls('checks/create')[0].body).toMatchObject({
      conclusion: 'success',
      output: {
        title: 'pass: winner gbm-depth8 — gbm-depth8 wins: all 11 judged results passed (1 insufficient)'
      }
    })
    const body = s.github.state.comments[0].body
    expect(body.split('\n').slice(2, 3)).toEqual(['### 🏆 Candidates: gbm\\-depth8 wins (of 3)'])
    expect(body).toContain(
      '- ml\\-gate\\-results/evaluation\\-candidate\\-logreg\\-l1.json (evaluation of candidate logreg\\-l1)'
    )
  })

  it('leaves the winner output empty when no candidate passes', async () => {
    s = await session(undefined, candidateDocuments('none'))
    const run = await s.run({ inputs: { 'check-name': 'ml-gate / credit' } })
    expect(run.code).toBe(1)
    expect(run.outputs.verdict).toBe('fail')
    expect(run.outputs).not.toHaveProperty('winner')
    expect((s.github.calls('checks/create')[0].body as { output: { title: string } }).output.title).toMatch(
      /^fail: no winner — no candidate passes: /
    )
  })
})
