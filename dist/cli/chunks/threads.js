import { isMainThread, workerData } from 'node:worker_threads';

/**
 * Worker threads start from the script of the bundle that runs (the CLI or an action), which then
 * serves them instead of running its own main: each dist/ folder stays self-contained and nothing
 * is loaded twice by name. Where ml-gate runs from its sources (the tests), there is no script and
 * everything runs on the main thread.
 */
let script = null;
/** The script a worker thread can start from, or null when there is none. */
function threadScript() {
    return script;
}
/**
 * An entry point: on the main thread, remembers the entry's script (`import.meta.url`) and runs
 * `main`; on a worker thread started from that script, does the thread's work.
 */
async function runEntry(url, main) {
    if (isMainThread) {
        script = new URL(url);
        await main();
        return;
    }
    const { serveThread } = await import('./staging-thread.js').then(function (n) { return n.q; });
    await serveThread(workerData);
}

export { runEntry as r, threadScript as t };
