import { ExitCode } from '../errors.js'
import { renderEvaluationText } from '../report/evaluation.js'
import { mergeStep } from '../steps/merge.js'
import { logText } from '../text/log-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeJson } from './write-output.js'

const usage = `Usage: ml-gate merge STATE... [--json OUT]

Merges the ml-gate/evaluation-state@1 documents of every shard of one input (written by
'ml-gate evaluate --shard K/N --json STATE') into the ml-gate/evaluation@1 document a single run
writes: the same metrics and intervals (see the README's "Scale" section for what is bit for bit).

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
    const { document, stated } = await mergeStep(positionals)
    if (values.json !== '-') console.stdout(logText(`${stated}\n${renderEvaluationText(document)}`))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return ExitCode.Pass
  }
}
