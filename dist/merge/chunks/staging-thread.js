import { parentPort } from 'node:worker_threads';
import { U as UserInputError } from './batch.js';
import { n as combineBuckets, o as openTable, r as resolveColumns, p as stagedBlock, q as attachedArrays, t as stageRows } from './row-stager.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import 'node:path';
import 'node:buffer';

/**
 * Where the rows of a predictions file are read and staged (`row-stager.ts`): on a worker thread
 * when the file is big, so that reading block k + 1 overlaps adding block k up on the main thread.
 * Reading is about half of an evaluation's time on a large file, and a GitHub runner has 2 cores.
 *
 * The two threads share BLOCKS blocks in shared memory (`block-memory.ts`). The worker fills a free
 * block and posts its number with the segments met since the last one; the main thread adds the
 * block up and posts the number back. Each block is added in file order and each segment gets its
 * rows in file order, so the results are those of reading on one thread, bit for bit.
 *
 * After reading, the reading worker is ended (its heap holds the reader's garbage) and a fresh one
 * takes work the main thread would do next: the bootstrap replicate sums (`SpareThread`), while the
 * main thread sorts the scores.
 */
/** A worker's side: the work its `workerData` names. */
async function serveThread(data) {
    if (data.role === 'stage')
        return serveStaging(data.plan, data.buffers);
    const port = parentPort;
    port.on('message', (message) => {
        if (message.type !== 'combine')
            return;
        const replicates = message.sums.map((sums) => combineBuckets(sums, message.width, message.bootstrap));
        port.postMessage({ type: 'combined', replicates }, replicates.map((r) => r.buffer));
    });
}
/** Reads the file into the shared blocks as the main thread frees them. */
async function serveStaging(plan, buffers) {
    const port = parentPort;
    const free = [];
    let wake = null;
    port.on('message', (message) => {
        if (message.type !== 'free')
            return;
        free.push(message.block);
        wake?.();
        wake = null;
    });
    try {
        const table = await openTable(plan.file, plan.read);
        const columns = resolveColumns(table, plan.settings);
        const blocks = buffers.map((shared) => stagedBlock(plan, columns, attachedArrays(shared)));
        for (const block of blocks.keys())
            free.push(block);
        let segments = [];
        const next = async () => {
            while (free.length === 0)
                await new Promise((resolve) => (wake = resolve));
            return blocks[free.shift()];
        };
        const read = await stageRows(table, plan, columns, await next(), {
            segment: (segment) => segments.push(segment),
            full: (staged) => {
                const message = {
                    type: 'block',
                    block: blocks.indexOf(staged),
                    size: staged.block.size,
                    segments
                };
                port.postMessage(message);
                segments = [];
                // The main thread empties its own view of the block; this one must start again at row 0.
                staged.block.size = 0;
                return next();
            }
        });
        port.postMessage({ type: 'done', ...read });
    }
    catch (error) {
        port.postMessage((error instanceof UserInputError
            ? { type: 'failed', message: error.message, location: error.location }
            : {
                type: 'crashed',
                message: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? error.stack : undefined
            }));
    }
    finally {
        port.close();
    }
}

export { serveThread };
