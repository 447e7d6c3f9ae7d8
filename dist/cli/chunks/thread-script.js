/**
 * The script worker threads start from: the entry of the running bundle (the CLI or an action),
 * set by `runEntry` (`threads.ts`). Apart from it so that the staging thread can ask for it
 * without importing the entry point that serves it. Where ml-gate runs from its sources (the
 * tests), there is none and everything runs on the main thread.
 */
let script = null;
/** The script a worker thread can start from, or null when there is none. */
function threadScript() {
    return script;
}
/** Remembers the entry's script (its `import.meta.url`) for the worker threads to start from. */
function rememberThreadScript(url) {
    script = url;
}

export { rememberThreadScript as r, threadScript as t };
