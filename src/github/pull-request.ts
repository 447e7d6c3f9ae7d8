import { UserInputError } from '../errors.js'
import { statusOf } from './api-errors.js'
import type { GitHubClient } from './octokit.js'
import type { IssueRef } from './sticky-comment.js'

/**
 * Checks that the pull request `issue` names is the one a `workflow_run` run was about: its head
 * commit must be `runHeadSha` (`workflow_run.head_sha`).
 *
 * Why: a `workflow_run` workflow has a write token, and for a fork's pull request the number
 * reaches it only through the artifact the fork's `pull_request` run uploaded, which the fork's
 * code wrote. Unchecked, a fork could make ml-gate post its report, with a passing verdict, on
 * any pull request of the repository. GitHub sets `workflow_run.head_sha` itself, and only the
 * pull request whose head that commit is can be the one the results are about.
 *
 * @throws UserInputError when the pull request does not exist, or its head is another commit
 *   (also when it was pushed to since the run: the next run will report on it)
 */
export async function verifyPullRequestHead(
  client: GitHubClient,
  issue: IssueRef,
  runHeadSha: string,
  input: string
): Promise<void> {
  let head: string
  try {
    const { data } = await client.rest.pulls.get({
      owner: issue.owner,
      repo: issue.repo,
      pull_number: issue.issueNumber
    })
    head = data.head.sha
  } catch (error) {
    if (statusOf(error) !== 404) throw error
    throw new UserInputError(
      `input '${input}': there is no pull request #${issue.issueNumber} in ${issue.owner}/${issue.repo}; ` +
        'refusing to report on it'
    )
  }
  if (head !== runHeadSha) {
    throw new UserInputError(
      `input '${input}': pull request #${issue.issueNumber} has head commit ${head}, but this ` +
        `workflow_run is for commit ${runHeadSha} (workflow_run.head_sha); refusing to report on ` +
        'it. The number came from the artifact, which the pull request that produced it can ' +
        "write; only the pull request whose head is the run's commit is accepted (after a new " +
        'push, its next run reports)'
    )
  }
}
