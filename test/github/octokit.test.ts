import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/octokit.js'
import { FakeGitHub, faults } from '../support/github/fake-github.js'

const where = { owner: 'octo-org', repo: 'credit-model', issue_number: 1 }
let github: FakeGitHub
let warnings: string[]
beforeEach(async () => {
  github = await FakeGitHub.start({ owner: 'octo-org', repo: 'credit-model' })
  warnings = []
})
afterEach(async () => {
  github.assertNoViolations()
  await github.stop()
})

function client() {
  return createGitHubClient('ghs_test', {
    baseUrl: github.url,
    log: { debug: () => {}, warn: (m) => warnings.push(m) }
  })
}

describe('createGitHubClient', () => {
  it('sends the token to baseUrl', async () => {
    await client().rest.issues.listComments(where)
    expect(github.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/repos/octo-org/credit-model/issues/1/comments', 'token ghs_test']
    ])
  })

  it('waits for the primary rate limit reset and retries', async () => {
    github.fail(
      { operationId: 'issues/list-comments' },
      faults.primaryRateLimit(Math.floor(Date.now() / 1000))
    )
    const { status } = await client().rest.issues.listComments(where)
    expect(status).toBe(200)
    expect(github.calls('issues/list-comments').map((r) => r.status)).toEqual([403, 200])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^GitHub primary rate limit on GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying in [12] s$/
    )
  })

  it('gives up on a rate limit that lasts longer than two minutes', async () => {
    github.fail({ operationId: 'issues/create-comment' }, faults.secondaryRateLimit(3600))
    await expect(client().rest.issues.createComment({ ...where, body: 'x' })).rejects.toMatchObject({
      status: 403
    })
    expect(warnings).toEqual([
      'GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: giving up'
    ])
    expect(github.state.comments).toEqual([])
  })
})
