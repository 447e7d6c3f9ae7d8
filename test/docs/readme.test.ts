import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { actionNames, actionTables } from '../support/action-docs.js'

const readme = readFileSync('README.md', 'utf8')

describe('README', () => {
  it.each(actionNames())('documents actions/%s with the inputs and outputs of its action.yml', (name) => {
    expect(readme).toContain(`### \`actions/${name}\``)
    expect(readme).toContain(actionTables(`actions/${name}/action.yml`))
  })

  it('documents the root action with the inputs and outputs of action.yml', () => {
    expect(readme).toContain(actionTables('action.yml'))
  })

  it('links every published schema', () => {
    for (const schema of ['config', 'contract', 'profile', 'validation', 'evaluation', 'verdict']) {
      expect(readme).toContain(`(schemas/${schema}.schema.json)`)
    }
  })
})
