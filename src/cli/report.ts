import { existsSync } from 'node:fs'
import { UserInputError } from '../errors.js'
import { commentBody } from '../report/comment-body.js'
import { renderReport, SUMMARY_LIMITS } from '../report/pr-report.js'
import { RESULT_FILES } from '../documents/result-names.js'
import { runUrlOf } from '../report/run-url.js'
import { reportStep } from '../steps/report.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { writeOutput } from './write-output.js'

const usage = `Usage: ml-gate report [--results DIR] [--markdown OUT] [--config FILE] [--comment [--comment-key KEY]]

Renders the report the report action writes to the job summary, from the result documents in
DIR (verdict.json, evaluation-*.json, validation*.json), without talking to GitHub.

  --results DIR      the results folder (default ${RESULT_FILES.folder})
  --markdown OUT     write the markdown to OUT instead of stdout ('-' for stdout)
  --config FILE      the config, listed with its sha256 in the audit trail (default ml-gate.yml
                     when it exists)
  --comment          render the pull request comment instead, exactly the body the action posts
                     on a first run: fitted to GitHub's 65,536 characters, with its hidden marker
                     (the commit is GITHUB_SHA, the run's link from GITHUB_SERVER_URL,
                     GITHUB_REPOSITORY and GITHUB_RUN_ID when they are set)
  --comment-key KEY  the action's comment-key input (default: the config's path, ml-gate.yml)

Exit code: 1 when the verdict is fail, as in the job.`

export const reportCommand: Command = {
  name: 'report',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs(
      'report',
      args,
      {
        results: { type: 'string' },
        markdown: { type: 'string' },
        config: { type: 'string' },
        comment: { type: 'boolean' },
        'comment-key': { type: 'string' }
      },
      { min: 0, max: 0, names: 'no positional arguments' }
    )
    if (values['comment-key'] !== undefined && values.comment !== true) {
      throw new UserInputError("ml-gate report: --comment-key is for --comment; see 'ml-gate report --help'")
    }
    const config = values.config ?? 'ml-gate.yml'
    const { content, code } = await reportStep({
      results: values.results ?? RESULT_FILES.folder,
      config: values.config ?? (existsSync(config) ? config : null),
      commit: console.env.GITHUB_SHA ?? null
    })
    const markdown =
      values.comment === true
        ? commentBody(content, {
            key: values['comment-key'] ?? config,
            previousBody: null,
            commit: console.env.GITHUB_SHA ?? null,
            runUrl: runUrlOf(console.env)
          })
        : renderReport(content, SUMMARY_LIMITS)
    await writeOutput(values.markdown ?? '-', markdown, console)
    return code
  }
}
