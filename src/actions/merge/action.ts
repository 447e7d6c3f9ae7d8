import * as core from '@actions/core'
import { join } from 'node:path'
import { ExitCode } from '../../errors.js'
import type { ActionOutcome } from '../../github/run-action.js'
import { renderEvaluationMarkdown } from '../../report/evaluation.js'
import { mergeStep } from '../../steps/merge.js'
import { writeDocument } from '../../steps/write-document.js'
import { Outputs, readMergeInputs } from './inputs.js'

/** The merge action: the states of every shard to the document a single run writes. */
export async function mergeAction(): Promise<ActionOutcome> {
  const inputs = await readMergeInputs()
  const merged = await mergeStep(inputs.states)
  const path = join(inputs.resultsDir, `${merged.kind}-${inputs.name}.json`)
  await writeDocument(path, merged.document)
  core.info(merged.stated)
  if (inputs.summary && merged.kind === 'evaluation')
    await core.summary.addRaw(renderEvaluationMarkdown(merged.document)).write()
  core.setOutput(Outputs.Result, path)
  core.setOutput(Outputs.Rows, String(merged.document.rows))
  return { code: ExitCode.Pass }
}
