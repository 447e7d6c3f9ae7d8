#!/usr/bin/env node
// ml-gate's benchmark: whole processes, wall time and peak RSS, against pandas + scikit-learn and
// against the read floor. See bench/RESULTS.md for the last results and what they showed.
//
//   npm run bench                          100k, 1M and 10M rows, each timing 3 times (median)
//   npm run bench -- --sizes 100k,1M       some sizes only
//   npm run bench -- --quick               one run per timing
//   npm run bench -- --large-runs 1        one run per timing from 10M rows up
//   npm run bench -- --no-reference        skip pandas + scikit-learn
//
// The reference runs under $PYTHON, else the first of python3 and /usr/bin/python3 that has pandas
// and scikit-learn; as root with apt-get it installs python3-pandas and python3-sklearn when none has.
//   npm run bench:smoke                    100k rows, one run, no targets, checks the outputs
//
// Needs `npm run bundle` first (it runs dist/, what users run). Peak RSS comes from /usr/bin/time
// (Debian/Ubuntu: `apt-get install -y time`); without it node processes report their own peak
// (process.resourceUsage().maxRSS, via bench/rss-probe.mjs) and the Python reference its own.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generate } from './generate.mjs'

const BENCH = fileURLToPath(new URL('.', import.meta.url))
const ROOT = join(BENCH, '..')
const CLI = join(ROOT, 'dist/cli/index.js')
const ACTION = join(ROOT, 'dist/evaluate/index.js')
const OUT = join(BENCH, 'out')
const RESULTS = join(BENCH, 'RESULTS.md')
const NOTES_MARKER = '<!-- Everything below this line is kept when bench/run.mjs rewrites this file. -->'
const TIME = '/usr/bin/time'

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100k,1M,10M' },
    runs: { type: 'string' },
    'large-runs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false }
  }
})
const sizes = options.smoke ? ['100k'] : options.sizes.split(',').filter((s) => s !== '')
const runs = Number(options.runs ?? (options.quick || options.smoke ? 1 : 3))
/** Runs per timing from 10M rows up (minutes each for the reference): --large-runs, default as --runs. */
const largeRuns = Number(options['large-runs'] ?? runs)

const SEGMENTS = ['region', 'channel', 'product', 'store']
const BINS = 'age=18,30,45,60,90'

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

if (!existsSync(CLI)) fail(`${CLI} is missing: run 'npm run bundle' first`)
const haveTime = existsSync(TIME)
if (!haveTime) {
  console.warn(
    `bench: ${TIME} is missing (Debian/Ubuntu: apt-get install -y time); peak RSS is reported by ` +
      'each process itself instead (node: process.resourceUsage().maxRSS; python: getrusage)'
  )
}

/**
 * Runs a command once: wall time (ms, measured here around the whole process) and peak RSS (KiB).
 * Exit codes outside `ok` stop the benchmark with the command's stderr.
 */
async function runOnce(command, args, ok = [0]) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-bench-'))
  const rssFile = join(dir, 'rss')
  let argv = [command, ...args]
  if (haveTime) argv = [TIME, '-f', '%M', '-o', rssFile, ...argv]
  else if (command === process.execPath) argv = [command, '--import', join(BENCH, 'rss-probe.mjs'), ...args]
  const started = performance.now()
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out.length < 1 << 16 ? (out += d) : null))
    child.stderr.on('data', (d) => (err.length < 1 << 16 ? (err += d) : null))
    child.on('error', reject)
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }))
  })
  const wall = performance.now() - started
  const rssText = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() : ''
  rmSync(dir, { recursive: true, force: true })
  if (!ok.includes(code)) {
    fail(`${[command, ...args].join(' ')} exited with ${code}:\n${stderr || stdout}`)
  }
  const rss = Number(rssText)
  return { wall, rss: Number.isFinite(rss) && rss > 0 ? rss : null, stdout }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Median wall time and median peak RSS over `n` runs. */
async function measure(label, command, args, { ok = [0], n = runs } = {}) {
  const results = []
  for (let r = 0; r < n; r++) results.push(await runOnce(command, args, ok))
  const m = {
    label,
    wall: median(results.map((x) => x.wall)),
    rss: results.every((x) => x.rss !== null) ? median(results.map((x) => x.rss)) : null,
    runs: n,
    stdout: results[0].stdout
  }
  process.stderr.write(
    `  ${label.padEnd(34)} ${seconds(m.wall).padStart(8)} s ${megabytes(m.rss).padStart(7)} MB\n`
  )
  return m
}

const seconds = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1)
const megabytes = (kib) => (kib === null ? 'n/a' : (kib / 1024).toFixed(0))
// Three significant digits, so that a ratio just short of a target (7.95x for 8x) does not print as it.
const ratio = (a, b) => (a && b ? `${a / b >= 100 ? (a / b).toFixed(0) : (a / b).toPrecision(3)}x` : 'n/a')

/** Where pandas + scikit-learn may be: $PYTHON if set, else the PATH's python3, then Debian's. */
const PYTHONS = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3']
const APT_PACKAGES = ['python3-pandas', 'python3-sklearn']

/** Resolves to the versions line of pandas and scikit-learn under `python`, or null. */
function probePython(python) {
  return new Promise((resolve) => {
    const check = spawn(python, [
      '-c',
      'import pandas, sklearn; print(pandas.__version__, sklearn.__version__)'
    ])
    let out = ''
    check.stdout.on('data', (d) => (out += d))
    check.on('error', () => resolve(null))
    check.on('close', (code) => resolve(code === 0 ? out.trim().split(' ') : null))
  })
}

/** Runs a command with its output on our stderr; resolves to its exit code (127: not found). */
function runLoud(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', process.stderr, process.stderr] })
    child.on('error', () => resolve(127))
    child.on('close', (code) => resolve(code ?? 1))
  })
}

/**
 * The reference's interpreter: the first of PYTHONS with pandas and scikit-learn. When none has
 * them and we may (root, apt-get present, $PYTHON not set), installs Debian's packages once.
 */
async function pythonReference() {
  if (options['no-reference']) return { ok: false, note: 'skipped (--no-reference)' }
  const find = async () => {
    for (const python of PYTHONS) {
      const versions = await probePython(python)
      if (versions) return { ok: true, python, note: `pandas ${versions[0]}, scikit-learn ${versions[1]}` }
    }
    return null
  }
  const found = await find()
  if (found) return found
  const canInstall =
    !process.env.PYTHON && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !options.smoke
  if (canInstall) {
    console.error(`bench: pandas + scikit-learn not found; installing ${APT_PACKAGES.join(' ')} with apt-get`)
    const code = await runLoud('apt-get', ['install', '-y', '--no-install-recommends', ...APT_PACKAGES])
    const installed = code === 0 ? await find() : null
    if (installed) return installed
  }
  return {
    ok: false,
    note:
      `pandas or scikit-learn is missing under ${PYTHONS.join(' and ')}${canInstall ? ' and apt-get could not install them' : ''}: ` +
      `the comparison is skipped (Debian/Ubuntu: apt-get install -y ${APT_PACKAGES.join(' ')}, or set PYTHON)`
  }
}

function machine() {
  const cpuModel =
    (existsSync('/proc/cpuinfo') &&
      /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]) ||
    cpus()[0]?.model ||
    'unknown'
  return {
    cpus: cpus().length,
    cpuModel,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`
  }
}

async function main() {
  const data = await generate({ sizes, out: OUT, log: (m) => console.error(`bench: ${m}`) })
  const reference = await pythonReference()
  console.error(`bench: ${runs} run(s) per timing, median reported; reference: ${reference.note}`)
  const results = {}
  for (const size of sizes) {
    const f = data.files[size]
    console.error(`bench: ${size} rows`)
    const node = process.execPath
    const evaluateJson = join(OUT, `evaluate-${size}.json`)
    const validateJson = join(OUT, `validate-${size}.json`)
    const profileJson = join(OUT, `profile-${size}.json`)
    const r = {}
    const n = f.rows >= 10_000_000 ? largeRuns : runs
    r.floorPredictions = await measure(
      'read floor (predictions)',
      node,
      [join(BENCH, 'read-floor.mjs'), f.predictions],
      { n }
    )
    r.evaluate = await measure(
      'ml-gate evaluate',
      node,
      [
        CLI,
        'evaluate',
        ...[
          '--predictions',
          f.predictions,
          '--task',
          'binary',
          '--label',
          'label',
          '--score',
          'score',
          '--id',
          'id'
        ],
        ...SEGMENTS.flatMap((s) => ['--segment', s]),
        ...['--bins', BINS, '--json', evaluateJson]
      ],
      { n }
    )
    if (reference.ok) {
      r.reference = await measure(
        'pandas + scikit-learn',
        reference.python,
        [join(BENCH, 'reference.py'), f.predictions],
        { n }
      )
    }
    r.floorTable = await measure('read floor (table)', node, [join(BENCH, 'read-floor.mjs'), f.table], { n })
    // Exit 1 is expected: the table breaks its contract on purpose and drifted from the reference.
    const validateArgs = (contract) => [
      CLI,
      'validate',
      ...['--data', f.table, '--contract', contract, '--reference', data.reference, '--json', validateJson]
    ]
    r.validate = await measure('ml-gate validate', node, validateArgs(data.contract), { ok: [0, 1], n })
    r.validateNoUnique = await measure(
      'ml-gate validate (no unique)',
      node,
      validateArgs(data.contractNoUnique),
      {
        ok: [0, 1],
        n
      }
    )
    r.profile = await measure('ml-gate profile', node, [CLI, 'profile', f.table, '--json', profileJson], {
      n
    })
    checkOutputs(size, f.rows, { evaluateJson, validateJson, profileJson })
    results[size] = r
  }
  console.error('bench: start-up')
  const startup = {
    node: await measure('node -e 0', process.execPath, ['-e', '0'], { n: Math.max(runs, 5) }),
    action: await measure('evaluate action, no inputs', process.execPath, [ACTION], {
      ok: [2],
      n: Math.max(runs, 5)
    }),
    cli: await measure('ml-gate --version', process.execPath, [CLI, '--version'], { n: Math.max(runs, 5) })
  }

  const report = render(results, startup, reference)
  console.log(report.table)
  if (options.smoke) return
  console.log(report.targets)
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : ''
  const notes = previous.includes(NOTES_MARKER)
    ? previous.slice(previous.indexOf(NOTES_MARKER))
    : `${NOTES_MARKER}\n`
  writeFileSync(RESULTS, `${report.markdown}\n${notes}`)
  console.error(`bench: wrote ${RESULTS}`)
}

/** The documents exist and cover every row: a benchmark of a run that did nothing proves nothing. */
function checkOutputs(size, rows, files) {
  const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
  const evaluation = read(files.evaluateJson)
  const all = evaluation.segments.find((s) => s.key === 'all')
  if (evaluation.rows !== rows || all?.n !== rows)
    fail(`evaluate ${size}: expected ${rows} rows, got ${evaluation.rows}`)
  const segments = evaluation.segments.length
  // 1 overall + 3 + 8 + 20 + 50 values + 4 age bins (nothing falls outside [18, 90)).
  if (segments !== 86) fail(`evaluate ${size}: expected 86 segments, got ${segments}`)
  const validation = read(files.validateJson)
  if (!JSON.stringify(validation).includes(String(rows)))
    fail(`validate ${size}: the document never mentions ${rows} rows`)
  const profile = read(files.profileJson)
  if (!JSON.stringify(profile).includes(String(rows)))
    fail(`profile ${size}: the document never mentions ${rows} rows`)
}

function render(results, startup, reference) {
  const header = [
    'rows',
    'task',
    'runs',
    'wall (s)',
    'peak RSS (MB)',
    'vs read floor',
    'pandas+sklearn / ml-gate'
  ]
  const lines = []
  for (const [size, r] of Object.entries(results)) {
    const row = (m, floor, vsReference) => [
      size,
      m.label,
      m.runs,
      seconds(m.wall),
      megabytes(m.rss),
      floor ? ratio(m.wall, floor.wall) : '',
      vsReference ?? ''
    ]
    lines.push(row(r.floorPredictions))
    lines.push(
      row(r.evaluate, r.floorPredictions, r.reference ? ratio(r.reference.wall, r.evaluate.wall) : 'n/a')
    )
    if (r.reference) lines.push(row(r.reference, r.floorPredictions))
    lines.push(row(r.floorTable))
    lines.push(row(r.validate, r.floorTable))
    lines.push(row(r.validateNoUnique, r.floorTable))
    lines.push(row(r.profile, r.floorTable))
  }
  for (const m of Object.values(startup))
    lines.push(['-', m.label, m.runs, seconds(m.wall), megabytes(m.rss), '', ''])
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => String(l[c]).length)))
  const fmt = (cells) =>
    cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  const table = [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n')
  const md = (cells) => `| ${cells.join(' | ')} |`
  const mdTable = [md(header), md(header.map((_, i) => (i < 2 ? '---' : '---:'))), ...lines.map(md)].join(
    '\n'
  )

  const targets = checkTargets(results, startup)
  const targetLines = targets.map((t) => `- ${t.status}: ${t.name} (${t.measured})`)
  const m = machine()
  const markdown = [
    '# ml-gate benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}. The median of \`runs\` runs per`,
    `timing; wall time of the whole process, peak RSS ${haveTime ? 'from `/usr/bin/time`' : 'reported by each process (no /usr/bin/time)'}.`,
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpuModel}, ${m.cpus} cores (\`nproc\`)`,
    `- Memory: ${m.memory}`,
    `- Node ${m.node}, ${m.platform}; reference: ${reference.note}`,
    '- Timings are noisy when other work shares the machine.',
    '',
    '## What runs',
    '',
    '- **ml-gate evaluate**: a binary predictions file (id, 4 segment columns of 3, 8, 20 and 50 values, a numeric',
    '  `age` binned at 18, 30, 45, 60, 90, label, score): all 13 binary metrics with confidence intervals (Wilson,',
    '  DeLong, 1000-replicate bootstrap), overall and for each of the 85 segments (86 rows of results).',
    '- **pandas + scikit-learn** (bench/reference.py): `read_csv`, then the same metrics for the same 86 segments with',
    '  plain scikit-learn calls, point values only: **no confidence intervals**. A bootstrap of the same in that',
    '  style (`reference.py --bootstrap B`) costs B times the metric time (≈ 1.5 s per replicate at 100k rows here).',
    '- **read floor** (bench/read-floor.mjs): node streams the file in 1 MiB reads and counts its lines.',
    '- **ml-gate validate**: a 14-column table (integer, number, string, boolean columns; a few contract',
    '  violations) against bench/out/contract.yml, with drift of every column against a 100k-row reference. The',
    '  "no unique" variant drops the `unique` check on `id`, the one check whose memory grows with the rows.',
    '- **ml-gate profile**: the same table, every column profiled.',
    "- **start-up**: the evaluate action's bundle with no inputs (it fails fast: bundle load to first work), and",
    '  `ml-gate --version`, next to `node -e 0`.',
    '',
    '## Results',
    '',
    mdTable,
    '',
    '## Targets',
    '',
    ...targetLines,
    ''
  ].join('\n')
  return { table, targets: ['Targets:', ...targetLines].join('\n'), markdown }
}

function checkTargets(results, startup) {
  const targets = []
  const add = (name, measured, holds) =>
    targets.push({ name, measured, status: holds === null ? 'NOT MEASURED' : holds ? 'held' : 'MISSED' })
  const r1 = results['1M']
  const r10 = results['10M']
  if (r1) {
    add(
      'evaluate 1M rows at least 8x faster than pandas + scikit-learn',
      r1.reference ? `${ratio(r1.reference.wall, r1.evaluate.wall)} faster` : 'no reference',
      r1.reference ? r1.reference.wall / r1.evaluate.wall >= 8 : null
    )
    add(
      'evaluate 1M rows within 10x of the read floor',
      `${ratio(r1.evaluate.wall, r1.floorPredictions.wall)}`,
      r1.evaluate.wall / r1.floorPredictions.wall <= 10
    )
    add(
      'evaluate 1M rows peak RSS under 300 MB',
      `${megabytes(r1.evaluate.rss)} MB`,
      r1.evaluate.rss === null ? null : r1.evaluate.rss < 300 * 1024
    )
  } else add('evaluate 1M rows targets', 'run with --sizes including 1M', null)
  if (r10) {
    add('evaluate 10M rows under 15 s', `${seconds(r10.evaluate.wall)} s`, r10.evaluate.wall < 15_000)
    add(
      'evaluate 10M rows peak RSS under 1.5 GB',
      `${megabytes(r10.evaluate.rss)} MB`,
      r10.evaluate.rss === null ? null : r10.evaluate.rss < 1.5 * 1024 * 1024
    )
    add(
      'validate 10M x 14 within 6x of the read floor',
      `${ratio(r10.validate.wall, r10.floorTable.wall)} with unique, ${ratio(r10.validateNoUnique.wall, r10.floorTable.wall)} without`,
      r10.validate.wall / r10.floorTable.wall <= 6
    )
  } else add('evaluate and validate 10M rows targets', 'run with --sizes including 10M', null)
  if (r1 && r10) {
    const a = r1.validateNoUnique.rss
    const b = r10.validateNoUnique.rss
    add(
      'validate peak RSS independent of rows apart from unique (10M within 1.2x of 1M)',
      a && b ? `${megabytes(b)} MB vs ${megabytes(a)} MB: ${ratio(b, a)}` : 'n/a',
      a && b ? b / a <= 1.2 : null
    )
  }
  add(
    'action start-up (bundle load to first work) under 150 ms',
    `${startup.action.wall.toFixed(0)} ms (node -e 0: ${startup.node.wall.toFixed(0)} ms)`,
    startup.action.wall < 150
  )
  return targets
}

await main()
