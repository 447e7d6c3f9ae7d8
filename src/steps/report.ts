/**
 * The report step: the result documents of a folder, read back, with their audit trail, as the
 * content every report renders (terminal, job summary, PR comment, check run). Shared by
 * `ml-gate report`, `ml-gate run`, the gate action's summary, the report action and the root action.
 */
import { ExitCode } from '../errors.js'
import { collectAuditTrail, type AuditTrail } from '../report/audit.js'
import type { ReportVerdict } from '../report/comment-state.js'
import { reportContent, reportVerdict, type ReportContent } from '../report/pr-report.js'
import { readResults, type Results } from '../report/result-files.js'
import { VERSION } from '../version.js'

export interface ReportStepRequest {
  /** The results folder. */
  readonly results: string
  /** The config, listed with its sha256 in the audit trail; `null`: none. */
  readonly config: string | null
  /** The commit the results are of (`GITHUB_SHA`); `null`: unknown. */
  readonly commit: string | null
  /** The run that computed the results, when another run did (`AuditTrail.computedIn`). */
  readonly computedIn?: string | null
}

export interface ReportStepResult {
  readonly results: Results
  readonly audit: AuditTrail
  /** What the report says, before any override label is read. */
  readonly content: ReportContent
  readonly verdict: ReportVerdict
  /** 1 when the report's verdict is `fail` (a dataset or the gate failed), else 0. */
  readonly code: ExitCode
}

/**
 * Reads the results folder (each document valid against its schema) and builds the report.
 * @throws UserInputError naming a document that is not valid, and where
 */
export async function reportStep(request: ReportStepRequest): Promise<ReportStepResult> {
  const results = await readResults(request.results)
  const audit = await collectAuditTrail(results, {
    config: request.config,
    commit: request.commit,
    version: VERSION,
    computedIn: request.computedIn
  })
  const content = reportContent(results, audit)
  const verdict = reportVerdict(content)
  return {
    results,
    audit,
    content,
    verdict,
    code: verdict === 'fail' ? ExitCode.GateFailed : ExitCode.Pass
  }
}
