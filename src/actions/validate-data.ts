import { runAction } from '../github/run-action.js'
import { runValidateData } from './steps/validate-data.js'

await runAction(runValidateData)
