import { UserInputError } from '../errors.js'
import type { ReadOptions, TableFormat } from '../io/table.js'

const FORMATS: readonly TableFormat[] = ['csv', 'jsonl', 'json', 'parquet']

/** The reading flags every command that opens a table accepts. */
export const readOptionFlags = {
  format: { type: 'string' },
  delimiter: { type: 'string' },
  missing: { type: 'string', multiple: true }
} as const

export const READ_OPTIONS_USAGE = `
Read options:
  --format F       csv | jsonl | json | parquet (default: from the file extension; .gz is read as gzip)
  --delimiter D    CSV delimiter: ',' ';' '|' or 'tab' (default: detected from the header)
  --missing TOKEN  a token read as a missing value; repeat for several
                   (default: empty, NA, N/A, null, NaN)
`

export function readOptionsFromArgs(values: {
  format?: string
  delimiter?: string
  missing?: string[]
}): ReadOptions {
  const options: { format?: TableFormat; delimiter?: string; missing?: string[] } = {}
  if (values.format !== undefined) {
    if (!FORMATS.includes(values.format as TableFormat)) {
      throw new UserInputError(`--format: expected one of ${FORMATS.join(', ')}, got '${values.format}'`)
    }
    options.format = values.format as TableFormat
  }
  if (values.delimiter !== undefined) options.delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter
  if (values.missing !== undefined) options.missing = values.missing
  return options
}
