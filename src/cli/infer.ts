import { inferContract } from '../contract/infer.js'
import { ExitCode } from '../errors.js'
import { openTable } from '../io/open.js'
import { TableProfile } from '../profile/profile.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { READ_OPTIONS_USAGE, readOptionFlags, readOptionsFromArgs } from './read-options.js'
import { writeOutput } from './write-output.js'

const usage = `Usage: ml-gate infer FILE [--out CONTRACT] [read options]

Drafts a data contract from FILE (data you trust): types, nullability, observed ranges,
allowed sets for low-cardinality strings and uniqueness for id-like columns, each rule with
a comment saying what it was inferred from. Review it before committing it.

  --out CONTRACT   write the contract there (default: stdout)
${READ_OPTIONS_USAGE}`

export const inferCommand: Command = {
  name: 'infer',
  usage,
  async run(args, console) {
    const { values, positionals } = parseCommandArgs(
      'infer',
      args,
      { out: { type: 'string' }, ...readOptionFlags },
      { min: 1, max: 1, names: 'one FILE' }
    )
    const table = await openTable(positionals[0], readOptionsFromArgs(values))
    const contract = inferContract(await TableProfile.of(table), table.file)
    if (values.out === undefined) {
      console.stdout(contract)
      return ExitCode.Pass
    }
    await writeOutput(values.out, contract, console)
    console.stderr(`wrote ${values.out}: review every rule before committing it\n`)
    return ExitCode.Pass
  }
}
