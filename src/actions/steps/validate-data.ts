import { relative } from 'node:path'
import * as core from '@actions/core'
import { parseDriftMethod, parseFailOn, validationExitCode } from '../../cli/validate.js'
import { writeJson } from '../../cli/write-output.js'
import { loadContract } from '../../contract/load.js'
import { validateData, type ValidationDocument } from '../../contract/validate.js'
import { ExitCode, UserInputError } from '../../errors.js'
import { expandGlob } from '../../io/glob.js'
import { annotate } from '../../github/annotate.js'
import {
  confined,
  getBoolean,
  getList,
  getPath,
  getString,
  getWorkspace
} from '../../github/action-inputs.js'
import type { Workspace } from '../../io/workspace.js'
import { limitPerLevel, summaryAnnotations } from '../../report/annotations.js'
import { validationPath } from '../../pipeline/run-pipeline.js'
import { renderValidationMarkdown } from '../../report/validation.js'
import { Inputs, Outputs } from './validate-data-io.js'

/** GitHub shows 10 annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10

const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} }

/** The validate-data action: every matched file against the contract and the reference. */
export async function runValidateData(): Promise<{ code: ExitCode; failure?: string }> {
  const workspace = getWorkspace()
  getString(Inputs.Data, true)
  const patterns = getList(Inputs.Data)
  const contractPath = getPath(Inputs.Contract, workspace)
  const reference = getPath(Inputs.Reference, workspace)
  if (contractPath === undefined && reference === undefined) {
    throw new UserInputError(
      `give input '${Inputs.Contract}', '${Inputs.Reference}' or both: there is nothing to check`
    )
  }
  const driftMethod = parseDriftMethod(getString(Inputs.DriftMethod), `input '${Inputs.DriftMethod}'`)
  const failOn = parseFailOn(getString(Inputs.FailOn), `input '${Inputs.FailOn}'`)
  const dir = getString(Inputs.ResultsDir) ?? 'ml-gate-results'

  const files = await matchFiles(patterns, workspace)
  const contract = contractPath === undefined ? undefined : await loadContract(contractPath)
  const documents: ValidationDocument[] = []
  const written: string[] = []
  const taken = new Set<string>()
  for (const file of files) {
    const document = await validateData({ data: file, contract, reference, driftMethod, failOn })
    const target = validationPath(dir, file, taken)
    await writeJson(target, document, quiet)
    documents.push(document)
    written.push(target)
    core.info(`${file}: ${document.passed ? 'passed' : 'failed'} (${document.rows} rows)`)
  }

  if (getBoolean(Inputs.Annotations, true))
    annotate(limitPerLevel(summaryAnnotations(null, documents), ANNOTATIONS_PER_LEVEL, 'the job summary'))
  if (getBoolean(Inputs.Summary, true)) {
    await core.summary.addRaw(documents.map(renderValidationMarkdown).join('\n')).write()
  }
  const total = (key: 'errors' | 'warnings' | 'drifted') => documents.reduce((n, d) => n + d.summary[key], 0)
  const passed = documents.every((d) => d.passed)
  core.setOutput(Outputs.Passed, String(passed))
  core.setOutput(Outputs.Result, written[0])
  core.setOutput(Outputs.Results, written.join('\n'))
  core.setOutput(Outputs.Errors, String(total('errors')))
  core.setOutput(Outputs.Warnings, String(total('warnings')))
  core.setOutput(Outputs.Drifted, String(total('drifted')))

  const code = documents.reduce<ExitCode>(
    (worst, d) => Math.max(worst, validationExitCode(d, failOn)) as ExitCode,
    ExitCode.Pass
  )
  return {
    code,
    failure: `ml-gate: data validation failed: ${total('errors')} failing check(s), ${total('warnings')} warning(s), ${total('drifted')} drifted column(s); see the job summary`
  }
}

/**
 * The files the patterns name, each once, relative to the workspace (annotations need that); each
 * pattern and each file it matched inside the workspace.
 */
async function matchFiles(patterns: readonly string[], workspace: Workspace): Promise<string[]> {
  const files: string[] = []
  for (const pattern of patterns) {
    const matched = (await expandGlob(confined(Inputs.Data, pattern, workspace))).map((file) =>
      confined(Inputs.Data, file, workspace)
    )
    if (matched.length === 0) throw new UserInputError(`input '${Inputs.Data}': no file matches '${pattern}'`)
    for (const file of matched.map((f) => relative(process.cwd(), f)))
      if (!files.includes(file)) files.push(file)
  }
  return files
}
