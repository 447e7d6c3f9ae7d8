// One self-contained output folder per entry point: dist/<name>/index.js plus the chunks it loads,
// in dist/<name>/chunks/. Entries are the CLI (src/cli/main.ts) and every action
// (src/actions/<name>.ts); no folder imports from another, so each action still stands alone.
//
// Code splitting is for start-up: what only some runs need is behind a dynamic `import()` in the
// source and becomes a chunk that is neither read, compiled nor run until then: Octokit (only with
// a token), hyparquet and its codecs (only for Parquet files), the config loader with yaml and ajv
// (the evaluate action, only with a config). Chunk names come from their modules, without content
// hashes, and the output is byte-for-byte reproducible, as CI's check of dist/ needs.
//
// No minification: readable bundles and stack traces; the start-up target is met without it
// (bench/RESULTS.md, "start-up").
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { SOURCE_HASH_FILE, sourceHash } from './scripts/source-hash.mjs'

const actions = readdirSync('src/actions')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => ({ name: f.slice(0, -3), input: `src/actions/${f}` }))

/**
 * Empties the output folder before writing, so that a chunk a build no longer produces is deleted
 * (and CI's `git status --porcelain -- dist` sees it) rather than left behind, committed and stale.
 */
const cleanOutputDir = {
  name: 'clean-output-dir',
  renderStart({ dir }) {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Keeps the CLI's entry executable (mode 100755 in git), so `npx ml-gate` in a clone runs it and
 * CI's dist/ check sees no mode change after a rebuild, which writes the file anew.
 */
const executableEntry = {
  name: 'executable-entry',
  writeBundle({ dir }, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry && chunk.code.startsWith('#!')) {
        chmodSync(`${dir}/${chunk.fileName}`, 0o755)
      }
    }
  }
}

/** Records what dist/ was built from (`scripts/source-hash.mjs`), for the tests' stale-dist check. */
const sourceHashFile = {
  name: 'source-hash-file',
  writeBundle() {
    writeFileSync(SOURCE_HASH_FILE, `${sourceHash()}\n`)
  }
}

const entries = [{ name: 'cli', input: 'src/cli/main.ts', banner: '#!/usr/bin/env node' }, ...actions]

export default entries.map(({ name, input, banner }) => ({
  input,
  output: {
    dir: `dist/${name}`,
    entryFileNames: 'index.js',
    chunkFileNames: 'chunks/[name].js',
    format: 'es',
    esModule: true,
    sourcemap: false,
    banner: (chunk) => (chunk.isEntry && banner ? banner : '')
  },
  onwarn(warning, warn) {
    // @actions/* and Octokit are ESM with circular imports between their own modules; harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  },
  // @actions/core imports @actions/http-client (and through it undici, 1 MB, and tunnel) for its
  // OIDC client alone, which ml-gate never calls; declaring those packages (and Node's built-ins)
  // free of import side effects lets rollup drop them when nothing of theirs is used. Anything
  // that does use them is still bundled whole.
  treeshake: {
    moduleSideEffects: (id, external) =>
      external ? !isBuiltin(id) : !/node_modules\/(undici|tunnel|@actions\/http-client)\//.test(id)
  },
  plugins: [
    typescript({ tsconfig: 'tsconfig.build.json', noEmitOnError: true }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
    cleanOutputDir,
    executableEntry,
    sourceHashFile
  ]
}))
