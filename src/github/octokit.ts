import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import { networkFailure } from './api-errors.js'
import { DEFAULT_RETRY, retryWithinBudget, type RetryPolicy } from './retry.js'

export type GitHubClient = Octokit

/** Where Octokit's own messages go (the action passes `@actions/core`'s debug and warning). */
export interface ClientLog {
  readonly debug: (message: string) => void
  readonly warn: (message: string) => void
}

/** Retries of a rate-limited request before giving up. */
const RATE_LIMIT_RETRIES = 2
/** Longest wait for a rate limit before giving up, in seconds: a report is not worth an hour. */
const LONGEST_WAIT = 120
/**
 * Longest wait for one answer, in milliseconds. Octokit sets none, and Node's fetch waits 300 s
 * for headers, so a hung connection would hold the job for minutes per request; a request that
 * times out is retried as a 5xx is.
 */
export const REQUEST_TIMEOUT_MS = 30_000

/**
 * An Octokit for the REST and GraphQL APIs at `baseUrl` (the runner's `GITHUB_API_URL`; GitHub
 * Enterprise Server has its own), authenticated with `token`, passed explicitly as the toolkit's
 * `getOctokit(token)` does.
 *
 * - Each attempt gets at most `options.timeoutMs` (default `REQUEST_TIMEOUT_MS`, 30 s).
 * - A request that got no answer fails with a `NetworkError` naming the cause (`ENOTFOUND`,
 *   `ECONNREFUSED`, `timeout`…), never a made-up status 500.
 * - Transient failures (5xx, no answer; not an unknown host) are retried after 1, 4 and 9 s
 *   within `options.retry` (default `DEFAULT_RETRY`: 20 s of retrying per client in all).
 * - Primary and secondary rate limits wait for `retry-after` / the reset time, at most twice and
 *   at most 120 s each (plugin-throttling), then fail.
 */
export function createGitHubClient(
  token: string,
  options: {
    readonly baseUrl: string
    readonly log: ClientLog
    readonly userAgent?: string
    readonly timeoutMs?: number
    readonly retry?: RetryPolicy
    /** The `fetch` to send requests with (tests fake network failures). */
    readonly fetch?: typeof fetch
  }
): GitHubClient {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS
  const send = options.fetch ?? fetch
  const fetchWithTimeout: typeof fetch = async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    try {
      return await send(input, { ...init, signal })
    } catch (error) {
      // The caller's own abort stays what it is; anything else got no answer from GitHub.
      if (init?.signal?.aborted === true) throw error
      throw networkFailure(error, input instanceof Request ? input.url : String(input), timeoutMs)
    }
  }
  const wait =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _: unknown, retryCount: number) => {
      const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_WAIT
      options.log.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: ` +
          (retrying ? `retrying in ${retryAfter} s` : 'giving up')
      )
      return retrying
    }
  const Client = Octokit.plugin(
    throttling,
    retryWithinBudget(options.retry ?? DEFAULT_RETRY, options.log.warn)
  )
  return new Client({
    auth: token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent ?? 'ml-gate',
    log: {
      debug: options.log.debug,
      info: options.log.debug,
      warn: options.log.warn,
      error: options.log.debug
    },
    throttle: { onRateLimit: wait('primary'), onSecondaryRateLimit: wait('secondary') },
    request: { fetch: fetchWithTimeout }
  })
}
