/**
 * Where the typed arrays of a block of staged rows live. A block filled by a worker thread and
 * added up by the main thread is shared memory, made once on the main thread (`sharedArrays`) and
 * taken up by the worker in the same order (`attachedArrays`): the two sides construct the same
 * classes, which ask for the same arrays, and pass nothing but the block's number afterwards.
 */

/** A typed array class (`Float64Array`, `Uint8Array`, …). */
export interface TypedArrayType<T> {
  new (buffer: ArrayBufferLike): T
  readonly BYTES_PER_ELEMENT: number
}

/** Makes a zeroed typed array of `length` elements. */
export type Allocate = <T>(Type: TypedArrayType<T>, length: number) => T

/** Arrays of this thread alone. */
export const privateArrays: Allocate = (Type, length) =>
  new Type(new ArrayBuffer(length * Type.BYTES_PER_ELEMENT))

/** Shared arrays; each one's buffer is appended to `buffers`, to be handed to `attachedArrays`. */
export function sharedArrays(buffers: SharedArrayBuffer[]): Allocate {
  return (Type, length) => {
    const buffer = new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT)
    buffers.push(buffer)
    return new Type(buffer)
  }
}

/** The arrays `sharedArrays` made into `buffers`, asked for in the same order with the same sizes. */
export function attachedArrays(buffers: readonly SharedArrayBuffer[]): Allocate {
  let next = 0
  return (Type, length) => {
    const buffer = buffers[next++]
    if (buffer === undefined || buffer.byteLength !== length * Type.BYTES_PER_ELEMENT) {
      throw new Error(`shared block arrays: array ${next - 1} does not match (${length} × ${Type.name})`)
    }
    return new Type(buffer)
  }
}
