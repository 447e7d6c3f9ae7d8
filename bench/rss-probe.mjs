// Preloaded with `node --import` by bench/run.mjs when /usr/bin/time is missing: writes this
// process's peak resident set size (KiB, as /usr/bin/time's %M) to $BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
