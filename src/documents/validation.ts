/**
 * `ml-gate/validation@1` documents (schemas/validation.schema.json), read back by the report.
 *
 * The type still lives beside the code that writes it (src/contract/validate.ts) while other
 * changes to it are merged; this module only imports it.
 */
import schema from '../../schemas/validation.schema.json' with { type: 'json' }
import type { ValidationDocument } from '../contract/validate.js'
import { documentKind, readDocument, type ReadDocument } from './read-document.js'

export const VALIDATION = documentKind<ValidationDocument>(
  schema,
  'from `ml-gate validate --json` or the validate-data action'
)

/** Reads and validates a validation document. @throws UserInputError at the first problem */
export function readValidationDocument(file: string): Promise<ReadDocument<ValidationDocument>> {
  return readDocument(file, VALIDATION)
}
