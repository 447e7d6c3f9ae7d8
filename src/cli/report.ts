import { existsSync } from 'node:fs'
import { renderReport, SUMMARY_LIMITS } from '../report/pr-report.js'
import { RESULT_FILES } from '../report/result-files.js'
import { reportStep } from '../steps/report.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeOutput } from './write-output.js'

const usage = `Usage: ml-gate report [--results DIR] [--markdown OUT] [--config FILE]

Renders the report the report action posts on a pull request and in the job summary, from
the result documents in DIR (verdict.json, evaluation-*.json, validation*.json), without
talking to GitHub.

  --results DIR    the results folder (default ${RESULT_FILES.folder})
  --markdown OUT   write the markdown to OUT instead of stdout ('-' for stdout)
  --config FILE    the config, listed with its sha256 in the audit trail (default ml-gate.yml
                   when it exists)

Exit code: 1 when the verdict is fail, as in the job.`

export const reportCommand: Command = {
  name: 'report',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'report',
      args,
      { results: { type: 'string' }, markdown: { type: 'string' }, config: { type: 'string' } },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    const { content, code } = await reportStep({
      results: values.results ?? RESULT_FILES.folder,
      config: values.config ?? (existsSync('ml-gate.yml') ? 'ml-gate.yml' : null),
      commit: console.env.GITHUB_SHA ?? null
    })
    await writeOutput(values.markdown ?? '-', renderReport(content, SUMMARY_LIMITS), console)
    return code
  }
}
