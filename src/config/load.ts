/**
 * Load ml-gate.yml: parse, validate against schemas/config.schema.json, apply defaults, resolve
 * paths. Every mistake a user can make in the file is one `UserInputError` at its line and column.
 */
import { dirname, isAbsolute, join } from 'node:path'
import schema from '../../schemas/config.schema.json' with { type: 'json' }
import { type SourceLocation, UserInputError } from '../errors.js'
import { outsideWorkspace, type Workspace } from '../io/workspace.js'
import { firstUnorderedEdge } from '../metrics/segmentation.js'
import { configuredBaselineFile } from './baseline.js'
import { compileSchema, type SchemaValidator } from './schema-validator.js'
import type { Config, ModelConfig, ReportConfig } from './types.js'
import {
  formatPath,
  type JsonPath,
  type LocationPart,
  parseYaml,
  readYamlFile,
  type YamlSource
} from './yaml-source.js'

export interface LoadedConfig {
  readonly config: Config
  /** The config file as given to `loadConfig`. */
  readonly file: string
  /** The directory of `file`, against which the config's relative paths were resolved. */
  readonly dir: string
  /**
   * Where the config says what is at `path` (a path into the config as written, e.g.
   * `['gates', 2, 'metric']`), so that later checks (an unknown metric name, a missing column)
   * can report the config line. See `YamlSource.locate`.
   */
  locate(path: JsonPath, part?: LocationPart): SourceLocation
}

/** What the schema guarantees, before the defaults that depend on the file are applied. */
type ValidatedConfig = Omit<Config, 'report'> & {
  readonly report: Omit<ReportConfig, 'comment_key'> & { readonly comment_key?: string }
}

let validateConfig: SchemaValidator<ValidatedConfig> | undefined

/**
 * Read, validate and complete the config file `file`.
 *
 * - Defaults come from the schema (`evaluation.confidence` 0.95, `gates[].severity` fail...);
 *   `report.comment_key` defaults to `file`.
 * - `data[].path`, `contract`, `reference`, `model.predictions`, `model.candidates[].predictions`,
 *   `model.baseline`, `report.output`, `monitor.logs` and a file `monitor.reference` are relative
 *   to the config's directory: they are joined to it (a config
 *   given as `examples/credit/ml-gate.yml` naming `data/train.csv` gives
 *   `examples/credit/data/train.csv`). Absolute paths are kept.
 * - Checked beyond the schema: bin edges are strictly increasing; `model.candidates` comes without
 *   `predictions` and with unique names.
 * - Not checked here: metric names and column names (the gates and metrics modules know them;
 *   they use `locate` to point at the config line).
 * - `options.workspace` (the actions pass `GITHUB_WORKSPACE`; the CLI passes nothing): every path
 *   above, once resolved, must lie inside it, symbolic links followed, unless the workspace allows
 *   outside paths (the action input `allow-outside-workspace`). There is deliberately no key for
 *   it in this file: a pull request can edit the config, but not the workflow of its base.
 *
 * @throws UserInputError for a missing file, invalid YAML, an empty file, or a config that does
 *   not match the schema, e.g.
 *   `ml-gate.yml:9:3: segments: unknown key 'min_suport' (did you mean 'min_support'?); allowed keys: columns, bins, cross, min_support`
 */
export async function loadConfig(file: string, options: LoadOptions = {}): Promise<LoadedConfig> {
  return configFromSource(await readYamlFile(file), options)
}

export interface LoadOptions {
  /** Where the config's paths must stay; absent: anywhere (the CLI). */
  readonly workspace?: Workspace
}

/** `loadConfig` for text already read; `file` is used for messages and to resolve paths. */
export function parseConfig(text: string, file: string, options: LoadOptions = {}): LoadedConfig {
  return configFromSource(parseYaml(text, file), options)
}

function configFromSource(source: YamlSource, options: LoadOptions): LoadedConfig {
  const { file } = source
  if (source.value === null) {
    throw new UserInputError('empty config: expected at least `version: 1`', source.locate([]))
  }
  validateConfig ??= compileSchema<ValidatedConfig>(schema)
  const validated = validateConfig(source)
  checkBinEdges(validated, source)
  checkCandidates(validated, source)
  const dir = dirname(file)
  const config = resolvePaths({ ...validated, report: { comment_key: file, ...validated.report } }, dir)
  if (options.workspace !== undefined) checkConfined(config, options.workspace, source)
  return { config, file, dir, locate: source.locate }
}

/** Every path of the config inside the workspace; the first one outside is the error. */
function checkConfined(config: Config, workspace: Workspace, source: YamlSource): void {
  const paths: [JsonPath, string | undefined][] = [
    ...config.data.flatMap((data, i) =>
      (['path', 'contract', 'reference'] as const).map((key): [JsonPath, string | undefined] => [
        ['data', i, key],
        data[key]
      ])
    ),
    [['model', 'predictions'], config.model?.predictions],
    ...(config.model?.candidates ?? []).map((c, i): [JsonPath, string] => [
      ['model', 'candidates', i, 'predictions'],
      c.predictions
    ]),
    [['model', 'baseline'], configuredBaselineFile(config.model)],
    [['report', 'output'], config.report.output],
    [['monitor', 'logs'], config.monitor?.logs],
    [['monitor', 'reference'], monitorReferenceFile(config)]
  ]
  for (const [path, value] of paths) {
    const outside = value === undefined ? null : outsideWorkspace(value, workspace)
    if (outside !== null) {
      throw new UserInputError(
        `${formatPath(path)}: ${outside}; in a workflow ml-gate reads and writes only inside the workspace. ` +
          "Set the action input 'allow-outside-workspace: true' in the workflow to allow it",
        source.locate(path)
      )
    }
  }
}

/**
 * `model.candidates` replaces `predictions` (both would leave it unclear which is gated), and its
 * names are unique (they name result files): what the schema does not say.
 */
function checkCandidates(config: ValidatedConfig, source: YamlSource): void {
  const candidates = config.model?.candidates
  if (candidates === undefined) return
  if (config.model!.predictions !== undefined) {
    throw new UserInputError(
      'model: both `predictions` and `candidates`; give one candidate as `predictions: FILE`, ' +
        'or several as `candidates: [{name, predictions}]`, not both',
      source.locate(['model', 'candidates'], 'key')
    )
  }
  const seen = new Map<string, number>()
  candidates.forEach(({ name }, i) => {
    const first = seen.get(name)
    if (first !== undefined) {
      const path = ['model', 'candidates', i, 'name']
      throw new UserInputError(
        `${formatPath(path)}: the candidate name '${name}' is already used by model.candidates[${first}]; ` +
          'names must be unique (each names its result file)',
        source.locate(path)
      )
    }
    seen.set(name, i)
  })
}

/** Bin edges must be strictly increasing: the schema cannot say so. */
function checkBinEdges(config: ValidatedConfig, source: YamlSource): void {
  for (const [column, edges] of Object.entries(config.segments?.bins ?? {})) {
    const i = firstUnorderedEdge(edges)
    if (i >= 0) {
      const path = ['segments', 'bins', column, i]
      throw new UserInputError(
        `${formatPath(path)}: bin edges must be strictly increasing, got ${edges[i]} after ${edges[i - 1]}`,
        source.locate(path)
      )
    }
  }
}

function resolvePaths(config: Config, dir: string): Config {
  return {
    ...config,
    data: config.data.map((data) => resolveKeys(data, ['path', 'contract', 'reference'], dir)),
    ...(config.model && { model: resolveModel(config.model, dir) }),
    report: resolveKeys(config.report, ['output'], dir),
    // A period reference is an object, which resolveKeys leaves alone; a file is joined.
    ...(config.monitor && { monitor: resolveKeys(config.monitor, ['logs', 'reference'], dir) })
  }
}

function monitorReferenceFile(config: Config): string | undefined {
  const reference = config.monitor?.reference
  return typeof reference === 'string' ? reference : undefined
}

function resolveModel(model: ModelConfig, dir: string): ModelConfig {
  const resolved = resolveKeys(model, ['predictions', 'baseline'], dir)
  const candidates = model.candidates?.map((c) => resolveKeys(c, ['predictions'], dir))
  return candidates === undefined ? resolved : { ...resolved, candidates }
}

/** A copy of `value` whose relative paths under `keys` are joined to `dir`. */
function resolveKeys<T extends object>(value: T, keys: readonly (keyof T)[], dir: string): T {
  const copy: { -readonly [K in keyof T]: T[K] } = { ...value }
  for (const key of keys) {
    const path = copy[key]
    if (typeof path === 'string' && !isAbsolute(path)) copy[key] = join(dir, path) as T[keyof T]
  }
  return copy
}
