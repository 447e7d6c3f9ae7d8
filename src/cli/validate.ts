import { DRIFT_METHOD_NAMES, parseDriftMethod, parseFailOn } from '../config/validate-options.js'
import { ExitCode, UserInputError } from '../errors.js'
import { parseShard } from '../io/partition.js'
import { renderValidationText } from '../report/validation.js'
import { validateStep } from '../steps/validate.js'
import { validateShardStep } from '../steps/validate-shard.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { READ_OPTIONS_USAGE, readOptionFlags, readOptionsFromArgs } from './read-options.js'
import { writeJson, writeState } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate validate --data FILE|GLOB [--contract CONTRACT] [--reference REF]
                        [--drift-method M] [--fail-on LEVEL] [--shard K/N] [--json OUT]
                        [read options]

Checks FILE against a data contract (YAML, see schemas/contract.schema.json) and, with
--reference, measures drift of every contract column against REF.

  --data FILE          the data to validate
  --data GLOB          several files (quote the glob): validated as one table in sorted order
                       (every file with the first file's columns; unique across all; each failure
                       names its file and its line there)
  --contract FILE      the data contract
  --reference FILE     drift is measured against this file or glob (same format rules as --data)
  --drift-method M     ${DRIFT_METHOD_NAMES.join(' | ')} (default: the contract's, else auto)
  --fail-on LEVEL      error (default): exit 1 when an error check fails or a column drifted;
                       warn: also when a warning check fails; never: always exit 0
  --shard K/N          validate only shard K of N and write its ml-gate/validation-state@1 to --json
                       (merge them with 'ml-gate merge'): with a glob every Nth file, with one CSV or
                       JSON Lines file a byte range aligned to records; the reference is split alike
  --json OUT           also write the ml-gate/validation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`

export const validateCommand: Command = {
  name: 'validate',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'validate',
      args,
      {
        data: { type: 'string' },
        contract: { type: 'string' },
        reference: { type: 'string' },
        'drift-method': { type: 'string' },
        'fail-on': { type: 'string' },
        shard: { type: 'string' },
        json: { type: 'string' },
        ...readOptionFlags
      },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    if (values.data === undefined) throw new UserInputError('ml-gate validate: --data FILE is required')
    if (values.contract === undefined && values.reference === undefined) {
      throw new UserInputError(
        'ml-gate validate: give --contract, --reference or both; there is nothing to check'
      )
    }
    const failOn = parseFailOn(values['fail-on'], '--fail-on')
    const driftMethod = parseDriftMethod(values['drift-method'], '--drift-method')
    const request = {
      contract: values.contract,
      reference: values.reference,
      driftMethod,
      read: readOptionsFromArgs(values),
      failOn,
      globs: true
    }
    if (values.shard !== undefined) {
      const shard = parseShard(values.shard, '--shard')
      if (values.json === undefined) {
        throw new UserInputError(
          'ml-gate validate: --shard needs --json OUT, where the shard state is written'
        )
      }
      const { state, stated } = await validateShardStep({ ...request, data: values.data, shard })
      if (values.json !== '-') console.stdout(logText(`${stated}\n`))
      await writeState(values.json, state, console)
      return ExitCode.Pass
    }
    const { documents, code } = await validateStep({ ...request, files: [values.data] })
    const [document] = documents
    if (values.json !== '-') console.stdout(logText(renderValidationText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return code
  }
}
