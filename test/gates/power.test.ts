/**
 * The minimum detectable effect and the power at the bound, against the formula on fixed numbers
 * (constants from scipy: norm.ppf, norm.cdf), and as the judge carries them.
 */
import { describe, expect, it } from '@jest/globals'
import { DETECTABLE_FACTOR, normalCdf, powerOf, standardError } from '../../src/gates/power.js'
import { config, evaluation, gate, resultFor } from './fixtures.js'

const Z_0_8 = 0.8416212335729143 // norm.ppf(0.8)
const Z_0_99 = 2.3263478740408408 // norm.ppf(0.99)
const Z_0_995 = 2.5758293035489004 // norm.ppf(0.995)
const Z_0_975 = 1.959963984540054 // norm.ppf(0.975)

/** An interval at `confidence` whose standard error is `se`, around `value`. */
function intervalOf(value: number, se: number, z: number): [number, number] {
  return [value - z * se, value + z * se]
}

describe('powerOf on fixed numbers', () => {
  it('SE 0.05 at α′ 0.02 (two-sided, z_{0.99}): MDE = (2.3263 + 0.8416)·0.05 = 0.15840', () => {
    const power = powerOf('max_drop', 0.05, intervalOf(0.1, 0.05, Z_0_99), 0.98)
    expect(power.mde).toBeCloseTo(0.15839845538068775, 10)
    // Φ(0.05/0.05 − 2.3263) = Φ(−1.3263)
    expect(power.power_at_bound).toBeCloseTo(0.09236224807369403, 8)
    expect(power.detectable).toBe(false)
  })

  it('SE 0.05 at α′ 0.01: MDE = (2.5758 + 0.8416)·0.05 = 0.17087, power at 0.05 = Φ(1 − 2.5758)', () => {
    const power = powerOf('max_relative_drop', 0.05, intervalOf(0, 0.05, Z_0_995), 0.99)
    expect(power.mde).toBeCloseTo(0.17087252685609075, 10)
    expect(power.power_at_bound).toBeCloseTo(0.05753257357682138, 8)
    expect(power.detectable).toBe(false)
  })

  it('detectable while mde ≤ 2 × bound', () => {
    expect(DETECTABLE_FACTOR).toBe(2)
    // se 0.01 at 95%: mde = (1.95996 + 0.84162)·0.01 = 0.0280158; bound 0.0141 -> 2·bound = 0.0282
    expect(powerOf('max_drop', 0.0141, intervalOf(0, 0.01, Z_0_975), 0.95).detectable).toBe(true)
    expect(powerOf('max_drop', 0.0139, intervalOf(0, 0.01, Z_0_975), 0.95).detectable).toBe(false)
  })

  it('min / max: mde only; no interval: nothing', () => {
    expect(powerOf('min', 0.75, intervalOf(0.8, 0.05, Z_0_995), 0.99)).toEqual({
      mde: expect.closeTo((Z_0_995 + Z_0_8) * 0.05, 12),
      power_at_bound: null,
      detectable: null
    })
    expect(powerOf('max_drop', 0.05, null, null)).toEqual({
      mde: null,
      power_at_bound: null,
      detectable: null
    })
  })

  it('standardError and normalCdf', () => {
    expect(standardError([0.2, 0.4], 0.95)).toBeCloseTo(0.1 / Z_0_975, 15)
    expect(normalCdf(-1.3263478740408408)).toBeCloseTo(0.09236224807369403, 12)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12)
  })
})

describe('the judge carries mde, power_at_bound and detectable', () => {
  // Unpaired documents: se = √(0.05² + 0.05²) / z_{0.975} = 0.03607753952440533 (each model's
  // interval has half-width 0.05 at 95%).
  const candidate = evaluation('c.json', { all: { n: 1000, metrics: { recall: [0.77, 0.72, 0.82] } } })
  const baseline = evaluation('b.json', { all: { n: 1000, metrics: { recall: [0.8, 0.75, 0.85] } } })
  const judged = async (line: string) =>
    resultFor(await gate(config('gates:', line), candidate, baseline), 'all')

  it('an inconclusive drop states its MDE in the reason', async () => {
    const r = await judged('  - { metric: recall, max_drop: 0.05, mode: significant }')
    expect(r.status).toBe('warn')
    // mde = (1.95996 + 0.84162)·0.0360775 = 0.10107430143746034 > 2·0.05: not detectable;
    // power = Φ(0.05 / 0.0360775 − 1.95996) = Φ(−0.57403) = 0.28296354583104927
    expect(r.mde).toBeCloseTo(0.10107430143746034, 12)
    expect(r.power_at_bound).toBeCloseTo(0.28296354583104927, 10)
    expect(r).toMatchObject({ detectable: false, correction: 'holm', family: 1 })
    expect(r.reason).toBe(
      'recall for all (n = 1000): change = candidate − baseline = 0.770 − 0.800 = −0.0300; ' +
        'drop = −change = 0.0300 (higher is better); 95% unpaired normal interval of the drop ' +
        '[−0.0407, 0.101] straddles max_drop 0.05 → inconclusive; p = 0.579 (H0: drop = 0.05), ' +
        'Holm-adjusted p = 0.579 (Holm over 1 segment of recall max_drop); ' +
        'this segment can only detect drops larger than 0.101 (80% power); the bound is 0.05'
    )
  })

  it('point mode carries them at the configured level, with no family', async () => {
    const r = await judged('  - { metric: recall, max_drop: 0.05 }')
    expect(r.status).toBe('pass')
    expect(r.mde).toBeCloseTo(0.10107430143746034, 12)
    expect(r.power_at_bound).toBeCloseTo(0.28296354583104927, 10)
    expect(r).toMatchObject({ correction: null, family: null, detectable: false })
  })
})
