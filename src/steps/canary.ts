/**
 * The canary step: load the config, judge the canary (`runCanary`), write the `ml-gate/canary@1`
 * document. Shared by `ml-gate canary` and the canary action.
 */
import { canaryExitCode } from '../canary/decision.js'
import type { CanaryDocument } from '../canary/canary-document.js'
import { runCanary } from '../canary/run-canary.js'
import { loadConfig } from '../config/load.js'
import type { ExitCode } from '../errors.js'
import type { Workspace } from '../io/workspace.js'
import { writeDocument } from './write-document.js'

export interface CanaryStepRequest {
  /** ml-gate.yml: its model, segments, gates, waivers and `canary` section. */
  readonly config: string
  readonly control: string
  readonly canary: string
  /** Where the config's paths must stay (the action's); default: anywhere. */
  readonly workspace?: Workspace
  /** Writes the document here; none: nothing is written. */
  readonly output?: string
  readonly now: Date
}

export interface CanaryStepResult {
  readonly document: CanaryDocument
  /** 0 promote, 1 rollback, 3 continue. */
  readonly code: ExitCode
}

/**
 * @throws UserInputError as `runCanary` does, and for a config that cannot be read (at its line)
 */
export async function canaryStep(request: CanaryStepRequest): Promise<CanaryStepResult> {
  const config = await loadConfig(request.config, { workspace: request.workspace })
  const document = await runCanary({
    config,
    control: request.control,
    canary: request.canary,
    now: request.now
  })
  if (request.output !== undefined) await writeDocument(request.output, document)
  return { document, code: canaryExitCode(document.decision) }
}
