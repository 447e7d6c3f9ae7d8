/** What an Octokit request error tells us, without depending on its class. */
interface RequestErrorLike {
  readonly status?: number
  readonly message?: string
  readonly response?: { readonly data?: { readonly message?: string } }
}

/** The HTTP status of a failed request; `null` for errors that are not HTTP answers. */
export function statusOf(error: unknown): number | null {
  const status = (error as RequestErrorLike | null)?.status
  return typeof status === 'number' ? status : null
}

/** GitHub's message of a failed request (`Resource not accessible by integration`), else the error's. */
export function messageOf(error: unknown): string {
  const e = error as RequestErrorLike | null
  return e?.response?.data?.message ?? e?.message ?? String(error)
}

/**
 * A token without the permission asked for: a fork pull request's read-only `GITHUB_TOKEN`, or a
 * workflow whose `permissions:` leave out `pull-requests: write` / `checks: write`.
 */
export function isPermissionDenied(error: unknown): boolean {
  return (
    statusOf(error) === 403 &&
    /not accessible by integration|must authenticate via a GitHub App/i.test(messageOf(error))
  )
}
