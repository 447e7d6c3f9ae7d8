import * as core from '@actions/core'
import { plainText } from '../text/escape.js'
import { logText } from '../text/log-text.js'

/**
 * One line of the job's log that may quote data (file names, segments, headlines): one line
 * (`plainText`), and no workflow command (`logText`), whatever the data holds.
 */
export function logInfo(text: string): void {
  core.info(logText(plainText(text)))
}
