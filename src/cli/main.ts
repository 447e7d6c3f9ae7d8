import { runEntry } from '../evaluation/threads.js'
import { runCli } from './run-cli.js'
import { untilReaderLeaves } from './write-output.js'

await runEntry(import.meta.url, async () => {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: untilReaderLeaves(process.stdout),
    stderr: untilReaderLeaves(process.stderr),
    isTTY: process.stdout.isTTY === true,
    env: process.env
  })
})
