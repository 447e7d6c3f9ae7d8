/**
 * A typed array's bytes as base64, in the platform's byte order: the states that store arrays this
 * way (`metrics/metric-state.ts`, `profile/profile-state.ts`) are read on little-endian platforms.
 */
export function encode(array: ArrayBufferView): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
}
