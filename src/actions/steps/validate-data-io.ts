/** Input and output names of actions/validate-data/action.yml, in one place. */
export const Inputs = {
  Data: 'data',
  Contract: 'contract',
  Reference: 'reference',
  DriftMethod: 'drift-method',
  FailOn: 'fail-on',
  ResultsDir: 'results-dir',
  Annotations: 'annotations',
  Summary: 'summary',
  AllowOutsideWorkspace: 'allow-outside-workspace'
} as const

export const Outputs = {
  Passed: 'passed',
  Result: 'result',
  Results: 'results',
  Errors: 'errors',
  Warnings: 'warnings',
  Drifted: 'drifted'
} as const
