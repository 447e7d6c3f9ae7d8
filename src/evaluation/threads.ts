/**
 * Worker threads start from the script of the bundle that runs (the CLI or an action), which then
 * serves them instead of running its own main: each dist/ folder stays self-contained and nothing
 * is loaded twice by name. Where ml-gate runs from its sources (the tests), there is no script and
 * everything runs on the main thread.
 */
import { isMainThread, workerData } from 'node:worker_threads'
import { rememberThreadScript } from './thread-script.js'

/**
 * An entry point: on the main thread, remembers the entry's script (`import.meta.url`) and runs
 * `main`; on a worker thread started from that script, does the thread's work.
 */
export async function runEntry(url: string, main: () => Promise<void>): Promise<void> {
  if (isMainThread) {
    rememberThreadScript(new URL(url))
    await main()
    return
  }
  const { serveThread } = await import('./staging-thread.js')
  await serveThread(workerData)
}
