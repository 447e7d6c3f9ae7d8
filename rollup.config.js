// One self-contained ESM bundle per entry point: dist/<name>/index.js.
// Entries are the CLI (src/cli/main.ts) and every action (src/actions/<name>.ts).
import { readdirSync } from 'node:fs'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const actions = readdirSync('src/actions')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => ({ name: f.slice(0, -3), input: `src/actions/${f}` }))

const entries = [{ name: 'cli', input: 'src/cli/main.ts', banner: '#!/usr/bin/env node' }, ...actions]

export default entries.map(({ name, input, banner }) => ({
  input,
  output: {
    file: `dist/${name}/index.js`,
    format: 'es',
    esModule: true,
    sourcemap: false,
    banner,
    inlineDynamicImports: true
  },
  onwarn(warning, warn) {
    // @actions/* and Octokit are ESM with circular imports between their own modules; harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  },
  plugins: [
    typescript({ tsconfig: 'tsconfig.build.json', noEmitOnError: true }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json()
  ]
}))
