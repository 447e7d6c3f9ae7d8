import type { Octokit } from '@octokit/core'
import { NetworkError, networkErrorOf, statusOf } from './api-errors.js'

/** What the retries read the time from and wait on; tests pass a fake one. */
export interface RetryClock {
  /** Milliseconds since some fixed point. */
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
}

export const SYSTEM_CLOCK: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

export interface RetryPolicy {
  /**
   * Total time for retrying, in milliseconds, counted from the client's first failed request:
   * a retry whose wait would end past it is not made, so an unreachable API costs one run this
   * long at most, not the sum of every request's backoff.
   */
  readonly budgetMs: number
  /** Retries of one request at most. */
  readonly retries: number
  readonly clock: RetryClock
}

/** 20 s of retrying per run; 3 retries per request, after 1, 4 and 9 s (Octokit's backoff). */
export const DEFAULT_RETRY: RetryPolicy = { budgetMs: 20_000, retries: 3, clock: SYSTEM_CLOCK }

/** Wait before retry `n` (from 0): (n + 1)² seconds. */
export function backoffMs(n: number): number {
  return (n + 1) ** 2 * 1000
}

/**
 * Whether a failure may pass if asked again: a 5xx answer, or no answer at all (connection
 * refused or reset, timeout, a DNS lookup that failed for now). A host that does not exist
 * (ENOTFOUND) or a 4xx answer will not change; rate limits are the throttling plugin's.
 */
function isTransient(error: unknown): boolean {
  const network = networkErrorOf(error)
  if (network !== null) return network.code !== 'ENOTFOUND'
  const status = statusOf(error)
  return status !== null && status >= 500
}

/**
 * An Octokit plugin that retries transient failures (see `isTransient`) within `policy`'s time
 * budget, shared by every request of the client, and says on `log` when it gives up for lack of
 * time.
 */
export function retryWithinBudget(policy: RetryPolicy, log: (message: string) => void) {
  let firstFailure: number | null = null
  return (octokit: Octokit): Record<string, never> => {
    octokit.hook.wrap('request', async (request, options) => {
      for (let retry = 0; ; retry++) {
        try {
          return await request(options)
        } catch (error) {
          if (!isTransient(error) || retry >= policy.retries) throw error
          const now = policy.clock.now()
          firstFailure ??= now
          const wait = backoffMs(retry)
          if (now + wait - firstFailure > policy.budgetMs) {
            log(
              `GitHub: not retrying ${options.method ?? ''} ${options.url ?? ''} again: ` +
                `the ${policy.budgetMs / 1000} s retry budget of this run is spent (${describe(error)})`
            )
            throw error
          }
          log(
            `GitHub: ${describe(error)} on ${options.method ?? ''} ${options.url ?? ''}: retrying in ${wait / 1000} s`
          )
          await policy.clock.sleep(wait)
        }
      }
    })
    return {}
  }
}

function describe(error: unknown): string {
  const network = networkErrorOf(error)
  return network instanceof NetworkError ? network.code : `status ${statusOf(error)}`
}
