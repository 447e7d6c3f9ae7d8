import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { EvaluationDocument } from '../../src/documents/evaluation.js'
import type { ValidationDocument } from '../../src/contract/validate.js'
import { cli } from '../support/cli.js'

// Names that Object.prototype already holds: an object keyed by data that inherits from it finds
// a function where it expects nothing (`constructor`), or sets its prototype (`__proto__`). Every
// command must treat them as the plain names they are, as column names and as values.
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']
const tmp = mkdtempSync(join(tmpdir(), 'ml-gate-proto-'))

/** 60 rows: label, score, a categorical column `name` whose values are `values`, a numeric one. */
function predictions(name: string, numeric: string, values: readonly string[]): string {
  const lines = [`id,label,score,${name},${numeric}`]
  for (let i = 0; i < 60; i++) {
    const label = i % 3 === 0 ? 1 : 0
    const score = ((i * 37) % 100) / 100
    lines.push(`${i},${label},${score},${values[i % values.length]},${(i * 7) % 90}`)
  }
  return lines.join('\n') + '\n'
}

function file(name: string, text: string): string {
  const path = join(tmp, name)
  writeFileSync(path, text)
  return path
}

describe.each(NAMES)('a column named %s', (name) => {
  const numeric = NAMES[(NAMES.indexOf(name) + 1) % NAMES.length]
  const data = file(`${name}.csv`, predictions(name, numeric, NAMES))

  it('is a segment column and a binned column of evaluate, its values segments', async () => {
    const run = await cli(
      'evaluate',
      ...['--predictions', data, '--task', 'binary', '--label', 'label', '--score', 'score'],
      ...['--segment', name, '--bins', `${numeric}=0,30,60,90`, '--bootstrap', '100', '--json', '-']
    )
    expect([run.code, run.stderr]).toEqual([0, ''])
    const document = JSON.parse(run.stdout) as EvaluationDocument
    expect(document.segments.map((s) => [s.key, s.n])).toEqual([
      ['all', 60],
      ...[...NAMES].sort().map((value) => [`${name}=${value}`, 10]),
      [`${numeric}=[0,30)`, 22],
      [`${numeric}=[30,60)`, 22],
      [`${numeric}=[60,90)`, 16]
    ])
  })

  it('is a segment column and a binned column of the config of gate', async () => {
    const config = file(
      `${name}.yml`,
      [
        'version: 1',
        `model: { task: binary, predictions: ${data}, baseline: ${data}, label: label, score: score, id: id }`,
        `segments: { columns: ["${name}"], bins: { "${numeric}": [0, 30, 60, 90] }, min_support: 5 }`,
        'gates:',
        `  - { metric: accuracy, max_drop: 0.5, per_segment: "${name}" }`
      ].join('\n') + '\n'
    )
    const out = join(tmp, `${name}-verdict.json`)
    const run = await cli('gate', '--config', config, '--json', out)
    expect([run.code, run.stderr]).toEqual([0, ''])
    const verdict = JSON.parse(readFileSync(out, 'utf8')) as {
      results: { segment: string; status: string }[]
    }
    expect(verdict.results.map((r) => [r.segment, r.status])).toEqual([
      ['all', 'pass'],
      ...[...NAMES].sort().map((value) => [`${name}=${value}`, 'pass'])
    ])
  })

  it('is a contract column of validate, with its values in `in`', async () => {
    const contract = file(
      `${name}-contract.yml`,
      [
        'extra_columns: ignore',
        'columns:',
        `  "${name}": { type: string, in: [${NAMES.filter((n) => n !== 'valueOf')
          .map((n) => `"${n}"`)
          .join(', ')}] }`,
        `  "${numeric}": { type: integer, min: 0, max: 80 }`
      ].join('\n') + '\n'
    )
    const out = join(tmp, `${name}-validation.json`)
    const run = await cli(
      'validate',
      '--data',
      data,
      '--contract',
      contract,
      '--reference',
      data,
      '--json',
      out
    )
    expect([run.code, run.stderr]).toEqual([1, ''])
    const document = JSON.parse(readFileSync(out, 'utf8')) as ValidationDocument
    expect(document.checks.filter((c) => !c.passed).map((c) => [c.column, c.check, c.failures])).toEqual([
      [name, 'in', 10],
      [numeric, 'max', 4]
    ])
  })

  it('is a property of a JSON Schema contract, in a JSON Lines file', async () => {
    const rows = NAMES.map((value, i) => JSON.stringify({ [name]: value, [numeric]: i }))
    const jsonl = file(`${name}.jsonl`, rows.join('\n') + '\n')
    const allowed = NAMES.filter((n) => n !== 'valueOf')
    const schema = file(
      `${name}-schema.json`,
      JSON.stringify({
        properties: { [name]: { enum: allowed }, [numeric]: { maximum: 4 } },
        required: [name]
      })
    )
    const out = join(tmp, `${name}-schema-validation.json`)
    const run = await cli('validate', '--data', jsonl, '--contract', schema, '--json', out)
    if (name === '__proto__' || numeric === '__proto__') {
      // ajv skips a property named __proto__: checking nothing would be a silent pass.
      expect([run.code, run.stderr]).toEqual([
        2,
        `ml-gate: ${schema}: properties.__proto__: a JSON Schema contract cannot check a property named __proto__ (its validator skips it); rename the column or use a YAML contract\n`
      ])
      return
    }
    expect([run.code, run.stderr]).toEqual([1, ''])
    const document = JSON.parse(readFileSync(out, 'utf8')) as ValidationDocument
    expect(document.checks.map((c) => [c.column, c.check, c.failures, c.examples])).toEqual([
      [name, 'in', 1, [{ line: 5, value: 'valueOf' }]],
      [numeric, 'max', 1, [{ line: 6, value: 5 }]]
    ])
  })

  it('is profiled and inferred under its own name', async () => {
    const profile = await cli('profile', data, '--json', '-')
    expect([profile.code, profile.stderr]).toEqual([0, ''])
    const columns = (JSON.parse(profile.stdout) as { columns: { name: string; distinct: number }[] }).columns
    expect(columns.map((c) => [c.name, c.distinct])).toEqual([
      ['id', 60],
      ['label', 2],
      ['score', 60],
      [name, 6],
      [numeric, 60]
    ])
    const contract = join(tmp, `${name}-inferred.yml`)
    const infer = await cli('infer', data, '--out', contract)
    expect([infer.code, infer.stderr]).toEqual([
      0,
      `wrote ${contract}: review every rule before committing it\n`
    ])
    const validate = await cli('validate', '--data', data, '--contract', contract)
    expect([validate.code, validate.stderr]).toEqual([0, ''])
  })
})
