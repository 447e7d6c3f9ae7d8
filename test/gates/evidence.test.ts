/**
 * Verdicts you can trust: no evidence fails closed, a gate never compares a number that is not
 * finite or a zero-division convention, and min_support counts each metric's own support.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { runGate } from '../../src/steps/gate.js'
import { verdictExitCode } from '../../src/gates/verdict.js'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { config, evaluation, gate, resultFor, TODAY } from './fixtures.js'

const TEN_ROWS = 'test/fixtures/gates/ten-rows.csv'

/** `document` with segment `key`'s metric `name` replaced by `value`. */
function withMetric(
  document: EvaluationDocument,
  key: string,
  name: string,
  value: MetricValue
): EvaluationDocument {
  return {
    ...document,
    segments: document.segments.map((s) =>
      s.key === key ? { ...s, metrics: { ...s.metrics, [name]: value } } : s
    )
  }
}

describe('no evidence fails closed', () => {
  const gates = [
    'gates:',
    '  - { metric: roc_auc, min: 0.75 }',
    '  - { metric: recall, min: 0.5, per_segment: true }'
  ]

  it('a 10-row candidate fails: no result could be judged', async () => {
    const { verdict } = await runGate({ config: config(...gates), candidate: TEN_ROWS, now: TODAY })
    expect(verdict.counts.insufficient).toBe(verdict.results.length)
    expect(verdict.no_evidence).toBe(
      'roc_auc for all: 10 rows, fewer than min_support 30: not judged (and 1 more on all)'
    )
    expect(verdict.verdict).toBe('fail')
    expect(verdictExitCode(verdict.verdict)).toBe(1)
    expect(verdict.headline).toBe(
      'no evidence: roc_auc for all: 10 rows, fewer than min_support 30: not judged (and 1 more on all) (on_no_evidence: fail)'
    )
  })

  it('on_no_evidence: warn reports it as a warning', async () => {
    const loaded = config('on_no_evidence: warn', ...gates)
    const { verdict } = await runGate({ config: loaded, candidate: TEN_ROWS, now: TODAY })
    expect(verdict.verdict).toBe('warn')
    expect(verdict.headline).toMatch(/^no evidence: .* \(on_no_evidence: warn\)$/)
  })

  it('an `all` result without support fails the run even when other gates pass', async () => {
    const candidate = evaluation('c.json', {
      all: { n: 1000, metrics: { recall: 0.9, roc_auc: 0.8 }, supports: { recall: 10 } }
    })
    const verdict = await gate(
      config('gates:', '  - { metric: roc_auc, min: 0.75 }', '  - { metric: recall, min: 0.5 }'),
      candidate,
      null
    )
    expect(verdict.results.map((r) => r.status)).toEqual(['pass', 'insufficient'])
    expect(verdict.verdict).toBe('fail')
    expect(verdict.no_evidence).toBe(
      'recall for all: 10 positives (of 1000 rows), fewer than min_support 30: not judged'
    )
    expect(verdict.headline).toBe(
      'no evidence: recall for all: 10 positives (of 1000 rows), fewer than min_support 30: not judged (on_no_evidence: fail)'
    )
  })

  it('insufficient segments beside a judged `all` are not "no evidence"', async () => {
    const candidate = evaluation('c.json', {
      all: { n: 1000, metrics: { recall: 0.8 } },
      'Job=a': { n: 100, metrics: { recall: 0.7 }, supports: { recall: 5 } }
    })
    const verdict = await gate(
      config('gates:', '  - { metric: recall, min: 0.5, per_segment: Job }'),
      candidate,
      null
    )
    expect(verdict.results.map((r) => r.status)).toEqual(['pass', 'insufficient'])
    expect(verdict.no_evidence).toBeNull()
    expect(verdict.verdict).toBe('pass')
  })

  it('a real failure stays the headline', async () => {
    const candidate = evaluation('c.json', {
      all: { n: 1000, metrics: { recall: 0.9, roc_auc: 0.6 }, supports: { recall: 10 } }
    })
    const verdict = await gate(
      config('gates:', '  - { metric: roc_auc, min: 0.75 }', '  - { metric: recall, min: 0.5 }'),
      candidate,
      null
    )
    expect(verdict.verdict).toBe('fail')
    expect(verdict.headline).toBe('roc_auc for all is 0.600, below the minimum 0.75')
    expect(verdict.no_evidence).not.toBeNull()
  })
})

describe('support is the metric’s own', () => {
  it('the candidate’s and, for a change, the baseline’s support bound the result, and are shown', async () => {
    const candidate = evaluation('c.json', {
      all: { n: 1000, metrics: { recall: 0.5 }, supports: { recall: 300 } },
      'Job=a': { n: 60, metrics: { recall: 0.1 }, supports: { recall: 3 } },
      'Job=b': { n: 500, metrics: { recall: 0.4 }, supports: { recall: 200 } }
    })
    const baseline = evaluation('b.json', {
      all: { n: 1000, metrics: { recall: 0.5 }, supports: { recall: 300 } },
      'Job=a': { n: 60, metrics: { recall: 0.9 }, supports: { recall: 3 } },
      'Job=b': { n: 500, metrics: { recall: 0.6 }, supports: { recall: 12 } }
    })
    const verdict = await gate(
      config('gates:', '  - { metric: recall, max_drop: 0.05, per_segment: Job }'),
      candidate,
      baseline
    )
    expect(resultFor(verdict, 'all')).toMatchObject({ status: 'pass', support: 300, baseline_support: 300 })
    // 60 loans and 3 defaults are no evidence about recall (a drop of 0.8 passed before).
    expect(resultFor(verdict, 'Job=a')).toMatchObject({
      status: 'insufficient',
      n: 60,
      support: 3,
      reason: 'recall for Job=a: 3 positives (of 60 rows), fewer than min_support 30: not judged'
    })
    expect(resultFor(verdict, 'Job=b')).toMatchObject({
      status: 'insufficient',
      support: 200,
      baseline_support: 12,
      reason:
        'recall for Job=b: 12 positives (of 500 rows) in the baseline, fewer than min_support 30: not judged'
    })
  })

  it('a document that does not state a metric’s support is not judged on it', async () => {
    const bare = withMetric(evaluation('c.json', { all: { n: 1000, metrics: {} } }), 'all', 'recall', {
      value: 0.9,
      ci: null
    })
    const verdict = await gate(config('gates:', '  - { metric: recall, min: 0.5 }'), bare, null)
    expect(resultFor(verdict, 'all')).toMatchObject({
      status: 'insufficient',
      support: null,
      reason:
        "recall for all: the candidate's evaluation does not state the support of recall (a document without `support`): not judged"
    })
    expect(verdict.verdict).toBe('fail')
  })
})

describe('undefined is not zero', () => {
  const zeroDivision: MetricValue = {
    value: 0,
    ci: null,
    reason: 'no positives in y_true (TP + FN = 0): 0 by zero_division=0',
    defined: false,
    support: 0
  }

  it('a zero-division value is insufficient, with its reason, for a bound and for a change', async () => {
    const base = evaluation('c.json', { all: { n: 1000, metrics: { recall: 0.9 } } })
    const candidate = withMetric(base, 'all', 'recall', zeroDivision)
    const loaded = config('gates:', '  - { metric: recall, max: 0.5, max_drop: 0.05 }')
    const verdict = await gate(loaded, candidate, base)
    const reason =
      'recall for all: undefined for the candidate: no positives in y_true (TP + FN = 0): 0 by zero_division=0; a convention, not a value: not judged'
    expect(verdict.results.map((r) => [r.rule, r.status, r.reason])).toEqual([
      ['max', 'insufficient', reason],
      ['max_drop', 'insufficient', reason]
    ])
    const againstIt = await gate(loaded, base, candidate)
    expect(resultFor(againstIt, 'all', 'max_drop').reason).toBe(
      'recall for all: undefined for the baseline: no positives in y_true (TP + FN = 0): 0 by zero_division=0; a convention, not a value: not judged'
    )
  })

  it('a disparity gate leaves out a zero-division member', async () => {
    const candidate = withMetric(
      evaluation('c.json', {
        all: { n: 300, metrics: { recall: 0.5 } },
        'Job=a': { n: 100, metrics: { recall: 0.5 } },
        'Job=b': { n: 100, metrics: { recall: 0.6 } },
        'Job=c': { n: 100, metrics: {} }
      }),
      'Job=c',
      'recall',
      { ...zeroDivision, support: 0 }
    )
    const verdict = await gate(
      config('gates:', '  - { metric: recall, across: Job, min_ratio: 0.8 }'),
      candidate,
      null
    )
    expect(resultFor(verdict, 'Job')).toMatchObject({
      status: 'pass',
      reason:
        'recall across Job: lowest Job=a 0.500, highest Job=b 0.600 (2 segments; left out: Job=c (undefined)); ratio = lowest / highest = 0.500 / 0.600 = 0.833; 0.833 ≥ min_ratio 0.8 → pass'
    })
  })
})

describe('a gate never compares a number that is not finite', () => {
  const NON_FINITE = [NaN, Infinity, -Infinity]

  it('a non-finite value is insufficient for min and max, in either mode (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NON_FINITE),
        fc.constantFrom('min', 'max'),
        fc.constantFrom('point', 'significant'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        async (value, rule, mode, threshold) => {
          const candidate = evaluation('c.json', { all: { n: 1000, metrics: { brier: value } } })
          const verdict = await gate(
            config('gates:', `  - { metric: brier, ${rule}: ${threshold}, mode: ${mode} }`),
            candidate,
            null
          )
          const result = resultFor(verdict, 'all')
          expect(result.status).toBe('insufficient')
          expect(result.reason).toBe(
            `brier for all: the candidate's value is ${value}, not a finite number: not judged`
          )
          expect(verdict.verdict).toBe('fail')
        }
      ),
      { numRuns: 40, seed: 42 }
    )
  })

  it.each([
    [
      'a candidate interval',
      { brier: [0.1, 0, Infinity] as const },
      { brier: 0.1 },
      'min',
      "brier for all: the candidate's interval [0, Infinity] is not finite: not judged"
    ],
    [
      'a baseline value',
      { brier: 0.1 },
      { brier: -Infinity },
      'max_drop',
      "brier for all: the baseline's value is -Infinity, not a finite number: not judged"
    ],
    [
      'a change',
      { brier: 1.5e308 },
      { brier: -1.5e308 },
      'max_drop',
      'brier for all: the change is Infinity, not a finite number: not judged'
    ]
  ] as const)('%s that is not finite is insufficient', async (_what, c, b, rule, reason) => {
    const candidate = evaluation('c.json', { all: { n: 1000, metrics: c } })
    const baseline = evaluation('b.json', { all: { n: 1000, metrics: b } })
    const verdict = await gate(
      config('gates:', `  - { metric: brier, ${rule}: 0.05, mode: significant }`),
      candidate,
      baseline
    )
    expect(resultFor(verdict, 'all')).toMatchObject({ status: 'insufficient', reason })
  })

  it('across: a non-finite member is left out, and a gap that overflows is not judged', async () => {
    const members = (a: number, b: number) =>
      evaluation('c.json', {
        all: { n: 300, metrics: { positive_rate: 0.5 } },
        'Job=a': { n: 100, metrics: { positive_rate: a } },
        'Job=b': { n: 100, metrics: { positive_rate: b } },
        'Job=c': { n: 100, metrics: { positive_rate: NaN } }
      })
    const loaded = config('gates:', '  - { metric: positive_rate, across: Job, max_gap: 0.1 }')
    const ok = await gate(loaded, members(0.5, 0.55), null)
    expect(resultFor(ok, 'Job')).toMatchObject({ status: 'pass' })
    expect(resultFor(ok, 'Job').reason).toContain('left out: Job=c (NaN)')
    const overflow = await gate(loaded, members(-1.5e308, 1.5e308), null)
    expect(resultFor(overflow, 'Job')).toMatchObject({
      status: 'insufficient',
      reason:
        'positive_rate across Job: lowest Job=a −1.5e+308, highest Job=b 1.5e+308 (2 segments; left out: Job=c (NaN)); gap = highest − lowest = 1.5e+308 − −1.5e+308 = Infinity, not a finite number: not judged'
    })
  })
})
