import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, jest } from '@jest/globals'
import { BUCKETS, bucketWeights, combineBuckets } from '../../src/metrics/poisson-bootstrap.js'

// V8 reserves about 10 GB of address space for any WebAssembly memory; under `ulimit -v` below
// that, instantiating the replicate-sums kernel throws a RangeError. The sums must then come from
// the scalar loop, with the same bits.
const bits = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength)

function plainLoop(sums: Float64Array, width: number, settings: { replicates: number; seed: number }) {
  const weights = bucketWeights(settings)
  const out = new Float64Array(settings.replicates * width)
  for (let b = 0; b < settings.replicates; b++)
    for (let j = 0; j < BUCKETS; j++) {
      const k = weights[b * BUCKETS + j]
      if (k !== 0) for (let f = 0; f < width; f++) out[b * width + f] += k * sums[j * width + f]
    }
  return out
}

describe('the replicate sums without WebAssembly memory', () => {
  it('are the plain loop, bit for bit, when the kernel cannot get its memory', () => {
    const refuse = jest.spyOn(WebAssembly, 'Instance').mockImplementation(() => {
      throw new RangeError(
        'WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance'
      )
    })
    const settings = { replicates: 200, seed: 3 }
    const sums = new Float64Array(BUCKETS * 8).map((_, i) => (i % 11 === 0 ? 0 : Math.sin(i) * 10 ** (i % 7)))
    const out = combineBuckets(sums, 8, settings)
    expect(refuse).toHaveBeenCalledTimes(1)
    expect(bits(out).equals(bits(plainLoop(sums, 8, settings)))).toBe(true)
    // Asked once: later segments go straight to the scalar loop.
    combineBuckets(sums, 8, settings)
    expect(refuse).toHaveBeenCalledTimes(1)
    refuse.mockRestore()
  })

  // The built CLI, as users run it, in a process whose address space is capped at 4 GB.
  it('let the built CLI evaluate under ulimit -v 4000000, with the same document', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-ulimit-'))
    const args = (json: string) =>
      [
        'dist/cli/index.js evaluate --predictions examples/credit/predictions/candidate.csv --task binary',
        `--label label --score score --segment Job --json ${json}`
      ].join(' ')
    const run = promisify(execFile)
    await run('/bin/sh', ['-c', `node ${args(join(tmp, 'free.json'))}`])
    const capped = await run('/bin/sh', ['-c', `ulimit -v 4000000 && node ${args(join(tmp, 'capped.json'))}`])
    expect(capped.stderr).toBe('')
    const read = (name: string) => readFileSync(join(tmp, name), 'utf8').replace(/"created": "[^"]*"/, '')
    expect(read('capped.json')).toBe(read('free.json'))
  }, 60_000)
})
