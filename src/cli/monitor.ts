import { UserInputError } from '../errors.js'
import { renderMonitorText } from '../report/monitor.js'
import { monitorStep } from '../steps/monitor.js'
import { logText } from '../text/log-text.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeJson } from './write-output.js'

const usage = `Usage: ml-gate monitor --config CONFIG [--json OUT]

Cuts the prediction logs of CONFIG's monitor section into windows and compares each with the
reference: score and feature drift, the positive rate and mean score per segment (significant
deviations only, corrected across windows and segments), and performance on labelled rows.

  --config CONFIG   the ml-gate.yml file with a monitor: section
  --json OUT        also write the ml-gate/monitor@1 document to OUT ('-' for stdout)

Exit codes: 0 the newest window is fine, 1 it alerts or cannot be judged, 2 bad input.`

export const monitorCommand: Command = {
  name: 'monitor',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'monitor',
      args,
      { config: { type: 'string' }, json: { type: 'string' } },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    if (values.config === undefined) throw new UserInputError('ml-gate monitor: --config CONFIG is required')
    const { document, code } = await monitorStep({ config: values.config })
    if (values.json !== '-') console.stdout(logText(renderMonitorText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return code
  }
}
