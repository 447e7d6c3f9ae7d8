import * as core from '@actions/core'
import type { ActionOutcome } from '../../github/run-action.js'
import { plainText } from '../../text/escape.js'
import { renderReport, SUMMARY_LIMITS } from '../../report/pr-report.js'
import { gateStep } from '../../steps/gate.js'
import { reportStep } from '../../steps/report.js'
import { Outputs, readGateInputs } from './inputs.js'
import { logInfo } from '../../github/log.js'
import { chooseActionBaseline } from './baseline.js'

/** The gate action: evaluate (or read) both models, judge, write the verdict, fail on `fail`. */
export async function gateAction(): Promise<ActionOutcome> {
  const inputs = readGateInputs()
  const gate = await gateStep({
    config: inputs.config,
    workspace: inputs.workspace,
    ...inputs.given,
    ...(await chooseActionBaseline(inputs)),
    now: new Date(),
    results: inputs.resultsDir
  })
  const { verdict, counts } = gate.verdict
  // Log lines are plain text: a newline from data could start a workflow command.
  const headline = plainText(gate.verdict.headline)
  if (inputs.summary) {
    // The summary shows every result in the folder, validations of earlier steps included.
    const { content } = await reportStep({
      results: inputs.resultsDir,
      config: inputs.config,
      commit: process.env.GITHUB_SHA ?? null
    })
    await core.summary.addRaw(renderReport(content, SUMMARY_LIMITS)).write()
  }
  core.setOutput(Outputs.Verdict, verdict)
  core.setOutput(Outputs.Result, gate.written.verdict)
  core.setOutput(Outputs.Failed, String(counts.fail))
  core.setOutput(Outputs.Warned, String(counts.warn))
  core.setOutput(Outputs.Passed, String(counts.pass))
  core.setOutput(Outputs.Insufficient, String(counts.insufficient))
  core.setOutput(Outputs.BaselineSource, gate.verdict.baseline_source ?? '')
  core.setOutput(Outputs.Winner, gate.verdict.winner ?? '')
  logInfo(`ml-gate: ${verdict}: ${headline}`)
  return { code: gate.code, failure: `ml-gate: ${headline}` }
}
