#!/usr/bin/env node
// Deterministic synthetic data for the benchmarks (bench/README in bench/RESULTS.md).
//
//   node bench/generate.mjs [--sizes 100k,1M,10M] [--rows N] [--out bench/out] [--force]
//
// Writes, for every size S, into the output folder:
//   predictions-S.csv  a binary predictions file: id, 4 segment columns (3, 8, 20 and 50 levels),
//                      a numeric `age` for bins, `label` and an informative `score`
//   table-S.csv        a 14-column table (integer, number, string and boolean columns) with a few
//                      contract violations
// and once: reference.csv (100k rows of the same table, drawn from a slightly shifted population, so
// drift has something to find), contract.yml (the contract of the table) and contract-no-unique.yml
// (the same without the `unique` check, whose memory grows with the rows by nature).
//
// Same seed, same bytes: every value comes from one seeded generator per file. Rows are formatted
// into ~1 MiB strings and written with backpressure, so 10M rows take seconds, not minutes, and
// little memory. A file whose manifest (bench/out/manifest.json) says it was written by this version
// of the generator with the same rows and seed is kept, unless --force.

import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

/** Bump when the bytes a seed produces change, so cached files are regenerated. */
const GENERATOR_VERSION = 1
export const REFERENCE_ROWS = 100_000

/** mulberry32: tiny, fast, and good enough for synthetic data; deterministic across platforms. */
function rng(seed) {
  let a = seed >>> 0
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  let spare = null
  /** Standard normal (Box-Muller, the second draw kept for the next call). */
  const normal = () => {
    if (spare !== null) {
      const s = spare
      spare = null
      return s
    }
    const u = 1 - uniform()
    const r = Math.sqrt(-2 * Math.log(u))
    const theta = 2 * Math.PI * uniform()
    spare = r * Math.sin(theta)
    return r * Math.cos(theta)
  }
  /** An index in [0, n) with weights falling off as 1/(k+1)^skew: real segments are unbalanced. */
  const skewed = (cumulative) => {
    const u = uniform() * cumulative[cumulative.length - 1]
    let k = 0
    while (cumulative[k] <= u) k++
    return k
  }
  return { uniform, normal, skewed }
}

function cumulativeWeights(n, skew) {
  const c = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) c[k] = total += 1 / Math.pow(k + 1, skew)
  return c
}

/** A categorical column: level names, their cumulative weights, and each level's effect on the latent. */
function categorical(names, skew, spread, r) {
  return {
    names,
    weights: cumulativeWeights(names.length, skew),
    effects: names.map(() => spread * r.normal())
  }
}

const numbered = (prefix, n) =>
  Array.from({ length: n }, (_, k) => `${prefix}${String(k + 1).padStart(2, '0')}`)

/** Streams rows produced by `row(i)` (each ending in '\n') to `file`, ~1 MiB per write. */
async function writeRows(file, header, rows, row) {
  const partial = `${file}.partial`
  const out = createWriteStream(partial, { highWaterMark: 1 << 22 })
  const failed = new Promise((_, reject) => out.on('error', reject))
  let chunk = header
  for (let i = 0; i < rows; i++) {
    chunk += row(i)
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await Promise.race([new Promise((r) => out.once('drain', r)), failed])
      chunk = ''
    }
  }
  out.end(chunk)
  await Promise.race([new Promise((r) => out.once('finish', r)), failed])
  // Written under another name first: an interrupted run never leaves a truncated file behind.
  renameSync(partial, file)
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z))

/**
 * Binary predictions. A latent z = segment effects + age effect + noise; the label is a Bernoulli
 * draw with probability sigmoid(z); the score sees z through more noise, so it is informative
 * (ROC AUC about 0.8) but not perfect, and calibrated differently in each segment.
 */
export async function generatePredictions(file, rows, seed = 1) {
  const r = rng(seed)
  const region = categorical(['north', 'south', 'west'], 0.5, 0.3, r)
  const channel = categorical(
    ['web', 'app', 'store', 'phone', 'partner', 'email', 'social', 'other'],
    0.8,
    0.4,
    r
  )
  const product = categorical(numbered('p', 20), 0.7, 0.5, r)
  const store = categorical(numbered('s', 50), 0.6, 0.5, r)
  const columns = [region, channel, product, store]
  const header = 'id,region,channel,product,store,age,label,score\n'
  await writeRows(file, header, rows, (i) => {
    let z = -0.8
    let line = `${i + 1}`
    for (const c of columns) {
      const k = r.skewed(c.weights)
      z += c.effects[k]
      line += `,${c.names[k]}`
    }
    const age = 18 + Math.floor(r.uniform() * 72)
    z += 0.02 * (age - 45) + 0.8 * r.normal()
    const label = r.uniform() < sigmoid(z) ? 1 : 0
    const score = sigmoid(1.2 * z + 0.9 * r.normal())
    return `${line},${age},${label},${score.toFixed(6)}\n`
  })
}

const REGIONS = ['north', 'south', 'east', 'west', 'central']
const PLANS = ['basic', 'standard', 'premium', 'enterprise']
const CHANNELS = ['web', 'app', 'store', 'phone', 'partner', 'email']
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * The 14-column table. `shift` moves the population (used for the reference): income is lower and
 * the plan mix differs. Violations, at fixed rates so every size has some: an age of -1 (min),
 * a plan 'legacy' (in), a malformed code (pattern), a tenure above its max, and missing incomes
 * (within max_missing).
 */
export async function generateTable(file, rows, seed = 2, shift = 0) {
  const r = rng(seed)
  const plans = cumulativeWeights(PLANS.length, 1 + shift)
  const regions = cumulativeWeights(REGIONS.length, 0.3)
  const channels = cumulativeWeights(CHANNELS.length, 0.9)
  const header =
    'id,age,income,balance,tenure_months,credit_score,n_products,rate,region,plan,code,channel,active,verified\n'
  await writeRows(file, header, rows, (i) => {
    const violation = r.uniform()
    const age = violation < 2e-5 ? -1 : 18 + Math.floor(r.uniform() * 70)
    const income = r.uniform() < 0.02 ? '' : Math.exp(10.5 - 0.15 * shift + 0.6 * r.normal()).toFixed(2)
    const balance = (r.normal() * 2500 + 4000).toFixed(2)
    const tenure = violation > 1 - 1e-5 ? 999 : Math.floor(r.uniform() * 240)
    const credit = Math.round(650 + 80 * r.normal())
    const products = 1 + Math.floor(r.uniform() * r.uniform() * 6)
    const rate = (0.02 + 0.1 * r.uniform()).toFixed(4)
    const region = REGIONS[r.skewed(regions)]
    const plan = violation > 0.5 && violation < 0.50003 ? 'legacy' : PLANS[r.skewed(plans)]
    const a = LETTERS[Math.floor(r.uniform() * 26)]
    const b = LETTERS[Math.floor(r.uniform() * 26)]
    const digits = String(Math.floor(r.uniform() * 10000)).padStart(4, '0')
    const code = violation > 0.25 && violation < 0.25002 ? `${a}${b}${digits}` : `${a}${b}-${digits}`
    const channel = CHANNELS[r.skewed(channels)]
    const active = r.uniform() < 0.7 ? 'true' : 'false'
    const verified = r.uniform() < 0.9 ? 'true' : 'false'
    return (
      `${i + 1},${age},${income},${balance},${tenure},${credit},${products},${rate},` +
      `${region},${plan},${code},${channel},${active},${verified}\n`
    )
  })
}

/** The contract of the table; `unique` on the id unless `withUnique` is false. */
export function contractYaml(withUnique = true) {
  return `# Contract of bench/generate.mjs's table-*.csv (14 columns). Generated: do not edit.
rows: { min: 1000 }
extra_columns: error
columns:
  id: { type: integer, nullable: false${withUnique ? ', unique: true' : ''} }
  age: { type: integer, min: 18, max: 100, nullable: false }
  income: { type: number, min: 0, max_missing: 0.05 }
  balance: { type: number }
  tenure_months: { type: integer, min: 0, max: 480 }
  credit_score: { type: integer, min: 200, max: 1000 }
  n_products: { type: integer, min: 1, max: 6 }
  rate: { type: number, min: 0, max: 1 }
  region: { type: string, in: [north, south, east, west, central] }
  plan: { type: string, in: [basic, standard, premium, enterprise] }
  code: { type: string, pattern: '^[A-Z]{2}-[0-9]{4}$', max_length: 7 }
  channel: { type: string, in: [web, app, store, phone, partner, email] }
  active: { type: boolean, nullable: false }
  verified: { type: boolean }
`
}

/** '100k' -> 100000, '1M' -> 1000000, '2500' -> 2500. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim())
  if (!match) throw new Error(`size '${text}' is not a row count like 20000, 100k or 1M`)
  const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[match[2]]
  return Math.round(Number(match[1]) * scale)
}

/** Generates what `sizes` (labels like '1M') need into `out`; returns the file paths per size. */
export async function generate({ sizes, out, force = false, log = () => {} }) {
  mkdirSync(out, { recursive: true })
  const manifestFile = join(out, 'manifest.json')
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {}
  const ensure = async (name, rows, seed, write) => {
    const file = join(out, name)
    const want = { version: GENERATOR_VERSION, rows, seed }
    const have = manifest[name]
    if (!force && existsSync(file) && have && JSON.stringify(have) === JSON.stringify(want)) return file
    const started = performance.now()
    await write(file, rows, seed)
    manifest[name] = want
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    log(`generated ${name}: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return file
  }
  writeFileSync(join(out, 'contract.yml'), contractYaml(true))
  writeFileSync(join(out, 'contract-no-unique.yml'), contractYaml(false))
  const reference = await ensure('reference.csv', REFERENCE_ROWS, 3, (f, n, s) => generateTable(f, n, s, 0.5))
  const files = {}
  for (const size of sizes) {
    const rows = parseSize(size)
    files[size] = {
      rows,
      predictions: await ensure(`predictions-${size}.csv`, rows, 1, generatePredictions),
      table: await ensure(`table-${size}.csv`, rows, 2, (f, n, s) => generateTable(f, n, s, 0))
    }
  }
  return {
    reference,
    contract: join(out, 'contract.yml'),
    contractNoUnique: join(out, 'contract-no-unique.yml'),
    files
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100k,1M,10M' },
      rows: { type: 'string' },
      out: { type: 'string', default: join(fileURLToPath(new URL('.', import.meta.url)), 'out') },
      force: { type: 'boolean', default: false }
    }
  })
  const sizes = (values.rows ?? values.sizes).split(',').filter((s) => s !== '')
  const result = await generate({ sizes, out: values.out, force: values.force, log: (m) => console.log(m) })
  console.log(JSON.stringify(result, null, 2))
}
