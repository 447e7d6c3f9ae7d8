import * as core from '@actions/core'
import { annotate } from '../../github/annotate.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { limitPerLevel, summaryAnnotations } from '../../report/annotations.js'
import { renderValidationMarkdown } from '../../report/validation.js'
import { validateStep } from '../../steps/validate.js'
import { matchFiles, Outputs, readValidateDataInputs } from './inputs.js'
import { logInfo } from '../../github/log.js'

/** GitHub shows 10 annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10

/** The validate-data action: every matched file against the contract and the reference. */
export async function validateDataAction(): Promise<ActionOutcome> {
  const inputs = readValidateDataInputs()
  const { documents, paths, code } = await validateStep({
    files: await matchFiles(inputs.patterns, inputs.workspace),
    contract: inputs.contract,
    reference: inputs.reference,
    driftMethod: inputs.driftMethod,
    failOn: inputs.failOn,
    results: { dir: inputs.resultsDir, taken: new Set() },
    onDone: (file, document) =>
      logInfo(`${file}: ${document.passed ? 'passed' : 'failed'} (${document.rows} rows)`)
  })

  if (inputs.annotations)
    annotate(limitPerLevel(summaryAnnotations(null, documents), ANNOTATIONS_PER_LEVEL, 'the job summary'))
  if (inputs.summary) await core.summary.addRaw(documents.map(renderValidationMarkdown).join('\n')).write()
  const total = (key: 'errors' | 'warnings' | 'drifted') => documents.reduce((n, d) => n + d.summary[key], 0)
  core.setOutput(Outputs.Passed, String(documents.every((d) => d.passed)))
  core.setOutput(Outputs.Result, paths[0])
  core.setOutput(Outputs.Results, paths.join('\n'))
  core.setOutput(Outputs.Errors, String(total('errors')))
  core.setOutput(Outputs.Warnings, String(total('warnings')))
  core.setOutput(Outputs.Drifted, String(total('drifted')))
  return {
    code,
    failure: `ml-gate: data validation failed: ${total('errors')} failing check(s), ${total('warnings')} warning(s), ${total('drifted')} drifted column(s); see the job summary`
  }
}
