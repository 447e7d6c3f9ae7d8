import * as core from '@actions/core'
import { isPermissionDenied, messageOf, statusOf } from '../../github/api-errors.js'
import { logInfo } from '../../github/log.js'
import { keepMonitorIssue } from '../../github/monitor-issue.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { readRunContext } from '../../github/run-context.js'
import { tokenIdentity } from '../../github/sticky-comment.js'
import { commentMarker } from '../../report/comment-state.js'
import { monitorClearedComment, monitorIssueBody, monitorIssueTitle } from '../../report/monitor.js'
import { monitorStep } from '../../steps/monitor.js'
import { ExitCode } from '../../errors.js'
import { Inputs, Outputs, readMonitorInputs } from './inputs.js'

/** Said once when the token may not write issues; the job's result stays the monitor's. */
export const ISSUES_DENIED =
  'ml-gate: the token cannot write issues (403 Resource not accessible by integration): give the workflow ' +
  "`permissions: issues: write`, or set the input 'issue: false'. The monitor's result is in the job summary and decides this job."

/** The monitor action: run the monitor, write the document and summary, keep the one issue. */
export async function monitorAction(): Promise<ActionOutcome> {
  const inputs = readMonitorInputs()
  const { document, code } = await monitorStep({
    config: inputs.config,
    workspace: inputs.workspace,
    output: inputs.result
  })
  const context = readRunContext(process.env, null)
  const key = inputs.key
  const body = monitorIssueBody(document, { key, runUrl: context.runUrl })
  await core.summary.addRaw(body).write()
  core.setOutput(Outputs.Status, document.status)
  core.setOutput(Outputs.Result, inputs.result)
  logInfo(`ml-gate monitor: ${document.status}: ${document.headline}`)
  if (inputs.issue && inputs.token !== null) {
    const client = (await import('../../github/octokit.js')).createGitHubClient(inputs.token, {
      baseUrl: context.apiUrl,
      log: { debug: core.debug, warn: (message) => core.info(message) }
    })
    try {
      const identity = await tokenIdentity(client)
      const issue = await keepMonitorIssue(client, context, {
        marker: commentMarker(key),
        identity,
        alerting: code !== ExitCode.Pass,
        title: monitorIssueTitle(key),
        body,
        cleared: monitorClearedComment(document, context.runUrl)
      })
      logInfo(`ml-gate monitor: issue ${issue.action}${issue.url === null ? '' : `: ${issue.url}`}`)
      if (issue.number !== null) core.setOutput(Outputs.IssueNumber, String(issue.number))
      if (issue.url !== null) core.setOutput(Outputs.IssueUrl, issue.url)
    } catch (error) {
      if (isPermissionDenied(error)) core.warning(ISSUES_DENIED)
      else {
        const status = statusOf(error)
        core.warning(
          `ml-gate: could not keep the monitor issue: ${status === null ? '' : `${status} `}${messageOf(error)}. ` +
            "The monitor's result is in the job summary and decides this job."
        )
      }
    }
  } else if (inputs.issue) {
    core.info(`ml-gate monitor: no token (input '${Inputs.GitHubToken.name}'), so no issue`)
  }
  return { code, failure: `ml-gate monitor: ${document.headline}` }
}
