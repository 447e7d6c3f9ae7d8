/**
 * The baseline that finds itself: the results folder a run of the base branch uploaded as an
 * Actions artifact, at the pull request's merge base (or, by `fallback: latest`, the newest run of
 * the base branch before it), downloaded, unpacked and its candidate's evaluation document kept.
 *
 * Trust: only artifacts of the base repository's own runs on the base branch are taken
 * (`workflow_run.head_repository_id` equal to `repository_id`, `head_branch` the base branch): a
 * fork's pull request runs in the base repository and can upload an artifact of the same name.
 *
 * Every way of not finding one (none uploaded, expired, no run at the merge base, a token without
 * `actions: read`, a 404, a zip that is too large or names a path outside its folder) is a
 * `missing` reason saying which and what to fix, never a thrown error: the change gates then
 * behave as without a baseline. A document that is found but invalid is bad input (`runGate`
 * reads it, its path names the artifact and the run).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { candidateResultFile, RESULT_FILES, RESULT_NAME } from '../documents/result-names.js'
import { messageOf, statusOf } from './api-errors.js'
import type { BaselineFallback } from './baseline-fallback.js'
import type { GitHubClient } from './octokit.js'

/** Bounds on what is downloaded and unpacked (a results folder is JSON documents). */
export interface ZipLimits {
  /** The artifact's zip, in bytes. Default 256 MiB. */
  readonly zipBytes: number
  /** One unpacked document, in bytes. Default 512 MiB. */
  readonly entryBytes: number
  /** Entries of the zip. Default 10,000. */
  readonly entries: number
}

const DEFAULT_ZIP_LIMITS: ZipLimits = {
  zipBytes: 256 * 1024 * 1024,
  entryBytes: 512 * 1024 * 1024,
  entries: 10_000
}

/** Runs of the base branch older than the merge base checked for being its ancestor, at most. */
const MAX_ANCESTOR_CHECKS = 10
/** Pages of the artifacts list read at most (of `perPage`), newest first. */
const MAX_PAGES = 10

export interface BaselineLookup {
  /** The base repository (`GITHUB_REPOSITORY`, also for fork pull requests). */
  readonly owner: string
  readonly repo: string
  readonly artifact: string
  readonly fallback: BaselineFallback
  /** The pull request's base branch (`pull_request.base.ref`). */
  readonly baseBranch: string
  /** The pull request's head commit. */
  readonly headSha: string
  /** A new folder is made inside it for the unpacked document (the runner's `RUNNER_TEMP`). */
  readonly tempDir: string
  /** Default `DEFAULT_ZIP_LIMITS`. */
  readonly limits?: ZipLimits
  /** Artifacts per page of the list, default 100 (GitHub's maximum). */
  readonly perPage?: number
  /** The `fetch` the blob is downloaded with (default the global one). */
  readonly fetch?: typeof fetch
}

export type BaselineLookupResult =
  | {
      readonly found: true
      /** The baseline's evaluation document, unpacked. */
      readonly file: string
      /** Where it came from, in words (the verdict's `baseline_source`). */
      readonly source: string
    }
  | { readonly found: false; readonly missing: string }

/** An artifact as the list answers it, the fields used here. */
interface Artifact {
  readonly id: number
  readonly name: string
  readonly size_in_bytes: number
  readonly expired: boolean
  readonly created_at: string | null
  readonly workflow_run?: {
    readonly id?: number
    readonly repository_id?: number
    readonly head_repository_id?: number
    readonly head_branch?: string
    readonly head_sha?: string
  } | null
}

/** An artifact chosen, with the words that say why it is the baseline. */
interface Chosen {
  readonly artifact: Artifact
  readonly runId: number
  readonly sha: string
  readonly why: string
}

/** A reason the baseline is missing, carried up to the lookup's result. */
class Missing extends Error {}

/**
 * Finds, downloads and unpacks the baseline artifact of a pull request (module comment).
 *
 * Requests: `GET /repos/{o}/{r}/compare/{base}...{head}` (the merge base), `GET
 * /repos/{o}/{r}/actions/artifacts?name=NAME` (paginated, newest first), for the fallback one
 * compare `{merge base}...{sha}` per older run (status `behind` or `identical`: an ancestor), then
 * `GET /repos/{o}/{r}/actions/artifacts/{id}/zip`, whose 302 points at a signed blob URL fetched
 * without the token (the URL is the credential; blob stores refuse a second one).
 */
export async function findBaselineArtifact(
  client: GitHubClient,
  lookup: BaselineLookup
): Promise<BaselineLookupResult> {
  try {
    const mergeBase = await findMergeBase(client, lookup)
    const chosen = await chooseArtifact(client, lookup, mergeBase)
    const label = `artifact '${lookup.artifact}' of run ${chosen.runId}`
    const zip = await download(client, lookup, chosen, label)
    const file = await unpackBaseline(zip, lookup, chosen, label)
    return {
      found: true,
      file,
      source: `artifact ${lookup.artifact} of run ${chosen.runId} at ${short(chosen.sha)}, ${chosen.why}`
    }
  } catch (error) {
    if (error instanceof Missing) return { found: false, missing: error.message }
    throw error
  }
}

async function findMergeBase(client: GitHubClient, lookup: BaselineLookup): Promise<string> {
  const basehead = `${lookup.baseBranch}...${lookup.headSha}`
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      owner: lookup.owner,
      repo: lookup.repo,
      basehead,
      per_page: 1
    })
    return data.merge_base_commit.sha
  } catch (error) {
    throw apiMissing(
      error,
      `find the merge base of ${lookup.baseBranch} and ${short(lookup.headSha)}`,
      lookup,
      'contents'
    )
  }
}

/** The artifact at the merge base, else (fallback `latest`) the newest ancestor's. */
async function chooseArtifact(
  client: GitHubClient,
  lookup: BaselineLookup,
  mergeBase: string
): Promise<Chosen> {
  const named: Artifact[] = []
  try {
    let pages = 0
    for await (const page of client.paginate.iterator(client.rest.actions.listArtifactsForRepo, {
      owner: lookup.owner,
      repo: lookup.repo,
      name: lookup.artifact,
      per_page: lookup.perPage ?? 100
    })) {
      const artifacts: readonly Artifact[] = page.data
      for (const artifact of artifacts) named.push(artifact)
      if (named.some((a) => usable(a, lookup) && a.workflow_run?.head_sha === mergeBase)) break
      if (++pages >= MAX_PAGES) break
    }
  } catch (error) {
    throw apiMissing(error, `list the artifacts named '${lookup.artifact}'`, lookup, 'actions')
  }
  const where = `${lookup.owner}/${lookup.repo}`
  const ours = named.filter((a) => a.name === lookup.artifact && ownRun(a, lookup))
  if (ours.length === 0) {
    const others = named.length === 0 ? '' : ` (${named.length} from other branches or forks, not trusted)`
    throw new Missing(
      `no artifact named '${lookup.artifact}' from a run of ${lookup.baseBranch} in ${where}${others}: ` +
        `upload the results folder under this name on every push to ${lookup.baseBranch} (examples/workflows/baseline.yml)`
    )
  }
  const live = newestFirst(ours.filter((a) => !a.expired))
  if (live.length === 0) {
    throw new Missing(
      `every artifact named '${lookup.artifact}' from ${lookup.baseBranch} has expired (${ours.length}): ` +
        `run the baseline workflow on ${lookup.baseBranch} again, or keep the artifact longer (retention-days)`
    )
  }
  const exact = live.find((a) => a.workflow_run?.head_sha === mergeBase)
  if (exact !== undefined) return chosen(exact, 'the merge base')
  const atMergeBase = `no artifact '${lookup.artifact}' from a run of ${lookup.baseBranch} at the merge base ${short(mergeBase)}`
  if (lookup.fallback === 'none') {
    throw new Missing(
      `${atMergeBase} (baseline-fallback: none; ${live.length} from other commits): run the baseline workflow ` +
        'at that commit, or set baseline-fallback: latest to take the newest run before it'
    )
  }
  const checked = new Set<string>()
  for (const artifact of live) {
    const sha = artifact.workflow_run?.head_sha ?? ''
    if (checked.has(sha)) continue
    if (checked.size >= MAX_ANCESTOR_CHECKS) break
    checked.add(sha)
    if (await isAncestor(client, lookup, sha, mergeBase)) {
      return chosen(
        artifact,
        `the newest run of ${lookup.baseBranch} before the merge base ${short(mergeBase)}, which has none of its own`
      )
    }
  }
  throw new Missing(
    `${atMergeBase} nor at an ancestor of it (checked the ${checked.size} newest commits with one): ` +
      `run the baseline workflow on ${lookup.baseBranch}`
  )
}

function chosen(artifact: Artifact, why: string): Chosen {
  return { artifact, runId: artifact.workflow_run?.id ?? 0, sha: artifact.workflow_run?.head_sha ?? '', why }
}

/** A run of the base repository itself (not a fork's pull request) on the base branch. */
function ownRun(artifact: Artifact, lookup: BaselineLookup): boolean {
  const run = artifact.workflow_run
  return (
    run != null &&
    run.repository_id !== undefined &&
    run.repository_id === run.head_repository_id &&
    run.head_branch === lookup.baseBranch &&
    typeof run.head_sha === 'string' &&
    typeof run.id === 'number'
  )
}

function usable(artifact: Artifact, lookup: BaselineLookup): boolean {
  return artifact.name === lookup.artifact && !artifact.expired && ownRun(artifact, lookup)
}

function newestFirst(artifacts: readonly Artifact[]): Artifact[] {
  return [...artifacts].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id)
}

/** `sha` is `mergeBase` or one of its ancestors: compare `mergeBase...sha` is `behind` or `identical`. */
async function isAncestor(
  client: GitHubClient,
  lookup: BaselineLookup,
  sha: string,
  mergeBase: string
): Promise<boolean> {
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      owner: lookup.owner,
      repo: lookup.repo,
      basehead: `${mergeBase}...${sha}`,
      per_page: 1
    })
    return data.status === 'behind' || data.status === 'identical'
  } catch (error) {
    // A commit gone from the repository (a force-push) is not an ancestor; other failures say so.
    if (statusOf(error) === 404) return false
    throw apiMissing(error, `compare ${short(sha)} with the merge base`, lookup, 'contents')
  }
}

/** The artifact's zip: the API's 302 to a signed blob URL, fetched without the token. */
async function download(
  client: GitHubClient,
  lookup: BaselineLookup,
  chosen: Chosen,
  label: string
): Promise<Uint8Array> {
  const limit = (lookup.limits ?? DEFAULT_ZIP_LIMITS).zipBytes
  if (chosen.artifact.size_in_bytes > limit) {
    throw new Missing(
      `${label} is ${chosen.artifact.size_in_bytes} bytes, more than the ${limit} a baseline may be`
    )
  }
  let location: string | undefined
  try {
    const response = await client.rest.actions.downloadArtifact({
      owner: lookup.owner,
      repo: lookup.repo,
      artifact_id: chosen.artifact.id,
      archive_format: 'zip',
      request: { redirect: 'manual' }
    })
    location = response.headers.location
  } catch (error) {
    if (statusOf(error) === 410) {
      throw new Missing(
        `${label} has expired (410 Gone): run the baseline workflow on ${lookup.baseBranch} again`
      )
    }
    throw apiMissing(error, `download ${label}`, lookup, 'actions')
  }
  if (location === undefined) throw new Missing(`${label}: GitHub answered its download without a location`)
  const blob = await (lookup.fetch ?? fetch)(location, { signal: AbortSignal.timeout(120_000) }).catch(
    (error: unknown) => {
      throw new Missing(`${label}: cannot download it from ${new URL(location).host}: ${messageOf(error)}`)
    }
  )
  if (!blob.ok) throw new Missing(`${label}: its download answered ${blob.status} ${blob.statusText}`)
  return readCapped(blob, limit, label)
}

/** The body, refused as soon as it passes `limit` bytes (the listed size may not be the truth). */
async function readCapped(response: Response, limit: number, label: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  if (response.body === null) return new Uint8Array()
  for await (const chunk of response.body) {
    size += chunk.byteLength
    if (size > limit) throw new Missing(`${label} is more than the ${limit} bytes a baseline may be`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Unpacks the baseline document of the zip into a new folder of `tempDir` whose name says which
 * artifact and run it is (so a message about the file names them): `evaluation-candidate.json`,
 * else the winner's (`verdict.json`'s `winner`, several candidates). Only that entry is inflated.
 */
async function unpackBaseline(
  zip: Uint8Array,
  lookup: BaselineLookup,
  chosen: Chosen,
  label: string
): Promise<string> {
  const limits = lookup.limits ?? DEFAULT_ZIP_LIMITS
  const names: string[] = []
  // The documents that may be the baseline, at the top level (`baselineEntry`); nothing else is inflated.
  const wanted = (name: string): boolean =>
    name === RESULT_FILES.verdict || /^evaluation-candidate(-[A-Za-z0-9._-]+)?\.json$/.test(name)
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(zip, {
      filter: (entry) => {
        names.push(entry.name)
        // fflate inflates into a buffer of the declared size: a larger stream is cut, never grown.
        return wanted(entry.name) && entry.originalSize <= limits.entryBytes
      }
    })
  } catch (error) {
    throw new Missing(`${label} is not a readable zip: ${messageOf(error)}`)
  }
  const escaping = names.find(escapesFolder)
  if (escaping !== undefined) {
    throw new Missing(
      `${label} holds an entry whose name leaves its folder (${JSON.stringify(escaping)}): refused`
    )
  }
  if (names.length > limits.entries) {
    throw new Missing(
      `${label} holds ${names.length} entries, more than the ${limits.entries} a results folder may`
    )
  }
  const name = baselineEntry(entries, names)
  if (name === null) {
    const held =
      names.length === 0 ? 'nothing' : names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '')
    throw new Missing(
      `${label} holds no ${RESULT_FILES.candidate} (it holds ${held}): upload the results folder of ` +
        'ml-gate run or the gate action at its top level'
    )
  }
  const data = entries[name]
  if (data === undefined) {
    throw new Missing(`${label}: ${name} is larger than the ${limits.entryBytes} bytes a baseline may be`)
  }
  await mkdir(lookup.tempDir, { recursive: true })
  const dir = await mkdtemp(join(lookup.tempDir, 'ml-gate-'))
  const folder = join(dir, `${lookup.artifact.replace(/[^A-Za-z0-9._-]/g, '_')}.run-${chosen.runId}`)
  await mkdir(folder)
  const file = join(folder, name)
  await writeFile(file, data)
  return file
}

/** Which entry is the baseline: the candidate's document, else the winner's; `null` for neither. */
function baselineEntry(
  entries: Readonly<Record<string, Uint8Array>>,
  names: readonly string[]
): string | null {
  if (names.includes(RESULT_FILES.candidate)) return RESULT_FILES.candidate
  const verdict = entries[RESULT_FILES.verdict]
  if (verdict === undefined) return null
  let winner: unknown
  try {
    winner = (JSON.parse(Buffer.from(verdict).toString('utf8')) as { winner?: unknown }).winner
  } catch {
    return null
  }
  if (typeof winner !== 'string' || !RESULT_NAME.test(winner)) return null
  const file = candidateResultFile(winner)
  return names.includes(file) ? file : null
}

/** An entry name that is absolute, climbs out with `..`, or uses a backslash or drive letter. */
function escapesFolder(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\0') ||
    name.split('/').some((part) => part === '..')
  )
}

/** A failed request as a reason: 403 names the permission to add, 404 what was not found. */
function apiMissing(
  error: unknown,
  what: string,
  lookup: BaselineLookup,
  permission: 'actions' | 'contents'
): unknown {
  const status = statusOf(error)
  const where = `${lookup.owner}/${lookup.repo}`
  if (status === 403) {
    return new Missing(
      `the token cannot ${what} in ${where} (403 ${messageOf(error)}): give the workflow ` +
        `\`permissions: ${permission}: read\``
    )
  }
  if (status === 404) {
    return new Missing(
      `cannot ${what} in ${where} (404 ${messageOf(error)}): check the repository and the branch`
    )
  }
  // Anything else (a 5xx after the retries, no answer) is no baseline either, said as such.
  if (error instanceof Error) {
    return new Missing(
      `cannot ${what} in ${where}: ${status === null ? '' : `${status} `}${messageOf(error)}`
    )
  }
  return error
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
