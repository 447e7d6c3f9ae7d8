import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'

/** The formatted error for a config made of `lines`, read from ml-gate.yml. */
function errorFor(...lines: string[]): string {
  try {
    parseConfig(lines.join('\n') + '\n', 'ml-gate.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('expected the config to be rejected')
}

const MODEL = ['model:', '  task: binary', '  predictions: p.csv', '  label: y']

describe('unknown keys: the closest valid key, at the key', () => {
  it.each([
    [
      'top level',
      ['version: 1', 'segmnts: {}'],
      "ml-gate.yml:2:1: unknown key 'segmnts' (did you mean 'segments'?); allowed keys: version, data, model, segments, evaluation, gates, on_missing_baseline, on_no_evidence, waivers, canary, select, report, monitor"
    ],
    [
      'segments',
      [
        'version: 1',
        'model:',
        '  task: binary',
        '  predictions: p.csv',
        '  label: y',
        '',
        '# segments',
        'segments:',
        '  min_suport: 30'
      ],
      "ml-gate.yml:9:3: segments: unknown key 'min_suport' (did you mean 'min_support'?); allowed keys: columns, bins, cross, min_support"
    ],
    [
      'a dataset',
      ['version: 1', 'data:', '  - path: a.csv', '    refrence: b.csv'],
      "ml-gate.yml:4:5: data[0]: unknown key 'refrence' (did you mean 'reference'?); allowed keys: path, contract, reference, format, delimiter, missing, drift, fail_on"
    ],
    [
      'drift, in a flow mapping',
      ['version: 1', 'data:', '  - path: a.csv', '    drift: { method: ks, treshold: 0.1 }'],
      "ml-gate.yml:4:26: data[0].drift: unknown key 'treshold' (did you mean 'threshold'?); allowed keys: method, threshold, correction"
    ],
    [
      'model',
      [...MODEL, '  scroe: s'],
      "ml-gate.yml:5:3: model: unknown key 'scroe' (did you mean 'score'?); allowed keys: task, predictions, candidates, baseline, label, score, score_prefix, prediction, positive, threshold, weight, id"
    ],
    [
      'evaluation',
      ['version: 1', 'evaluation:', '  bootstraps: 500'],
      "ml-gate.yml:3:3: evaluation: unknown key 'bootstraps' (did you mean 'bootstrap'?); allowed keys: confidence, bootstrap, seed"
    ],
    [
      'a gate (before its missing rule)',
      ['version: 1', 'gates:', '  - metric: roc_auc', '  - metric: recall', '    mni: 0.5'],
      "ml-gate.yml:5:5: gates[1]: unknown key 'mni' (did you mean 'min'?); allowed keys: metric, name, min, max, max_drop, max_relative_drop, per_segment, mode, correction, across, min_ratio, max_gap, severity, on_missing"
    ],
    [
      'a waiver',
      ['version: 1', 'waivers:', '  - metric: recall', '    reason: r', '    expiry: 2027-01-01'],
      "ml-gate.yml:5:5: waivers[0]: unknown key 'expiry' (did you mean 'expires'?); allowed keys: metric, segment, reason, expires"
    ],
    [
      'report, with no close key',
      ['version: 1', 'report:', '  comment: x'],
      "ml-gate.yml:3:3: report: unknown key 'comment'; allowed keys: comment_key, check_name, output"
    ]
  ])('%s', (_, lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })
})

describe('wrong types, at the value', () => {
  it.each([
    [
      ['version: 1', 'gates:', '  - metric: 3', '    min: 1'],
      'ml-gate.yml:3:13: gates[0].metric: expected a string, got a number'
    ],
    [
      ['version: 1', 'gates:', '  - metric: auc', '    min: "0.7"'],
      'ml-gate.yml:4:10: gates[0].min: expected a number, got a string'
    ],
    [
      ['version: 1', 'gates:', '  - metric: auc', '    min: .inf'],
      'ml-gate.yml:4:10: gates[0].min: expected a number, got .inf'
    ],
    [['version: 1', 'data: data.csv'], 'ml-gate.yml:2:7: data: expected a list, got a string'],
    // An empty value points at its key: there is nothing else to point at.
    [['version: 1', 'model:'], 'ml-gate.yml:2:1: model: expected a mapping (key: value), got an empty value'],
    [['just text'], 'ml-gate.yml:1:1: expected a mapping (key: value), got a string'],
    [
      ['version: 1', 'evaluation:', '  seed: 1.5'],
      'ml-gate.yml:3:9: evaluation.seed: expected an integer, got 1.5'
    ],
    [
      [...MODEL, '  positive: [1]'],
      'ml-gate.yml:5:13: model.positive: expected a string, a number or a boolean (true or false), got a list'
    ],
    [
      ['version: 1', 'gates:', '  - metric: auc', '    min: 0.5', '    per_segment: 3'],
      'ml-gate.yml:5:18: gates[0].per_segment: expected a boolean (true or false), a string or a list, got a number'
    ],
    // A list was meant: the error is in the list.
    [
      ['version: 1', 'gates:', '  - metric: auc', '    min: 0.5', '    per_segment: [Home=rent, 2]'],
      'ml-gate.yml:5:30: gates[0].per_segment[1]: expected a string, got a number'
    ],
    [
      ['version: 1', 'data:', '  - path: a.csv', '    missing: ["", -999]'],
      'ml-gate.yml:4:19: data[0].missing[1]: expected a quoted string (missing-value tokens are compared as text, e.g. "-999"), got a number'
    ],
    [
      ['version: 1', 'segments:', '  bins: { Age: [18, old] }'],
      'ml-gate.yml:3:21: segments.bins.Age[1]: expected a number, got a string'
    ]
  ])('%j', (lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })
})

describe('enums list the allowed values', () => {
  it.each([
    [
      ['version: 1', 'model:', '  task: binry', '  predictions: p.csv', '  label: y'],
      "ml-gate.yml:3:9: model.task: expected one of binary, multiclass, regression, got 'binry' (did you mean 'binary'?)"
    ],
    [
      ['version: 1', 'data:', '  - path: a.xls', '    format: xls'],
      "ml-gate.yml:4:13: data[0].format: expected one of csv, jsonl, json, parquet, got 'xls'"
    ],
    [
      ['version: 1', 'data:', '  - path: a.csv', '    delimiter: "\\t\\t"'],
      "ml-gate.yml:4:16: data[0].delimiter: expected one of ',', ';', '\\t', '|', got '\\t\\t' (did you mean '\\t'?)"
    ],
    [
      ['version: 1', 'data:', '  - path: a.csv', '    drift: { method: ttest }'],
      "ml-gate.yml:4:22: data[0].drift.method: expected one of auto, ks, chi2, z, wasserstein, jensen_shannon, psi, got 'ttest'"
    ],
    [
      ['version: 1', 'gates:', '  - metric: auc', '    min: 0.5', '    severity: error'],
      "ml-gate.yml:5:15: gates[0].severity: expected one of fail, warn, got 'error'"
    ],
    [
      ['version: 1', 'gates:', '  - metric: auc', '    max_drop: 0.05', '    correction: bonferroni'],
      "ml-gate.yml:5:17: gates[0].correction: expected one of holm, bh, none, got 'bonferroni'"
    ],
    [
      ['version: 1', 'data:', '  - path: a.csv', '    drift: { correction: fdr }'],
      "ml-gate.yml:4:26: data[0].drift.correction: expected one of holm, bh, none, got 'fdr'"
    ],
    [
      ['version: 1', 'on_missing_baseline: ignore'],
      "ml-gate.yml:2:22: on_missing_baseline: expected one of skip, fail, got 'ignore'"
    ]
  ])('%j', (lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })
})

describe('gate rules', () => {
  it('needs at least one rule, pointing at the gate', () => {
    expect(errorFor('version: 1', 'gates:', '  - metric: roc_auc', '    per_segment: true')).toBe(
      'ml-gate.yml:3:5: gates[0]: a gate needs at least one rule: min, max, max_drop, max_relative_drop, min_ratio or max_gap'
    )
  })

  it.each([
    ['min_ratio', 'ml-gate.yml:4:5'],
    ['max_gap', 'ml-gate.yml:4:5']
  ])('%s needs across, pointing at it', (key, where) => {
    expect(errorFor('version: 1', 'gates:', '  - metric: positive_rate', `    ${key}: 0.2`)).toBe(
      `${where}: gates[0]: min_ratio and max_gap compare the segments of one column: add \`across: <column>\``
    )
  })

  it('across excludes per_segment, pointing at per_segment', () => {
    expect(
      errorFor(
        'version: 1',
        'gates:',
        '  - metric: positive_rate',
        '    across: Job',
        '    max_gap: 0.1',
        '    per_segment: Home'
      )
    ).toBe(
      'ml-gate.yml:6:18: gates[0].per_segment: across and per_segment cannot be combined: across gates the disparity between the segments of one column, per_segment gates each segment on its own'
    )
  })

  it('accepts across with per_segment: false and every single rule on its own', () => {
    const rules = [
      'min: 0.5',
      'max: 0.5',
      'max_drop: 0',
      'max_relative_drop: 0.1',
      'min_ratio: 0.8',
      'max_gap: 0.1'
    ]
    const gates = rules.map((rule) => `  - { metric: m, across: Job, per_segment: false, ${rule} }`)
    expect(
      parseConfig(['version: 1', 'gates:', ...gates].join('\n'), 'ml-gate.yml').config.gates
    ).toHaveLength(6)
  })

  it('rejects a negative drop and a ratio above 1', () => {
    expect(errorFor('version: 1', 'gates:', '  - metric: recall', '    max_drop: -0.05')).toBe(
      'ml-gate.yml:4:15: gates[0].max_drop: expected a number >= 0, got -0.05'
    )
    expect(
      errorFor('version: 1', 'gates:', '  - metric: recall', '    across: Job', '    min_ratio: 1.2')
    ).toBe('ml-gate.yml:5:16: gates[0].min_ratio: expected a number >= 0 and <= 1, got 1.2')
  })
})

describe('missing keys, at the key of the mapping that lacks them', () => {
  it.each([
    [['data: []'], "ml-gate.yml:1:1: missing required key 'version'"],
    [
      ['version: 1', 'model:', '  task: binary', '  predictions: p.csv'],
      "ml-gate.yml:2:1: model: missing required key 'label'"
    ],
    [['version: 1', 'data:', '  - contract: c.yml'], "ml-gate.yml:3:5: data[0]: missing required key 'path'"],
    [
      ['version: 1', 'waivers:', '  - metric: recall'],
      "ml-gate.yml:3:5: waivers[0]: missing required key 'reason'"
    ],
    [
      ['version: 1', 'waivers:', '  - reason: accepted'],
      'ml-gate.yml:3:5: waivers[0]: a waiver names what it waives: add `metric:`, `segment:` or both'
    ]
  ])('%j', (lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })
})

describe('values out of range', () => {
  it.each([
    [['version: 2'], 'ml-gate.yml:1:10: version: expected 1, got 2'],
    [['version: "1"'], "ml-gate.yml:1:10: version: expected 1, got '1'"],
    [
      ['version: 1', 'evaluation:', '  confidence: 1.5'],
      'ml-gate.yml:3:15: evaluation.confidence: expected a number > 0 and <= 0.999999, got 1.5'
    ],
    [
      ['version: 1', 'evaluation:', '  confidence: 0'],
      'ml-gate.yml:3:15: evaluation.confidence: expected a number > 0 and <= 0.999999, got 0'
    ],
    // Both the type and the range fail: the range says more.
    [
      ['version: 1', 'evaluation:', '  bootstrap: 10.5'],
      'ml-gate.yml:3:14: evaluation.bootstrap: expected an integer >= 100 and <= 100000, got 10.5'
    ],
    [
      ['version: 1', 'evaluation:', '  bootstrap: 99'],
      'ml-gate.yml:3:14: evaluation.bootstrap: expected an integer >= 100 and <= 100000, got 99'
    ],
    [
      ['version: 1', 'segments:', '  min_support: 0'],
      'ml-gate.yml:3:16: segments.min_support: expected an integer >= 1, got 0'
    ],
    [
      [...MODEL, '  threshold: 1.5'],
      'ml-gate.yml:5:14: model.threshold: expected a number >= 0 and <= 1, got 1.5'
    ],
    [[...MODEL, "  score: ''"], "ml-gate.yml:5:10: model.score: expected a non-empty string, got ''"],
    [
      ['version: 1', 'segments:', '  bins: { Age: [18] }'],
      'ml-gate.yml:3:11: segments.bins.Age: expected at least 2 items, got 1'
    ],
    [
      ['version: 1', 'segments:', '  cross: [[Home]]'],
      'ml-gate.yml:3:11: segments.cross[0]: expected at least 2 items, got 1'
    ],
    [
      ['version: 1', 'segments:', '  columns: [Home, Job, Home]'],
      "ml-gate.yml:3:24: segments.columns: duplicate item 'Home': each item may appear only once"
    ]
  ])('%j', (lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })

  it('bin edges must be strictly increasing, pointing at the first edge out of order', () => {
    expect(
      errorFor('version: 1', 'segments:', '  bins:', '    Age: [18, 30]', '    Income: [0, 1000, 1000, 5000]')
    ).toBe(
      'ml-gate.yml:5:23: segments.bins.Income[2]: bin edges must be strictly increasing, got 1000 after 1000'
    )
  })

  it.each([
    ['2027-02-30', "got '2027-02-30'"],
    ['2027-1-31', "got '2027-1-31'"],
    ['20270131', 'got a number']
  ])('waiver expiry %s is not a YYYY-MM-DD date', (expires, got) => {
    expect(
      errorFor('version: 1', 'waivers:', '  - metric: recall', '    reason: known', `    expires: ${expires}`)
    ).toBe(`ml-gate.yml:5:14: waivers[0].expires: expected a date as YYYY-MM-DD, e.g. 2027-01-31, ${got}`)
  })

  it('accepts a quoted date and a leap day', () => {
    const { config } = parseConfig(
      'version: 1\nwaivers:\n  - { metric: a, reason: b, expires: "2028-02-29" }\n',
      'ml-gate.yml'
    )
    expect(config.waivers[0].expires).toBe('2028-02-29')
  })
})

describe('YAML errors reach the config loader unchanged', () => {
  it.each([
    [
      ['version: 1', 'segments:', '  min_support: 30', '  min_support: 40'],
      "ml-gate.yml:4:3: duplicate key 'min_support': each key may appear only once in a mapping"
    ],
    [
      ['version: 1', 'segments:', '\tmin_support: 30'],
      'ml-gate.yml:3:1: tabs are not allowed for indentation in YAML: indent with spaces'
    ],
    [
      ['version: 1', 'data: [a.csv', 'model: {}'],
      'ml-gate.yml:3:1: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]'
    ]
  ])('%j', (lines, expected) => {
    expect(errorFor(...lines)).toBe(expected)
  })
})
