/**
 * The bundles under test: tests that run `dist/` go through `bundle()`, which fails when dist/ was
 * built from other sources than the working tree holds (CI rebuilds dist/ before testing; locally
 * a stale dist/ would otherwise test old code without a word).
 */
import { readFileSync } from 'node:fs'
import { SOURCE_HASH_FILE, sourceHash } from '../../scripts/source-hash.mjs'

let checked: string | undefined

/** `path` (e.g. `dist/report/index.js`), once dist/ is known to match src/. */
export function bundle(path: string): string {
  checked ??= checkDist()
  if (checked !== '') throw new Error(checked)
  return path
}

function checkDist(): string {
  let built = ''
  try {
    built = readFileSync(SOURCE_HASH_FILE, 'utf8').trim()
  } catch {
    // no fingerprint: never bundled here
  }
  return built === sourceHash()
    ? ''
    : `dist/ is stale: it was not built from the sources in src/ (${SOURCE_HASH_FILE} differs); run \`npm run bundle\``
}
