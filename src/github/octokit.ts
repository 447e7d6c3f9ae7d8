import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'

/** Octokit with GitHub's recommended retry (5xx, with backoff) and throttling (rate limits). */
const RetryingOctokit = Octokit.plugin(retry, throttling)

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
 * An Octokit for the REST API at `baseUrl` (the runner's `GITHUB_API_URL`; GitHub Enterprise
 * Server has its own), authenticated with `token`, passed explicitly as the toolkit's
 * `getOctokit(token)` does. Transient errors (5xx) are retried with backoff (plugin-retry: 3
 * retries); primary and secondary rate limits wait for `retry-after` / the reset time, at most
 * twice and at most 120 s each (plugin-throttling), then fail. Each attempt gets at most
 * `options.timeoutMs` (default `REQUEST_TIMEOUT_MS`, 30 s) before it is aborted and retried.
 */
export function createGitHubClient(
  token: string,
  options: {
    readonly baseUrl: string
    readonly log: ClientLog
    readonly userAgent?: string
    readonly timeoutMs?: number
  }
): GitHubClient {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS
  const fetchWithTimeout: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return fetch(input, { ...init, signal })
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
  return new RetryingOctokit({
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
