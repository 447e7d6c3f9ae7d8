import { runAction } from '../github/run-action.js'
import { runEvaluate } from './steps/evaluate.js'

await runAction(runEvaluate)
