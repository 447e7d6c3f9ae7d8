import { existsSync } from 'node:fs'
import * as core from '@actions/core'
import { ExitCode, UserInputError } from '../../errors.js'
import { annotate } from '../../github/annotate.js'
import { isPermissionDenied, messageOf, statusOf } from '../../github/api-errors.js'
import { publishCheckRun } from '../../github/check-run.js'
import type { GitHubClient } from '../../github/octokit.js'
import { findOverride } from '../../github/override.js'
import { verifyPullRequestHead } from '../../github/pull-request.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { readRunContext, type RunContext } from '../../github/run-context.js'
import { tokenIdentity, upsertStickyComment, type IssueRef } from '../../github/sticky-comment.js'
import { contractAnnotations, limitPerLevel, summaryAnnotations } from '../../report/annotations.js'
import { commentBody } from '../../report/comment-body.js'
import { commentMarker } from '../../report/comment-state.js'
import { plainText } from '../../text/escape.js'
import {
  commentLimits,
  renderReport,
  reportContent,
  reportHeadline,
  reportTitle,
  reportVerdict,
  SUMMARY_LIMITS,
  type ReportContent
} from '../../report/pr-report.js'
import { reportStep } from '../../steps/report.js'
import { Inputs, Outputs, type ReportOptions } from './inputs.js'
import { logInfo } from '../../github/log.js'

/** GitHub shows 10 workflow-command annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10
/** A check run's output summary: at most 65,535 characters. */
const CHECK_SUMMARY_LIMIT = 65_535

const READ_ONLY_WARNING =
  'ml-gate: the token cannot write to this pull request (403 Resource not accessible by integration), ' +
  "as happens for pull requests from forks, whose GITHUB_TOKEN is read-only. The full report is in the job summary, and the gate's verdict still decides this job. " +
  'To comment on fork pull requests, upload the results folder as an artifact in the pull_request workflow and run the report action from a workflow_run workflow, ' +
  "passing the pull request's number (saved with the artifact) as pr-number: " +
  'https://docs.github.com/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run'

/**
 * Talks to GitHub on the report's behalf: a denied write (a fork's read-only token) is said once,
 * as a warning, and no further write is tried; any other failure of a request (after Octokit's
 * retries) is a warning naming what could not be done. Neither changes the job's result, which
 * is the gate's verdict.
 */
class Publisher {
  private denied = false

  constructor(private readonly onDenied: () => Promise<void>) {}

  async attempt<T>(what: string, write: boolean, call: () => Promise<T>): Promise<T | null> {
    if (write && this.denied) return null
    try {
      return await call()
    } catch (error) {
      // Bad input is said as such (exit 2), never downgraded to a warning.
      if (error instanceof UserInputError) throw error
      if (isPermissionDenied(error)) {
        if (!this.denied) {
          this.denied = true
          core.warning(READ_ONLY_WARNING)
          await this.onDenied()
        }
        return null
      }
      const status = statusOf(error)
      core.warning(
        `ml-gate: could not ${what}: ${status === null ? '' : `${status} `}${messageOf(error)}. ` +
          "The report is in the job summary; the gate's verdict still decides this job."
      )
      return null
    }
  }
}

/**
 * Publishes the results in `options.results`: job summary, annotations, sticky PR comment, check
 * run, in that order. The report action's work, shared with the root action, which runs the
 * pipeline first.
 */
export async function publishReport(options: ReportOptions): Promise<ActionOutcome> {
  const context = readRunContext(process.env, options.prNumber)
  // A fork-safe comment job has no checkout: the config is named (not readable here) with the run
  // that computed the results, rather than left out.
  const report = await reportStep({
    results: options.results,
    config: existsSync(options.config) || context.workflowRunUrl !== null ? options.config : null,
    commit: context.headSha,
    computedIn: context.workflowRunUrl
  })
  const { results, audit } = report
  // Octokit is loaded only when there is a token to use it with: a run that posts nothing
  // (or fails before it would) neither parses nor evaluates it.
  const client =
    options.token === null
      ? null
      : (await import('../../github/octokit.js')).createGitHubClient(options.token, {
          baseUrl: context.apiUrl,
          log: { debug: core.debug, warn: (message) => core.info(message) }
        })
  let issue: IssueRef | null =
    context.pullNumber === null
      ? null
      : { owner: context.owner, repo: context.repo, issueNumber: context.pullNumber }

  let summaryWritten = false
  const writeSummary = async (content: ReportContent): Promise<void> => {
    if (summaryWritten) return
    summaryWritten = true
    await core.summary.addRaw(renderReport(content, SUMMARY_LIMITS)).write()
  }
  let content = report.content
  const publisher = new Publisher(() => writeSummary(content))
  if (
    client !== null &&
    issue !== null &&
    options.prNumber !== null &&
    context.eventName === 'workflow_run'
  ) {
    issue = await trustedPullRequest(client, publisher, issue, context.workflowRunHeadSha)
  }

  if (client !== null && issue !== null && content.verdict?.verdict === 'fail') {
    const override = await publisher.attempt(`read the label ${options.overrideLabel}`, false, () =>
      findOverride(client, issue, options.overrideLabel)
    )
    content = reportContent(results, audit, { override })
    if (override !== null) {
      logInfo(
        `${options.overrideLabel}: added by ${override.by} (${override.role}) at ${override.at}: ` +
          (override.honoured ? 'the verdict is overridden' : 'not honoured, write access is required')
      )
    }
  }
  const verdict = reportVerdict(content)
  // Log lines and titles are plain text: a newline from data could start a workflow command.
  const headline = plainText(reportHeadline(content))
  core.setOutput(Outputs.Verdict, verdict)
  // Several named candidates: the one to ship; left unset (empty) when none passes or in unnamed mode.
  const winner = content.verdict?.winner ?? null
  if (winner !== null) core.setOutput(Outputs.Winner, winner)
  logInfo(`ml-gate: ${verdict}: ${headline}`)

  if (options.summary) await writeSummary(content)
  annotate(
    limitPerLevel(
      summaryAnnotations(content.verdict, content.validations),
      ANNOTATIONS_PER_LEVEL,
      'the job summary'
    )
  )

  if (client !== null && options.comment) {
    if (issue === null) {
      core.info(
        `ml-gate: no pull request in this ${context.eventName} run, so no comment; give pr-number to comment from workflow_run`
      )
    } else {
      await comment(client, publisher, issue, content, options, context)
    }
  }
  if (client !== null && options.checkName !== null) {
    await checkRun(client, publisher, content, options.checkName, context)
  }

  return verdict === 'fail'
    ? { code: ExitCode.GateFailed, failure: `ml-gate: ${headline}` }
    : { code: ExitCode.Pass }
}

/**
 * `issue` (from the `pr-number` input) when it is the pull request this `workflow_run` is about
 * (see `verifyPullRequestHead`); `null`, after a warning, when GitHub could not be asked.
 *
 * @throws UserInputError when it is another pull request, or the event names no commit
 */
async function trustedPullRequest(
  client: GitHubClient,
  publisher: Publisher,
  issue: IssueRef,
  runHeadSha: string | null
): Promise<IssueRef | null> {
  if (runHeadSha === null) {
    throw new UserInputError(
      `input '${Inputs.PrNumber.name}': the workflow_run event has no workflow_run.head_sha to check ` +
        `pull request #${issue.issueNumber} against; refusing to report on it`
    )
  }
  return publisher.attempt(`check that pull request #${issue.issueNumber} is this run's`, false, async () => {
    await verifyPullRequestHead(client, issue, runHeadSha, Inputs.PrNumber.name)
    return issue
  })
}

async function comment(
  client: GitHubClient,
  publisher: Publisher,
  issue: IssueRef,
  content: ReportContent,
  options: ReportOptions,
  context: RunContext
): Promise<void> {
  const identity = await publisher.attempt('find who the token is', false, () => tokenIdentity(client))
  if (identity === null) return
  const posted = await publisher.attempt(`comment on pull request #${issue.issueNumber}`, true, () =>
    upsertStickyComment(client, issue, {
      marker: commentMarker(options.commentKey),
      identity,
      skipUnchanged: options.skipUnchanged,
      render: (previousBody) =>
        commentBody(content, {
          key: options.commentKey,
          previousBody,
          commit: context.headSha,
          runUrl: context.runUrl
        })
    })
  )
  if (posted === null) return
  core.info(`ml-gate: comment ${posted.action}: ${posted.url}`)
  core.setOutput(Outputs.CommentId, String(posted.id))
  core.setOutput(Outputs.CommentUrl, posted.url)
}

async function checkRun(
  client: GitHubClient,
  publisher: Publisher,
  content: ReportContent,
  name: string,
  context: RunContext
): Promise<void> {
  if (context.headSha === null) {
    core.warning('ml-gate: no commit to attach the check run to (GITHUB_SHA is not set); no check run')
    return
  }
  const verdict = reportVerdict(content)
  const limits = commentLimits(CHECK_SUMMARY_LIMIT, context.runUrl, 'check run summary')
  const run = await publisher.attempt(`create the check run ${name}`, true, () =>
    publishCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      name,
      headSha: context.headSha!,
      verdict,
      title: plainText(reportTitle(content)).slice(0, 250),
      summary: renderReport(content, limits),
      annotations: contractAnnotations(content.validations),
      ...(context.runUrl === null ? {} : { detailsUrl: context.runUrl })
    })
  )
  if (run === null) return
  core.info(`ml-gate: check run ${name}: ${run.url}`)
  core.setOutput(Outputs.CheckRunId, String(run.id))
}
