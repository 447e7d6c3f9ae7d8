/**
 * The monitor step: the config's `monitor:` over its prediction logs, the `ml-gate/monitor@1`
 * document, and the exit code. Shared by `ml-gate monitor` and the monitor action.
 */
import { loadConfig } from '../config/load.js'
import { ExitCode } from '../errors.js'
import type { Workspace } from '../io/workspace.js'
import type { MonitorDocument } from '../monitor/document.js'
import { runMonitor } from '../monitor/monitor.js'
import { writeDocument } from './write-document.js'

export interface MonitorStepRequest {
  readonly config: string
  /** Where the config's paths must stay (the action's workspace). */
  readonly workspace?: Workspace
  /** Writes the document here when given. */
  readonly output?: string
}

export interface MonitorStepResult {
  readonly document: MonitorDocument
  /** 1 when the newest window alerts or cannot be judged (fails closed), else 0. */
  readonly code: ExitCode
}

/** @throws UserInputError for a bad config, log or reference (at the file and line) */
export async function monitorStep(request: MonitorStepRequest): Promise<MonitorStepResult> {
  const loaded = await loadConfig(request.config, { workspace: request.workspace })
  const document = await runMonitor(loaded)
  if (request.output !== undefined) await writeDocument(request.output, document)
  return { document, code: monitorExitCode(document) }
}

export function monitorExitCode(document: MonitorDocument): ExitCode {
  return document.status === 'ok' ? ExitCode.Pass : ExitCode.GateFailed
}
