/** Every result document ml-gate writes validates against the schema it publishes. */
import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import evaluationSchema from '../../schemas/evaluation.schema.json' with { type: 'json' }
import profileSchema from '../../schemas/profile.schema.json' with { type: 'json' }
import validationSchema from '../../schemas/validation.schema.json' with { type: 'json' }
import { loadContract } from '../../src/contract/load.js'
import { validateFile } from '../../src/steps/validate.js'
import { openTable } from '../../src/io/open.js'
import type { MetricSource } from '../../src/metrics/accumulator.js'
import { BinaryAccumulator } from '../../src/metrics/binary.js'
import { evaluatePredictions, evaluationDocument } from '../../src/evaluation/evaluate.js'
import { RegressionAccumulator } from '../../src/metrics/regression.js'
import { sourceState } from '../../src/metrics/stored-source.js'
import { TableProfile } from '../../src/profile/profile.js'
import { DATASETS } from '../support/datasets.js'

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })

function expectValid(schema: object, document: unknown): void {
  const validate = ajv.compile(schema)
  validate(document)
  expect(validate.errors ?? []).toEqual([])
}

describe('published schemas describe the documents', () => {
  it('profile', async () => {
    const table = await openTable('examples/credit/data/train.csv')
    expectValid(profileSchema, (await TableProfile.of(table)).document(table.file, table.format))
  })

  it('validation, with failures and drift', async () => {
    const contract = await loadContract('examples/credit/contracts/credit.yml')
    const document = await validateFile({
      data: 'examples/credit/data/incoming.csv',
      contract,
      reference: 'examples/credit/data/train.csv'
    })
    expect(document.checks.some((c) => !c.passed)).toBe(true)
    expectValid(validationSchema, JSON.parse(JSON.stringify(document)))
  })

  it.each([
    ['binary', 'credit', { task: 'binary', label: 'label', score: 'score' }, ['Job']],
    ['multiclass', 'penguins', { task: 'multiclass', label: 'label', prediction: 'prediction' }, ['sex']],
    ['regression', 'sacramento', { task: 'regression', label: 'label', prediction: 'prediction' }, ['type']]
  ] as const)('evaluation, %s', async (_, dataset, model, columns) => {
    const evaluation = await evaluatePredictions(`${DATASETS}/${dataset}/predictions/candidate.csv`, {
      model: { score_prefix: 'score_', positive: 1, threshold: 0.5, ...model },
      segments: { columns, bins: {}, cross: [] },
      minSupport: 30,
      confidence: 0.9,
      bootstrap: { replicates: 100, seed: 1 }
    })
    expectValid(evaluationSchema, JSON.parse(JSON.stringify(evaluationDocument(evaluation))))
  })

  it.each([
    ['binary, logit basis', (): MetricSource => binaryRows(6000)],
    ['regression, weighted order-statistic basis', (): MetricSource => regressionRows(6000)]
  ])('a segment state above 5,000 rows (%s)', (_, make) => {
    const state = JSON.parse(JSON.stringify(sourceState(make()))) as {
      metrics: Record<string, { basis?: unknown }>
    }
    expect(Object.values(state.metrics).filter((m) => m.basis !== undefined)).toHaveLength(1)
    const schemas = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
    const validate = schemas.addSchema(evaluationSchema).getSchema(`${evaluationSchema.$id}#/$defs/state`)!
    validate(state)
    expect(validate.errors ?? []).toEqual([])
  })
})

const BOOTSTRAP = { replicates: 50, seed: 3 }

function binaryRows(n: number): BinaryAccumulator {
  const metrics = new BinaryAccumulator({ bootstrap: BOOTSTRAP })
  for (let i = 0; i < n; i++) metrics.add(i % 3 === 0 ? 1 : 0, (i % 97) / 97, i, 1 + (i % 4))
  return metrics
}

function regressionRows(n: number): RegressionAccumulator {
  const metrics = new RegressionAccumulator({ bootstrap: BOOTSTRAP })
  for (let i = 0; i < n; i++) metrics.add(i % 89, i % 83, i, 1 + (i % 3))
  return metrics
}
