import * as core from '@actions/core'
import { join } from 'node:path'
import { ExitCode } from '../../errors.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { renderEvaluationMarkdown } from '../../report/evaluation.js'
import { renderValidationMarkdown } from '../../report/validation.js'
import { mergeStep } from '../../steps/merge.js'
import { validationExitCode } from '../../steps/validate.js'
import { writeDocument } from '../../steps/write-document.js'
import { Outputs, readMergeInputs } from './inputs.js'

/**
 * The merge action: the states of every shard to the document a single run writes; a merged
 * validation fails the step as the validate-data action would.
 */
export async function mergeAction(): Promise<ActionOutcome> {
  const inputs = await readMergeInputs()
  const merged = await mergeStep(inputs.states)
  const path = join(inputs.resultsDir, `${merged.kind}-${inputs.name}.json`)
  await writeDocument(path, merged.document)
  core.info(merged.stated)
  if (inputs.summary && merged.kind === 'evaluation')
    await core.summary.addRaw(renderEvaluationMarkdown(merged.document)).write()
  if (inputs.summary && merged.kind === 'validation')
    await core.summary.addRaw(renderValidationMarkdown(merged.document)).write()
  core.setOutput(Outputs.Result, path)
  core.setOutput(Outputs.Rows, String(merged.document.rows))
  if (merged.kind !== 'validation') return { code: ExitCode.Pass }
  // As the validate-data action would have judged the whole input: under its fail_on.
  const { document } = merged
  const { errors, warnings, drifted } = document.summary
  return {
    code: validationExitCode(document, document.fail_on ?? 'error'),
    failure: `ml-gate: data validation failed: ${errors} failing check(s), ${warnings} warning(s), ${drifted} drifted column(s); see the job summary`
  }
}
