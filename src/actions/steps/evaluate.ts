import { join } from 'node:path'
import * as core from '@actions/core'
import { writeJson } from '../../cli/write-output.js'
import { evaluateSettingsFromOptions, type EvaluateOptions } from '../../config/evaluate-options.js'
import { ExitCode, UserInputError } from '../../errors.js'
import { getBoolean, getList, getPath, getString, getWorkspace } from '../../github/action-inputs.js'
import { evaluatePredictions, evaluationDocument } from '../../evaluation/evaluate.js'
import { evaluateSettingsFromConfig } from '../../config/evaluate-settings.js'
import { renderEvaluationMarkdown } from '../../report/evaluation.js'
import { Inputs, Outputs, SettingInputs } from './evaluate-io.js'

const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} }

/** The evaluate action: a predictions file to an `ml-gate/evaluation@1` document. */
export async function runEvaluate(): Promise<{ code: ExitCode }> {
  const workspace = getWorkspace()
  const configPath = getPath(Inputs.Config, workspace)
  // The config loader (the YAML parser and ajv) is loaded only when there is a config to read.
  const config =
    configPath === undefined
      ? undefined
      : (await (await import('../../config/load.js')).loadConfig(configPath, { workspace })).config
  const options: Record<string, string | string[] | undefined> = {}
  for (const [name, spec] of Object.entries(SettingInputs)) {
    // Items of `bins` and `cross` hold commas themselves: one item per line.
    options[name] = 'multiple' in spec ? emptyAsUndefined(getList(name, { lines: true })) : getString(name)
  }
  const settings = evaluateSettingsFromOptions(
    options as EvaluateOptions,
    config?.model ? evaluateSettingsFromConfig(config) : undefined,
    (option) => `input '${option}'`
  )
  const predictions = getPath(Inputs.Predictions, workspace) ?? config?.model?.predictions
  if (predictions === undefined) {
    throw new UserInputError(`input '${Inputs.Predictions}' is required (or a config with model.predictions)`)
  }
  const name = getString(Inputs.Name) ?? 'candidate'
  if (!/^[\w.-]+$/.test(name))
    throw new UserInputError(
      `input '${Inputs.Name}': expected letters, digits, '.', '-' or '_', got '${name}'`
    )

  const document = evaluationDocument(await evaluatePredictions(predictions, settings))
  const target = join(getString(Inputs.ResultsDir) ?? 'ml-gate-results', `evaluation-${name}.json`)
  await writeJson(target, document, quiet)
  if (getBoolean(Inputs.Summary, true)) await core.summary.addRaw(renderEvaluationMarkdown(document)).write()

  const overall = document.segments[0].metrics
  core.setOutput(Outputs.Result, target)
  core.setOutput(Outputs.Rows, String(document.rows))
  core.setOutput(
    Outputs.Metrics,
    JSON.stringify(Object.fromEntries(Object.entries(overall).map(([k, v]) => [k, v.value])))
  )
  core.setOutput(Outputs.Insufficient, String(document.segments.filter((s) => s.insufficient).length))
  return { code: ExitCode.Pass }
}

function emptyAsUndefined(list: string[]): string[] | undefined {
  return list.length === 0 ? undefined : list
}
