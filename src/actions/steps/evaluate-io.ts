import { EVALUATE_OPTIONS } from '../../config/evaluate-options.js'

/** Input and output names of actions/evaluate/action.yml, in one place. */
export const Inputs = {
  Config: 'config',
  Predictions: 'predictions',
  Name: 'name',
  ResultsDir: 'results-dir',
  Summary: 'summary',
  AllowOutsideWorkspace: 'allow-outside-workspace'
} as const

/** The evaluation settings share their names with the CLI's flags. */
export const SettingInputs = EVALUATE_OPTIONS

export const Outputs = {
  Result: 'result',
  Rows: 'rows',
  Metrics: 'metrics',
  Insufficient: 'insufficient'
} as const
