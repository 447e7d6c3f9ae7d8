/** Input and output names of actions/gate/action.yml, in one place. */
export const Inputs = {
  Config: 'config',
  Candidate: 'candidate',
  Baseline: 'baseline',
  ResultsDir: 'results-dir',
  Summary: 'summary',
  AllowOutsideWorkspace: 'allow-outside-workspace'
} as const

export const Outputs = {
  Verdict: 'verdict',
  Result: 'result',
  Failed: 'failed',
  Warned: 'warned',
  Passed: 'passed',
  Insufficient: 'insufficient'
} as const
