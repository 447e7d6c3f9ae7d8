import { describe, expect, it } from '@jest/globals'
import { openTable } from '../../src/io/open.js'
import type { RowBatch, Value } from '../../src/io/table.js'
import { TableProfile } from '../../src/profile/profile.js'
import { ValueCounts } from '../../src/profile/value-counts.js'
import { batchOfColumn as batchOf } from '../support/batches.js'

const TRAIN = 'test/datasets/credit/data/train.csv'

// Expected values computed independently with pandas 1.5.3:
//   df = pd.read_csv('train.csv', keep_default_na=False, na_values=['', 'NA', 'N/A', 'null', 'NaN'])
//   s.count(), s.isna().sum(), s.nunique(), s.min(), s.max(), s.mean(), s.std(), s.value_counts()
const PANDAS: Record<string, [string, number, number, number, number?, number?, number?, number?]> = {
  id: ['integer', 2629, 0, 2629, 1, 4454, 2198.0597185241536, 1270.5742747594245],
  Seniority: ['integer', 2629, 0, 43, 0, 48, 7.945226321795359, 8.148967695460001],
  Time: ['integer', 2629, 0, 11, 6, 72, 46.304298212248, 14.774568855533396],
  Age: ['integer', 2629, 0, 50, 18, 68, 36.97109166983644, 11.00549542690696],
  Expenses: ['integer', 2629, 0, 84, 35, 165, 55.92734880182579, 19.62953234773302],
  // pandas widens Income/Assets/Debt to float64 because they have missing values; every present
  // value is a whole number, so ml-gate calls them integer.
  Income: ['integer', 2399, 230, 314, 6, 959, 141.92038349312213, 84.21233883580543],
  Assets: ['integer', 2600, 29, 138, 0, 300000, 5421.8511538461535, 12407.54358000185],
  Debt: ['integer', 2615, 14, 134, 0, 23500, 355.8152963671128, 1265.30239312789],
  Amount: ['integer', 2629, 0, 219, 100, 5000, 1048.7405857740587, 479.628032831739],
  Price: ['integer', 2629, 0, 1142, 105, 11140, 1473.5294788893116, 657.3747969423663],
  Status: ['string', 2629, 0, 2],
  Home: ['string', 2624, 5, 6],
  Marital: ['string', 2628, 1, 5],
  Records: ['string', 2629, 0, 2],
  Job: ['string', 2627, 2, 4]
}

describe('profile of credit/train.csv', () => {
  it('matches pandas for every column', async () => {
    const table = await openTable(TRAIN)
    const document = (await TableProfile.of(table)).document(table.file, table.format)
    expect(document.schema).toBe('ml-gate/profile@1')
    expect(document.rows).toBe(2629)
    expect(document.columns.map((c) => c.name)).toEqual(Object.keys(PANDAS).sort(byHeader(table.columns)))
    for (const column of document.columns) {
      const [type, count, missing, distinct, min, max, mean, std] = PANDAS[column.name]
      expect([column.name, column.type, column.count, column.missing, column.distinct]).toEqual([
        column.name,
        type,
        count,
        missing,
        distinct
      ])
      expect(column.distinct_exact).toBe(true)
      if (type === 'integer') {
        expect(column.min).toBe(min)
        expect(column.max).toBe(max)
        expect(column.mean).toBeCloseTo(mean!, 10)
        expect(column.std).toBeCloseTo(std!, 9)
        expect(column.top).toEqual([])
      }
    }
  })

  it('lists the most frequent strings with their counts, most frequent first', async () => {
    const table = await openTable(TRAIN)
    const document = (await TableProfile.of(table, { topValues: 3 })).document(table.file, table.format)
    const home = document.columns.find((c) => c.name === 'Home')!
    // pandas: {'owner': 1199, 'rent': 597, 'parents': 476, ...}
    expect(home.top).toEqual([
      { value: 'owner', count: 1199 },
      { value: 'rent', count: 597 },
      { value: 'parents', count: 476 }
    ])
    const job = document.columns.find((c) => c.name === 'Job')!
    expect(job.top[0]).toEqual({ value: 'fixed', count: 1653 })
  })
})

function byHeader(header: readonly string[]) {
  return (a: string, b: string) => header.indexOf(a) - header.indexOf(b)
}

function profileOf(batches: RowBatch[], exactDistinct?: number): TableProfile {
  const profile = new TableProfile(['x'], { exactDistinct })
  for (const batch of batches) {
    profile.rows += batch.size
    profile.columns[0].addChunk(batch.columns[0], batch.size)
  }
  return profile
}

describe('column types', () => {
  it.each<[Value[], string]>([
    [[1, 2, null], 'integer'],
    [[1, 2.5], 'number'],
    [[true, false, null], 'boolean'],
    [[1, 'a'], 'string'],
    [[true, 1], 'string'],
    [[null, null], 'string']
  ])('%j is %s', (values, type) => {
    expect(profileOf([batchOf(values)]).document('f', 'csv').columns[0].type).toBe(type)
  })

  it('gives no mean, std or range for non-numeric columns and no std below two values', () => {
    const [strings] = profileOf([batchOf(['a', 'b'])]).document('f', 'csv').columns
    expect([strings.min, strings.max, strings.mean, strings.std]).toEqual([null, null, null, null])
    const [single] = profileOf([batchOf([4])]).document('f', 'csv').columns
    expect([single.min, single.max, single.mean, single.std]).toEqual([4, 4, 4, null])
  })
})

describe('merging profiles', () => {
  it('two halves merged equal the whole', () => {
    const values: Value[] = Array.from({ length: 5000 }, (_, i) =>
      i % 17 === 0 ? null : ((i * 7919) % 1000) / 8
    )
    const whole = profileOf([batchOf(values)]).document('f', 'csv')
    const left = profileOf([batchOf(values.slice(0, 1234))])
    left.merge(profileOf([batchOf(values.slice(1234))]), 'f')
    const merged = left.document('f', 'csv')
    const [w, m] = [whole.columns[0], merged.columns[0]]
    expect({ ...m, mean: 0, std: 0 }).toEqual({ ...w, mean: 0, std: 0 })
    expect(m.mean).toBeCloseTo(w.mean!, 12)
    expect(m.std).toBeCloseTo(w.std!, 12)
    expect(merged.rows).toBe(5000)
  })

  it('switches to sketches past the exact bound and stays within 2% of the true distinct count', () => {
    const values: Value[] = Array.from({ length: 30000 }, (_, i) => `id-${i}`)
    const [whole] = profileOf([batchOf(values)], 1000).document('f', 'csv').columns
    expect(whole.distinct_exact).toBe(false)
    expect(Math.abs(whole.distinct - 30000) / 30000).toBeLessThan(0.02)
    const left = profileOf([batchOf(values.slice(0, 10000))], 1000)
    left.merge(profileOf([batchOf(values.slice(10000))], 1000), 'f')
    expect(left.document('f', 'csv').columns[0].distinct).toBe(whole.distinct)
  })
})

describe('ValueCounts past its bound', () => {
  it('keeps a value more frequent than n/(limit+1) among the top values (Misra-Gries)', () => {
    const counts = new ValueCounts(10)
    for (let i = 0; i < 1000; i++) {
      counts.add(`rare-${i}`)
      if (i % 4 === 0) counts.add('frequent')
    }
    expect(counts.exact).toBe(false)
    const [top] = counts.top(1)
    expect(top.value).toBe('frequent')
    // The true count is 250; Misra-Gries undercounts by at most 1250 / 11 < 114.
    expect(top.count).toBeGreaterThan(250 - 114)
    expect(top.count).toBeLessThanOrEqual(250)
  })
})
