import * as core from '@actions/core'
import type { ReportAnnotation } from '../report/annotations.js'

/** Emits annotations as workflow commands (`::error`, `::warning`, `::notice`) at their file and line. */
export function annotate(annotations: readonly ReportAnnotation[]): void {
  for (const a of annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.line }
    if (a.level === 'failure') core.error(a.message, properties)
    else if (a.level === 'warning') core.warning(a.message, properties)
    else core.notice(a.message, properties)
  }
}
