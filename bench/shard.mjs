#!/usr/bin/env node
// The sharded evaluation at scale: N shards of R rows each (default 10 × 10M = 100M rows), generated
// deterministically (shard k from seed k), evaluated one at a time on this machine, each shard's
// file deleted before the next is generated, so the disk holds one shard at a time. Reports each
// shard's wall time and peak RSS, the merge's, and the projected wall time of an N-job matrix (the
// slowest shard plus the merge). The reference, measured in the same run: a plain single run over
// shard 1's file, whose time each shard is compared with.
//
//   npm run bench:shard                                 10 shards of 10M rows (~4 GB each on disk)
//   npm run bench:shard -- --shards 10 --rows 1M        the reduced version
//   npm run bench:shard -- --compare                    also a single run over all N files (needs
//                                                       N × R rows on disk at once; 10M in total at most)
//
// How one file at a time works: every shard's file exists (zero bytes until its turn), so the glob
// lists all N in order and `--shard k/N` reads only file k; the other files are never opened.
// Needs `npm run bundle` first (it runs dist/, what users run).

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generatePredictions, parseSize } from './generate.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist/cli/index.js')
const TIME = '/usr/bin/time'

const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '10' },
    rows: { type: 'string', default: '10M' },
    compare: { type: 'boolean', default: false },
    out: { type: 'string' }
  }
})
const shards = Number(values.shards)
const rows = parseSize(values.rows)
if (!Number.isInteger(shards) || shards < 1 || shards > 1000) throw new Error('--shards: expected 1 to 1000')
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run bundle first`)
if (values.compare && shards * rows > 10_000_000)
  throw new Error('--compare keeps every shard on disk: expected shards × rows <= 10M')

const EVALUATE = [
  '--task',
  'binary',
  '--label',
  'label',
  '--score',
  'score',
  '--segment',
  'region',
  '--segment',
  'channel'
]

/** One process: wall time (ms) and peak RSS (KiB, null without /usr/bin/time). */
async function runOnce(args) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-bench-shard-'))
  const rssFile = join(dir, 'rss')
  const argv = existsSync(TIME)
    ? [TIME, '-f', '%M', '-o', rssFile, process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args]
  const started = performance.now()
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (c) => resolve({ code: c, stderr: err }))
  })
  const wall = performance.now() - started
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN
  rmSync(dir, { recursive: true, force: true })
  if (code !== 0) throw new Error(`ml-gate ${args.join(' ')} exited with ${code}:\n${stderr}`)
  return { wall, rss: Number.isFinite(rss) ? rss : null }
}

const s = (ms) => (ms / 1000).toFixed(2)
const mb = (kib) => (kib === null ? 'n/a' : (kib / 1024).toFixed(0))

const work = mkdtempSync(join(tmpdir(), 'ml-gate-shard-bench-'))
const data = join(work, 'data')
const states = join(work, 'states')
mkdirSync(data)
mkdirSync(states)
const file = (k) => join(data, `part-${String(k).padStart(4, '0')}.csv`)
for (let k = 1; k <= shards; k++) writeFileSync(file(k), '')
const glob = join(data, 'part-*.csv')

const lines = [
  `# Sharded evaluation: ${shards} shards × ${values.rows} rows (${cpus().length} cores, node ${process.version})`,
  ''
]
const log = (line) => {
  lines.push(line)
  process.stderr.write(`${line}\n`)
}
log('| step | wall s | peak MB | state MB | vs the reference |')
log('|---|---|---|---|---|')
let reference = null
const shardRuns = []
for (let k = 1; k <= shards; k++) {
  await generatePredictions(file(k), rows, k)
  if (k === 1) {
    reference = await runOnce([
      'evaluate',
      '--predictions',
      file(1),
      ...EVALUATE,
      '--json',
      join(work, 'single-1.json')
    ])
    log(`| reference: single run over shard 1's file | ${s(reference.wall)} | ${mb(reference.rss)} | | 1x |`)
  }
  const state = join(states, `state-${k}.json`)
  const run = await runOnce([
    'evaluate',
    '--predictions',
    glob,
    ...EVALUATE,
    '--shard',
    `${k}/${shards}`,
    '--json',
    state
  ])
  const size = statSync(state).size
  shardRuns.push(run)
  log(
    `| shard ${k}/${shards} | ${s(run.wall)} | ${mb(run.rss)} | ${(size / 2 ** 20).toFixed(1)} | ${(run.wall / reference.wall).toFixed(2)}x |`
  )
  if (!values.compare) writeFileSync(file(k), '') // bounded disk: one shard's data at a time
}
const statePaths = Array.from({ length: shards }, (_, i) => join(states, `state-${i + 1}.json`))
const mergedPath = join(work, 'merged.json')
const merge = await runOnce(['merge', ...statePaths, '--json', mergedPath])
log(
  `| merge of ${shards} states | ${s(merge.wall)} | ${mb(merge.rss)} | | ${(merge.wall / reference.wall).toFixed(2)}x |`
)
const slowest = Math.max(...shardRuns.map((r) => r.wall))
const serial = shardRuns.reduce((t, r) => t + r.wall, 0)
log('')
log(
  `Projected wall time of a ${shards}-job matrix (slowest shard + merge, without job start-up and artifact transfer): ${s(slowest + merge.wall)} s; one after another here: ${s(serial + merge.wall)} s.`
)
if (values.compare) {
  const single = await runOnce([
    'evaluate',
    '--predictions',
    glob,
    ...EVALUATE,
    '--json',
    join(work, 'single.json')
  ])
  const a = JSON.parse(readFileSync(mergedPath, 'utf8'))
  const b = JSON.parse(readFileSync(join(work, 'single.json'), 'utf8'))
  const same = JSON.stringify(a) === JSON.stringify(b)
  log(
    `Single run over all ${shards} files: ${s(single.wall)} s, ${mb(single.rss)} MB; the merged document ${same ? 'is byte for byte the same' : 'DIFFERS'}.`
  )
  if (!same) process.exitCode = 1
}
rmSync(work, { recursive: true, force: true })
if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`)
