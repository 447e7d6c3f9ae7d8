import type { ReportAnnotation } from '../report/annotations.js'
import type { ReportVerdict } from '../report/comment-state.js'
import type { GitHubClient } from './octokit.js'

/** Annotations per Checks API request: GitHub's limit. */
export const ANNOTATIONS_PER_REQUEST = 50

/**
 * The check run's conclusion for a verdict. `warn` and `overridden` are `neutral`: they pass
 * branch protection (as `success` does) and still stand out in the checks list.
 */
export const CONCLUSION: Record<ReportVerdict, 'success' | 'neutral' | 'failure'> = {
  pass: 'success',
  warn: 'neutral',
  overridden: 'neutral',
  fail: 'failure'
}

export interface CheckRunRequest {
  readonly owner: string
  readonly repo: string
  readonly name: string
  /** The pull request's head commit (not the merge commit a `pull_request` run checks out). */
  readonly headSha: string
  readonly verdict: ReportVerdict
  /** One line, e.g. the headline. */
  readonly title: string
  /** Markdown, at most 65,535 characters. */
  readonly summary: string
  /** Only annotations with a file and line are sent. */
  readonly annotations: readonly ReportAnnotation[]
  readonly detailsUrl?: string
}

/**
 * Publishes a completed check run whose conclusion follows the verdict. The Checks API takes 50
 * annotations per request, so the run is created with the first 50 and updated with the next 50
 * until all are sent (GitHub appends the annotations of each update).
 *
 * @returns the check run's id and page
 */
export async function publishCheckRun(
  client: GitHubClient,
  request: CheckRunRequest
): Promise<{ id: number; url: string }> {
  const annotations = request.annotations
    .filter((a) => a.file !== undefined && a.line !== undefined)
    .map((a) => ({
      path: a.file!,
      start_line: a.line!,
      end_line: a.line!,
      annotation_level: a.level,
      title: a.title,
      message: a.message
    }))
  const batches: (typeof annotations)[] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const output = (batch: typeof annotations | undefined) => ({
    title: request.title,
    summary: request.summary,
    ...(batch === undefined ? {} : { annotations: batch })
  })
  const where = { owner: request.owner, repo: request.repo }
  const { data } = await client.rest.checks.create({
    ...where,
    name: request.name,
    head_sha: request.headSha,
    status: 'completed',
    conclusion: CONCLUSION[request.verdict],
    ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
    output: output(batches[0])
  })
  for (const batch of batches.slice(1)) {
    await client.rest.checks.update({ ...where, check_run_id: data.id, output: output(batch) })
  }
  return { id: data.id, url: data.html_url ?? '' }
}
