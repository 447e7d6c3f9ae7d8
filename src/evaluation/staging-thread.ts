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
import { statSync } from 'node:fs'
import { parentPort, Worker } from 'node:worker_threads'
import { UserInputError, type SourceLocation } from '../errors.js'
import { openTable } from '../io/open.js'
import type { Table } from '../io/table.js'
import { threadScript } from './thread-script.js'
import { attachedArrays, sharedArrays } from '../kernels/block-memory.js'
import { combineBuckets, type BootstrapSettings } from '../metrics/poisson-bootstrap.js'
import {
  resolveColumns,
  stagedBlock,
  stageRows,
  type NewSegment,
  type ResolvedColumns,
  type StagedBlock,
  type StagedFile,
  type StagingPlan
} from './row-stager.js'
import type { IdSet } from './row-ids.js'

/** Who adds the staged rows up: told of each new segment before the first block that holds its rows. */
export interface BlockConsumer {
  segment(segment: NewSegment): void
  /** Adds the block's rows and empties it (`RowBlock.drain`). */
  add(staged: StagedBlock): void
}

/**
 * Smaller files are read on the main thread: a thread costs about 40 ms to start and 20 MB, and a
 * file of one or two blocks gives it little to overlap. 16 MiB is about 400,000 rows of the benchmark.
 */
const THREAD_MIN_BYTES = 16 * 2 ** 20

/** Blocks in flight: one being filled while the other is added up. */
const BLOCKS = 2

/** The rows were read. */
export interface Staged extends StagedFile {
  /**
   * A second thread for the work after reading, where the rows were read on one (null: they were
   * not); the caller must close it.
   */
  readonly thread: SpareThread | null
}

/** A worker thread for the main thread to hand work to. */
export interface SpareThread {
  /** `combineBuckets(s, width, bootstrap)` of each of `sums`, computed on the thread. */
  combineBuckets(sums: Float64Array[], width: number, bootstrap: BootstrapSettings): Promise<Float64Array[]>
  close(): Promise<void>
}

/**
 * Reads `table` (open, its header read) and hands its rows to `consumer` block by block, on a
 * worker thread started from `thread` (undefined: the running bundle's script when the file is big
 * enough; null: the main thread).
 *
 * @throws UserInputError as `stageRows` does, from either thread
 */
export async function stageBlocks(
  table: Table,
  plan: StagingPlan,
  columns: ResolvedColumns,
  thread: URL | null | undefined,
  consumer: BlockConsumer,
  only: IdSet | null = null
): Promise<Staged> {
  // `only` stays on this thread: it is a restricted re-read (see `gates/pairing.ts`), not the hot path.
  const script =
    only !== null ? null : thread !== undefined ? thread : worthAThread(plan.file) ? threadScript() : null
  if (script === null) {
    const read = await stageRows(
      table,
      plan,
      columns,
      stagedBlock(plan, columns),
      {
        segment: (segment) => consumer.segment(segment),
        full: (staged) => {
          consumer.add(staged)
          return Promise.resolve(staged)
        }
      },
      only
    )
    return { ...read, thread: null }
  }
  // The worker reads the file again from the start: a regular file, not a pipe (`worthAThread`).
  await table.close()
  const read = await stageOnThread(script, plan, columns, consumer)
  return { ...read, thread: spareThread(script) }
}

function worthAThread(file: string): boolean {
  try {
    const stat = statSync(file)
    return stat.isFile() && stat.size >= THREAD_MIN_BYTES
  } catch {
    return false
  }
}

/** What a worker is started with: rows to read into shared blocks, or replicate sums to compute. */
type ThreadData =
  | {
      readonly role: 'stage'
      readonly plan: StagingPlan
      /** Each block's shared buffers, in the order `stagedBlock` asks for them. */
      readonly buffers: readonly (readonly SharedArrayBuffer[])[]
    }
  | { readonly role: 'combine' }

/** What the main thread posts: a block to fill again, or replicate sums to compute. */
type MainMessage =
  | { readonly type: 'free'; readonly block: number }
  | {
      readonly type: 'combine'
      readonly sums: Float64Array[]
      readonly width: number
      readonly bootstrap: BootstrapSettings
    }

/** What a worker posts. */
type WorkerMessage =
  | { readonly type: 'block'; readonly block: number; readonly size: number; readonly segments: NewSegment[] }
  | ({ readonly type: 'done' } & StagedFile)
  | { readonly type: 'combined'; readonly replicates: Float64Array[] }
  | { readonly type: 'failed'; readonly message: string; readonly location?: SourceLocation }
  | { readonly type: 'crashed'; readonly message: string; readonly stack?: string }

/**
 * A worker started from `script` with `data`. `request` posts a message (if any) and resolves with
 * the next answer that is not a staged block (those go to `onBlock` as they come); errors of the
 * worker reject it.
 */
function startWorker(script: URL, data: ThreadData, onBlock: (message: BlockMessage) => void = noBlocks) {
  const worker = new Worker(script, { workerData: data })
  let pending: { resolve: (message: WorkerMessage) => void; reject: (error: unknown) => void } | null = null
  const fail = (error: unknown) => pending?.reject(error)
  worker.on('message', (message: WorkerMessage) => {
    try {
      if (message.type === 'block') onBlock(message)
      else if (message.type === 'failed') fail(new UserInputError(message.message, message.location))
      else if (message.type === 'crashed')
        fail(Object.assign(new Error(message.message), { stack: message.stack }))
      else pending?.resolve(message)
    } catch (error) {
      fail(error)
    }
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)))
  return {
    post: (message: MainMessage) => worker.postMessage(message),
    request(message?: MainMessage): Promise<WorkerMessage> {
      const answer = new Promise<WorkerMessage>((resolve, reject) => (pending = { resolve, reject }))
      if (message) worker.postMessage(message)
      return answer
    },
    async close(): Promise<void> {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}

type BlockMessage = Extract<WorkerMessage, { type: 'block' }>

function noBlocks(message: BlockMessage): never {
  throw new Error(`a worker thread posted block ${message.block} unasked`)
}

async function stageOnThread(
  script: URL,
  plan: StagingPlan,
  columns: ResolvedColumns,
  consumer: BlockConsumer
): Promise<StagedFile> {
  const buffers: SharedArrayBuffer[][] = []
  const blocks: StagedBlock[] = []
  for (let b = 0; b < BLOCKS; b++) {
    buffers.push([])
    blocks.push(stagedBlock(plan, columns, sharedArrays(buffers[b])))
  }
  const worker = startWorker(script, { role: 'stage', plan, buffers }, (message) => {
    for (const segment of message.segments) consumer.segment(segment)
    const staged = blocks[message.block]
    staged.block.size = message.size
    consumer.add(staged)
    worker.post({ type: 'free', block: message.block })
  })
  try {
    const done = await worker.request()
    if (done.type !== 'done') throw new Error(`the staging thread answered ${done.type}`)
    return { rows: done.rows, labels: done.labels, ids: done.ids }
  } finally {
    // Ended, not kept for later work: its heap (the reader's garbage, 70 MB at 1M rows) goes with it.
    await worker.close()
  }
}

/** A fresh worker, started at its first task (about 30 MB while it lives). */
function spareThread(script: URL): SpareThread {
  let worker: ReturnType<typeof startWorker> | null = null
  return {
    async combineBuckets(sums, width, bootstrap) {
      worker ??= startWorker(script, { role: 'combine' })
      const answer = await worker.request({ type: 'combine', sums, width, bootstrap })
      if (answer.type !== 'combined') throw new Error(`the replicate thread answered ${answer.type}`)
      return answer.replicates
    },
    close: async () => {
      await worker?.close()
    }
  }
}

/** A worker's side: the work its `workerData` names. */
export async function serveThread(data: ThreadData): Promise<void> {
  if (data.role === 'stage') return serveStaging(data.plan, data.buffers)
  const port = parentPort!
  port.on('message', (message: MainMessage) => {
    if (message.type !== 'combine') return
    const replicates = message.sums.map((sums) => combineBuckets(sums, message.width, message.bootstrap))
    port.postMessage(
      { type: 'combined', replicates } satisfies WorkerMessage,
      replicates.map((r) => r.buffer as ArrayBuffer)
    )
  })
}

/** Reads the file into the shared blocks as the main thread frees them. */
async function serveStaging(
  plan: StagingPlan,
  buffers: readonly (readonly SharedArrayBuffer[])[]
): Promise<void> {
  const port = parentPort!
  const free: number[] = []
  let wake: (() => void) | null = null
  port.on('message', (message: MainMessage) => {
    if (message.type !== 'free') return
    free.push(message.block)
    wake?.()
    wake = null
  })
  try {
    const table = await openTable(plan.file, plan.read)
    const columns = resolveColumns(table, plan.settings)
    const blocks = buffers.map((shared) => stagedBlock(plan, columns, attachedArrays(shared)))
    for (const block of blocks.keys()) free.push(block)
    let segments: NewSegment[] = []
    const next = async (): Promise<StagedBlock> => {
      while (free.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      return blocks[free.shift()!]
    }
    const read = await stageRows(table, plan, columns, await next(), {
      segment: (segment) => segments.push(segment),
      full: (staged) => {
        const message: WorkerMessage = {
          type: 'block',
          block: blocks.indexOf(staged),
          size: staged.block.size,
          segments
        }
        port.postMessage(message)
        segments = []
        // The main thread empties its own view of the block; this one must start again at row 0.
        staged.block.size = 0
        return next()
      }
    })
    port.postMessage({ type: 'done', ...read } satisfies WorkerMessage)
  } catch (error) {
    port.postMessage(
      (error instanceof UserInputError
        ? { type: 'failed', message: error.message, location: error.location }
        : {
            type: 'crashed',
            message: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined
          }) satisfies WorkerMessage
    )
  } finally {
    port.close()
  }
}
