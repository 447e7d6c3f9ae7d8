/**
 * `ml-gate/verdict@1` documents (schemas/verdict.schema.json), read back by the report: in the
 * fork-safe pattern they come from the fork's own run.
 *
 * Here beside the type (src/gates/verdict.ts) rather than in src/documents/, which the gates
 * import (the evaluation documents they read): a reader there would close a documents ↔ gates
 * cycle. It joins the other readers when the verdict's type moves to src/documents/.
 */
import schema from '../../schemas/verdict.schema.json' with { type: 'json' }
import type { VerdictDocument } from './verdict.js'
import { documentKind, readDocument, type ReadDocument } from '../documents/read-document.js'

export const VERDICT = documentKind<VerdictDocument>(schema, 'from `ml-gate gate --json` or the gate action')

/** Reads and validates a verdict document. @throws UserInputError at the first problem */
export function readVerdictDocument(file: string): Promise<ReadDocument<VerdictDocument>> {
  return readDocument(file, VERDICT)
}
