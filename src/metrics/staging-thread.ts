/**
 * Where the rows of a predictions file are read and staged (`row-stager.ts`): on a worker thread
 * when the file is big, so that reading block k + 1 overlaps adding block k up on the main thread.
 * Reading is about half of an evaluation's time on a large file, and a GitHub runner has 2 cores.
 *
 * The two threads share BLOCKS blocks in shared memory (`block-memory.ts`). The worker fills a free
 * block and posts its number with the segments met since the last one; the main thread adds the
 * block up and posts the number back. Each block is added in file order and each segment gets its
 * rows in file order, so the results are those of reading on one thread, bit for bit.
 */
import { statSync } from 'node:fs'
import { parentPort, Worker } from 'node:worker_threads'
import { UserInputError, type SourceLocation } from '../errors.js'
import { openTable } from '../io/open.js'
import type { Table } from '../io/table.js'
import { threadScript } from '../threads.js'
import { attachedArrays, sharedArrays } from './block-memory.js'
import {
  resolveColumns,
  stagedBlock,
  stageRows,
  type NewSegment,
  type ResolvedColumns,
  type StagedBlock,
  type StagingPlan
} from './row-stager.js'

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

/**
 * Reads `table` (open, its header read) and hands its rows to `consumer` block by block, on a
 * worker thread started from `thread` (undefined: the running bundle's script when the file is big
 * enough; null: the main thread).
 *
 * @returns the number of rows
 * @throws UserInputError as `stageRows` does, from either thread
 */
export async function stageBlocks(
  table: Table,
  plan: StagingPlan,
  columns: ResolvedColumns,
  thread: URL | null | undefined,
  consumer: BlockConsumer
): Promise<number> {
  const script = thread !== undefined ? thread : worthAThread(plan.file) ? threadScript() : null
  if (script === null) {
    return stageRows(table, plan, columns, stagedBlock(plan, columns), {
      segment: (segment) => consumer.segment(segment),
      full: (staged) => {
        consumer.add(staged)
        return Promise.resolve(staged)
      }
    })
  }
  // The worker reads the file again from the start: a regular file, not a pipe (`worthAThread`).
  await table.close()
  return stageOnThread(script, plan, columns, consumer)
}

function worthAThread(file: string): boolean {
  try {
    const stat = statSync(file)
    return stat.isFile() && stat.size >= THREAD_MIN_BYTES
  } catch {
    return false
  }
}

/** What the main thread hands the worker. */
interface StagingData {
  readonly plan: StagingPlan
  /** Each block's shared buffers, in the order `stagedBlock` asks for them. */
  readonly buffers: readonly (readonly SharedArrayBuffer[])[]
}

/** What the worker posts. */
type StagingMessage =
  | { readonly type: 'block'; readonly block: number; readonly size: number; readonly segments: NewSegment[] }
  | { readonly type: 'done'; readonly rows: number }
  | { readonly type: 'failed'; readonly message: string; readonly location?: SourceLocation }
  | { readonly type: 'crashed'; readonly message: string; readonly stack?: string }

async function stageOnThread(
  script: URL,
  plan: StagingPlan,
  columns: ResolvedColumns,
  consumer: BlockConsumer
): Promise<number> {
  const buffers: SharedArrayBuffer[][] = []
  const blocks: StagedBlock[] = []
  for (let b = 0; b < BLOCKS; b++) {
    buffers.push([])
    blocks.push(stagedBlock(plan, columns, sharedArrays(buffers[b])))
  }
  const worker = new Worker(script, { workerData: { plan, buffers } satisfies StagingData })
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.on('message', (message: StagingMessage) => {
        try {
          switch (message.type) {
            case 'block': {
              for (const segment of message.segments) consumer.segment(segment)
              const staged = blocks[message.block]
              staged.block.size = message.size
              consumer.add(staged)
              worker.postMessage(message.block)
              break
            }
            case 'done':
              resolve(message.rows)
              break
            case 'failed':
              reject(new UserInputError(message.message, message.location))
              break
            case 'crashed':
              reject(Object.assign(new Error(message.message), { stack: message.stack }))
          }
        } catch (error) {
          reject(error)
        }
      })
      worker.on('error', reject)
      worker.on('exit', (code) =>
        reject(new Error(`the staging thread stopped (exit code ${code}) before the end`))
      )
    })
  } finally {
    await worker.terminate()
  }
}

/** The worker's side: reads the file into the shared blocks, as the main thread frees them. */
export async function serveStaging({ plan, buffers }: StagingData): Promise<void> {
  const port = parentPort!
  const free: number[] = []
  let wake: (() => void) | null = null
  port.on('message', (block: number) => {
    free.push(block)
    wake?.()
    wake = null
  })
  try {
    const table = await openTable(plan.file, plan.read)
    const columns = resolveColumns(table, plan.settings)
    const blocks = buffers.map((shared) => stagedBlock(plan, columns, attachedArrays(shared)))
    free.push(...blocks.keys())
    let segments: NewSegment[] = []
    const next = async (): Promise<StagedBlock> => {
      while (free.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      return blocks[free.shift()!]
    }
    const rows = await stageRows(table, plan, columns, await next(), {
      segment: (segment) => segments.push(segment),
      full: (staged) => {
        const message: StagingMessage = {
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
    port.postMessage({ type: 'done', rows } satisfies StagingMessage)
  } catch (error) {
    port.postMessage(
      (error instanceof UserInputError
        ? { type: 'failed', message: error.message, location: error.location }
        : {
            type: 'crashed',
            message: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined
          }) satisfies StagingMessage
    )
  } finally {
    port.close()
  }
}
