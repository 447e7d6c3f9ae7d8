import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { FakeGitHub } from '../support/github/fake-github.js'
import { OpenApiDescription } from '../support/github/openapi.js'

const owner = 'octo-org'
const repo = 'credit-model'
const where = { owner, repo }
const api = OpenApiDescription.load()

/**
 * Every operation the fake implements answers what GitHub's description says, checked here
 * explicitly (the fake also checks its own answers and records a `response` violation).
 */
describe('the fake answers schema-valid responses', () => {
  let bot: FakeGitHub
  let user: FakeGitHub
  const checked = new Set<string>()

  beforeAll(async () => {
    bot = await FakeGitHub.start({ owner, repo })
    user = await FakeGitHub.start({ owner, repo, tokenKind: 'user', tokenLogin: 'maintainer-mia' })
    bot.state.setRole('maintainer-mia', 'admin')
    bot.state.addComment(1, 'earlier', bot.state.account('octocat'))
    bot.state.labelIssue(1, 'ml-gate:override', bot.state.account('maintainer-mia'))
    bot.state.unlabelIssue(1, 'ml-gate:override', bot.state.account('maintainer-mia'))
  })
  afterAll(async () => {
    await bot.stop()
    await user.stop()
  })

  /** Sends `route` to the fake and validates the answer against the operation's response schema. */
  async function check(
    fake: FakeGitHub,
    route: string,
    parameters: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const octokit = new Octokit({ auth: 'ghs_test', baseUrl: fake.url })
    const response = await octokit.request(route, {
      ...(route.includes('{owner}') ? where : {}),
      ...parameters
    })
    const request = fake.requests.at(-1)
    const operationId = request?.operationId as string
    expect(
      api.checkResponse(operationId, response.status, response.status === 204 ? undefined : response.data)
    ).toEqual({ allowed: true })
    checked.add(operationId)
    return response.data as Record<string, unknown>
  }

  it('for every implemented operation', async () => {
    const comment = await check(bot, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      issue_number: 1,
      body: 'hi'
    })
    await check(bot, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: 1 })
    await check(bot, 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: comment.id })
    await check(bot, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      comment_id: comment.id,
      body: 'edited'
    })
    await check(bot, 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: comment.id })
    const run = await check(bot, 'POST /repos/{owner}/{repo}/check-runs', {
      name: 'ml-gate',
      head_sha: 'a'.repeat(40)
    })
    await check(bot, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      check_run_id: run.id,
      conclusion: 'success',
      output: { title: 'ok', summary: 'ok' }
    })
    await check(bot, 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}', { check_run_id: run.id })
    await check(bot, 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels', { issue_number: 1 })
    const events = await check(bot, 'GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
      issue_number: 1
    })
    expect((events as unknown as { event: string }[]).map((e) => e.event)).toEqual(['labeled', 'unlabeled'])
    await check(bot, 'GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      username: 'maintainer-mia'
    })
    await check(user, 'GET /user', {})
    const issue = await check(bot, 'POST /repos/{owner}/{repo}/issues', { title: 'Drift', labels: ['drift'] })
    await check(bot, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      issue_number: issue.number,
      state: 'closed'
    })
    await check(bot, 'GET /repos/{owner}/{repo}/issues/{issue_number}', { issue_number: issue.number })
    await check(bot, 'GET /repos/{owner}/{repo}/issues', { state: 'all' })
    await check(bot, 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: 1 })
    bot.state.addCommit('a'.repeat(40), [], 'main')
    bot.state.addCommit('b'.repeat(40), ['a'.repeat(40)], 'feature')
    const comparison = await check(bot, 'GET /repos/{owner}/{repo}/compare/{basehead}', {
      basehead: `main...${'b'.repeat(40)}`
    })
    expect([comparison.status, comparison.ahead_by]).toEqual(['ahead', 1])
    bot.state.addArtifact({ name: 'ml-gate-baseline', zip: new Uint8Array([1, 2]), headSha: 'a'.repeat(40) })
    await check(bot, 'GET /repos/{owner}/{repo}/actions/artifacts', { name: 'ml-gate-baseline' })
    // GET /app answers 401 to every token the fake knows (see fake-github.ts): no success to check;
    // an artifact's zip answers 302 to its blob, no body to check.
    expect(bot.implemented.filter((id) => !checked.has(id))).toEqual([
      'apps/get-authenticated',
      'actions/download-artifact'
    ])
    bot.assertNoViolations()
    user.assertNoViolations()
  })

  it('and the check can fail: a comment without its user is refused', () => {
    const comment = {
      id: 1,
      node_id: 'IC_1',
      url: 'https://x.test/c/1',
      html_url: 'https://x.test/c/1',
      issue_url: 'https://x.test/i/1',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z'
    }
    expect(api.checkResponse('issues/get-comment', 200, comment)).toEqual({
      allowed: false,
      reason: "response must have required property 'user'"
    })
    expect(
      api.checkResponse('issues/get-comment', 200, { ...comment, user: null, created_at: 'yesterday' })
    ).toEqual({
      allowed: false,
      reason: 'response/created_at must match format "date-time"'
    })
    expect(api.checkResponse('issues/get-comment', 200, { ...comment, user: null })).toEqual({
      allowed: true
    })
    expect(api.checkResponse('issues/delete-comment', 200, undefined)).toEqual({
      allowed: false,
      reason: 'issues/delete-comment does not document status 200'
    })
  })
})
