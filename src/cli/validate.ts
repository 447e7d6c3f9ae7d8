import { DRIFT_METHOD_NAMES, parseDriftMethod, parseFailOn } from '../config/validate-options.js'
import { UserInputError } from '../errors.js'
import { renderValidationText } from '../report/validation.js'
import { validateStep } from '../steps/validate.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { READ_OPTIONS_USAGE, readOptionFlags, readOptionsFromArgs } from './read-options.js'
import { writeJson } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate validate --data FILE [--contract CONTRACT] [--reference REF]
                        [--drift-method M] [--fail-on LEVEL] [--json OUT] [read options]

Checks FILE against a data contract (YAML, see schemas/contract.schema.json) and, with
--reference, measures drift of every contract column against REF.

  --data FILE          the data to validate
  --contract FILE      the data contract
  --reference FILE     drift is measured against this file (same format rules as --data)
  --drift-method M     ${DRIFT_METHOD_NAMES.join(' | ')} (default: the contract's, else auto)
  --fail-on LEVEL      error (default): exit 1 when an error check fails or a column drifted;
                       warn: also when a warning check fails; never: always exit 0
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
    const { documents, code } = await validateStep({
      files: [values.data],
      contract: values.contract,
      reference: values.reference,
      driftMethod,
      read: readOptionsFromArgs(values),
      failOn
    })
    const [document] = documents
    if (values.json !== '-') console.stdout(logText(renderValidationText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return code
  }
}
