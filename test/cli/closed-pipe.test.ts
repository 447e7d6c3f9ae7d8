import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'

// The built CLI (npm run bundle), as a shell runs it: `ml-gate evaluate --json - | head -c 100`.
describe('a reader that leaves early', () => {
  it('ends the command quietly, with its own exit code: no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [
      'dist/cli/index.js',
      'evaluate',
      '--predictions',
      'examples/credit/predictions/candidate.csv',
      ...['--task', 'binary', '--label', 'label', '--score', 'score', '--bootstrap', '100'],
      // Segments enough for a document (190 kB) larger than a pipe's buffer (64 KiB).
      ...['--segment', 'Home', '--segment', 'Marital', '--segment', 'Job'],
      ...['--cross', 'Home,Job', '--cross', 'Marital,Job', '--json', '-']
    ])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // `head -c 100`: read 100 bytes, then close the pipe.
    const head = await new Promise<string>((resolve) => {
      let read = ''
      child.stdout.on('data', (chunk: Buffer) => {
        read += chunk.toString()
        if (read.length >= 100) {
          child.stdout.destroy()
          resolve(read.slice(0, 100))
        }
      })
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(head.startsWith('{\n  "schema": "ml-gate/evaluation@1"')).toBe(true)
    expect([code, stderr]).toEqual([0, ''])
  }, 60_000)
})
