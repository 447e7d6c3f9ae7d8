import { join } from 'node:path'
import * as core from '@actions/core'
import { verdictExitCode } from '../../gates/verdict.js'
import { writeJson } from '../../cli/write-output.js'
import { loadConfig } from '../../config/load.js'
import { ExitCode } from '../../errors.js'
import { runGate } from '../../gates/run-gate.js'
import { getBoolean, getPath, getString, getWorkspace } from '../../github/action-inputs.js'
import { asEvaluationDocument } from '../../evaluation/evaluate.js'
import { collectAuditTrail } from '../../report/audit.js'
import { plainText } from '../../text/escape.js'
import { renderReport, reportContent, SUMMARY_LIMITS } from '../../report/pr-report.js'
import { readResults, RESULT_FILES } from '../../report/result-files.js'
import { VERSION } from '../../version.js'
import { Inputs, Outputs } from './gate-io.js'

const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} }

/** The gate action: evaluate (or read) both models, judge, write the verdict, fail on `fail`. */
export async function runGateAction(): Promise<{ code: ExitCode; failure?: string }> {
  const workspace = getWorkspace()
  const configFile = getPath(Inputs.Config, workspace) ?? 'ml-gate.yml'
  const dir = getString(Inputs.ResultsDir) ?? RESULT_FILES.folder
  const gate = await runGate({
    config: await loadConfig(configFile, { workspace }),
    candidate: getPath(Inputs.Candidate, workspace),
    baseline: getPath(Inputs.Baseline, workspace),
    now: new Date()
  })
  const write = (name: string, document: unknown) => writeJson(join(dir, name), document, quiet)
  await write(RESULT_FILES.candidate, asEvaluationDocument(gate.candidate))
  if (gate.baseline) await write(RESULT_FILES.baseline, asEvaluationDocument(gate.baseline))
  await write(RESULT_FILES.verdict, gate.verdict)

  const { verdict, counts } = gate.verdict
  // Log lines are plain text: a newline from data could start a workflow command.
  const headline = plainText(gate.verdict.headline)
  if (getBoolean(Inputs.Summary, true)) {
    // The summary shows every result in the folder, validations of earlier steps included.
    const results = await readResults(dir)
    const audit = await collectAuditTrail(results, {
      config: configFile,
      commit: process.env.GITHUB_SHA ?? null,
      version: VERSION
    })
    await core.summary.addRaw(renderReport(reportContent(results, audit), SUMMARY_LIMITS)).write()
  }
  core.setOutput(Outputs.Verdict, verdict)
  core.setOutput(Outputs.Result, join(dir, RESULT_FILES.verdict))
  core.setOutput(Outputs.Failed, String(counts.fail))
  core.setOutput(Outputs.Warned, String(counts.warn))
  core.setOutput(Outputs.Passed, String(counts.pass))
  core.setOutput(Outputs.Insufficient, String(counts.insufficient))
  core.info(`ml-gate: ${verdict}: ${headline}`)
  return { code: verdictExitCode(verdict), failure: `ml-gate: ${headline}` }
}
