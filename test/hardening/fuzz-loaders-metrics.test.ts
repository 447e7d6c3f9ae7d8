import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseConfig } from '../../src/config/load.js'
import { loadContract } from '../../src/contract/load.js'
import { UserInputError } from '../../src/errors.js'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { describeMetric } from '../../src/metrics/catalog.js'
import type { MetricValue } from '../../src/metrics/metric-value.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { differences } from '../support/metric-fixtures.js'

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-fuzz-yaml-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const counts = { config: 0, contract: 0, metrics: 0 }
afterAll(() =>
  console.log(
    `fuzz loaders and metrics: ${counts.config} configs, ${counts.contract} contracts, ${counts.metrics} metric datasets`
  )
)

/** A valid YAML file with lines deleted, duplicated or re-indented and characters inserted. */
const mutatedYaml = (valid: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat(),
        op: fc.constantFrom('delete-line', 'duplicate-line', 'indent', 'dedent', 'insert', 'truncate'),
        text: fc.constantFrom(
          ':',
          '- ',
          '[',
          '{',
          '&a ',
          '*a',
          '!!binary ',
          '"',
          "'",
          '\t',
          '#',
          '|',
          '>',
          '---\n',
          '? ',
          'yes',
          '1e9',
          'null',
          '~'
        )
      }),
      { minLength: 1, maxLength: 4 }
    )
    .map((edits) => {
      let lines = valid.split('\n')
      for (const { at, op, text } of edits) {
        const i = at % lines.length
        if (op === 'delete-line') lines.splice(i, 1)
        else if (op === 'duplicate-line') lines.splice(i, 0, lines[i])
        else if (op === 'indent') lines[i] = `  ${lines[i]}`
        else if (op === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '')
        else if (op === 'truncate') lines = lines.slice(0, i)
        else {
          const line = lines[i]
          const c = at % (line.length + 1)
          lines[i] = line.slice(0, c) + text + line.slice(c)
        }
        if (lines.length === 0) lines = ['']
      }
      return lines.join('\n')
    })

/** A loaded value, or ONE UserInputError at a line of `file`; anything else fails; each case < 2 s. */
function expectLoadedOrLocated(file: string, text: string, started: number, error: unknown): void {
  expect(Date.now() - started).toBeLessThan(2_000)
  if (error === undefined) return
  if (!(error instanceof UserInputError)) throw error
  expect(error.location?.file).toBe(file)
  expect(error.location?.line).toBeGreaterThanOrEqual(1)
  expect(error.location?.line).toBeLessThanOrEqual(text.split('\n').length + 1)
}

const RUNS = { numRuns: 300, seed: 20260701 }

describe('config and contract loaders under mutated YAML (fast-check)', () => {
  const config = readFileSync('examples/credit/ml-gate.yml', 'utf8')
  const contract = readFileSync('examples/credit/contracts/credit.yml', 'utf8')

  it('ml-gate.yml: loaded, or one UserInputError with file and line', () => {
    fc.assert(
      fc.property(mutatedYaml(config), (text) => {
        counts.config++
        const started = Date.now()
        let error: unknown
        try {
          parseConfig(text, 'ml-gate.yml')
        } catch (e) {
          error = e
        }
        expectLoadedOrLocated('ml-gate.yml', text, started, error)
      }),
      RUNS
    )
  })

  it('a contract: loaded, or one UserInputError with file and line', async () => {
    const file = join(dir, 'contract.yml')
    await fc.assert(
      fc.asyncProperty(mutatedYaml(contract), async (text) => {
        counts.contract++
        writeFileSync(file, text)
        const started = Date.now()
        let error: unknown
        try {
          await loadContract(file)
        } catch (e) {
          error = e
        }
        expectLoadedOrLocated(file, text, started, error)
      }),
      { ...RUNS, numRuns: 200 }
    )
  })

  it('an alias bomb ("billion laughs") is refused at once', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const [p, q] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)]
        return `${q}: &${q} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`
      })
    ].join('\n')
    const started = Date.now()
    expect(() => parseConfig(`version: 1\n${bomb}\n`, 'bomb.yml')).toThrow(UserInputError)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

// Values in cents and weights of at least 0.001 (or 0): subnormal doubles (5e-324) make R²'s
// SS_tot depend on summation order, which no sample weight or target of a real model has.
const cents = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((x) => x / 100)
const weight = fc.oneof(
  fc.constant(1),
  fc.constant(0),
  fc.integer({ min: 1, max: 5000 }).map((x) => x / 1000)
)

/** Rows of a binary task: label, score (possibly out of [0, 1]), weight. */
const binaryRows = fc.array(
  fc.record({
    label: fc.constantFrom(0, 1),
    score: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0, 0.5, 1),
      fc.double({ min: -3, max: 3, noNaN: true })
    ),
    weight
  }),
  { maxLength: 60 }
)
const regressionRows = fc.array(fc.record({ label: cents, score: cents, weight }), { maxLength: 60 })
type Row = { label: number; score: number; weight: number }

const settings = { replicates: 100, seed: 11 }
const builders = {
  binary: (rows: readonly [Row, number][]) => {
    const m = new BinaryAccumulator({ bootstrap: settings })
    for (const [r, key] of rows) m.add(r.label, r.score, key, r.weight)
    return m
  },
  regression: (rows: readonly [Row, number][]) => {
    const m = new RegressionAccumulator({ bootstrap: settings })
    for (const [r, key] of rows) m.add(r.label, r.score, key, r.weight)
    return m
  }
}

function expectInRange(metrics: Record<string, MetricValue>): void {
  for (const [name, metric] of Object.entries(metrics)) {
    if (metric.value === null) {
      expect(metric.reason).toEqual(expect.any(String))
      expect(metric.ci).toBeNull()
      continue
    }
    const [low, high] = describeMetric(name)!.range
    const tolerance = 1e-9 * Math.max(1, Math.abs(metric.value))
    expect(Number.isFinite(metric.value)).toBe(true)
    expect(metric.value).toBeGreaterThanOrEqual(low - tolerance)
    expect(metric.value).toBeLessThanOrEqual(high + tolerance)
    if (metric.ci !== null) expect(metric.ci.every((b) => !Number.isNaN(b))).toBe(true)
  }
}

describe.each([
  ['binary', binaryRows, builders.binary],
  ['regression', regressionRows, builders.regression]
] as const)('%s metrics (fast-check)', (_, rowsArbitrary, build) => {
  const keyed = rowsArbitrary.map((rows) => rows.map((r, i): [Row, number] => [r, i + 1]))

  it('merge(split(data)) equals the whole; permuting rows changes nothing; every metric in range, null only with a reason', () => {
    fc.assert(
      fc.property(keyed, fc.nat(), fc.nat(), (rows, cut, seed) => {
        counts.metrics++
        const whole = build(rows).finalize()
        const at = cut % (rows.length + 1)
        const merged = build(rows.slice(0, at))
          .merge(build(rows.slice(at)) as never)
          .finalize()
        expect(differences(merged, whole, 1e-9)).toEqual([])
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length }), {
          numRuns: 1,
          seed
        })[0]
        expect(differences(build(shuffled).finalize(), whole, 1e-9)).toEqual([])
        expectInRange(whole)
      }),
      { numRuns: 100, seed: 20260701 }
    )
  })
})
