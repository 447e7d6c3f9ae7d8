import * as core from '@actions/core'
import type { ActionOutcome } from '../../github/run-action.js'
import { runStep } from '../../steps/run.js'
import { publishReport } from '../report/publish.js'
import { readRootInputs, RunOutputs } from './inputs.js'
import { logInfo } from '../../github/log.js'
import { chooseActionBaseline } from '../gate/baseline.js'

/**
 * The root action: the whole pipeline of ml-gate.yml (as `ml-gate run`), then the report (as the
 * report action), whose verdict decides the job: `fail` when a dataset fails validation under its
 * `fail_on` (recorded in its document), or when the gate's verdict is `fail` and no honoured
 * override label says otherwise.
 */
export async function rootAction(): Promise<ActionOutcome> {
  const inputs = readRootInputs()
  const pipeline = await runStep({
    config: inputs.config,
    workspace: inputs.workspace,
    output: inputs.resultsDir,
    ...inputs.given,
    ...(await chooseActionBaseline(inputs)),
    now: new Date(),
    progress: ({ step, steps, message }) => logInfo(`ml-gate [${step}/${steps}] ${message}`)
  })
  core.setOutput(RunOutputs.Results, pipeline.output)
  core.setOutput(RunOutputs.BaselineSource, pipeline.verdict?.document.baseline_source ?? '')
  return publishReport({ ...inputs, results: pipeline.output })
}
