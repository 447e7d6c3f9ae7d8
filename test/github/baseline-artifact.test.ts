/**
 * The baseline that finds itself, against the fake GitHub: a push run's results, zipped as the
 * artifact of a run at the merge base, gate a pull request as the same two files do directly; and
 * every way of not finding one is a reason, with the exact requests sent.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { strToU8, zipSync } from 'fflate'
import { unfetchedArtifact } from '../../src/config/baseline.js'
import { UserInputError } from '../../src/errors.js'
import type { VerdictDocument } from '../../src/gates/verdict.js'
import { findBaselineArtifact, type BaselineLookup } from '../../src/github/baseline-artifact.js'
import { chooseBaseline } from '../../src/github/baseline.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import type { RunContext } from '../../src/github/run-context.js'
import { gateStep } from '../../src/steps/gate.js'
import { runStep } from '../../src/steps/run.js'
import { FakeGitHub, faults } from '../support/github/fake-github.js'

const OWNER = 'octo-org'
const REPO = 'credit-model'
const API = `/repos/${OWNER}/${REPO}`
const NAME = 'ml-gate-baseline'
const NOW = new Date('2026-03-01T00:00:00Z')
/** The history: a, then b (the merge base) and c on main; the pull request's head d on b. */
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((c) => c.repeat(40))
const quiet = { debug: () => undefined, warn: () => undefined }

let dir: string
let github: FakeGitHub

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ml-gate-baseline-artifact-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeEach(async () => {
  github = await FakeGitHub.start({ owner: OWNER, repo: REPO })
  github.state.addCommit(A, [], 'main')
  github.state.addCommit(B, [A], 'main')
  github.state.addCommit(C, [B], 'main')
  github.state.addCommit(D, [B], 'feature')
})
afterEach(async () => {
  github.assertNoViolations()
  await github.stop()
})

function lookup(overrides: Partial<BaselineLookup> = {}): BaselineLookup {
  return {
    owner: OWNER,
    repo: REPO,
    artifact: NAME,
    fallback: 'latest',
    baseBranch: 'main',
    headSha: D,
    tempDir: join(dir, 'runner-temp'),
    ...overrides
  }
}

const find = (overrides: Partial<BaselineLookup> = {}) =>
  findBaselineArtifact(createGitHubClient('ghs_test', { baseUrl: github.url, log: quiet }), lookup(overrides))

/** A zip holding one small document under each name. */
function zipOf(...names: string[]): Uint8Array {
  return zipSync(
    Object.fromEntries(names.map((name) => [name, strToU8('{"schema":"ml-gate/evaluation@1"}')]))
  )
}

/** Method, path and the query, of every request, the blob's without it (its signature). */
function requests(): string[] {
  return github.requests.map((r) => {
    const query = new URLSearchParams(r.query).toString()
    return `${r.method} ${r.path}${r.operationId === 'blob' || query === '' ? '' : `?${query}`}`
  })
}

const compare = (basehead: string) => `GET ${API}/compare/${basehead}?per_page=1`
const list = (page = '') => `GET ${API}/actions/artifacts?name=${NAME}&per_page=100${page}`

describe('a pull request gated against the artifact of its merge base', () => {
  let workspace: string
  let config: string
  let pushResults: string

  beforeAll(async () => {
    workspace = join(dir, 'checkout')
    cpSync('examples/credit', workspace, {
      recursive: true,
      filter: (src) => !src.includes('ml-gate-results')
    })
    config = join(workspace, 'ml-gate.yml')
    const text = readFileSync(config, 'utf8')
    writeFileSync(
      config,
      text
        .replace('baseline: predictions/baseline.csv', `baseline: { artifact: ${NAME} }`)
        // The model alone: validating the data adds time and nothing to what is compared here.
        .replace(/^data:\n(?: .*\n)+/m, '')
    )
    expect(readFileSync(config, 'utf8')).not.toMatch(/^data:/m)
    // The push to main: the production model is that run's candidate; no pull request, no baseline.
    pushResults = join(workspace, 'push-results')
    const push = await runStep({
      config,
      candidate: join(workspace, 'predictions/baseline.csv'),
      output: pushResults,
      now: NOW
    })
    expect(push.verdict?.document.notes[0]).toBe(
      `no baseline (${unfetchedArtifact(NAME)}): the 21 results comparing with it were skipped ` +
        '(set model.baseline, or on_missing_baseline: fail to require one)'
    )
  })

  /** The push run's results folder, zipped as actions/upload-artifact does: its files at the top. */
  function pushArtifact(): Uint8Array {
    const files = readdirSync(pushResults).map(
      (name) => [name, readFileSync(join(pushResults, name))] as const
    )
    return zipSync(Object.fromEntries(files))
  }

  const context = (): RunContext => ({
    owner: OWNER,
    repo: REPO,
    eventName: 'pull_request',
    pullNumber: 1,
    headSha: D,
    baseRef: 'main',
    workflowRunHeadSha: null,
    workflowRunUrl: null,
    apiUrl: github.url,
    runUrl: null
  })

  const choose = () =>
    chooseBaseline({
      config,
      workspace: { root: workspace, allowOutside: false },
      fallback: 'latest',
      token: 'ghs_test',
      context,
      tempDir: join(dir, 'runner-temp'),
      log: { ...quiet, info: () => undefined }
    })

  /** A verdict without the sentences saying how its rows were paired. */
  const withoutPairingReasons = (verdict: VerdictDocument): VerdictDocument => ({
    ...verdict,
    pairing: { ...verdict.pairing, reason: '' },
    candidates: verdict.candidates?.map((c) => ({ ...c, pairing: { ...c.pairing, reason: '' } }))
  })

  it('gives the verdict that gating the same two files directly gives', async () => {
    const uploaded = github.state.addArtifact({ name: NAME, zip: pushArtifact(), headSha: B })
    const choice = await choose()
    expect(choice.baselineSource).toBe(`artifact ${NAME} of run ${uploaded.runId} at bbbbbbb, the merge base`)
    expect(choice.baseline).toMatch(
      new RegExp(`${NAME}\\.run-${uploaded.runId}/evaluation-candidate\\.json$`)
    )
    const found = await gateStep({ config, ...choice, now: NOW })
    const direct = await gateStep({ config, baseline: join(workspace, 'predictions/baseline.csv'), now: NOW })

    const { baseline_source: source, ...fromArtifact } = found.verdict
    const { pairing } = fromArtifact
    const directPairing = direct.verdict.pairing
    expect(source).toBe(choice.baselineSource)
    // Field by field, the baseline's name included: a document names the predictions it was
    // evaluated from, which the push run read at the same path as the direct run. Only the
    // pairing's wording differs (below), at the top and for each named candidate.
    expect(withoutPairingReasons(fromArtifact)).toEqual(withoutPairingReasons(direct.verdict))
    // The same rows paired, told by the documents' digests rather than by reading both files.
    expect({ ...pairing, reason: directPairing.reason }).toEqual(directPairing)
    expect(pairing.reason).toBe(
      'paired by id: both evaluations hold the same 1825 ids (their row digests agree)'
    )
    expect(direct.verdict.baseline).toBe(join(workspace, 'predictions/baseline.csv'))
    // The example's two candidates: the blend wins, the gradient boosting model fails.
    expect(found.verdict.headline).toBe(
      'candidate-blend wins on roc_auc for all (0.844, the only one ranked; 1 fails); ' +
        'positive_rate across Job: ratio lowest/highest 0.177, below min_ratio 0.5'
    )
    expect(requests()).toEqual([
      compare(`main...${D}`),
      list(),
      `GET ${API}/actions/artifacts/${uploaded.id}/zip`,
      `GET /_blobs/artifacts/${uploaded.id}.zip`
    ])
    // The signed URL is the blob's credential: the token is not sent there.
    expect(github.requests.at(-1)?.headers.authorization).toBeUndefined()
  })

  it('refuses a document of other settings, naming the artifact and its run', async () => {
    const uploaded = github.state.addArtifact({ name: NAME, zip: pushArtifact(), headSha: B })
    const choice = await choose()
    const other = join(workspace, 'other-seed.yml')
    writeFileSync(other, readFileSync(config, 'utf8').replace('report:', 'evaluation: { seed: 7 }\nreport:'))
    const error = await gateStep({ config: other, ...choice, now: NOW }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserInputError)
    expect((error as UserInputError).format()).toBe(
      `${choice.baseline}: was evaluated with other settings than the config: ` +
        "evaluation.seed: the document's 42, the config's 7 (evaluate it again with this config)"
    )
    expect(choice.baseline).toContain(`${NAME}.run-${uploaded.runId}`)
  })
})

describe('finding the artifact', () => {
  it('falls back to the newest run of the base branch that is an ancestor of the merge base, and says so', async () => {
    const old = github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: A })
    // Newer, but at c: after the merge base, not production when the pull request branched.
    github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: C })
    const found = await find()
    expect(found).toEqual({
      found: true,
      file: expect.stringMatching(new RegExp(`${NAME}\\.run-${old.runId}/evaluation-candidate\\.json$`)),
      source:
        `artifact ${NAME} of run ${old.runId} at aaaaaaa, the newest run of main before the merge base ` +
        'bbbbbbb, which has none of its own'
    })
    expect(requests()).toEqual([
      compare(`main...${D}`),
      list(),
      compare(`${B}...${C}`),
      compare(`${B}...${A}`),
      `GET ${API}/actions/artifacts/${old.id}/zip`,
      `GET /_blobs/artifacts/${old.id}.zip`
    ])
  })

  it('with baseline-fallback: none, only the merge base will do', async () => {
    github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: A })
    expect(await find({ fallback: 'none' })).toEqual({
      found: false,
      missing:
        `no artifact '${NAME}' from a run of main at the merge base bbbbbbb (baseline-fallback: none; 1 from ` +
        'other commits): run the baseline workflow at that commit, or set baseline-fallback: latest to take ' +
        'the newest run before it'
    })
    expect(requests()).toEqual([compare(`main...${D}`), list()])
  })

  it('finds the merge base on the second page of the list', async () => {
    const wanted = github.state.addArtifact({
      name: NAME,
      zip: zipOf('evaluation-candidate.json'),
      headSha: B
    })
    github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: C })
    github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: C })
    const found = await find({ perPage: 2 })
    expect(found).toMatchObject({
      found: true,
      source: expect.stringContaining(`run ${wanted.runId} at bbbbbbb, the merge base`)
    })
    expect(requests()).toEqual([
      compare(`main...${D}`),
      `GET ${API}/actions/artifacts?name=${NAME}&per_page=2`,
      `GET ${API}/actions/artifacts?name=${NAME}&per_page=2&page=2`,
      `GET ${API}/actions/artifacts/${wanted.id}/zip`,
      `GET /_blobs/artifacts/${wanted.id}.zip`
    ])
  })

  it('says an artifact expired, whether the list or the download tells', async () => {
    github.state.addArtifact({
      name: NAME,
      zip: zipOf('evaluation-candidate.json'),
      headSha: B,
      expired: true
    })
    expect(await find()).toEqual({
      found: false,
      missing:
        `every artifact named '${NAME}' from main has expired (1): run the baseline workflow on main again, ` +
        'or keep the artifact longer (retention-days)'
    })
    const live = github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: B })
    github.fail({ operationId: 'actions/download-artifact' }, faults.status(410, 'Artifact has expired'))
    expect(await find()).toEqual({
      found: false,
      missing: `artifact '${NAME}' of run ${live.runId} has expired (410 Gone): run the baseline workflow on main again`
    })
  })

  it('says which permission a 403 lacks', async () => {
    await github.stop()
    github = await FakeGitHub.start({ owner: OWNER, repo: REPO, actionsRead: false })
    github.state.addCommit(B, [], 'main')
    github.state.addCommit(D, [B], 'feature')
    expect(await find()).toEqual({
      found: false,
      missing:
        `the token cannot list the artifacts named '${NAME}' in ${OWNER}/${REPO} (403 Resource not accessible ` +
        'by integration): give the workflow `permissions: actions: read`'
    })
  })

  it('says when nothing was uploaded, and trusts no fork', async () => {
    expect(await find()).toMatchObject({
      missing: expect.stringMatching(/^no artifact named 'ml-gate-baseline' from a run of main/)
    })
    // A fork's pull request runs in the base repository and may upload an artifact of this name.
    github.state.addArtifact({
      name: NAME,
      zip: zipOf('evaluation-candidate.json'),
      headSha: B,
      headRepositoryId: 999
    })
    expect(await find()).toEqual({
      found: false,
      missing:
        `no artifact named '${NAME}' from a run of main in ${OWNER}/${REPO} (1 from other branches or forks, ` +
        'not trusted): upload the results folder under this name on every push to main (examples/workflows/baseline.yml)'
    })
  })

  it('refuses a zip with an entry that leaves its folder, and writes nothing', async () => {
    const evil = github.state.addArtifact({
      name: NAME,
      zip: zipOf('evaluation-candidate.json', '../../escaped.json'),
      headSha: B
    })
    const tempDir = join(dir, 'evil-temp')
    expect(await find({ tempDir })).toEqual({
      found: false,
      missing: `artifact '${NAME}' of run ${evil.runId} holds an entry whose name leaves its folder ("../../escaped.json"): refused`
    })
    expect(existsSync(tempDir)).toBe(false)
    expect(existsSync(join(dir, 'escaped.json'))).toBe(false)
  })

  it("takes the winner's document when there are several candidates, and lists what an artifact holds", async () => {
    const verdict = strToU8(JSON.stringify({ schema: 'ml-gate/verdict@1', winner: 'gbm' }))
    const zip = zipSync({ 'verdict.json': verdict, 'evaluation-candidate-gbm.json': strToU8('{}') })
    github.state.addArtifact({ name: NAME, zip, headSha: B })
    expect(await find()).toMatchObject({
      found: true,
      file: expect.stringMatching(/evaluation-candidate-gbm\.json$/)
    })
    github.state.addArtifact({ name: NAME, zip: zipOf('report.md'), headSha: B })
    expect(await find()).toMatchObject({
      found: false,
      missing: expect.stringMatching(
        /holds no evaluation-candidate\.json \(it holds report\.md\): upload the results folder/
      )
    })
  })

  it('refuses a zip larger than the limit before downloading it', async () => {
    const big = github.state.addArtifact({ name: NAME, zip: zipOf('evaluation-candidate.json'), headSha: B })
    const size = big.zip.byteLength
    expect(await find({ limits: { zipBytes: size - 1, entryBytes: 1000, entries: 10 } })).toEqual({
      found: false,
      missing: `artifact '${NAME}' of run ${big.runId} is ${size} bytes, more than the ${size - 1} a baseline may be`
    })
    expect(requests().filter((r) => r.includes('/zip'))).toEqual([])
  })
})
