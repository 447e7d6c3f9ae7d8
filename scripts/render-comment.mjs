#!/usr/bin/env node
/**
 * Renders a report comment as GitHub shows it — GFM, GitHub's markdown CSS (github-markdown-css),
 * a 780 px comment column, a real browser (headless Chromium) — and writes a PNG, so a change to
 * the report can be looked at, not only diffed. The `<details>` sections stay collapsed, as a
 * reviewer first sees them.
 *
 *   node scripts/render-comment.mjs [COMMENT.md] [OUT.png] [HEIGHT]
 *
 * COMMENT.md defaults to the credit example's comment (the golden file of the report tests; make
 * your own with `ml-gate report --comment > comment.md`), OUT.png to docs/comment.png; HEIGHT
 * (px) cuts the picture to a first screen instead of the whole comment. Needs
 * Chromium (`apt-get install chromium`, or CHROMIUM=/path/to/chrome); CI does not run this.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = process.argv[2] ?? join(root, 'test/fixtures/report/golden/credit-significant-comment.md')
const output = resolve(process.argv[3] ?? join(root, 'docs/comment.png'))
const chromium = process.env.CHROMIUM ?? 'chromium'
/** The width of a comment's body on a pull request page. */
const WIDTH = 780

const css = readFileSync(
  createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
  'utf8'
)
// GitHub lets a comment's own HTML through (details, sub, b) after sanitizing; our reports hold
// no other HTML (the report tests check that), so it is rendered as is here.
const body = micromark(readFileSync(input, 'utf8'), {
  allowDangerousHtml: true,
  extensions: [gfm()],
  htmlExtensions: [gfmHtml()]
})
const page = `<!doctype html>
<html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
/* A comment's body on GitHub is 14 px, not the 16 px of a rendered README. */
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px; font-size: 14px; }
</style></head>
<body><article class="markdown-body">${body}</article>
<script>document.body.dataset.height = String(document.documentElement.scrollHeight)</script>
</body></html>`

const dir = mkdtempSync(join(tmpdir(), 'ml-gate-comment-'))
try {
  const html = join(dir, 'comment.html')
  writeFileSync(html, page)
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`
  ]
  // First the page's height, then a screenshot of all of it.
  const dom = execFileSync(
    chromium,
    [...flags, `--window-size=${WIDTH},1000`, '--dump-dom', `file://${html}`],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  const full = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 2000)
  const height = process.argv[4] === undefined ? full : Math.min(full, Number(process.argv[4]))
  execFileSync(
    chromium,
    [...flags, `--window-size=${WIDTH},${height}`, `--screenshot=${output}`, `file://${html}`],
    {
      stdio: 'ignore'
    }
  )
  console.log(`${output}: ${WIDTH} × ${height} px`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
