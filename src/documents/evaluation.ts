/**
 * `ml-gate/evaluation@1` documents (schemas/evaluation.schema.json), read by the gate (as a
 * candidate or baseline) and by the report.
 *
 * The type still lives beside the code that writes it (src/metrics/evaluate.ts) while other
 * changes to it are merged; this module only imports it.
 */
import schema from '../../schemas/evaluation.schema.json' with { type: 'json' }
import type { EvaluationDocument } from '../metrics/evaluate.js'
import { documentKind, readDocument, type ReadDocument } from './read-document.js'

export const EVALUATION = documentKind<EvaluationDocument>(
  schema,
  'from `ml-gate evaluate --json` or the evaluate action'
)

/** Reads and validates an evaluation document. @throws UserInputError at the first problem */
export function readEvaluationFile(file: string): Promise<ReadDocument<EvaluationDocument>> {
  return readDocument(file, EVALUATION)
}
