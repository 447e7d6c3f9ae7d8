/**
 * Opening a tabular file: CSV, JSON Lines, JSON array or Parquet, optionally gzipped.
 */
import { extname } from 'node:path'
import { UserInputError } from '../errors.js'
import { openByteSource, openRangeSource, type ByteSource, type SourceOptions } from './byte-source.js'
import { CSV_DELIMITERS, CsvReader } from './csv.js'
import { JsonArrayReader } from './json-array.js'
import { JsonLinesReader } from './jsonl.js'
import { tableFrom, type TableReader } from './reader.js'
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MISSING_TOKENS,
  type ReadOptions,
  type Table,
  type TableFormat
} from './table.js'
import { ValueParser } from './value-parser.js'

/** Extensions (after removing `.gz`) and the format each one means. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.psv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.parquet': 'parquet',
  '.pq': 'parquet'
}

/** Extensions that name the delimiter; other CSV files have it detected from the header. */
const DELIMITER_BY_EXTENSION: Readonly<Record<string, string>> = { '.tsv': '\t', '.psv': '|' }

const FORMATS: readonly TableFormat[] = ['csv', 'jsonl', 'json', 'parquet']

/**
 * Opens a table file and reads its header; the rows are then streamed by `table.batches()`.
 *
 * Format: from the extension once a final `.gz` is removed — `.csv` `.tsv` `.txt` `.psv` (CSV),
 * `.jsonl` `.ndjson` (JSON Lines), `.json` (a JSON array of objects), `.parquet` `.pq` —
 * unless `options.format` says otherwise. Gzip: any file that starts with the gzip magic bytes
 * is decompressed while it is read, whatever its name.
 *
 * Defaults: the CSV delimiter is detected from the header line (`.tsv` means tab, `.psv` means
 * `|`); missing tokens `DEFAULT_MISSING_TOKENS` (`'' NA N/A null NaN`); batches of
 * `DEFAULT_BATCH_SIZE` (8192) rows. How each cell is typed: `value-parser.ts`; the rules of
 * each format: `csv.ts`, `jsonl.ts`, `json-array.ts`, `parquet.ts`.
 *
 * Memory: CSV, JSON Lines and Parquet are streamed (one chunk or one row group, plus one
 * batch); a JSON array is parsed whole (use JSON Lines for big files).
 *
 * @param file path, used as given in every message
 * @param options format, delimiter, missing tokens, batch size
 * @param source how bytes are read (tests use tiny chunks)
 * @returns the open table: its columns are known, its rows can be iterated once
 * @throws UserInputError for an unknown extension or invalid option, a missing file, or a
 *   header that cannot be read (empty file, duplicate column names, not Parquet, ...). Rows are
 *   checked as they stream: `batches()` throws `UserInputError`s that name the line.
 *
 * @example
 * const table = await openTable('data/train.csv.gz')
 * table.columns // ['id', 'Status', 'Seniority', ...]
 * for await (const batch of table.batches()) {
 *   for (let i = 0; i < batch.size; i++) batch.columns[0].values[i] // with batch.lines[i]
 * }
 */
export async function openTable(
  file: string,
  options: ReadOptions = {},
  source: SourceOptions = {}
): Promise<Table> {
  const { format, delimiter } = tableFormatOf(file, options)
  if (!FORMATS.includes(format)) {
    throw new UserInputError(`unknown format "${format}": expected one of ${FORMATS.join(', ')}`, { file })
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UserInputError(`batch size ${batchSize}: expected a positive integer`, { file })
  }
  const parser = new ValueParser(options.missing ?? DEFAULT_MISSING_TOKENS)
  const reader = await readerFor(file, format, delimiter, { ...options, batchSize }, parser, source)
  return tableFrom(file, format, reader)
}

async function readerFor(
  file: string,
  format: TableFormat,
  delimiter: string | null,
  options: ReadOptions & { batchSize: number },
  parser: ValueParser,
  source: SourceOptions
): Promise<TableReader> {
  const { batchSize } = options
  const range = options.part?.bytes ?? null
  const bytes = (): Promise<ByteSource> =>
    range === null ? openByteSource(file, source) : openRangeSource(file, range, source)
  switch (format) {
    case 'csv': {
      if (delimiter !== null && !(CSV_DELIMITERS as readonly string[]).includes(delimiter)) {
        throw new UserInputError(
          `delimiter ${JSON.stringify(delimiter)}: expected one of "," ";" "|" or a tab ("\\t")`,
          { file }
        )
      }
      return new CsvReader(file, await bytes(), { delimiter, parser, batchSize, source, range })
    }
    case 'jsonl':
      return new JsonLinesReader(file, await bytes(), { parser, batchSize, source, range })
    case 'json':
      return new JsonArrayReader(file, await openByteSource(file, source), { parser, batchSize })
    case 'parquet': {
      // hyparquet and its codecs are loaded for Parquet files only, not parsed at every start.
      const { ParquetReader } = await import('./parquet.js')
      return new ParquetReader(file, { parser, batchSize })
    }
  }
}

/**
 * The format `openTable` reads `file` as, and (CSV) the delimiter the options or the extension
 * give (`null`: detected from the header).
 * @throws UserInputError for an unknown extension
 */
export function tableFormatOf(
  file: string,
  options: ReadOptions = {}
): { readonly format: TableFormat; readonly delimiter: string | null } {
  const extension = extensionOf(file)
  const format = options.format ?? detectFormat(file, extension)
  return { format, delimiter: options.delimiter ?? DELIMITER_BY_EXTENSION[extension] ?? null }
}

/** The extension that names the format: `.csv` for `data.CSV.gz`. */
function extensionOf(file: string): string {
  const name = file.toLowerCase().replace(/\.gz$/, '')
  return extname(name)
}

function detectFormat(file: string, extension: string): TableFormat {
  const format = FORMAT_BY_EXTENSION[extension]
  if (format === undefined) {
    const known = Object.keys(FORMAT_BY_EXTENSION).join(' ')
    const found = extension === '' ? 'no file extension' : `unknown file extension "${extension}"`
    throw new UserInputError(
      `${found}: expected one of ${known} (optionally followed by .gz), or give the format explicitly`,
      { file }
    )
  }
  return format
}
