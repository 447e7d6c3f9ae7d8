/**
 * The script worker threads start from: the entry of the running bundle (the CLI or an action),
 * set by `runEntry` (`threads.ts`). Apart from it so that the staging thread can ask for it
 * without importing the entry point that serves it. Where ml-gate runs from its sources (the
 * tests), there is none and everything runs on the main thread.
 */

let script: URL | null = null

/** The script a worker thread can start from, or null when there is none. */
export function threadScript(): URL | null {
  return script
}

/** Remembers the entry's script (its `import.meta.url`) for the worker threads to start from. */
export function rememberThreadScript(url: URL): void {
  script = url
}
