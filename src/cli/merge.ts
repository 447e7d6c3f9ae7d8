import { ExitCode } from '../errors.js'
import { renderEvaluationText } from '../report/evaluation.js'
import { renderProfileText } from '../report/profile-text.js'
import { renderValidationText } from '../report/validation.js'
import { mergeStep } from '../steps/merge.js'
import { validationExitCode } from '../steps/validate.js'
import { logText } from '../text/log-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeJson } from './write-output.js'

const usage = `Usage: ml-gate merge STATE... [--json OUT]

Merges the state documents of every shard of one input into the document a single run writes:
ml-gate/evaluation-state@1 ('ml-gate evaluate --shard K/N --json STATE') into ml-gate/evaluation@1,
ml-gate/profile-state@1 ('ml-gate profile --shard K/N --json STATE') into ml-gate/profile@1,
ml-gate/validation-state@1 ('ml-gate validate --shard K/N --json STATE') into ml-gate/validation@1
(see the README's "Scale" section for what is bit for bit). A merged validation exits as
'ml-gate validate' would: 1 when it fails under its fail_on.

  STATE...             the state of each shard 1..N, once each, in any order
  --json OUT           write the merged document to OUT ('-' for stdout)`

const flags = { json: { type: 'string' } } as const

export const mergeCommand: Command = {
  name: 'merge',
  usage,
  async run(args, console) {
    const { values, positionals } = parseCommandArgs('merge', args, flags, {
      min: 1,
      max: Infinity,
      names: 'the state file of every shard'
    })
    const merged = await mergeStep(positionals)
    const text =
      merged.kind === 'evaluation'
        ? renderEvaluationText(merged.document)
        : merged.kind === 'validation'
          ? renderValidationText(merged.document)
          : renderProfileText(merged.document)
    if (values.json !== '-') console.stdout(logText(`${merged.stated}\n${text}`))
    if (values.json !== undefined) await writeJson(values.json, merged.document, console)
    // A validation exits as `ml-gate validate` would have: 1 when it fails under its fail_on.
    return merged.kind === 'validation'
      ? validationExitCode(merged.document, merged.document.fail_on ?? 'error')
      : ExitCode.Pass
  }
}
