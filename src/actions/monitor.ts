import { actionEntry } from '../github/run-action.js'
import { monitorAction } from './monitor/action.js'

/** The action; it runs itself when started as a script (see `actionEntry`). */
export const run = await actionEntry(import.meta.url, monitorAction)
