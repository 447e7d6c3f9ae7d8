import { runAction } from '../github/run-action.js'
import { runEntry } from '../threads.js'
import { runWholePipeline } from './steps/run.js'

await runEntry(import.meta.url, () => runAction(runWholePipeline))
