import * as core from '@actions/core'
import { chooseBaseline, type BaselineChoice } from '../../github/baseline.js'
import { logInfo } from '../../github/log.js'
import { readRunContext } from '../../github/run-context.js'
import type { Workspace } from '../../io/workspace.js'
import { plainText } from '../../text/escape.js'
import type { BaselineArtifactInputs } from './inputs.js'

/** What the gate and root actions know that decides their baseline. */
export interface ActionBaselineInputs extends BaselineArtifactInputs {
  readonly config: string
  readonly workspace: Workspace
  readonly baseline?: string
  readonly token: string | null
}

/**
 * The baseline of the gate and root actions (`chooseBaseline`), from the runner's environment:
 * the event, the API, `RUNNER_TEMP` for the unpacked artifact; what was found is logged, why
 * nothing was is a warning.
 */
export function chooseActionBaseline(inputs: ActionBaselineInputs): Promise<BaselineChoice> {
  return chooseBaseline({
    config: inputs.config,
    workspace: inputs.workspace,
    baseline: inputs.baseline,
    artifact: inputs.baselineArtifact,
    fallback: inputs.baselineFallback,
    token: inputs.token,
    context: () => readRunContext(process.env, null),
    tempDir: process.env.RUNNER_TEMP,
    log: {
      debug: core.debug,
      info: logInfo,
      warn: (message) => core.warning(plainText(message))
    }
  })
}
