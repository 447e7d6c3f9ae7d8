import { join } from 'node:path'
import { renderEvaluationText } from '../report/evaluation.js'
import { renderReport, reportHeadline, SUMMARY_LIMITS } from '../report/pr-report.js'
import { renderValidationText } from '../report/validation.js'
import { renderVerdictText } from '../report/verdict-text.js'
import { reportStep } from '../steps/report.js'
import { runStep } from '../steps/run.js'
import { parseCandidates } from '../steps/candidate-list.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { progressReporter } from './progress.js'
import { writeJson, writeOutput } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate run [--config ml-gate.yml] [--output DIR] [--markdown FILE]
                   [--candidate FILE | --candidate NAME=FILE ...] [--baseline FILE]
                   [--json OUT]

Runs what ml-gate.yml describes, as the root action does in CI: validates every dataset
(contract and drift), evaluates the candidate and the baseline, gates the candidate, and
renders the report. Every result document is written to one folder; nothing is uploaded.

  --config FILE     the config (default ml-gate.yml)
  --output DIR      folder for the result documents (default: the config's report.output,
                    ml-gate-results next to the config)
  --markdown FILE   where the markdown report goes (default DIR/report.md)
  --candidate FILE  the candidate's predictions (evaluated with the config's model and segments)
                    or its ml-gate/evaluation@1 JSON document (default: model.predictions or
                    model.candidates; one of them is required when the config has a model)
  --candidate NAME=FILE
                    repeatable: several named candidates instead (overrides model.candidates),
                    each gated, the best that passes picked by the config's select
  --baseline FILE   the baseline's, likewise (default: model.baseline; none: change gates
                    are skipped, or fail with on_missing_baseline: fail; a baseline
                    artifact in the config is fetched only by the actions: give its file here)
  --json OUT        also write the ml-gate/verdict@1 document to OUT ('-' for stdout, and
                    nothing else there)

The last line is the verdict, as the root action's job has it: data that fails its contract
(under its fail_on) fails it whatever the gates say.

Exit codes: 0 the gate passed (or only warned), 1 a dataset or the gate failed, 2 bad input.
`

export const runCommand: Command = {
  name: 'run',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'run',
      args,
      {
        config: { type: 'string' },
        output: { type: 'string' },
        markdown: { type: 'string' },
        candidate: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        json: { type: 'string' }
      },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    const configFile = values.config ?? 'ml-gate.yml'
    // With `--json -`, stdout is the verdict document alone.
    const text = values.json === '-' ? () => undefined : (line: string) => console.stdout(logText(line))
    const progress = progressReporter(console)
    const result = await runStep({
      config: configFile,
      modelRequiredBy: values.json === undefined ? undefined : 'ml-gate run: --json writes the verdict',
      output: values.output,
      ...parseCandidates(values.candidate ?? [], (i) => `--candidate '${values.candidate![i]}'`),
      baseline: values.baseline,
      now: new Date(),
      progress: progress.update
    }).finally(progress.done)

    for (const { document } of result.validations) text(`${renderValidationText(document)}\n`)
    if (result.candidate) text(`${renderEvaluationText(result.candidate.document)}\n`)
    for (const { name, document } of result.candidates) text(`${name}: ${renderEvaluationText(document)}\n`)
    if (result.verdict) text(`${renderVerdictText(result.verdict.document)}\n`)

    const { content, verdict, code } = await reportStep({
      results: result.output,
      config: configFile,
      commit: null
    })
    const markdown = values.markdown ?? join(result.output, 'report.md')
    await writeOutput(markdown, renderReport(content, SUMMARY_LIMITS), console)
    text(`Result documents in ${result.output}/; the markdown report is ${markdown}.\n`)
    // The report's verdict, as the root action's job would have it: data failures included.
    text(`ml-gate: ${verdict} — ${reportHeadline(content)}\n`)
    if (values.json !== undefined && result.verdict)
      await writeJson(values.json, result.verdict.document, console)
    return code
  }
}
