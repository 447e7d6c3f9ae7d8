/**
 * The serialized state of an accumulator, for sharding across jobs: each job writes the state of its
 * shard, one job restores and merges them, and the merge equals the whole (see `merge`).
 *
 * A state is a plain JSON object `{ "schema": "ml-gate/metric-state@1", "task", …options, …arrays }`.
 * Arrays of numbers are base64 of the typed arrays' little-endian bytes rather than JSON arrays:
 * every float64 round-trips bit for bit (JSON would turn −0 into 0 and cannot hold ±Infinity or NaN),
 * the text is about half the size of decimal numbers (10.7 characters per float64), and decoding
 * 1M scores is one `Buffer` copy instead of parsing 1M numbers.
 *
 * Loading validates everything it reads and throws a plain `Error` naming the field and what was
 * expected; the caller, which knows the file, turns it into a user error.
 */

import { encode as encodeBytes } from '../kernels/base64.js'
import { BUCKETS, bootstrapSettings, occupiedBuckets, type BootstrapSettings } from './poisson-bootstrap.js'
import type { Task } from './task.js'

export const METRIC_STATE_SCHEMA = 'ml-gate/metric-state@1'

/** The fields every accumulator state starts with. */
export interface StateHeader {
  readonly schema: typeof METRIC_STATE_SCHEMA
  readonly task: Task
  readonly bootstrap: BootstrapSettings
  /** The number of bootstrap buckets the sums were kept in (fixed by the schema version). */
  readonly bucketCount: number
}

/** A typed array as base64 of its little-endian bytes. */
export type Encoded = string

type Typed = Float64Array | Uint32Array | Uint16Array | Uint8Array
type TypedConstructor<T extends Typed> = {
  new (length: number): T
  readonly BYTES_PER_ELEMENT: number
  readonly name: string
}

if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
  throw new Error('ml-gate metric states are little-endian; this platform is big-endian')
}

/** A typed array as base64 of its little-endian bytes (the check above). */
export function encode(array: Typed): Encoded {
  return encodeBytes(array)
}

/** Decodes `field` of `state` into a new typed array, checking its length when `length` is given. */
export function decode<T extends Typed>(
  state: Record<string, unknown>,
  field: string,
  type: TypedConstructor<T>,
  length?: number
): T {
  const text = state[field]
  if (typeof text !== 'string') throw stateError(`${field} must be a base64 string, got ${describe(text)}`)
  const bytes = Buffer.from(text, 'base64')
  const count = bytes.length / type.BYTES_PER_ELEMENT
  if (!Number.isInteger(count) || (length !== undefined && count !== length)) {
    const expected = length === undefined ? 'a whole number of' : String(length)
    throw stateError(
      `${field} must hold ${expected} ${type.name} values, got ${bytes.length} bytes (${count} values)`
    )
  }
  const array = new type(count)
  new Uint8Array(array.buffer).set(bytes)
  return array
}

/** The header of a state written by `header`, checked: right schema, right task, valid settings. */
export function readHeader(state: unknown, task: Task): Record<string, unknown> & StateHeader {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw stateError(`expected a JSON object, got ${describe(state)}`)
  }
  const record = state as Record<string, unknown>
  if (record.schema !== METRIC_STATE_SCHEMA) {
    throw stateError(`schema must be "${METRIC_STATE_SCHEMA}", got ${describe(record.schema)}`)
  }
  if (record.task !== task) throw stateError(`expected a ${task} state, got task ${describe(record.task)}`)
  if (record.bucketCount !== BUCKETS) {
    throw stateError(`bucketCount must be ${BUCKETS}, got ${describe(record.bucketCount)}`)
  }
  const bootstrap = record.bootstrap as Partial<BootstrapSettings> | undefined
  if (typeof bootstrap !== 'object' || bootstrap === null) {
    throw stateError(`bootstrap must be { replicates, seed }, got ${describe(bootstrap)}`)
  }
  try {
    bootstrapSettings({ replicates: bootstrap.replicates, seed: bootstrap.seed })
  } catch (error) {
    throw stateError((error as Error).message)
  }
  return record as Record<string, unknown> & StateHeader
}

export function header(task: Task, bootstrap: BootstrapSettings): StateHeader {
  return {
    schema: METRIC_STATE_SCHEMA,
    task,
    bootstrap: { replicates: bootstrap.replicates, seed: bootstrap.seed },
    bucketCount: BUCKETS
  }
}

/** A finite number field, checked. */
export function numberField(state: Record<string, unknown>, field: string): number {
  const value = state[field]
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw stateError(`${field} must be a finite number, got ${describe(value)}`)
  }
  return value
}

/** A nested object field, checked. */
export function objectField(state: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = state[field]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw stateError(`${field} must be an object, got ${describe(value)}`)
  }
  return value as Record<string, unknown>
}

export function stateError(message: string): Error {
  return new Error(`invalid metric state: ${message}`)
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** Bucket sums stored sparsely: most buckets of a small segment are empty. */
export interface BucketsState {
  /** The occupied bucket indices (Uint16), ascending. */
  readonly occupied: Encoded
  /** Their sums, `width` float64 per occupied bucket. */
  readonly sums: Encoded
}

export function encodeBuckets(sums: Float64Array, width: number): BucketsState {
  const occupied = occupiedBuckets(sums, width)
  const packed = new Float64Array(occupied.length * width)
  occupied.forEach((j, i) => packed.set(sums.subarray(j * width, (j + 1) * width), i * width))
  return { occupied: encode(Uint16Array.from(occupied)), sums: encode(packed) }
}

/** The BUCKETS × width sums of a `BucketsState`, checked. */
export function decodeBuckets(state: Record<string, unknown>, field: string, width: number): Float64Array {
  const record = objectField(state, field)
  const occupied = decode(record, 'occupied', Uint16Array)
  const packed = decode(record, 'sums', Float64Array, occupied.length * width)
  const sums = new Float64Array(BUCKETS * width)
  occupied.forEach((j, i) => {
    if (j >= BUCKETS || (i > 0 && j <= occupied[i - 1])) {
      throw stateError(`${field}.occupied must be increasing bucket indices below ${BUCKETS}`)
    }
    sums.set(packed.subarray(i * width, (i + 1) * width), j * width)
  })
  return sums
}
