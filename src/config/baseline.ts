/**
 * What `model.baseline` names: a file the gate reads, or an Actions artifact only the actions can
 * fetch (`src/github/baseline-artifact.ts`). One place decides which, so no caller mistakes an
 * artifact for a path.
 */
import type { ModelConfig } from './types.js'

/** The baseline file the config names; `undefined` for none or an artifact. */
export function configuredBaselineFile(model: ModelConfig | undefined): string | undefined {
  return typeof model?.baseline === 'string' ? model.baseline : undefined
}

/** The artifact name the config gives (`model.baseline: { artifact: NAME }`); `undefined` otherwise. */
export function configuredBaselineArtifact(model: ModelConfig | undefined): string | undefined {
  return typeof model?.baseline === 'object' ? model.baseline.artifact : undefined
}

/**
 * Why there is no baseline when the config names an artifact and nothing fetched it: the CLI (or
 * a step without GitHub) cannot reach the Actions artifacts API.
 */
export function unfetchedArtifact(name: string): string {
  return (
    `model.baseline names the Actions artifact '${name}', which only the gate and root actions ` +
    'fetch from GitHub; give the baseline as a file (--baseline FILE) to compare with it here'
  )
}
