import { runAction } from '../github/run-action.js'
import { runEntry } from '../threads.js'
import { runEvaluate } from './steps/evaluate.js'

await runEntry(import.meta.url, () => runAction(runEvaluate))
