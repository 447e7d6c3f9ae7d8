#!/usr/bin/env node
// The read floor: the least any tool on this runtime must do with a file, stream it and count its
// lines. 1 MiB reads, newlines found with Buffer.indexOf (native memchr), nothing parsed.
//
//   node bench/read-floor.mjs FILE    -> prints the number of lines

import { closeSync, openSync, readSync } from 'node:fs'

const fd = openSync(process.argv[2], 'r')
const buffer = Buffer.allocUnsafe(1 << 20)
let lines = 0
for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
  const chunk = buffer.subarray(0, read)
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
}
closeSync(fd)
console.log(lines)
