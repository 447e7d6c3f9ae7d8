import { getPath, getString, input } from '../../github/action-inputs.js'
import {
  BaselineInputs,
  getCandidates,
  readBaselineInputs,
  type BaselineArtifactInputs
} from '../gate/inputs.js'
import type { GivenCandidates } from '../../steps/candidate-list.js'
import { PublishInputs, readPublishInputs, type PublishOptions } from '../report/inputs.js'

/**
 * The inputs of the root action.yml with their defaults (test/actions/inputs.test.ts): the gate
 * action's candidate and baseline, and the report action's, except that `results-dir` has no
 * default (the config's `report.output` is).
 */
export const Inputs = {
  Candidate: input('candidate'),
  Baseline: input('baseline'),
  ...BaselineInputs,
  ResultsDir: input('results-dir'),
  ...PublishInputs
} as const

/** The root action's output beyond the report action's (`Outputs` of ../report/inputs.ts). */
export const RunOutputs = { Results: 'results', BaselineSource: 'baseline-source' } as const

export interface RootInputs extends PublishOptions, BaselineArtifactInputs {
  /** One unnamed candidate or several named ones (the gate action's `candidate` input). */
  readonly given: GivenCandidates
  readonly baseline?: string
  /** Default: the config's `report.output`. */
  readonly resultsDir?: string
}

/** Reads and checks every input once. */
export function readRootInputs(): RootInputs {
  const publish = readPublishInputs()
  return {
    ...publish,
    given: getCandidates(Inputs.Candidate, publish.workspace),
    baseline: getPath(Inputs.Baseline, publish.workspace),
    ...readBaselineInputs(),
    resultsDir: getString(Inputs.ResultsDir)
  }
}
