import { runAction } from '../github/run-action.js'
import { runGateAction } from './steps/gate.js'

await runAction(runGateAction)
