/** The bookkeeping core the three accumulators share: merge, replicate statistics, state. */
import { describe, expect, it } from '@jest/globals'
import { BucketedSums } from '../../src/metrics/bucketed-sums.js'
import { BUCKETS, bucketWeights, type AddScaled } from '../../src/metrics/poisson-bootstrap.js'

const bootstrap = { replicates: 3, seed: 7 }

function filled(
  width: number,
  join: AddScaled | null,
  values: readonly number[],
  bucket: number
): BucketedSums {
  const core = new BucketedSums(width, bootstrap, join)
  core.sums.set(values)
  core.buckets.set(values, bucket * width)
  core.digest.add(bucket + 1)
  return core
}

describe('BucketedSums', () => {
  it('merges sums element by element, buckets included, and adds the digests', () => {
    const a = filled(2, null, [1, 2], 0)
    a.merge(filled(2, null, [10, 20], 0))
    expect([...a.sums]).toEqual([11, 22])
    expect([...a.buckets.subarray(0, 4)]).toEqual([11, 22, 0, 0])
    expect(a.digest.rows).toBe(2)
  })

  it('merges statistics that do not add up with their join, once per bucket', () => {
    const calls: number[] = []
    // A join that keeps the larger value and records where it was called.
    const larger: AddScaled = (target, to, source, so, k) => {
      calls.push(to)
      target[to] = Math.max(target[to], k * source[so])
    }
    const a = filled(1, larger, [5], 1)
    a.merge(filled(1, larger, [3], 1))
    expect(a.sums[0]).toBe(5)
    expect(a.buckets[1]).toBe(5)
    expect(calls.length).toBe(1 + BUCKETS)
  })

  it('gives replicate statistics of the buckets under the Poisson weights, one width per replicate', () => {
    const core = filled(2, null, [1, 2], 4)
    const replicates = core.replicateSums()
    expect(replicates.length).toBe(3 * 2)
    // Every replicate is k copies of bucket 4, k the bucket's Poisson count in that replicate.
    const weights = bucketWeights(bootstrap)
    const counts = [0, 1, 2].map((b) => weights[b * BUCKETS + 4])
    expect([...replicates]).toEqual(counts.flatMap((k) => [k, 2 * k]))
  })

  it('restores exactly what toState wrote', () => {
    const core = filled(3, null, [0.1, -2, 3e10], 1023)
    const state = JSON.parse(JSON.stringify(core.toState())) as Record<string, unknown>
    const restored = new BucketedSums(3, bootstrap)
    restored.restore(state)
    expect([...restored.sums]).toEqual([0.1, -2, 3e10])
    expect([...restored.buckets.subarray(1023 * 3)]).toEqual([0.1, -2, 3e10])
    expect(restored.digest.equals(core.digest)).toBe(true)
  })

  it('says which field of a state is wrong', () => {
    const state = JSON.parse(JSON.stringify(filled(2, null, [1, 2], 0).toState())) as Record<string, unknown>
    expect(() =>
      new BucketedSums(2, bootstrap).restore({ ...state, digest: { rows: -1, first: 0, second: 0 } })
    ).toThrow('invalid metric state: digest.rows must be an unsigned integer, got -1')
    expect(() => new BucketedSums(3, bootstrap).restore(state)).toThrow(/sums/)
  })
})
