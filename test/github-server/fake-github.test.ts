import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { FakeGitHub, faults, type FakeGitHubOptions } from '../support/github/fake-github.js'
import type { CheckAnnotation } from '../support/github/repo-state.js'

const owner = 'octo-org'
const repo = 'credit-model'
const where = { owner, repo }
const pr = { owner, repo, issue_number: 1 }

// Octokit logs every failed request; these tests fail requests on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

let github: FakeGitHub
let octokit: Octokit

async function startFake(options: Partial<FakeGitHubOptions> = {}): Promise<void> {
  github = await FakeGitHub.start({ owner, repo, ...options })
  octokit = new Octokit({ auth: 'ghs_test', baseUrl: github.url, log: quiet })
}

/** The status an Octokit call failed with, and GitHub's message. */
async function failure(
  call: Promise<unknown>
): Promise<{ status: number; message: string; headers: Record<string, unknown> }> {
  try {
    await call
  } catch (error) {
    const { status, response } = error as {
      status: number
      response: { data: { message: string }; headers: Record<string, unknown> }
    }
    return { status, message: response.data.message, headers: response.headers }
  }
  throw new Error('the call succeeded')
}

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: 'data/incoming.csv',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'failure',
    message: `row ${i + 1}`
  }))
}

beforeEach(async () => startFake())
afterEach(async () => github.stop())

describe('comments and pagination', () => {
  it('pages comments 30 at a time by default, so a first-page-only client misses the rest', async () => {
    for (let i = 1; i <= 45; i++) github.state.addComment(1, `comment ${i}`, github.state.account('octocat'))
    const first = await octokit.rest.issues.listComments(pr)
    expect(first.data).toHaveLength(30)
    expect(first.data.at(-1)?.body).toBe('comment 30')
    const path = `/repos/${owner}/${repo}/issues/1/comments`
    expect(first.headers.link).toBe(
      `<${github.url}${path}?page=2>; rel="next", <${github.url}${path}?page=2>; rel="last"`
    )
    github.assertNoViolations()
  })

  it('writes prev, next, last and first links that keep per_page', async () => {
    for (let i = 1; i <= 5; i++) github.state.addComment(1, `c${i}`, github.state.account('octocat'))
    const page = await octokit.rest.issues.listComments({ ...pr, per_page: 2, page: 2 })
    expect(page.data.map((c) => c.body)).toEqual(['c3', 'c4'])
    const url = (n: number) => `${github.url}/repos/${owner}/${repo}/issues/1/comments?per_page=2&page=${n}`
    expect(page.headers.link).toBe(
      `<${url(1)}>; rel="prev", <${url(3)}>; rel="next", <${url(3)}>; rel="last", <${url(1)}>; rel="first"`
    )
    const last = await octokit.rest.issues.listComments({ ...pr, per_page: 2, page: 3 })
    expect(last.data.map((c) => c.body)).toEqual(['c5'])
    expect(last.headers.link).toBe(`<${url(2)}>; rel="prev", <${url(1)}>; rel="first"`)
    const beyond = await octokit.rest.issues.listComments({ ...pr, per_page: 2, page: 9 })
    expect(beyond.data).toEqual([])
  })

  it('caps per_page at 100 and lets octokit.paginate follow the Link header to every comment', async () => {
    for (let i = 1; i <= 250; i++) github.state.addComment(1, `c${i}`, github.state.account('octocat'))
    const capped = await octokit.rest.issues.listComments({ ...pr, per_page: 500 })
    expect(capped.data).toHaveLength(100)
    github.requests.length = 0
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...pr, per_page: 100 })
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i + 1}`))
    expect(github.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    github.assertNoViolations()
  })

  it('creates, gets, edits and deletes a comment authored by the token', async () => {
    const created = await octokit.rest.issues.createComment({ ...pr, body: '<!-- ml-gate -->\nfirst' })
    expect(created.status).toBe(201)
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' })
    expect(created.data.created_at).toBe('2026-01-01T00:00:02Z')
    expect(created.headers.location).toBe(created.data.url)
    const id = created.data.id
    const edited = await octokit.rest.issues.updateComment({
      ...where,
      comment_id: id,
      body: '<!-- ml-gate -->\nsecond'
    })
    expect(edited.data.updated_at).toBe('2026-01-01T00:00:03Z')
    expect((await octokit.rest.issues.getComment({ ...where, comment_id: id })).data.body).toBe(
      '<!-- ml-gate -->\nsecond'
    )
    expect((await octokit.rest.issues.deleteComment({ ...where, comment_id: id })).status).toBe(204)
    expect(github.state.comments).toEqual([])
    expect(await failure(octokit.rest.issues.getComment({ ...where, comment_id: id }))).toMatchObject({
      status: 404,
      message: 'Not Found'
    })
    expect(github.calls('issues/update-comment')).toHaveLength(1)
    github.assertNoViolations()
  })

  it('refuses a comment body over 65,536 characters with Validation Failed, and takes one at the limit', async () => {
    const error = await failure(octokit.rest.issues.createComment({ ...pr, body: 'x'.repeat(65_537) }))
    expect(error).toMatchObject({ status: 422, message: 'Validation Failed' })
    const response = github.requests.at(-1)
    expect(response?.status).toBe(422)
    await octokit.rest.issues.createComment({ ...pr, body: 'x'.repeat(65_536) })
    expect(github.state.comments).toHaveLength(1)
    github.assertNoViolations()
  })

  it('answers 404 for a comment on an issue that does not exist', async () => {
    expect(
      (await failure(octokit.rest.issues.createComment({ ...where, issue_number: 99, body: 'x' }))).status
    ).toBe(404)
  })
})

describe('requests the description does not allow', () => {
  it('records a body of the wrong type and answers 422', async () => {
    const error = await failure(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...pr,
        body: 42 as unknown as string
      })
    )
    expect(error.status).toBe(422)
    expect(github.violations).toEqual([
      {
        kind: 'body',
        method: 'POST',
        path: `/repos/${owner}/${repo}/issues/1/comments`,
        operationId: 'issues/create-comment',
        reason: 'body/body must be string'
      }
    ])
    expect(() => github.assertNoViolations()).toThrow(
      `GitHub's API description does not allow 1 request(s):\n- POST /repos/${owner}/${repo}/issues/1/comments [body] body/body must be string`
    )
  })

  it('records a path no operation has and answers 404', async () => {
    expect((await failure(octokit.request('GET /repos/{owner}/{repo}/ml-gate/comments', where))).status).toBe(
      404
    )
    expect(github.violations.map((v) => [v.kind, v.reason])).toEqual([
      ['unknown-operation', `no path of the description matches /repos/${owner}/${repo}/ml-gate/comments`]
    ])
  })

  it('records a method the path does not have', async () => {
    await failure(octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/comments', pr))
    expect(github.violations.map((v) => v.reason)).toEqual([
      '/repos/{owner}/{repo}/issues/{issue_number}/comments has no DELETE operation (it has GET, POST)'
    ])
  })

  it('records an undeclared query parameter and a mistyped one, and answers as GitHub (ignoring them)', async () => {
    const response = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...pr,
      sort: 'created'
    })
    expect(response.status).toBe(200)
    await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments?per_page=many', pr)
    expect(github.violations.map((v) => [v.kind, v.reason])).toEqual([
      ['query', 'query parameter sort is not declared (declared: since, per_page, page)'],
      ['query', 'query parameter per_page=many is not an integer']
    ])
  })

  it('records a path parameter of the wrong type', async () => {
    await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...where,
        comment_id: 'latest' as unknown as number
      })
    )
    expect(github.violations.map((v) => [v.kind, v.reason])).toEqual([
      ['path-parameter', 'path parameter comment_id=latest is not an integer']
    ])
  })

  it('answers 501 to an operation of the description the fake does not implement', async () => {
    const error = await failure(octokit.rest.issues.lock(pr))
    expect(error).toEqual({
      status: 501,
      message: 'FakeGitHub does not implement issues/lock',
      headers: expect.anything()
    })
    expect(github.violations.map((v) => v.kind)).toEqual(['not-implemented'])
  })

  it('prefers the literal path segment: issues/comments/{id} is get-comment, not issues/{issue_number}', async () => {
    const comment = github.state.addComment(1, 'hello', github.state.account('octocat'))
    await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...where,
      comment_id: comment.id
    })
    expect(github.requests.map((r) => [r.operationId, r.pathTemplate])).toEqual([
      ['issues/get-comment', '/repos/{owner}/{repo}/issues/comments/{comment_id}']
    ])
  })
})

describe('authentication and identity', () => {
  it('answers 401 without an authorization header, and accepts token and Bearer schemes', async () => {
    const path = `${github.url}/repos/${owner}/${repo}/issues/1/comments`
    const anonymous = await fetch(path)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    expect((await fetch(path, { headers: { authorization: 'token ghs_a' } })).status).toBe(200)
    expect((await fetch(path, { headers: { authorization: 'Bearer ghs_a' } })).status).toBe(200)
  })

  it('answers 401 Bad credentials to another token than the one configured', async () => {
    await github.stop()
    await startFake({ token: 'ghs_right' })
    expect(await failure(octokit.rest.issues.listComments(pr))).toMatchObject({
      status: 401,
      message: 'Bad credentials'
    })
  })

  it('models GITHUB_TOKEN: GET /user is 403, GET /app is 401, writes are by github-actions[bot]', async () => {
    expect(await failure(octokit.rest.users.getAuthenticated())).toMatchObject({
      status: 403,
      message: 'Resource not accessible by integration'
    })
    expect(await failure(octokit.rest.apps.getAuthenticated())).toMatchObject({
      status: 401,
      message: 'A JSON web token could not be decoded'
    })
    expect(github.identity).toEqual({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' })
  })

  it('models a personal access token: GET /user answers the user, who authors comments, and cannot create check runs', async () => {
    await github.stop()
    await startFake({ tokenKind: 'user', tokenLogin: 'maintainer-mia' })
    const me = await octokit.rest.users.getAuthenticated()
    expect([me.data.login, me.data.type]).toEqual(['maintainer-mia', 'User'])
    const comment = await octokit.rest.issues.createComment({ ...pr, body: 'hi' })
    expect(comment.data.user?.login).toBe('maintainer-mia')
    const error = await failure(
      octokit.rest.checks.create({ ...where, name: 'ml-gate', head_sha: 'a'.repeat(40) })
    )
    expect(error).toMatchObject({ status: 403, message: 'You must authenticate via a GitHub App.' })
    github.assertNoViolations()
  })

  it.each([
    ["a workflow's GITHUB_TOKEN", {}, 'github-actions[bot]'],
    ["a GitHub App's installation token", { tokenLogin: 'ml-gate-app[bot]' }, 'ml-gate-app[bot]'],
    [
      'a personal access token',
      { tokenKind: 'user' as const, tokenLogin: 'maintainer-mia' },
      'maintainer-mia'
    ]
  ])('answers GraphQL viewer { login } for %s with the author of its comments', async (_, options, login) => {
    await github.stop()
    await startFake(options)
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    const comment = await octokit.rest.issues.createComment({ ...pr, body: 'hi' })
    expect([viewer.login, comment.data.user?.login]).toEqual([login, login])
    expect(github.calls('graphql').map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/graphql', 200]
    ])
    github.assertNoViolations()
  })

  it('records any other GraphQL query as a violation', async () => {
    await expect(octokit.graphql('query { repository(owner: "a", name: "b") { id } }')).rejects.toThrow(
      'FakeGitHub does not implement this query'
    )
    expect(github.violations.map((v) => v.kind)).toEqual(['not-implemented'])
    github.violations.length = 0
  })

  it('answers GET pulls/{n} with the head commit, which a push moves', async () => {
    const before = await octokit.rest.pulls.get({ ...where, pull_number: 1 })
    github.state.issue(1)!.headSha = 'c'.repeat(40)
    const after = await octokit.rest.pulls.get({ ...where, pull_number: 1 })
    expect([before.data.number, before.data.head.sha, after.data.head.sha]).toEqual([
      1,
      '0123456789abcdef0123456789abcdef01234567',
      'c'.repeat(40)
    ])
    expect(await failure(octokit.rest.pulls.get({ ...where, pull_number: 2 }))).toMatchObject({ status: 404 })
    github.assertNoViolations()
  })

  it('refuses a login that does not fit the token kind', async () => {
    await expect(
      FakeGitHub.start({ owner, repo, tokenKind: 'user', tokenLogin: 'github-actions[bot]' })
    ).rejects.toThrow(
      'tokenLogin github-actions[bot] does not fit tokenKind user: only bot logins end in [bot]'
    )
  })

  it('gives a fork pull request a read-only token: reads work, writes answer 403', async () => {
    await github.stop()
    await startFake({ readOnlyToken: true })
    expect((await octokit.rest.issues.listComments(pr)).status).toBe(200)
    expect(await failure(octokit.rest.issues.createComment({ ...pr, body: 'x' }))).toMatchObject({
      status: 403,
      message: 'Resource not accessible by integration'
    })
    expect(github.state.comments).toEqual([])
  })
})

describe('fault injection', () => {
  it('answers the next N matching requests with the fault, then normally', async () => {
    github.fail({ operationId: 'issues/create-comment' }, faults.status(502), { times: 2 })
    expect(await failure(octokit.rest.issues.createComment({ ...pr, body: 'a' }))).toMatchObject({
      status: 502,
      message: 'Server Error'
    })
    expect((await octokit.rest.issues.listComments(pr)).status).toBe(200)
    expect((await failure(octokit.rest.issues.createComment({ ...pr, body: 'b' }))).status).toBe(502)
    expect((await octokit.rest.issues.createComment({ ...pr, body: 'c' })).status).toBe(201)
    expect(github.state.comments.map((c) => c.body)).toEqual(['c'])
    expect(github.requests.map((r) => r.status)).toEqual([502, 200, 502, 201])
  })

  it('matches by method and path template', async () => {
    github.fail(
      { method: 'PATCH', pathTemplate: '/repos/{owner}/{repo}/issues/comments/{comment_id}' },
      faults.status(503)
    )
    const comment = await octokit.rest.issues.createComment({ ...pr, body: 'a' })
    expect(
      (await failure(octokit.rest.issues.updateComment({ ...where, comment_id: comment.data.id, body: 'b' })))
        .status
    ).toBe(503)
  })

  it('answers a secondary rate limit with retry-after, and 403 integration errors', async () => {
    github.fail({ operationId: 'issues/list-comments' }, faults.secondaryRateLimit(30))
    github.fail({ operationId: 'checks/create' }, faults.integrationForbidden())
    const limited = await failure(octokit.rest.issues.listComments(pr))
    expect(limited.status).toBe(403)
    expect(limited.message).toMatch(/^You have exceeded a secondary rate limit/)
    expect(limited.headers['retry-after']).toBe('30')
    const forbidden = await failure(
      octokit.rest.checks.create({ ...where, name: 'ml-gate', head_sha: 'a'.repeat(40) })
    )
    expect(forbidden).toMatchObject({ status: 403, message: 'Resource not accessible by integration' })
  })

  it('answers a primary rate limit with x-ratelimit-remaining 0', async () => {
    github.fail({}, faults.primaryRateLimit(1_900_000_000))
    const limited = await failure(octokit.rest.issues.listComments(pr))
    expect([
      limited.status,
      limited.headers['x-ratelimit-remaining'],
      limited.headers['x-ratelimit-reset']
    ]).toEqual([403, '0', '1900000000'])
  })

  it('delays a request, then answers it normally', async () => {
    github.fail({ operationId: 'issues/list-comments' }, faults.delay(150))
    const started = Date.now()
    expect((await octokit.rest.issues.listComments(pr)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(145)
  })

  it('hangs a request until the client times out', async () => {
    github.fail({ operationId: 'issues/list-comments' }, faults.hang())
    await expect(
      octokit.rest.issues.listComments({ ...pr, request: { signal: AbortSignal.timeout(100) } })
    ).rejects.toThrow()
    expect(github.requests.map((r) => r.status)).toEqual([0])
  })
})

describe('check runs', () => {
  it('creates a check run and completes it, appending annotations across requests', async () => {
    const created = await octokit.rest.checks.create({
      ...where,
      name: 'ml-gate',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
      output: { title: 'Gate', summary: 'running', annotations: annotations(50) }
    })
    expect(created.data).toMatchObject({
      status: 'in_progress',
      conclusion: null,
      app: { slug: 'github-actions' },
      output: { annotations_count: 50 }
    })
    const updated = await octokit.rest.checks.update({
      ...where,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'Gate failed', summary: 'recall dropped', annotations: annotations(50) }
    })
    expect(updated.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: '2026-01-01T00:00:03Z',
      output: { title: 'Gate failed', summary: 'recall dropped', annotations_count: 100 }
    })
    expect(github.state.checkRuns[0].annotations).toHaveLength(100)
    github.assertNoViolations()
  })

  it('refuses 51 annotations in one request and a summary over 65,535 characters: both outside the description', async () => {
    const head = { ...where, name: 'ml-gate', head_sha: 'a'.repeat(40) }
    expect(
      (
        await failure(
          octokit.rest.checks.create({
            ...head,
            output: { title: 't', summary: 's', annotations: annotations(51) }
          })
        )
      ).status
    ).toBe(422)
    expect(
      (
        await failure(
          octokit.rest.checks.create({ ...head, output: { title: 't', summary: 's'.repeat(65_536) } })
        )
      ).status
    ).toBe(422)
    expect(github.violations.map((v) => v.reason)).toEqual([
      'body/output/annotations must NOT have more than 50 items',
      'body/output/summary must NOT have more than 65535 characters'
    ])
    expect(github.state.checkRuns).toEqual([])
  })

  it('refuses status completed without a conclusion', async () => {
    const error = await failure(
      octokit.rest.checks.create({ ...where, name: 'ml-gate', head_sha: 'a'.repeat(40), status: 'completed' })
    )
    expect(error).toMatchObject({ status: 422, message: 'Validation Failed' })
  })
})

describe('labels, events and permissions (an override label)', () => {
  it('lists labels and labeled events with their actor, and collaborator roles', async () => {
    github.state.setRole('maintainer-mia', 'maintain')
    github.state.setRole('drive-by', 'none')
    github.state.labelIssue(1, 'ml-gate:override', github.state.account('maintainer-mia'))
    github.state.labelIssue(1, 'ml-gate:override', github.state.account('drive-by'))
    const labels = await octokit.rest.issues.listLabelsOnIssue(pr)
    expect(labels.data.map((l) => l.name)).toEqual(['ml-gate:override'])
    const events = await octokit.rest.issues.listEvents(pr)
    expect(events.data.map((e) => [e.event, e.actor?.login, 'label' in e ? e.label.name : null])).toEqual([
      ['labeled', 'maintainer-mia', 'ml-gate:override']
    ])
    const mia = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...where,
      username: 'maintainer-mia'
    })
    expect([mia.data.permission, mia.data.role_name]).toEqual(['write', 'maintain'])
    const driveBy = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...where,
      username: 'drive-by'
    })
    expect([driveBy.data.permission, driveBy.data.role_name]).toEqual(['none', 'none'])
    expect(
      (await failure(octokit.rest.repos.getCollaboratorPermissionLevel({ ...where, username: 'nobody' })))
        .status
    ).toBe(404)
    github.assertNoViolations()
  })
})

describe('issues (a drift monitor)', () => {
  it('opens, finds, updates and closes one labelled issue', async () => {
    const opened = await octokit.rest.issues.create({
      ...where,
      title: 'Drift in incoming.csv',
      body: 'PSI 0.31 on Age',
      labels: ['ml-gate:drift']
    })
    expect(opened.data).toMatchObject({
      number: 2,
      state: 'open',
      user: { login: 'github-actions[bot]' },
      labels: [{ name: 'ml-gate:drift' }]
    })
    const open = await octokit.rest.issues.listForRepo({ ...where, labels: 'ml-gate:drift' })
    expect(open.data.map((i) => i.number)).toEqual([2])
    expect(
      (await octokit.rest.issues.listForRepo(where)).data.map((i) => [i.number, i.pull_request === undefined])
    ).toEqual([
      [2, true],
      [1, false]
    ])
    await octokit.rest.issues.update({ ...where, issue_number: 2, body: 'PSI 0.12 on Age' })
    const closed = await octokit.rest.issues.update({ ...where, issue_number: 2, state: 'closed' })
    expect(closed.data).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_at: '2026-01-01T00:00:05Z',
      body: 'PSI 0.12 on Age'
    })
    expect((await octokit.rest.issues.listForRepo({ ...where, labels: 'ml-gate:drift' })).data).toEqual([])
    const all = await octokit.rest.issues.listForRepo({ ...where, labels: 'ml-gate:drift', state: 'all' })
    expect(all.data.map((i) => i.state)).toEqual(['closed'])
    expect((await octokit.rest.issues.get({ ...where, issue_number: 2 })).data.title).toBe(
      'Drift in incoming.csv'
    )
    github.assertNoViolations()
  })
})
