import type { ActionOutcome } from '../../github/run-action.js'
import { readReportInputs } from './inputs.js'
import { publishReport } from './publish.js'

/** The report action: the results folder of earlier steps, published (see `publishReport`). */
export async function reportAction(): Promise<ActionOutcome> {
  return publishReport(readReportInputs())
}
