// The fingerprint of what dist/ is built from, written by the bundle to dist/source-hash and checked
// by the tests that run the bundles, so a stale dist/ fails with the fix in its message instead of
// silently testing old code. Content only (no mtimes): a fresh clone and a rebuild agree.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The files the bundles are built from, beside src/. */
const BUILD_FILES = ['package-lock.json', 'rollup.config.js', 'tsconfig.json', 'tsconfig.build.json']

/** Where the bundle writes the fingerprint. */
export const SOURCE_HASH_FILE = 'dist/source-hash'

/** sha256 over the path and bytes of every file under `src/` and the build files, in sorted order. */
export function sourceHash(root = '.') {
  const files = [...listFiles(root, 'src'), ...BUILD_FILES].sort()
  const hash = createHash('sha256')
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0')
  return hash.digest('hex')
}

function listFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    return entry.isDirectory() ? listFiles(root, path) : [path]
  })
}
