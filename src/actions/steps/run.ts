import * as core from '@actions/core'
import { writeJson } from '../../cli/write-output.js'
import { loadConfig } from '../../config/load.js'
import type { ExitCode } from '../../errors.js'
import { getPath, getString } from '../../github/action-inputs.js'
import { runPipeline } from '../../pipeline/run-pipeline.js'
import { publishReport } from './report.js'
import { Inputs, readReportInputs, RunInputs, RunOutputs } from './report-io.js'

const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} }

/**
 * The root action: the whole pipeline of ml-gate.yml (as `ml-gate run`), then the report (as the
 * report action), whose verdict decides the job: `fail` when a dataset fails validation under its
 * `fail_on` (recorded in its document), or when the gate's verdict is `fail` and no honoured
 * override label says otherwise.
 */
export async function runWholePipeline(): Promise<{ code: ExitCode; failure?: string }> {
  const options = readReportInputs()
  const loaded = await loadConfig(options.config, { workspace: options.workspace })
  const pipeline = await runPipeline(loaded, {
    output: getString(Inputs.ResultsDir),
    candidate: getPath(RunInputs.Candidate, options.workspace),
    baseline: getPath(RunInputs.Baseline, options.workspace),
    now: new Date(),
    progress: ({ step, steps, message }) => core.info(`ml-gate [${step}/${steps}] ${message}`),
    write: (path, document) => writeJson(path, document, quiet)
  })
  core.setOutput(RunOutputs.Results, pipeline.output)
  return publishReport({ ...options, results: pipeline.output })
}
