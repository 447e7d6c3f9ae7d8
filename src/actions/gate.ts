import { runAction } from '../github/run-action.js'
import { runEntry } from '../threads.js'
import { runGateAction } from './steps/gate.js'

await runEntry(import.meta.url, () => runAction(runGateAction))
