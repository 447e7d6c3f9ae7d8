import { runAction } from '../github/run-action.js'
import { runReport } from './steps/report.js'

await runAction(runReport)
