import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A CSV file's rows as `parts` files of consecutive rows, each with the header, named
 * `<prefix>-0.csv`… in `dir`; their glob.
 */
export function splitFiles(file: string, dir: string, parts = 5, prefix = 'part'): string {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n')
  const per = Math.ceil(rows.length / parts)
  for (let f = 0; f < parts; f++) {
    writeFileSync(
      join(dir, `${prefix}-${f}.csv`),
      [header, ...rows.slice(f * per, (f + 1) * per)].join('\n') + '\n'
    )
  }
  return join(dir, `${prefix}-*.csv`)
}
