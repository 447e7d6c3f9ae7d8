/**
 * Typed mocks of the `@actions/core` functions ml-gate calls, shared by the action tests (as
 * actions/typescript-action's `__fixtures__/core.ts`). A test mocks the module before it imports
 * the code under test:
 *
 * ```ts
 * import * as core from '../__fixtures__/core.js'
 * jest.unstable_mockModule('@actions/core', () => core)
 * const { runShell } = await import('../__fixtures__/action.js')
 * ```
 */
import type * as actionsCore from '@actions/core'
import { jest } from '@jest/globals'

export const getInput = jest.fn<typeof actionsCore.getInput>()
export const setOutput = jest.fn<typeof actionsCore.setOutput>()
export const setFailed = jest.fn<typeof actionsCore.setFailed>()
export const debug = jest.fn<typeof actionsCore.debug>()
export const info = jest.fn<typeof actionsCore.info>()
export const notice = jest.fn<typeof actionsCore.notice>()
export const warning = jest.fn<typeof actionsCore.warning>()
export const error = jest.fn<typeof actionsCore.error>()

/** The job summary: `addRaw(text)` then `write()`, the only calls ml-gate makes. */
export interface SummaryMock {
  readonly addRaw: jest.Mock<(text: string, addEOL?: boolean) => SummaryMock>
  readonly write: jest.Mock<() => Promise<SummaryMock>>
}

export const summary: SummaryMock = {
  addRaw: jest.fn((): SummaryMock => summary),
  write: jest.fn(async (): Promise<SummaryMock> => summary)
}
