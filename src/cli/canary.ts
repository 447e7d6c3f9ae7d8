import { UserInputError } from '../errors.js'
import { renderCanaryText } from '../report/canary-text.js'
import { canaryStep } from '../steps/canary.js'
import { logText } from '../text/log-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeJson } from './write-output.js'

const usage = `Usage: ml-gate canary --control FILE --canary FILE --config CONFIG [--json OUT]

Decides a canary release from the outcome logs of the control (the current model) and the canary
(the new model) on live traffic: the gates of CONFIG judge the logs' metrics per segment (the
canary as candidate, the control as baseline, never paired: different users), and each
canary.outcomes column is compared by its Hodges–Lehmann shift and a Mann–Whitney test.

  --control FILE     the control's log: the columns of the config's model section (label, score,
                     prediction), its segment columns and the outcome columns
  --canary FILE      the canary's log, with the same columns
  --config CONFIG    the ml-gate.yml file
  --json OUT         also write the ml-gate/canary@1 document to OUT ('-' for stdout)

Decision: rollback when a gate fails or an outcome's degradation interval lies wholly above its
max_shift; promote when everything passes; continue when something is undecided (with the
traffic a decision needs).

Exit codes: 0 promote, 1 rollback, 2 bad input, 3 continue.`

export const canaryCommand: Command = {
  name: 'canary',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'canary',
      args,
      {
        control: { type: 'string' },
        canary: { type: 'string' },
        config: { type: 'string' },
        json: { type: 'string' }
      },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    for (const flag of ['control', 'canary', 'config'] as const) {
      if (values[flag] === undefined) {
        throw new UserInputError(
          `ml-gate canary: --${flag} ${flag === 'config' ? 'CONFIG' : 'FILE'} is required`
        )
      }
    }
    const { document, code } = await canaryStep({
      config: values.config!,
      control: values.control!,
      canary: values.canary!,
      now: new Date()
    })
    if (values.json !== '-') console.stdout(logText(renderCanaryText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return code
  }
}
