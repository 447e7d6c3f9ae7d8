import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import schema from '../../schemas/monitor.schema.json' with { type: 'json' }
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { UserInputError } from '../../src/errors.js'
import { runMonitor } from '../../src/monitor/monitor.js'
import { monitorExitCode } from '../../src/steps/monitor.js'
import { logsCsv, monitorFolder } from './monitor-logs.js'

const DAILY = ['logs: logs.csv', 'time: ts', 'window: 1d', 'reference: { first: 3d }']
const SEGMENTS = ['segments:', '  columns: [Home]']

async function monitor(csv: string, lines: readonly string[] = DAILY, extra: readonly string[] = SEGMENTS) {
  return runMonitor(await loadConfig(monitorFolder(csv, lines, extra)))
}

/** P(X > k) for X ~ Binomial(n, p), summed exactly. */
function binomialTail(n: number, p: number, k: number): number {
  let below = 0
  let term = (1 - p) ** n // P(X = 0)
  for (let x = 0; x <= k; x++) {
    below += term
    term *= ((n - x) / (x + 1)) * (p / (1 - p))
  }
  return 1 - below
}

describe('ml-gate monitor on logs drawn from the credit predictions', () => {
  it('ten daily windows after a 3-day reference, the score shifted by +0.15 in the last two: alerts on those two only', async () => {
    const csv = logsCsv({ seed: 7, days: 13, rowsPerDay: 300, shift: { 11: 0.15, 12: 0.15 }, unlabelled: 1 })
    const document = await monitor(csv, [
      ...DAILY,
      'features: [Age]',
      'gates:',
      '  - metric: roc_auc',
      '    min: 0.6'
    ])
    expect(document.windows.map((w) => [w.start, w.rows, w.status])).toEqual([
      ...Array.from({ length: 8 }, (_, k) => [
        `2026-03-${String(4 + k).padStart(2, '0')}T00:00:00Z`,
        300,
        'ok'
      ]),
      ['2026-03-12T00:00:00Z', 300, 'alert'],
      ['2026-03-13T00:00:00Z', 300, 'alert']
    ])
    expect(document.alerting).toEqual([8, 9])
    expect(document.status).toBe('alert')
    expect(monitorExitCode(document)).toBe(1)
    expect(document.reference).toEqual({
      file: null,
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-04T00:00:00Z',
      rows: 900,
      labelled: 900
    })
    const newest = document.windows[9]
    // The score drifts; Age (not shifted) does not.
    expect(newest.drift.map((d) => [d.column, d.method, d.status])).toEqual([
      ['score', 'ks', 'alert'],
      ['Age', 'ks', 'ok']
    ])
    const rate = newest.rates.find((r) => r.segment === 'all' && r.quantity === 'positive_rate')!
    expect(rate.status).toBe('alert')
    expect(rate.difference).toBeCloseTo(rate.value! - rate.reference!, 12)
    expect(rate.ci![0]).toBeGreaterThan(0)
    // The labels of the newest day have not arrived: its performance is not judged.
    expect(newest.labelled).toBe(0)
    expect(newest.performance.map((p) => [p.segment, p.status, p.reason])).toEqual([
      ['all', 'insufficient', 'insufficient data: 0 labelled rows in the window < min_support 30']
    ])
    expect(document.windows[8].performance[0].status).toBe('ok')
    // What is written is what schemas/monitor.schema.json describes.
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema)
    validate(JSON.parse(JSON.stringify(document)))
    expect(validate.errors ?? []).toEqual([])
  })

  it('A/A logs over 20 seeds: runs with a false alert at or below the nominal 5% per family (exact binomial bound)', async () => {
    const runs = 20
    const alerts = { rates: 0, drift: 0, any: 0 }
    for (let seed = 1; seed <= runs; seed++) {
      const document = await monitor(logsCsv({ seed, days: 13, rowsPerDay: 120 }))
      const windows = document.windows
      if (windows.some((w) => w.rates.some((r) => r.status === 'alert'))) alerts.rates++
      if (windows.some((w) => w.drift.some((d) => d.status === 'alert'))) alerts.drift++
      if (document.alerting.length > 0) alerts.any++
    }
    // Seen: a false rate alert in 1 run (seed 3), a false drift alert in 1 (seed 10), 2 in all.
    // Holm bounds each family's chance of any false alert at α = 0.05. Among 20 runs more than 5
    // such runs has probability 0.00033 under α = 0.05 (and more than 7 under the union bound of the
    // two families, 2α = 0.1: 0.00042), so exceeding them is a defect, not luck.
    expect(binomialTail(runs, 0.05, 5)).toBeCloseTo(0.000329, 6)
    expect(binomialTail(runs, 0.1, 7)).toBeCloseTo(0.000416, 6)
    expect(alerts.rates).toBeLessThanOrEqual(5)
    expect(alerts.drift).toBeLessThanOrEqual(5)
    expect(alerts.any).toBeLessThanOrEqual(7)
  })

  it('row-count windows with a reference file: every window monitored, the last one partial', async () => {
    const csv = logsCsv({ seed: 3, days: 2, rowsPerDay: 250 })
    const config = monitorFolder(csv, [
      'logs: logs.csv',
      'time: ts',
      'window: 200',
      'reference: reference.csv'
    ])
    writeFileSync(join(dirname(config), 'reference.csv'), logsCsv({ seed: 4, days: 1, rowsPerDay: 300 }))
    const document = await runMonitor(await loadConfig(config))
    expect(document.windows.map((w) => w.rows)).toEqual([200, 200, 100])
    expect(document.reference).toMatchObject({ file: join(dirname(config), 'reference.csv'), rows: 300 })
    expect(document.alerting).toEqual([])
    expect(document.status).toBe('ok')
  })

  it('an empty newest window cannot be judged and fails closed', async () => {
    const csv = logsCsv({ seed: 5, days: 5, rowsPerDay: 100 })
    const late = '2026-03-07T10:00:00Z,rent,30,1,0.5\n'
    const document = await monitor(csv + late, DAILY, [])
    expect(document.windows.map((w) => [w.rows, w.status])).toEqual([
      [100, 'ok'],
      [100, 'ok'],
      [0, 'insufficient'],
      [1, 'insufficient']
    ])
    expect(document.status).toBe('insufficient')
    expect(document.headline).toBe(
      'the newest window (2026-03-07T00:00:00Z, 1 row) cannot be judged: too few rows for every check; 0 of 4 windows alert'
    )
    expect(monitorExitCode(document)).toBe(1)
  })
})

describe('bad input: one error at the file, line and column', () => {
  async function errorOf(
    csv: string,
    lines: readonly string[] = DAILY,
    extra: readonly string[] = []
  ): Promise<string> {
    const config = monitorFolder(csv, lines, extra)
    try {
      await runMonitor(await loadConfig(config))
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError)
      return (error as UserInputError).format().replaceAll(dirname(config), 'DIR')
    }
    throw new Error('expected an error')
  }
  const HEADER = 'ts,Home,Age,label,score\n'

  it('a local time without a zone', async () => {
    const csv = `${HEADER}2026-03-01T10:00:00Z,rent,30,1,0.5\n2026-03-01T11:00:00,rent,30,1,0.5\n`
    expect(await errorOf(csv)).toBe(
      "DIR/logs.csv:3:1: column 'ts': expected an ISO 8601 time with a zone (2026-03-01T12:00:00Z, 2026-03-01T12:00:00.5+02:00), a date (2026-03-01, midnight UTC) or epoch seconds (1772366400); found '2026-03-01T11:00:00'"
    )
  })

  it('a date that does not exist, and a score that is not a number', async () => {
    expect(await errorOf(`${HEADER}2026-02-30,rent,30,1,0.5\n`)).toMatch(
      /^DIR\/logs.csv:2:1: column 'ts': .*found '2026-02-30'$/
    )
    expect(await errorOf(`${HEADER}1772366400,rent,30,1,high\n`)).toBe(
      "DIR/logs.csv:2:5: column 'score': the score must be a finite number; found 'high'"
    )
  })

  it('a reference period that is not a time, or holds no row', async () => {
    const csv = logsCsv({ seed: 1, days: 2, rowsPerDay: 10 })
    const period = (from: string, to: string) => [
      ...DAILY.slice(0, 3),
      `reference: { from: ${from}, to: ${to} }`
    ]
    expect(await errorOf(csv, period("'March 1'", '2026-03-02'))).toMatch(
      /^DIR\/ml-gate.yml:10:22: monitor.reference.from: expected an ISO 8601 time .*; found 'March 1'$/
    )
    expect(await errorOf(csv, period('2025-01-01', '2025-01-02'))).toBe(
      'DIR/ml-gate.yml:10:14: monitor.reference: no log row in [2025-01-01T00:00:00Z, 2025-01-02T00:00:00Z); ' +
        'the logs run from 2026-03-01T00:03:56.366Z to 2026-03-02T19:10:06.316Z'
    )
  })

  it('a reference of rows with a duration window', async () => {
    expect(
      await errorOf(logsCsv({ seed: 1, days: 2, rowsPerDay: 10 }), [
        ...DAILY.slice(0, 3),
        'reference: { first: 500 }'
      ])
    ).toBe(
      'DIR/ml-gate.yml:10:23: monitor.reference.first: 500 is a row count but monitor.window "1d" is a duration; give both of one kind'
    )
  })

  it('per-segment performance without segments', async () => {
    const csv = logsCsv({ seed: 1, days: 2, rowsPerDay: 10 })
    const lines = [...DAILY, 'gates:', '  - metric: recall', '    min: 0.5', '    per_segment: true']
    expect(await errorOf(csv, lines)).toBe(
      'DIR/ml-gate.yml:14:20: monitor.gates[0].per_segment: there are no segments to judge (the config has no segments section); remove per_segment or add segments'
    )
  })

  it('a drop of a metric with no better direction, at the rule, as the config gates say it', async () => {
    const csv = logsCsv({ seed: 1, days: 2, rowsPerDay: 10 })
    const lines = [...DAILY, 'gates:', '  - metric: tp', '    max_drop: 5']
    expect(await errorOf(csv, lines)).toBe(
      'DIR/ml-gate.yml:13:7: monitor.gates[0].max_drop: tp has no better direction (neither higher nor lower is better), so it cannot drop; bound it with min/max'
    )
  })

  it('an unknown metric and a missing column, at the config line', async () => {
    const csv = logsCsv({ seed: 1, days: 2, rowsPerDay: 10 })
    expect(await errorOf(csv, [...DAILY, 'gates:', '  - metric: rocauc', '    min: 0.7'])).toMatch(
      /^DIR\/ml-gate.yml:12:15: monitor.gates\[0\].metric: unknown binary metric 'rocauc' \(did you mean 'roc_auc'\?\); expected one of /
    )
    expect(await errorOf(csv, [...DAILY, 'features: [Income]'])).toBe(
      "DIR/ml-gate.yml:11:14: monitor.logs DIR/logs.csv has no column 'Income'; its columns are ts, Home, Age, label, score"
    )
  })
})
