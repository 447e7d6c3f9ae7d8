import type { ProgressEvent } from '../steps/run.js'
import type { Console } from './command.js'

const WIDTH = 24

/**
 * Shows pipeline progress: on a terminal a bar redrawn in place, in CI logs (no terminal) one
 * plain line per step, which log viewers keep readable.
 */
export function progressReporter(console: Console): { update(event: ProgressEvent): void; done(): void } {
  let drawn = false
  return {
    update({ step, steps, message }) {
      if (!console.isTTY) {
        console.stderr(`ml-gate [${step}/${steps}] ${message}\n`)
        return
      }
      const filled = Math.round((WIDTH * (step - 1)) / steps)
      const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`
      console.stderr(`\r\x1b[2K[${bar}] ${step}/${steps} ${message}`)
      drawn = true
    },
    done() {
      if (drawn) console.stderr('\r\x1b[2K')
    }
  }
}
