import { UserInputError } from '../errors.js'
import type { Table, TableFormat } from '../io/table.js'
import { ColumnProfile, type ColumnSummary, type ProfileOptions } from './column-profile.js'

/** The `ml-gate/profile@1` document (schemas/profile.schema.json). */
export interface ProfileDocument {
  readonly schema: 'ml-gate/profile@1'
  readonly file: string
  readonly format: TableFormat
  readonly rows: number
  readonly columns: ColumnSummary[]
}

/** Profiles of every column of a table; mergeable across shards of the same header. */
export class TableProfile {
  rows = 0
  readonly columns: ColumnProfile[]

  constructor(
    readonly names: readonly string[],
    private readonly options: ProfileOptions = {}
  ) {
    this.columns = names.map((name) => new ColumnProfile(name, options))
  }

  /** Reads the whole table once. */
  static async of(table: Table, options: ProfileOptions = {}): Promise<TableProfile> {
    const profile = new TableProfile(table.columns, options)
    for await (const batch of table.batches()) {
      profile.rows += batch.size
      for (let c = 0; c < profile.columns.length; c++)
        profile.columns[c].addChunk(batch.columns[c], batch.size)
    }
    return profile
  }

  /**
   * Adds another profile of the same columns (another file or shard of the same data).
   * @throws UserInputError naming `file`, where `other` was read, when its columns are not these
   */
  merge(other: TableProfile, file: string): void {
    if (other.names.join('\u0000') !== this.names.join('\u0000')) {
      throw new UserInputError(
        `columns ${JSON.stringify(other.names)} are not the first file's ${JSON.stringify(this.names)}: ` +
          'expected every file of the input with the same header',
        { file }
      )
    }
    this.rows += other.rows
    this.columns.forEach((column, c) => column.merge(other.columns[c]))
  }

  document(file: string, format: TableFormat): ProfileDocument {
    const top = this.options.topValues ?? 5
    return {
      schema: 'ml-gate/profile@1',
      file,
      format,
      rows: this.rows,
      columns: this.columns.map((column) => column.summary(top))
    }
  }
}
