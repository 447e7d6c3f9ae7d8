import { describe, expect, it } from '@jest/globals'
// @ts-expect-error: a plain .mjs script, typed only by its use here
import { compileWat } from '../../scripts/build-wasm.mjs'
import { REPLICATE_SUMS_WASM } from '../../src/kernels/replicate-sums.wasm.js'

// The kernel's bytes are committed as base64 (the bundles load nothing from disk); they must be what
// its source compiles to, or a reviewer reads one kernel and ml-gate runs another.
describe('replicate-sums.wasm.ts', () => {
  it('holds the compiled replicate-sums.wat (run `npm run wasm` after editing it)', async () => {
    expect(await compileWat('src/kernels/replicate-sums.wat')).toBe(REPLICATE_SUMS_WASM)
  })
})
