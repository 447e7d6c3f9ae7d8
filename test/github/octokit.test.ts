import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { messageOf, networkErrorOf, statusOf } from '../../src/github/api-errors.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import type { RetryClock } from '../../src/github/retry.js'
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

/** A clock that only moves when the retries wait: waits are recorded, not slept. */
function fakeClock(): RetryClock & { waits: number[] } {
  let now = 0
  const waits: number[] = []
  return { waits, now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) }
}

/** What Node's fetch throws when the lookup of `host` fails. */
function dnsFailure(host: string): typeof fetch {
  return () => {
    const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
      code: 'ENOTFOUND',
      hostname: host
    })
    return Promise.reject(new TypeError('fetch failed', { cause }))
  }
}

describe('retries within a time budget', () => {
  const failing = (
    budgetMs: number,
    clock: RetryClock,
    extra: { fetch?: typeof fetch; baseUrl?: string } = {}
  ) =>
    createGitHubClient('ghs_test', {
      baseUrl: extra.baseUrl ?? github.url,
      log: { debug: () => {}, warn: (m) => warnings.push(m) },
      retry: { budgetMs, retries: 3, clock },
      ...(extra.fetch ? { fetch: extra.fetch } : {})
    })

  it('backs off 1 s, then 4 s, and stops retrying once the budget of the whole client is spent', async () => {
    const clock = fakeClock()
    github.fail({ operationId: 'issues/list-comments' }, faults.status(502), { times: 100 })
    const client = failing(10_000, clock)
    await expect(client.rest.issues.listComments(where)).rejects.toMatchObject({ status: 502 })
    // t=0 fail, wait 1 s; t=1 fail, wait 4 s; t=5 fail: a 9 s wait would end at 14 s > 10 s.
    expect(clock.waits).toEqual([1000, 4000])
    await expect(client.rest.issues.listComments(where)).rejects.toMatchObject({ status: 502 })
    // The budget is the client's, from its first failure: the waits end at 6 s and 10 s, and a
    // 9 s wait at 10 s would end at 19 s.
    expect(clock.waits).toEqual([1000, 4000, 1000, 4000])
    expect(github.calls('issues/list-comments').map((r) => r.status)).toEqual(Array(6).fill(502))
    expect(warnings).toEqual([
      'GitHub: status 502 on GET /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
      'GitHub: status 502 on GET /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 4 s',
      'GitHub: not retrying GET /repos/{owner}/{repo}/issues/{issue_number}/comments again: the 10 s retry budget of this run is spent (status 502)',
      'GitHub: status 502 on GET /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
      'GitHub: status 502 on GET /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 4 s',
      'GitHub: not retrying GET /repos/{owner}/{repo}/issues/{issue_number}/comments again: the 10 s retry budget of this run is spent (status 502)'
    ])
  })

  it('calls a DNS failure ENOTFOUND, not 500, and does not retry an unknown host', async () => {
    const clock = fakeClock()
    const client = failing(20_000, clock, { fetch: dnsFailure('api.github.com') })
    const error: unknown = await client.rest.issues.listComments(where).catch((e: unknown) => e)
    expect(statusOf(error)).toBeNull()
    expect(messageOf(error)).toBe(
      'cannot reach 127.0.0.1:' + new URL(github.url).port + ': getaddrinfo ENOTFOUND api.github.com'
    )
    expect(networkErrorOf(error)?.code).toBe('ENOTFOUND')
    expect(clock.waits).toEqual([])
  })

  it('names a refused connection ECONNREFUSED and retries it within the budget', async () => {
    const closed = await FakeGitHub.start({ owner: 'octo-org', repo: 'credit-model' })
    const baseUrl = closed.url
    await closed.stop()
    const clock = fakeClock()
    const error: unknown = await failing(5_000, clock, { baseUrl })
      .rest.issues.listComments(where)
      .catch((e: unknown) => e)
    expect(networkErrorOf(error)?.code).toBe('ECONNREFUSED')
    expect(messageOf(error)).toBe(
      `cannot reach ${new URL(baseUrl).host}: connect ECONNREFUSED ${new URL(baseUrl).host}`
    )
    expect(statusOf(error)).toBeNull()
    expect(clock.waits).toEqual([1000, 4000])
  })

  it('names a request that got no answer in time a timeout', async () => {
    github.fail({ operationId: 'issues/list-comments' }, faults.hang())
    const client = createGitHubClient('ghs_test', {
      baseUrl: github.url,
      log: { debug: () => {}, warn: (m) => warnings.push(m) },
      timeoutMs: 200,
      retry: { budgetMs: 0, retries: 3, clock: fakeClock() }
    })
    const error: unknown = await client.rest.issues.listComments(where).catch((e: unknown) => e)
    expect(messageOf(error)).toBe(`no answer from ${new URL(github.url).host} within 0.2 s (timeout)`)
    expect(networkErrorOf(error)?.code).toBe('timeout')
  })
})
