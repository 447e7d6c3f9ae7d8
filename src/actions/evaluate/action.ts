import * as core from '@actions/core'
import { ExitCode } from '../../errors.js'
import { renderEvaluationMarkdown } from '../../report/evaluation.js'
import { evaluateStep } from '../../steps/evaluate.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { Inputs, Outputs, readEvaluateInputs } from './inputs.js'

/** The evaluate action: a predictions file to an `ml-gate/evaluation@1` document. */
export async function evaluateAction(): Promise<ActionOutcome> {
  const inputs = readEvaluateInputs()
  const { document, path } = await evaluateStep({
    config: inputs.config,
    workspace: inputs.workspace,
    predictions: inputs.predictions,
    options: inputs.options,
    optionName: (option) => `input '${option}'`,
    noPredictions: `input '${Inputs.Predictions.name}' is required (or a config with model.predictions)`,
    results: { dir: inputs.resultsDir, name: inputs.name }
  })
  if (inputs.summary) await core.summary.addRaw(renderEvaluationMarkdown(document)).write()

  const overall = document.segments[0].metrics
  core.setOutput(Outputs.Result, path)
  core.setOutput(Outputs.Rows, String(document.rows))
  core.setOutput(
    Outputs.Metrics,
    JSON.stringify(Object.fromEntries(Object.entries(overall).map(([k, v]) => [k, v.value])))
  )
  core.setOutput(Outputs.Insufficient, String(document.segments.filter((s) => s.insufficient).length))
  return { code: ExitCode.Pass }
}
