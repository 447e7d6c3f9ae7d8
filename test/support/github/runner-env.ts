/**
 * What a GitHub-hosted runner gives a JavaScript action, for running a bundled action
 * (`dist/<name>/index.js`) as a child process against the fake GitHub API, and reading back what
 * it did: exit code, outputs (`GITHUB_OUTPUT`), job summary (`GITHUB_STEP_SUMMARY`) and the
 * workflow commands it printed (`::error file=…,line=…::message`).
 *
 * ```ts
 * const event = pullRequestEvent('opened', { owner: 'octo-org', repo: 'credit-model', pullNumber: 1 })
 * const run = await runAction('dist/report/index.js', { github, event, inputs: { config: 'ml-gate.yml' } })
 * expect(run.code).toBe(0)
 * expect(run.outputs.verdict).toBe('pass')
 * ```
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { bundle } from '../dist.js'
import { DEFAULT_HEAD_SHA, type WorkflowEvent } from './webhook-events.js'

/** The API the action talks to: a `FakeGitHub` fits. */
export interface ApiTarget {
  readonly url: string
  readonly state: { readonly owner: string; readonly repo: string }
}

export interface RunnerOptions {
  readonly github: ApiTarget
  /** Inputs by name as written in `with:` (`pr-number`, `config`…). */
  readonly inputs?: Readonly<Record<string, string>>
  /** Default: a `workflow_dispatch` with an empty payload. */
  readonly event?: WorkflowEvent
  /** Extra or overriding environment variables. */
  readonly env?: Readonly<Record<string, string>>
  /**
   * An `action.yml` whose input defaults the runner fills in for inputs not given, as the real
   * runner does; `${{ github.token }}` becomes `token`.
   */
  readonly actionYml?: string
  /** The token `${{ github.token }}` stands for. Default `ghs_fake_installation_token`. */
  readonly token?: string
  /** The workspace (`GITHUB_WORKSPACE`, the action's cwd). Default: an empty folder in the temp dir. */
  readonly workspace?: string
}

/** A prepared runner: the files and the environment of one step. */
export interface RunnerEnvironment {
  readonly dir: string
  readonly env: Readonly<Record<string, string>>
  readonly files: {
    readonly event: string
    readonly output: string
    readonly summary: string
    readonly state: string
    readonly envFile: string
    readonly path: string
  }
  /** Removes the temp dir. */
  cleanup(): void
}

/** A workflow command printed on stdout: `::name key=value,…::message`. */
export interface WorkflowCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

/** An `::error`, `::warning` or `::notice` annotation, with its properties decoded. */
export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly message: string
  readonly file?: string
  readonly line?: number
  readonly endLine?: number
  readonly col?: number
  readonly endColumn?: number
  readonly title?: string
}

export interface ActionRun {
  /** The exit code; `null` when the process was killed (timeout). */
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** What the action wrote to `GITHUB_OUTPUT`. */
  readonly outputs: Readonly<Record<string, string>>
  /** The content of `GITHUB_STEP_SUMMARY`. */
  readonly summary: string
  readonly annotations: readonly Annotation[]
  /** Every workflow command, annotations included, in order. */
  readonly commands: readonly WorkflowCommand[]
}

/**
 * The runner's environment variable for an input: `INPUT_` + the name upper-cased with spaces as
 * `_`. Dashes stay (`pr-number` -> `INPUT_PR-NUMBER`), as the runner and `core.getInput` do.
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Writes the runner's files for one step and builds its environment. */
export function prepareRunner(options: RunnerOptions): RunnerEnvironment {
  const dir = mkdtempSync(join(tmpdir(), 'ml-gate-runner-'))
  const temp = join(dir, '_temp')
  const commands = join(temp, '_runner_file_commands')
  mkdirSync(commands, { recursive: true })
  const workspace = options.workspace ?? join(dir, 'workspace')
  mkdirSync(workspace, { recursive: true })
  const files = {
    event: join(dir, 'event.json'),
    output: join(commands, 'set_output'),
    summary: join(commands, 'step_summary'),
    state: join(commands, 'save_state'),
    envFile: join(commands, 'set_env'),
    path: join(commands, 'add_path')
  }
  const event = options.event ?? { name: 'workflow_dispatch', payload: {} }
  writeFileSync(files.event, JSON.stringify(event.payload, null, 2))
  for (const file of [files.output, files.summary, files.state, files.envFile, files.path])
    writeFileSync(file, '')

  const { owner, repo } = options.github.state
  const token = options.token ?? 'ghs_fake_installation_token'
  const pull = event.payload.pull_request as
    { number: number; head: { ref: string; sha: string }; base: { ref: string } } | undefined
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.github.url,
    GITHUB_GRAPHQL_URL: `${options.github.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    // A pull_request run checks out the merge of head into base: refs/pull/N/merge.
    GITHUB_SHA: pull?.head.sha ?? DEFAULT_HEAD_SHA,
    GITHUB_REF: pull === undefined ? 'refs/heads/main' : `refs/pull/${pull.number}/merge`,
    GITHUB_HEAD_REF: pull?.head.ref ?? '',
    GITHUB_BASE_REF: pull?.base.ref ?? '',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'model',
    GITHUB_JOB: 'gate',
    GITHUB_ACTION: '__ml-gate',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '3',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.envFile,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64'
  }
  const inputs = { ...inputDefaults(options.actionYml, token), ...options.inputs }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  Object.assign(env, options.env)
  return { dir, env, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The input defaults of an action.yml, `${{ github.token }}` replaced by the token. */
export function inputDefaults(actionYml: string | undefined, token: string): Record<string, string> {
  if (actionYml === undefined) return {}
  const action = parseYaml(readFileSync(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input.default === undefined) continue
    const text = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
    if (text.includes('${{'))
      throw new Error(`${actionYml}: input ${name}: runner-env cannot evaluate ${text}`)
    defaults[name] = text
  }
  return defaults
}

/**
 * How `@github/local-action` runs an action: it imports the entry module, then calls its exported
 * `run()` (`call: false` only imports it). The bundle's path comes in `ML_GATE_BUNDLE`.
 */
const importer = (call: boolean): string =>
  "const { pathToFileURL } = await import('node:url'); " +
  'const entry = await import(pathToFileURL(process.env.ML_GATE_BUNDLE).href); ' +
  (call ? 'await entry.run()' : "if (typeof entry.run !== 'function') process.exitCode = 3")

/**
 * Runs a bundled action as the runner does (`node <bundle>` in the workspace), or as
 * `@github/local-action` does (`start: 'import'`: import it and call `run()`; `'import-only'`: only
 * import it), and collects what it wrote. The child is killed after `timeoutMs` (default 20 s;
 * `code` is then `null`).
 */
export async function runAction(
  bundlePath: string,
  options: RunnerOptions & {
    readonly timeoutMs?: number
    readonly start?: 'script' | 'import' | 'import-only'
  }
): Promise<ActionRun> {
  const runner = prepareRunner(options)
  try {
    const script = resolve(bundle(bundlePath))
    const start = options.start ?? 'script'
    const args = start === 'script' ? [script] : ['--input-type=module', '-e', importer(start === 'import')]
    const child = spawn(process.execPath, args, {
      cwd: runner.env.GITHUB_WORKSPACE,
      env: { ...runner.env, ML_GATE_BUNDLE: script },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000)
    const code = await new Promise<number | null>((done, fail) => {
      child.on('error', fail)
      child.on('close', (exitCode) => done(exitCode))
    }).finally(() => clearTimeout(timer))
    const commands = parseWorkflowCommands(stdout)
    return {
      code,
      stdout,
      stderr,
      outputs: parseFileCommand(readFileSync(runner.files.output, 'utf8')),
      summary: readFileSync(runner.files.summary, 'utf8'),
      annotations: annotationsOf(commands),
      commands
    }
  } finally {
    runner.cleanup()
  }
}

/**
 * Parses a file command (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`): `name=value` lines and
 * the heredoc form `name<<DELIMITER` … `DELIMITER` that `@actions/core` writes. Later values win,
 * as on the runner.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const equals = line.indexOf('=')
    if (heredoc !== null && (equals < 0 || heredoc[1].length < equals)) {
      const end = lines.indexOf(heredoc[2], i + 1)
      if (end < 0) throw new Error(`file command: no closing delimiter ${heredoc[2]} for ${heredoc[1]}`)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1)
    } else {
      throw new Error(`file command: line ${i + 1} is neither name=value nor name<<DELIMITER: ${line}`)
    }
  }
  return values
}

/** Workflow commands on stdout (`::name k=v,…::message`), with the runner's escapes decoded. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (match === null) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0) properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), true)
    }
    commands.push({ command: match[1], properties, message: unescape(match[3], false) })
  }
  return commands
}

function annotationsOf(commands: readonly WorkflowCommand[]): Annotation[] {
  const levels = new Set(['error', 'warning', 'notice'])
  return commands
    .filter((c) => levels.has(c.command))
    .map(({ command, properties: p, message }) => {
      const number = (key: string) => (p[key] === undefined ? {} : { [key]: Number(p[key]) })
      return {
        level: command as Annotation['level'],
        message,
        ...(p.file === undefined ? {} : { file: p.file }),
        ...(p.title === undefined ? {} : { title: p.title }),
        ...number('line'),
        ...number('endLine'),
        ...number('col'),
        ...number('endColumn')
      }
    })
}

/** The runner's escapes: `%25 %0D %0A` in messages, also `%3A %2C` in properties. */
function unescape(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n')
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',')
  return out.replace(/%25/g, '%')
}
