import { runAction } from '../github/run-action.js'
import { runWholePipeline } from './steps/run.js'

await runAction(runWholePipeline)
