/**
 * `ml-gate/verdict@1` documents (schemas/verdict.schema.json), read back by the report: in the
 * fork-safe pattern they come from the fork's own run.
 *
 * The type still lives beside the code that writes it (src/gates/verdict.ts) while other changes
 * to it are merged; this module only imports it.
 */
import schema from '../../schemas/verdict.schema.json' with { type: 'json' }
import type { VerdictDocument } from '../gates/verdict.js'
import { documentKind, readDocument, type ReadDocument } from './read-document.js'

export const VERDICT = documentKind<VerdictDocument>(schema, 'from `ml-gate gate --json` or the gate action')

/** Reads and validates a verdict document. @throws UserInputError at the first problem */
export function readVerdictDocument(file: string): Promise<ReadDocument<VerdictDocument>> {
  return readDocument(file, VERDICT)
}
