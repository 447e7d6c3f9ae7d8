import { ExitCode, UserInputError } from '../errors.js'
import { parseShard } from '../io/partition.js'
import { profileShardStep, profileStep } from '../steps/profile.js'
import { renderProfileText } from '../report/profile-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { parseInteger } from '../config/parse-values.js'
import { readOptionsFromArgs, readOptionFlags, READ_OPTIONS_USAGE } from './read-options.js'
import { writeJson, writeState } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate profile FILE|GLOB [--json OUT] [--top N] [--shard K/N] [read options]

Profiles every column of FILE (or of every file of a quoted GLOB, as one table) in one streaming
pass: inferred type, count, missing, distinct, min, max, mean, standard deviation (ddof=1) and the
most frequent values.

  --json OUT     also write the ml-gate/profile@1 document to OUT ('-' for stdout)
  --top N        most frequent values to list per column (default 5)
  --shard K/N    profile only shard K of N and write its ml-gate/profile-state@1 to --json (merge
                 them with 'ml-gate merge'): with a glob every Nth file, with one CSV or JSON Lines
                 file a byte range aligned to records
${READ_OPTIONS_USAGE}`

export const profileCommand: Command = {
  name: 'profile',
  usage,
  async run(args, console) {
    const { values, positionals } = parseCommandArgs(
      'profile',
      args,
      { json: { type: 'string' }, top: { type: 'string' }, shard: { type: 'string' }, ...readOptionFlags },
      { min: 1, max: 1, names: 'one FILE' }
    )
    const top = values.top === undefined ? 5 : parseInteger('--top', values.top, 0)
    const read = readOptionsFromArgs(values)
    if (values.shard !== undefined) {
      const shard = parseShard(values.shard, '--shard')
      if (values.json === undefined) {
        throw new UserInputError(
          'ml-gate profile: --shard needs --json OUT, where the shard state is written'
        )
      }
      const { state, stated } = await profileShardStep(positionals[0], shard, read, top)
      if (values.json !== '-') console.stdout(logText(`${stated}\n`))
      await writeState(values.json, state, console)
      return ExitCode.Pass
    }
    const document = await profileStep(positionals[0], read, top)
    if (values.json !== '-') console.stdout(logText(renderProfileText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return ExitCode.Pass
  }
}
