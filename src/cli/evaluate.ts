import { EVALUATE_OPTIONS } from '../config/evaluate-options.js'
import { ExitCode, UserInputError } from '../errors.js'
import { parseShard } from '../io/partition.js'
import { DEFAULT_MIN_SUPPORT } from '../config/evaluate-settings.js'
import { renderEvaluationText } from '../report/evaluation.js'
import { evaluateShardStep, evaluateStep } from '../steps/evaluate.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'
import { READ_OPTIONS_USAGE, readOptionFlags, readOptionsFromArgs } from './read-options.js'
import { writeJson, writeState } from './write-output.js'
import { logText } from '../text/log-text.js'

const usage = `Usage: ml-gate evaluate --predictions FILE --task binary|multiclass|regression --label COL
                        [--score COL | --score-prefix P | --prediction COL] [--positive LABEL]
                        [--threshold T] [--weight COL] [--id COL] [--segment COL]...
                        [--bins COL=e1,e2,...]... [--cross COL,COL]... [--min-support N]
                        [--confidence C] [--bootstrap B] [--seed S] [--config ml-gate.yml]
                        [--shard K/N] [--json OUT] [read options]

Computes every metric of the task, overall and per segment, with confidence intervals
(Wilson for proportions, DeLong for ROC AUC, a seeded bootstrap for the rest).

  --predictions FILE   predictions with a label column (default with --config: model.predictions)
  --task T             binary | multiclass | regression
  --label COL          the true label
  --score COL          binary: probability of the positive class
  --score-prefix P     multiclass: probability columns are named P<class> (default score_)
  --prediction COL     multiclass: predicted class; regression: predicted value
  --positive LABEL     binary: the positive label (default 1)
  --threshold T        binary: predicted positive when score >= T (default 0.5)
  --weight COL         sample weights, honoured by every metric: 0 or in [1e-50, 1e50]
  --id COL             row id; keys the bootstrap so two models can be compared pairwise
  --segment COL        segment by the values of COL (repeatable)
  --bins COL=E,...     segment numeric COL into left-closed bins [E1,E2), ... (repeatable)
  --cross A,B          segment by every combination of A and B (repeatable)
  --min-support N      segments with fewer rows are flagged insufficient (default ${DEFAULT_MIN_SUPPORT})
  --confidence C       interval confidence level (default 0.95)
  --bootstrap B        bootstrap replicates (default 1000)
  --seed S             bootstrap seed (default 42)
  --config FILE        take the settings from ml-gate.yml; flags override them
  --predictions GLOB   several files (quote the glob): evaluated as one input, each file's rows keyed
                       by its place in the sorted list
  --shard K/N          evaluate only shard K of N and write its ml-gate/evaluation-state@1 to --json
                       (merge them with 'ml-gate merge'): with a glob every Nth file, with one CSV or
                       JSON Lines file a byte range aligned to records
  --json OUT           also write the ml-gate/evaluation@1 document to OUT ('-' for stdout)
${READ_OPTIONS_USAGE}`

const flags = {
  predictions: { type: 'string' },
  ...EVALUATE_OPTIONS,
  config: { type: 'string' },
  shard: { type: 'string' },
  json: { type: 'string' },
  ...readOptionFlags
} as const

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage,
  async run(args, console) {
    const { values } = parseCommandArgs('evaluate', args, flags, {
      min: 0,
      max: 0,
      names: 'no positional arguments'
    })
    const request = {
      config: values.config,
      predictions: values.predictions,
      options: values,
      optionName: (option: string) => `--${option}`,
      noPredictions: 'ml-gate evaluate: --predictions FILE is required',
      read: readOptionsFromArgs(values)
    }
    if (values.shard !== undefined) {
      const shard = parseShard(values.shard, '--shard')
      if (values.json === undefined) {
        throw new UserInputError(
          'ml-gate evaluate: --shard needs --json OUT, where the shard state is written'
        )
      }
      const { state, stated } = await evaluateShardStep(request, shard)
      if (values.json !== '-') console.stdout(logText(`${stated}\n`))
      await writeState(values.json, state, console)
      return ExitCode.Pass
    }
    const { document } = await evaluateStep(request)
    if (values.json !== '-') console.stdout(logText(renderEvaluationText(document)))
    if (values.json !== undefined) await writeJson(values.json, document, console)
    return ExitCode.Pass
  }
}
