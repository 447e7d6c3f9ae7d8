/**
 * What to do when no baseline artifact comes from a run at the merge base itself: `none` (no
 * baseline) or `latest` (the newest run of the base branch before it). Apart from the lookup so
 * that reading the input does not load the unzip library.
 */
export type BaselineFallback = 'none' | 'latest'

export const BASELINE_FALLBACKS: readonly BaselineFallback[] = ['none', 'latest']
