/**
 * The workflow run's page from the runner's environment (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`,
 * `GITHUB_RUN_ID`), where the job summary is; `null` outside a run. The comment links it, whether
 * the action posts it or `ml-gate report --comment` previews it.
 */
export function runUrlOf(env: Readonly<Record<string, string | undefined>>): string | null {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY
  return env.GITHUB_RUN_ID && repository ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null
}
