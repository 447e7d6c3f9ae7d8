import { EVALUATE_OPTIONS, type EvaluateOptions } from '../../config/evaluate-options.js'
import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getDocumentName,
  getList,
  getPath,
  getString,
  getWorkspace,
  input,
  type ActionInput
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/** The inputs of actions/evaluate/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Config: input('config'),
  Predictions: input('predictions'),
  Name: input('name', 'candidate'),
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

/**
 * The evaluation settings share their names with the CLI's flags. None has a default in action.yml:
 * the settings' own (or the config's) apply, as each description says.
 */
export const SettingInputs = Object.fromEntries(
  Object.keys(EVALUATE_OPTIONS).map((name) => [name, input(name)])
) as Record<keyof EvaluateOptions, ActionInput>

export const Outputs = {
  Result: 'result',
  Rows: 'rows',
  Metrics: 'metrics',
  Insufficient: 'insufficient'
} as const

export interface EvaluateInputs {
  readonly workspace: Workspace
  readonly config?: string
  readonly predictions?: string
  /** Names the document `evaluation-<name>.json`. */
  readonly name: string
  readonly options: EvaluateOptions
  readonly resultsDir: string
  readonly summary: boolean
}

/** Reads and checks every input once. */
export function readEvaluateInputs(): EvaluateInputs {
  const workspace = getWorkspace()
  const options: Record<string, string | string[] | undefined> = {}
  for (const [name, spec] of Object.entries(EVALUATE_OPTIONS)) {
    const setting = SettingInputs[name as keyof EvaluateOptions]
    // Items of `bins` and `cross` hold commas themselves: one item per line.
    options[name] =
      'multiple' in spec ? emptyAsUndefined(getList(setting, { lines: true })) : getString(setting)
  }
  const name = getDocumentName(Inputs.Name)
  return {
    workspace,
    config: getPath(Inputs.Config, workspace),
    predictions: getPath(Inputs.Predictions, workspace),
    name,
    options,
    resultsDir: getString(Inputs.ResultsDir),
    summary: getBoolean(Inputs.Summary)
  }
}

function emptyAsUndefined(list: string[]): string[] | undefined {
  return list.length === 0 ? undefined : list
}
