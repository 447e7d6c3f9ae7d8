import { describe, expect, it } from '@jest/globals'
import { config, evaluation, gate, resultFor, TODAY } from './fixtures.js'

describe('min and max (point mode)', () => {
  const candidate = evaluation('c.json', { all: { n: 1000, metrics: { roc_auc: [0.8, 0.76, 0.84] } } })

  it('passes a value above min, fails one above max, each with its formula', async () => {
    const verdict = await gate(
      config('gates:', '  - metric: roc_auc', '    min: 0.75', '    max: 0.79'),
      candidate,
      null
    )
    const min = resultFor(verdict, 'all', 'min')
    expect(min.status).toBe('pass')
    expect(min.reason).toBe('roc_auc for all (n = 1000): roc_auc = 0.800; 0.800 ≥ min 0.75 → pass')
    expect(min.excess).toBeCloseTo(-0.05, 15)
    expect(min.ci).toEqual([0.76, 0.84])
    const max = resultFor(verdict, 'all', 'max')
    expect(max.status).toBe('fail')
    expect(max.reason).toBe('roc_auc for all (n = 1000): roc_auc = 0.800; 0.800 > max 0.79 → fail')
    expect(max.excess).toBeCloseTo(0.01, 15)
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe('roc_auc for all is 0.800, above the maximum 0.79')
  })
})

describe('max_drop and max_relative_drop: both metric directions', () => {
  const candidate = evaluation('c.json', {
    all: {
      n: 1000,
      metrics: { recall: [0.5, 0.45, 0.55], brier: [0.16, 0.15, 0.17], log_loss: [0.4, 0.38, 0.42] }
    }
  })
  const baseline = evaluation('b.json', {
    all: {
      n: 1000,
      metrics: { recall: [0.8, 0.76, 0.84], brier: [0.14, 0.13, 0.15], log_loss: [0.45, 0.43, 0.47] }
    }
  })

  it('recall (higher is better): a fall is a drop', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, max_drop: 0.05 }'),
      candidate,
      baseline
    )
    const r = resultFor(verdict, 'all')
    expect(r.status).toBe('fail')
    expect(r.change).toBeCloseTo(-0.3, 15)
    expect(r.relative_change).toBeCloseTo(-0.375, 15)
    expect(r.excess).toBeCloseTo(0.25, 15)
    expect(r.reason).toBe(
      'recall for all (n = 1000): change = candidate − baseline = 0.500 − 0.800 = −0.300; ' +
        'drop = −change = 0.300 (higher is better); 0.300 > max_drop 0.05 → fail'
    )
    expect(verdict.headline).toBe('recall for all fell 0.800 → 0.500 (change −0.300, allowed drop 0.05)')
  })

  it('brier (lower is better): a rise is a drop; log_loss falling is no drop at all', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: brier, max_drop: 0.01 }', '  - { metric: log_loss, max_drop: 0 }'),
      candidate,
      baseline
    )
    const brier = verdict.results[0]
    expect(brier.status).toBe('fail')
    expect(brier.reason).toBe(
      'brier for all (n = 1000): change = candidate − baseline = 0.160 − 0.140 = +0.0200; ' +
        'drop = change = 0.0200 (lower is better); 0.0200 > max_drop 0.01 → fail'
    )
    expect(verdict.headline).toBe('brier for all rose 0.140 → 0.160 (change +0.0200, allowed drop 0.01)')
    const logLoss = verdict.results[1]
    expect(logLoss.status).toBe('pass')
    expect(logLoss.excess).toBeCloseTo(-0.05, 15)
  })

  it('max_relative_drop divides the drop by |baseline|; a baseline of 0 leaves it undefined', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, max_relative_drop: 0.1 }'),
      candidate,
      baseline
    )
    const r = resultFor(verdict, 'all')
    expect(r.status).toBe('fail')
    expect(r.excess).toBeCloseTo(0.275, 15)
    expect(r.reason).toBe(
      'recall for all (n = 1000): change = candidate − baseline = 0.500 − 0.800 = −0.300; ' +
        'drop = −change = 0.300 (higher is better); relative drop = drop / |baseline| = 0.300 / 0.800 = 0.375; ' +
        '0.375 > max_relative_drop 0.1 → fail'
    )
    expect(verdict.headline).toBe(
      'recall for all fell 0.800 → 0.500 (relative change −37.5%, allowed relative drop 10%)'
    )
    const zero = evaluation('b.json', { all: { n: 1000, metrics: { recall: 0 } } })
    const undefinedRelative = await gate(
      config('gates:', '  - { metric: recall, max_relative_drop: 0.1 }'),
      candidate,
      zero
    )
    expect(resultFor(undefinedRelative, 'all')).toMatchObject({
      status: 'insufficient',
      reason: "recall for all: the baseline's recall is 0, so a relative drop is undefined"
    })
  })
})

describe('across: min_ratio and max_gap', () => {
  const candidate = evaluation('c.json', {
    all: { n: 210, metrics: { positive_rate: 0.3 } },
    'Job=a': { n: 100, metrics: { positive_rate: 0.1 } },
    'Job=b': { n: 100, metrics: { positive_rate: 0.4 } },
    'Job=c': { n: 10, metrics: { positive_rate: 0.9 } }
  })

  it('compares the lowest and highest segment with enough rows; a gap on its bound holds', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: positive_rate, across: Job, min_ratio: 0.8, max_gap: 0.3 }'),
      candidate,
      null
    )
    const ratio = resultFor(verdict, 'Job', 'min_ratio')
    expect(ratio.status).toBe('fail')
    expect(ratio.candidate).toBeCloseTo(0.25, 15)
    expect(ratio.reason).toBe(
      'positive_rate across Job: lowest Job=a 0.100, highest Job=b 0.400 (2 segments; left out: Job=c (10 rows)); ' +
        'ratio = lowest / highest = 0.100 / 0.400 = 0.250; 0.250 < min_ratio 0.8 → fail'
    )
    // 0.4 − 0.1 = 0.30000000000000004: on the bound
    expect(resultFor(verdict, 'Job', 'max_gap').status).toBe('pass')
    expect(verdict.headline).toBe('positive_rate across Job: ratio lowest/highest 0.250, below min_ratio 0.8')
  })

  it('needs two judged segments', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: positive_rate, across: Home, max_gap: 0.1 }'),
      candidate,
      null
    )
    expect(resultFor(verdict, 'Home')).toMatchObject({
      status: 'missing',
      reason: "positive_rate across Home: the candidate's evaluation has no segments of Home"
    })
    const thin = evaluation('c.json', {
      all: { n: 210, metrics: { positive_rate: 0.3 } },
      'Job=a': { n: 100, metrics: { positive_rate: 0.1 } },
      'Job=c': { n: 10, metrics: { positive_rate: 0.9 } }
    })
    const insufficient = await gate(
      config('gates:', '  - { metric: positive_rate, across: Job, max_gap: 0.1 }'),
      thin,
      null
    )
    expect(resultFor(insufficient, 'Job')).toMatchObject({
      status: 'insufficient',
      reason:
        'positive_rate across Job: needs 2 segments with support of at least 30 and a defined, finite value, found 1; left out: Job=c (10 rows)'
    })
    // The only result could not be judged: no evidence fails (it passed before).
    expect(insufficient.verdict).toBe('fail')
    expect(insufficient.headline).toBe(
      'no evidence: the 1 result could not be judged (1 insufficient); positive_rate across Job: needs 2 segments with support of at least 30 and a defined, finite value, found 1; left out: Job=c (10 rows) (on_no_evidence: fail)'
    )
  })
})

describe('significant mode', () => {
  it('min: decides on the candidate interval (pass, inconclusive, fail)', async () => {
    const loaded = config('gates:', '  - { metric: roc_auc, min: 0.75, mode: significant }')
    const run = async (spec: readonly [number, number, number]) =>
      resultFor(
        await gate(loaded, evaluation('c.json', { all: { n: 1000, metrics: { roc_auc: spec } } }), null),
        'all'
      )
    expect((await run([0.8, 0.76, 0.84])).status).toBe('pass')
    const inconclusive = await run([0.77, 0.73, 0.81])
    expect(inconclusive.status).toBe('warn')
    expect(inconclusive.reason).toContain(
      '95% delong interval of the roc_auc [0.730, 0.810] straddles min 0.75 → inconclusive'
    )
    const fail = await run([0.7, 0.66, 0.74])
    expect(fail.status).toBe('fail')
    expect(fail.confidence).toBe(0.95)
  })

  it('a change between documents: the unpaired normal interval, and a note saying so', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, max_drop: 0.05, mode: significant }'),
      evaluation('c.json', { all: { n: 1000, metrics: { recall: [0.5, 0.45, 0.55] } } }),
      evaluation('b.json', { all: { n: 1000, metrics: { recall: [0.8, 0.76, 0.84] } } })
    )
    const r = resultFor(verdict, 'all')
    expect(r.status).toBe('fail')
    // se = √(0.05² + 0.04²) / z; drop interval 0.3 ± z·se (scipy, z = norm.ppf(0.975))
    expect(r.ci![0]).toBeCloseTo(0.2359687576256715, 12)
    expect(r.ci![1]).toBeCloseTo(0.3640312423743285, 12)
    // 2·norm.sf(0.25 / se)
    expect(r.p_value! / 1.9730283681204863e-14).toBeCloseTo(1, 6)
    expect(r.reason).toContain(
      '95% unpaired normal interval of the drop [0.236, 0.364] lies wholly above max_drop 0.05 → fail'
    )
    expect(verdict.paired).toBe(false)
    expect(verdict.notes).toEqual([
      'no id to pair on: unpaired intervals (normal approximation from each model’s own interval); set model.id for paired ones'
    ])
  })

  it('Holm: each segment at the level of its rank; a segment failing at 95% becomes inconclusive', async () => {
    // Hand-computed (z = 1.959963984540054, p = 2·norm.sf(|value − 0.75| / se), se = side / z):
    //   all      0.90 [0.88, 0.92]  p ≈ 6e-49   rank 1: α/4, decided
    //   Job=b    0.81 [0.77, 0.85]  p = 0.0032826947645419246  rank 2: α/3 = 0.0167, decided
    //   Job=a    0.73 [0.71, 0.749] p = 0.03910122996698484    rank 3: α/2 = 0.025 < p: Holm stops
    //   Job=c    0.78 [0.74, 0.82]  p = 0.14156906984427375    rank 4: keeps α/2
    //   Home=x   10 rows: insufficient, not in the family (m = 4)
    // Adjusted: Job=b 3·p = 0.009848084293625773; Job=a max(that, 2·p) = 0.07820245993396968; Job=c 0.1415…
    // Job=a at 97.5%: each side scaled by k = z(0.9875)/z(0.975) = 1.1435938340116685:
    //   [0.73 − 0.02·k, 0.73 + 0.019·k] = [0.7071281233197666, 0.7517282828462217]: straddles 0.75.
    const verdict = await gate(
      config('gates:', '  - { metric: roc_auc, min: 0.75, per_segment: true, mode: significant }'),
      evaluation('c.json', {
        all: { n: 1000, metrics: { roc_auc: [0.9, 0.88, 0.92] } },
        'Job=a': { n: 200, metrics: { roc_auc: [0.73, 0.71, 0.749] } },
        'Job=b': { n: 200, metrics: { roc_auc: [0.81, 0.77, 0.85] } },
        'Job=c': { n: 200, metrics: { roc_auc: [0.78, 0.74, 0.82] } },
        'Home=x': { n: 10, metrics: { roc_auc: [0.5, 0.2, 0.8] } }
      }),
      null
    )
    const a = resultFor(verdict, 'Job=a')
    expect(a.status).toBe('warn')
    expect(a.confidence).toBeCloseTo(0.975, 15)
    expect(a.ci![0]).toBeCloseTo(0.7071281233197666, 12)
    expect(a.ci![1]).toBeCloseTo(0.7517282828462217, 12)
    expect(a.p_value).toBeCloseTo(0.03910122996698484, 12)
    expect(a.adjusted_p_value).toBeCloseTo(0.07820245993396968, 12)
    expect(a.reason).toBe(
      'roc_auc for Job=a (n = 200): roc_auc = 0.730; 97.5% delong interval of the roc_auc [0.707, 0.752] ' +
        'straddles min 0.75 → inconclusive; p = 0.0391 (H0: roc_auc = 0.75), Holm-adjusted p = 0.0782 ' +
        '(Holm over 4 segments of roc_auc min); this segment can only tell its roc_auc from min 0.75 when ' +
        'they differ by more than 0.0307 (80% power)'
    )
    expect(a).toMatchObject({ correction: 'holm', family: 4, power_at_bound: null, detectable: null })
    // se = (0.7517282828462217 − 0.7071281233197666) / (2·z(0.9875)), mde = (z(0.9875) + z(0.8))·se (scipy)
    expect(a.mde).toBeCloseTo(0.030673506103774926, 12)
    expect(resultFor(verdict, 'Home=x')).toMatchObject({ correction: null, family: null, mde: null })
    const b = resultFor(verdict, 'Job=b')
    expect(b).toMatchObject({ status: 'pass' })
    expect(b.confidence).toBeCloseTo(1 - 0.05 / 3, 15)
    expect(b.adjusted_p_value).toBeCloseTo(0.009848084293625773, 12)
    expect(resultFor(verdict, 'all').confidence).toBeCloseTo(1 - 0.05 / 4, 15)
    expect(resultFor(verdict, 'Job=c').confidence).toBeCloseTo(0.975, 15)
    expect(resultFor(verdict, 'Job=c').adjusted_p_value).toBeCloseTo(0.14156906984427375, 12)
    expect(resultFor(verdict, 'Home=x').status).toBe('insufficient')
    expect(verdict.verdict).toBe('warn')
    expect(verdict.headline).toBe('roc_auc for Job=a is 0.730, below the minimum 0.75 (inconclusive)')

    // The same data in point mode fails Job=a.
    const point = await gate(
      config('gates:', '  - { metric: roc_auc, min: 0.75, per_segment: Job }'),
      evaluation('c.json', {
        all: { n: 1000, metrics: { roc_auc: [0.9, 0.88, 0.92] } },
        'Job=a': { n: 200, metrics: { roc_auc: [0.73, 0.71, 0.749] } }
      }),
      null
    )
    expect(resultFor(point, 'Job=a').status).toBe('fail')
  })

  describe('correction: bh and none on the same family', () => {
    const candidate = evaluation('c.json', {
      all: { n: 1000, metrics: { roc_auc: [0.9, 0.88, 0.92] } },
      'Job=a': { n: 200, metrics: { roc_auc: [0.73, 0.71, 0.749] } },
      'Job=b': { n: 200, metrics: { roc_auc: [0.81, 0.77, 0.85] } },
      'Job=c': { n: 200, metrics: { roc_auc: [0.78, 0.74, 0.82] } }
    })
    const judged = (correction: string) =>
      gate(
        config(
          'gates:',
          `  - { metric: roc_auc, min: 0.75, per_segment: true, mode: significant, correction: ${correction} }`
        ),
        candidate,
        null
      )

    it('bh: m·p/rank stepped up; one level 1 − k·α/m for all (k = 2: Job=b 0.00328 ≤ 0.025, Job=a 0.0391 > 0.0375)', async () => {
      const verdict = await judged('bh')
      const a = resultFor(verdict, 'Job=a')
      expect(a.status).toBe('warn')
      // 4·0.03910122996698484 / 3, the same 97.5% interval as under Holm
      expect(a.adjusted_p_value).toBeCloseTo(0.05213497328931312, 12)
      expect(a.confidence).toBeCloseTo(0.975, 15)
      expect(a.reason).toContain(
        'Job=a (n = 200): roc_auc = 0.730; 97.5% delong interval of the roc_auc [0.707, 0.752] straddles min 0.75 → ' +
          'inconclusive; p = 0.0391 (H0: roc_auc = 0.75), BH-adjusted p = 0.0521 (Benjamini–Hochberg over 4 segments of roc_auc min);'
      )
      const b = resultFor(verdict, 'Job=b')
      // 4·0.0032826947645419246 / 2; Holm held it to 1 − α/3, BH to 1 − 2α/4
      expect(b.adjusted_p_value).toBeCloseTo(0.006565389529083849, 12)
      expect(b.confidence).toBeCloseTo(0.975, 15)
      expect(b).toMatchObject({ status: 'pass', correction: 'bh', family: 4 })
      expect(resultFor(verdict, 'Job=c').adjusted_p_value).toBeCloseTo(0.14156906984427375, 12)
    })

    it('none: each segment at 95%, so Job=a fails as in point mode', async () => {
      const verdict = await judged('none')
      const a = resultFor(verdict, 'Job=a')
      expect(a).toMatchObject({ status: 'fail', confidence: 0.95, correction: 'none', family: 4 })
      expect(a.adjusted_p_value).toBe(a.p_value)
      expect(a.reason).toContain(
        '95% delong interval of the roc_auc [0.710, 0.749] lies wholly below min 0.75 → fail; p = 0.0391 ' +
          '(H0: roc_auc = 0.75), uncorrected (correction: none; 4 segments of roc_auc min)'
      )
    })
  })

  it('a count has no interval: compared as a point value, and says so', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: n, min: 100, mode: significant }'),
      evaluation('c.json', { all: { n: 50, metrics: { n: 50 } } }),
      null
    )
    expect(resultFor(verdict, 'all')).toMatchObject({
      status: 'fail',
      reason:
        'n for all (n = 50): n = 50; 50 < min 100 → fail; no interval of the n: compared as a point value'
    })
  })
})

describe('segments, support and missing values', () => {
  const candidate = evaluation('c.json', {
    all: { n: 1000, metrics: { recall: 0.8, roc_auc: null } },
    'Job=a': { n: 20, metrics: { recall: 0.1 } },
    'Job=b': { n: 100, metrics: { recall: 0.9 } },
    'Home=x': { n: 100, metrics: { recall: 0.2 } }
  })

  it('per_segment: a column judges all and its segments; below min_support is insufficient', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, min: 0.5, per_segment: Job }'),
      candidate,
      null
    )
    expect(verdict.results.map((r) => [r.segment, r.status])).toEqual([
      ['all', 'pass'],
      ['Job=a', 'insufficient'],
      ['Job=b', 'pass']
    ])
    expect(resultFor(verdict, 'Job=a').reason).toBe(
      'recall for Job=a: 20 rows, fewer than min_support 30: not judged'
    )
    expect(verdict.verdict).toBe('pass')
    expect(verdict.headline).toBe('pass: all 2 judged results passed (1 insufficient)')
  })

  it('an undefined metric is insufficient, quoting why', async () => {
    const verdict = await gate(config('gates:', '  - { metric: roc_auc, min: 0.7 }'), candidate, null)
    expect(resultFor(verdict, 'all')).toMatchObject({
      status: 'insufficient',
      reason: 'roc_auc for all: undefined for the candidate: only one class present in y_true'
    })
  })

  it('a metric not in the evaluation is missing and fails closed, unless on_missing: skip', async () => {
    const verdict = await gate(
      config(
        'gates:',
        '  - { metric: recall, min: 0.5, per_segment: [Job=b] }',
        '  - { metric: mcc, min: 0 }'
      ),
      candidate,
      null
    )
    expect(verdict.results[2]).toMatchObject({
      status: 'missing',
      reason: "mcc for all: the candidate's evaluation does not report mcc"
    })
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe("mcc for all: the candidate's evaluation does not report mcc")
    const skipped = await gate(
      config('gates:', '  - { metric: mcc, min: 0, on_missing: skip }'),
      candidate,
      null
    )
    expect(resultFor(skipped, 'all').status).toBe('skipped')
    expect(skipped.verdict).toBe('pass')
  })

  it('per_segment: true judges every segment, all first', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, min: 0.5, per_segment: true }'),
      candidate,
      null
    )
    expect(verdict.results.map((r) => `${r.segment}:${r.status}`)).toEqual([
      'all:pass',
      'Job=a:insufficient',
      'Job=b:pass',
      'Home=x:fail'
    ])
  })
})

describe('no baseline', () => {
  const candidate = evaluation('c.json', { all: { n: 1000, metrics: { recall: 0.5, roc_auc: 0.8 } } })
  const gates = ['gates:', '  - { metric: recall, max_drop: 0.05 }', '  - { metric: roc_auc, min: 0.75 }']

  it('skips change rules with a note (default on_missing_baseline: skip)', async () => {
    const verdict = await gate(config(...gates), candidate, null)
    expect(verdict.results.map((r) => r.status)).toEqual(['skipped', 'pass'])
    expect(verdict.results[0].reason).toBe('recall for all: no baseline to compare with: max_drop skipped')
    expect(verdict.verdict).toBe('pass')
    expect(verdict.baseline).toBeNull()
    expect(verdict.notes).toEqual([
      'no baseline: the 1 results comparing with it were skipped (set model.baseline, or on_missing_baseline: fail to require one)'
    ])
  })

  it('fails with on_missing_baseline: fail', async () => {
    const verdict = await gate(config('on_missing_baseline: fail', ...gates), candidate, null)
    expect(verdict.results.map((r) => r.status)).toEqual(['missing', 'pass'])
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe('recall for all: no baseline to compare with (on_missing_baseline: fail)')
  })
})

describe('waivers and severity', () => {
  const candidate = evaluation('c.json', {
    all: { n: 1000, metrics: { recall: 0.8 } },
    'Job=a': { n: 100, metrics: { recall: 0.2 } },
    'Job=b': { n: 100, metrics: { recall: 0.3 } }
  })
  const gates = ['gates:', '  - { metric: recall, min: 0.5, per_segment: Job }']

  it('a valid segment-specific waiver waives that segment only, with its reason', async () => {
    const verdict = await gate(
      config(
        ...gates,
        'waivers:',
        '  - { metric: recall, segment: Job=a, reason: "tracked in #123", expires: 2026-06-15 }'
      ),
      candidate,
      null
    )
    const a = resultFor(verdict, 'Job=a')
    expect(a.status).toBe('waived') // expires is the last day it applies: today still counts
    expect(a.waiver).toEqual({ reason: 'tracked in #123', expires: '2026-06-15' })
    expect(a.reason).toBe(
      'recall for Job=a (n = 100): recall = 0.200; 0.200 < min 0.5 → fail; waived (until 2026-06-15): tracked in #123'
    )
    expect(resultFor(verdict, 'Job=b').status).toBe('fail')
    expect(verdict.verdict).toBe('fail')
  })

  it('a metric-wide waiver without expiry waives every segment', async () => {
    const verdict = await gate(
      config(...gates, 'waivers:', '  - { metric: recall, reason: known }'),
      candidate,
      null
    )
    expect(verdict.counts).toMatchObject({ pass: 1, waived: 2, fail: 0 })
    expect(verdict.verdict).toBe('pass')
  })

  it('an expired waiver no longer applies; the result and a note say so', async () => {
    const verdict = await gate(
      config(...gates, 'waivers:', '  - { segment: Job=a, reason: "tracked in #123", expires: 2026-06-14 }'),
      candidate,
      null,
      TODAY
    )
    const a = resultFor(verdict, 'Job=a')
    expect(a.status).toBe('fail')
    expect(a.reason).toBe(
      'recall for Job=a (n = 100): recall = 0.200; 0.200 < min 0.5 → fail; the waiver "tracked in #123" expired on 2026-06-14'
    )
    expect(verdict.notes).toEqual([
      'waiver 1 (on Job=a: "tracked in #123") expired on 2026-06-14 and no longer applies'
    ])
  })

  it('severity: warn turns a failure into a warning; the verdict warns', async () => {
    const verdict = await gate(
      config('gates:', '  - { metric: recall, min: 0.5, per_segment: Job, severity: warn }'),
      candidate,
      null
    )
    expect(verdict.results.map((r) => r.status)).toEqual(['pass', 'warn', 'warn'])
    expect(resultFor(verdict, 'Job=a').reason).toMatch(/→ fail; severity: warn$/)
    expect(verdict.verdict).toBe('warn')
    // the worst first: Job=a is 0.3 below, Job=b 0.2
    expect(verdict.headline).toBe('recall for Job=a is 0.200, below the minimum 0.5')
    expect(verdict.counts).toEqual({
      pass: 1,
      fail: 0,
      warn: 2,
      insufficient: 0,
      missing: 0,
      skipped: 0,
      waived: 0
    })
  })
})
