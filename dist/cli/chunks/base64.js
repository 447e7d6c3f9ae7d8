/**
 * A typed array's bytes as base64, in the platform's byte order: the states that store arrays this
 * way (`metrics/metric-state.ts`, `profile/profile-state.ts`) are read on little-endian platforms.
 */
function encode(array) {
    return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

export { encode as e };
