import { describe, expect, it } from '@jest/globals'
import { UserInputError } from '../../src/errors.js'
import { checkGates } from '../../src/gates/check-gates.js'
import { runGate } from '../../src/steps/gate.js'
import { metricNames } from '../../src/metrics/catalog.js'
import { config, evaluation, TODAY } from './fixtures.js'

/** The formatted error `checkGates` throws for the fixture config followed by `lines` (from line 4 on). */
function errorFor(...lines: string[]): string {
  try {
    checkGates(config(...lines))
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('expected a UserInputError')
}

const BINARY = metricNames('binary').join(', ')

describe('checkGates: what the schema cannot check, at the config line', () => {
  it.each([
    [
      'an unknown metric, with the closest name',
      ['gates:', '  - metric: recal', '    min: 0.5'],
      `ml-gate.yml:5:13: gates[0].metric: unknown metric 'recal' (did you mean 'recall'?); binary metrics: ${BINARY}`
    ],
    [
      'a metric of another task',
      ['gates:', '  - { metric: roc_auc, min: 0.7 }', '  - { metric: mae, max: 3 }'],
      `ml-gate.yml:6:15: gates[1].metric: mae is a regression metric, but model.task is binary; binary metrics: ${BINARY}`
    ],
    [
      'a drop of a metric with no better direction',
      ['gates:', '  - metric: positive_rate', '    max_drop: 0.1'],
      'ml-gate.yml:6:5: gates[0].max_drop: positive_rate has no better direction (neither higher nor lower is better), so it cannot drop; bound it with min/max, or compare its segments with across and min_ratio/max_gap'
    ],
    [
      'a ratio of a metric that can be negative',
      ['gates:', '  - metric: mcc', '    across: Job', '    min_ratio: 0.8'],
      'ml-gate.yml:7:5: gates[0].min_ratio: mcc can be negative (range [-1, 1]), so a min/max ratio across segments means nothing; use max_gap'
    ],
    [
      'per_segment naming a column that is not a segment column',
      ['gates:', '  - metric: recall', '    min: 0.5', '    per_segment: Jobs'],
      "ml-gate.yml:7:18: gates[0].per_segment: per_segment column 'Jobs' is not a configured segment column (did you mean 'Job'?); configured: Job, Home (see the segments section)"
    ],
    [
      'per_segment listing a key of an unknown column',
      [
        'gates:',
        '  - metric: recall',
        '    min: 0.5',
        '    per_segment:',
        '      - Job=fixed',
        '      - Region=north'
      ],
      "ml-gate.yml:9:9: gates[0].per_segment[1]: segment key 'Region=north': column 'Region' is not a configured segment column; configured: Job, Home (see the segments section)"
    ],
    [
      'across naming a column that is not a segment column',
      ['gates:', '  - { metric: positive_rate, across: Hme, max_gap: 0.1 }'],
      "ml-gate.yml:5:38: gates[0].across: across column 'Hme' is not a configured segment column (did you mean 'Home'?); configured: Job, Home (see the segments section)"
    ],
    [
      'across in significant mode',
      ['gates:', '  - { metric: positive_rate, across: Job, max_gap: 0.1, mode: significant }'],
      'ml-gate.yml:5:63: gates[0].mode: mode: significant is not available with across (a ratio or gap of binary segments has no interval here); use mode: point'
    ],
    [
      'a waiver naming an unknown metric',
      ['gates:', '  - { metric: recall, min: 0.5 }', 'waivers:', '  - { metric: precison, reason: known }'],
      `ml-gate.yml:7:15: waivers[0].metric: unknown metric 'precison' (did you mean 'precision'?); binary metrics: ${BINARY}`
    ],
    [
      'a waiver naming a segment of an unknown column',
      ['waivers:', '  - { segment: Region=north, reason: known }'],
      "ml-gate.yml:5:16: waivers[0].segment: segment key 'Region=north': column 'Region' is not a configured segment column; configured: Job, Home (see the segments section)"
    ]
  ])('%s', (_, lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })

  // The keys' grammar (src/metrics/segmentation.ts): a key that breaks it could never match a segment.
  it.each([
    [
      'a % that starts no escape',
      'per_segment: ["Job=100%"]',
      `ml-gate.yml:5:47: gates[0].per_segment[0]: segment key 'Job=100%': 'Job=100%' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`
    ],
    [
      'an unescaped quote',
      `per_segment: ['Job=say "hi"']`,
      `ml-gate.yml:5:47: gates[0].per_segment[0]: segment key 'Job=say "hi"': 'Job=say "hi"' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`
    ],
    [
      'a cross part without =',
      'per_segment: ["Job=fixed&Home"]',
      "ml-gate.yml:5:47: gates[0].per_segment[0]: segment key 'Job=fixed&Home': 'Home' has no '=': a key reads column=value, crosses joined by '&'"
    ],
    [
      'a value holding = unescaped',
      'per_segment: ["Job=a=b"]',
      `ml-gate.yml:5:47: gates[0].per_segment[0]: segment key 'Job=a=b': 'Job=a=b' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`
    ]
  ])('a per_segment key with %s', (_, perSegment, expected) => {
    expect(errorFor('gates:', `  - { metric: recall, min: 0.5, ${perSegment} }`)).toBe(expected)
  })

  it('a waiver key breaking the grammar', () => {
    expect(errorFor('waivers:', '  - { segment: "Home=50%", reason: known }')).toBe(
      `ml-gate.yml:5:16: waivers[0].segment: segment key 'Home=50%': 'Home=50%' is not column=value with % & = " written %25 %26 %3D %22 (the empty text: "")`
    )
  })

  it('accepts valid gates, per-segment keys of configured columns and all', () => {
    expect(() =>
      checkGates(
        config(
          'gates:',
          '  - { metric: recall, max_drop: 0.05, per_segment: [all, Job=fixed, Home=rent, Home=, Home=%26%25, Home=""] }',
          '  - { metric: positive_rate, across: Job, min_ratio: 0.8 }',
          'waivers:',
          '  - { segment: Job, reason: known }'
        )
      )
    ).not.toThrow()
  })

  it('runs before any data is read: a config error wins over a missing predictions file', async () => {
    const error = await runGate({
      config: config('gates:', '  - { metric: recal, min: 0.5 }'),
      now: TODAY
    }).catch((e: unknown) => e)
    expect((error as UserInputError).format()).toMatch(
      /^ml-gate\.yml:5:15: gates\[0\]\.metric: unknown metric 'recal'/
    )
  })
})

describe('checkSegmentKeys: segment keys checked against the evaluated candidate, at the config line', () => {
  const segment = { n: 100, metrics: { recall: 0.7, positive_rate: 0.3 } }
  const candidate = evaluation('c.json', {
    all: segment,
    'Job=fixed': segment,
    'Job=partime': segment,
    'Job=freelance': segment,
    'Home=rent': segment
  })
  const across = '  - { metric: positive_rate, across: Job, min_ratio: 0.5 }'

  /** The formatted error of gating `candidate` with the fixture config and `lines`, or `passed`. */
  async function outcome(...lines: string[]): Promise<string> {
    const error = await runGate({ config: config(...lines), candidate, now: TODAY }).then(
      () => 'passed',
      (e: unknown) => e
    )
    if (error === 'passed') return error
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }

  it.each([
    [
      'a per_segment key with a typo',
      ['gates:', '  - metric: recall', '    min: 0.5', '    per_segment: [Job=fixed, Job=partim]'],
      "ml-gate.yml:7:30: gates[0].per_segment[1]: no segment 'Job=partim' in the candidate's evaluation c.json (did you mean 'Job=partime'?); the segments of Job: Job=fixed, Job=partime, Job=freelance"
    ],
    [
      'a per_segment key of a column without that value',
      ['gates:', '  - { metric: recall, min: 0.5, per_segment: [Home=owner] }'],
      "ml-gate.yml:5:47: gates[0].per_segment[0]: no segment 'Home=owner' in the candidate's evaluation c.json; the segments of Home: Home=rent"
    ],
    [
      'a waiver segment with a typo (it would silently never apply)',
      [
        'gates:',
        '  - { metric: recall, min: 0.5, per_segment: true }',
        'waivers:',
        '  - { segment: Home=rnet, reason: known }'
      ],
      "ml-gate.yml:7:16: waivers[0].segment: no segment 'Home=rnet' in the candidate's evaluation c.json (did you mean 'Home=rent'?); the segments of Home: Home=rent"
    ],
    [
      'a waiver naming a column that no across gate judges',
      [
        'gates:',
        '  - { metric: recall, min: 0.5, per_segment: true }',
        'waivers:',
        '  - { segment: Job, reason: known }'
      ],
      "ml-gate.yml:7:16: waivers[0].segment: 'Job' is a column, and no gate has `across: Job`; a waiver names a segment such as Job=fixed, or the column of an across gate"
    ],
    [
      'valid keys, all, and the column of an across gate',
      [
        'gates:',
        '  - { metric: recall, min: 0.5, per_segment: [all, Job=partime, Home=rent] }',
        across,
        'waivers:',
        '  - { segment: Job, reason: parity is tracked }',
        '  - { segment: Job=fixed, reason: known }',
        '  - { segment: all, metric: recall, reason: known }'
      ],
      'passed'
    ]
  ])('%s', async (_, lines, expected) => {
    expect(await outcome(...lines)).toBe(expected)
  })

  it.each([
    [
      'one column',
      ['gates:', '  - metric: recall', '    min: 0.5', '    per_segment:', '      - Job'],
      "ml-gate.yml:8:9: gates[0].per_segment[0]: per_segment lists segment keys, and 'Job' is a column name; write one column as a string (per_segment: Job), true for the segments of every column, or segment keys such as Job=<value> (one gate per column for several columns)"
    ],
    [
      'two columns',
      ['gates:', '  - { metric: recall, min: 0.5, per_segment: [Job, Home] }'],
      "ml-gate.yml:5:47: gates[0].per_segment[0]: per_segment lists segment keys, and 'Job', 'Home' are column names; write one column as a string (per_segment: Job), true for the segments of every column, or segment keys such as Job=<value> (one gate per column for several columns)"
    ]
  ])(
    'a list of column names in per_segment (%s) says how to write it, before any data is read',
    (_, lines, expected) => {
      expect(errorFor(...lines)).toBe(expected)
    }
  )
})
