import { relative } from 'node:path'
import type { FailOn } from '../../config/types.js'
import { parseDriftMethod, parseFailOn } from '../../config/validate-options.js'
import type { DriftMethod } from '../../drift/method.js'
import { UserInputError } from '../../errors.js'
import {
  ALLOW_OUTSIDE_WORKSPACE,
  getBoolean,
  getList,
  getPath,
  getString,
  getWorkspace,
  input,
  matchInputFiles,
  requiredInput
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { RESULT_FILES } from '../../documents/result-names.js'

/** The inputs of actions/validate-data/action.yml with their defaults (test/actions/inputs.test.ts). */
export const Inputs = {
  Data: requiredInput('data'),
  Contract: input('contract'),
  Reference: input('reference'),
  DriftMethod: input('drift-method'),
  FailOn: input('fail-on', 'error'),
  ResultsDir: input('results-dir', RESULT_FILES.folder),
  Annotations: input('annotations', 'true'),
  Summary: input('summary', 'true'),
  AllowOutsideWorkspace: ALLOW_OUTSIDE_WORKSPACE
} as const

export const Outputs = {
  Passed: 'passed',
  Result: 'result',
  Results: 'results',
  Errors: 'errors',
  Warnings: 'warnings',
  Drifted: 'drifted'
} as const

export interface ValidateDataInputs {
  /** Data patterns, each matched inside the workspace (`matchFiles`). */
  readonly patterns: readonly string[]
  readonly workspace: Workspace
  readonly contract?: string
  readonly reference?: string
  readonly driftMethod?: DriftMethod | 'auto'
  readonly failOn: FailOn
  readonly resultsDir: string
  readonly annotations: boolean
  readonly summary: boolean
}

/** Reads and checks every input once. */
export function readValidateDataInputs(): ValidateDataInputs {
  const workspace = getWorkspace()
  const patterns = getList(Inputs.Data)
  const contract = getPath(Inputs.Contract, workspace)
  const reference = getPath(Inputs.Reference, workspace)
  if (contract === undefined && reference === undefined) {
    throw new UserInputError(
      `give input '${Inputs.Contract.name}', '${Inputs.Reference.name}' or both: there is nothing to check`
    )
  }
  return {
    patterns,
    workspace,
    contract,
    reference,
    driftMethod: parseDriftMethod(getString(Inputs.DriftMethod), `input '${Inputs.DriftMethod.name}'`),
    failOn: parseFailOn(getString(Inputs.FailOn), `input '${Inputs.FailOn.name}'`),
    resultsDir: getString(Inputs.ResultsDir),
    annotations: getBoolean(Inputs.Annotations),
    summary: getBoolean(Inputs.Summary)
  }
}

/**
 * The files the patterns name, each once, relative to the current folder (annotations need paths
 * relative to the workspace); each pattern and each file it matched inside the workspace.
 * @throws UserInputError for a pattern that matches nothing, or a file outside the workspace
 */
export function matchFiles(patterns: readonly string[], workspace: Workspace): Promise<string[]> {
  // Deduplicated after `relative`: two patterns may name one file by different paths.
  return matchInputFiles(Inputs.Data.name, patterns, workspace, (file) => relative(process.cwd(), file))
}
