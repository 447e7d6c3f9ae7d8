import { runEntry } from '../threads.js'
import { runCli } from './run-cli.js'

await runEntry(import.meta.url, async () => {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env
  })
})
