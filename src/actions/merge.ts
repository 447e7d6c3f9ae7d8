import { actionEntry } from '../github/run-action.js'
import { mergeAction } from './merge/action.js'

/** The action; it runs itself when started as a script (see `actionEntry`). */
export const run = await actionEntry(import.meta.url, mergeAction)
