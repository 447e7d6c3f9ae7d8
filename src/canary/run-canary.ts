/**
 * A canary judged end to end: the config checked, both outcome logs evaluated with the config's
 * model and segments, the gates judged with the canary as the candidate and the control as the
 * baseline, never paired, the continuous outcomes compared, and the decision taken
 * (`decision.ts`).
 *
 * Never paired: the canary and the control served different users, so even with `model.id` no row
 * of one log is matched with a row of the other; the logs are evaluated without the id, every
 * change has the unpaired interval (`quantity.ts`), and the document says so.
 */
import { DEFAULT_MIN_SUPPORT, evaluateSettingsFromConfig } from '../config/evaluate-settings.js'
import type { LoadedConfig } from '../config/load.js'
import { formatPath } from '../config/yaml-source.js'
import { UserInputError } from '../errors.js'
import { evaluatePredictions, type Evaluation } from '../evaluation/evaluate.js'
import { checkGates, checkSegmentKeys } from '../gates/check-gates.js'
import { judgeGates } from '../gates/judge.js'
import { resultsFromEvaluation } from '../gates/model-results.js'
import { unpairedModels } from '../gates/pairing.js'
import { verdictDocument } from '../gates/verdict-document.js'
import type { VerdictDocument } from '../gates/verdict.js'
import type { CanaryDocument } from './canary-document.js'
import { decideCanary } from './decision.js'
import { judgeOutcome } from './outcome.js'
import { readOutcomeValues } from './outcome-values.js'

export const CANARY_PAIRING =
  'unpaired by design: the canary and the control served different users, so no row is matched ' +
  '(not even by model.id); every change uses the unpaired interval (normal approximation from each ' +
  "log's own interval)"

export interface CanaryOptions {
  readonly config: LoadedConfig
  /** The control's outcome log (the current model on live traffic). */
  readonly control: string
  /** The canary's (the new model). */
  readonly canary: string
  /** Today, for waiver expiry. */
  readonly now: Date
}

/**
 * Judges the canary of `options` and returns its `ml-gate/canary@1` document.
 * @throws UserInputError for a config mistake (at its line: `checkCanaryConfig`, `checkGates`), a
 *   log that cannot be read or evaluated (at its line), and an outcome column that is missing or
 *   not numeric
 */
export async function runCanary(options: CanaryOptions): Promise<CanaryDocument> {
  const loaded = options.config
  const { config } = loaded
  checkCanaryConfig(loaded)
  const outcomes = config.canary?.outcomes ?? []
  let gates: VerdictDocument | null = null
  let evaluated: { control: Evaluation; canary: Evaluation } | null = null
  if (config.gates.length > 0) {
    const settings = evaluateSettingsFromConfig(config)
    const unkeyed = { ...settings, model: { ...settings.model, id: undefined } }
    const control = await evaluatePredictions(options.control, unkeyed)
    const canary = await evaluatePredictions(options.canary, unkeyed)
    evaluated = { control, canary }
    const paired = unpairedModels(
      { results: resultsFromEvaluation(canary), rows: canary.rows },
      { results: resultsFromEvaluation(control), rows: control.rows },
      CANARY_PAIRING
    )
    checkSegmentKeys(loaded, paired.candidate)
    const results = judgeGates({
      config,
      candidate: paired.candidate,
      baseline: paired.baseline,
      now: options.now
    })
    gates = verdictDocument({
      config,
      results,
      candidate: canary.file,
      baseline: control.file,
      pairing: paired.pairing,
      now: options.now
    })
  }
  const controlValues = await readOutcomeValues(options.control, outcomes)
  const canaryValues = await readOutcomeValues(options.canary, outcomes)
  const minSupport = config.segments?.min_support ?? DEFAULT_MIN_SUPPORT
  const confidence = config.evaluation.confidence
  const judged = outcomes.map((outcome, i) =>
    judgeOutcome(outcome, canaryValues[i], controlValues[i], confidence, minSupport)
  )
  const controlSegments = evaluated?.control.segments
  const decided = decideCanary(gates, judged, (key) => controlSegments?.get(key)?.rows ?? null)
  const rows = (evaluation: Evaluation | undefined, values: typeof canaryValues): number =>
    evaluation?.rows ?? values[0].values.length + values[0].missing
  return {
    schema: 'ml-gate/canary@1',
    decision: decided.decision,
    headline: decided.headline,
    reasons: decided.reasons,
    control: {
      file: evaluated?.control.file ?? options.control,
      rows: rows(evaluated?.control, controlValues)
    },
    canary: { file: evaluated?.canary.file ?? options.canary, rows: rows(evaluated?.canary, canaryValues) },
    paired: false,
    confidence,
    gates,
    outcomes: judged,
    traffic: decided.traffic
  }
}

/**
 * What the schema cannot check about a canary's config, before any log is read: something to
 * judge, the gates (`checkGates`), and each outcome column named once.
 * @throws UserInputError at the config line
 */
export function checkCanaryConfig(loaded: LoadedConfig): void {
  const { config } = loaded
  const outcomes = config.canary?.outcomes ?? []
  if (config.gates.length === 0 && outcomes.length === 0) {
    const at = config.canary === undefined ? [] : ['canary']
    throw new UserInputError(
      `${config.canary === undefined ? 'config' : 'canary'}: nothing to judge a canary by: the config has ` +
        'no gates and no canary.outcomes; add gates (judged on the logs per segment) or ' +
        '`canary: { outcomes: [{ column, better, max_shift }] }`',
      loaded.locate(at, 'key')
    )
  }
  checkGates(loaded)
  outcomes.forEach((outcome, i) => {
    const first = outcomes.findIndex((o) => o.column === outcome.column)
    if (first < i) {
      const path = ['canary', 'outcomes', i, 'column']
      throw new UserInputError(
        `${formatPath(path)}: the column '${outcome.column}' is already an outcome (canary.outcomes[${first}]); ` +
          'name each outcome column once',
        loaded.locate(path)
      )
    }
  })
}
