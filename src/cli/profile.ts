import { ExitCode } from '../errors.js'
import { openTable } from '../io/open.js'
import { TableProfile } from '../profile/profile.js'
import { renderProfileText } from '../report/profile-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { parseInteger } from '../config/parse-values.js'
import { readOptionsFromArgs, readOptionFlags, READ_OPTIONS_USAGE } from './read-options.js'
import { writeJson } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate profile FILE [--json OUT] [--top N] [read options]

Profiles every column of FILE in one streaming pass: inferred type, count, missing,
distinct, min, max, mean, standard deviation (ddof=1) and the most frequent values.

  --json OUT     also write the ml-gate/profile@1 document to OUT ('-' for stdout)
  --top N        most frequent values to list per column (default 5)
${READ_OPTIONS_USAGE}`

export const profileCommand: Command = {
  name: 'profile',
  usage,
  async run(args, console) {
    const { values, positionals } = parseCommandArgs(
      'profile',
      args,
      { json: { type: 'string' }, top: { type: 'string' }, ...readOptionFlags },
      { min: 1, max: 1, names: 'one FILE' }
    )
    const top = values.top === undefined ? 5 : parseInteger('--top', values.top, 0)
    const table = await openTable(positionals[0], readOptionsFromArgs(values))
    const profile = await TableProfile.of(table, { topValues: top })
    const document = profile.document(table.file, table.format)
    if (values.json !== '-') console.stdout(logText(renderProfileText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return ExitCode.Pass
  }
}
