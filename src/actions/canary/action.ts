import * as core from '@actions/core'
import { join } from 'node:path'
import type { ActionOutcome } from '../../github/run-action.js'
import { logInfo } from '../../github/log.js'
import { RESULT_FILES } from '../../documents/result-names.js'
import { renderCanarySummary } from '../../report/canary-summary.js'
import { canaryStep } from '../../steps/canary.js'
import { ExitCode } from '../../errors.js'
import { plainText } from '../../text/escape.js'
import { Outputs, readCanaryInputs } from './inputs.js'

/**
 * The canary action: judge the two logs, write canary.json, set `decision`; a rollback fails the
 * step (exit 1), a continue succeeds with a warning (the CLI's exit 3 would fail it).
 */
export async function canaryAction(): Promise<ActionOutcome> {
  const inputs = readCanaryInputs()
  const result = join(inputs.resultsDir, RESULT_FILES.canary)
  const { document, code } = await canaryStep({
    config: inputs.config,
    workspace: inputs.workspace,
    control: inputs.control,
    canary: inputs.canary,
    output: result,
    now: new Date()
  })
  if (inputs.summary) await core.summary.addRaw(renderCanarySummary(document)).write()
  core.setOutput(Outputs.Decision, document.decision)
  core.setOutput(Outputs.Result, result)
  core.setOutput(Outputs.TrafficNeeded, document.traffic === null ? '' : String(document.traffic.canary_rows))
  // Log lines are plain text: a newline from data could start a workflow command.
  const line = `ml-gate canary: ${document.decision}: ${plainText(document.headline)}`
  logInfo(line)
  if (code === ExitCode.Inconclusive) core.warning(line)
  return code === ExitCode.GateFailed ? { code, failure: line } : { code: ExitCode.Pass }
}
