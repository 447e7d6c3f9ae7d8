import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { actionNames, actionTables, readActionYml } from '../support/action-docs.js'

const readme = readFileSync('README.md', 'utf8')

/** The actions as the README names their sections, with their metadata. */
const ACTIONS = [
  { heading: '### `ml-gate/ml-gate` (the root action, `action.yml`)', yml: 'action.yml' },
  ...actionNames().map((name) => ({ heading: `### \`actions/${name}\``, yml: `actions/${name}/action.yml` }))
]

/** The README from `heading` to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`)
  expect(start).toBeGreaterThanOrEqual(0)
  const rest = readme.slice(start + heading.length + 2)
  const end = rest.search(/^#{1,3} /m)
  return end === -1 ? rest : rest.slice(0, end)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

/**
 * What a reader sees in a rendered cell: tags and HTML comments dropped (GitHub shows neither),
 * entities decoded. Raw HTML is let through the renderer, as it would reach GitHub's sanitizer.
 */
const visible = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e])

/** The rendered tables of a markdown text: per table, per body row, each cell's HTML. */
function renderedTables(markdown: string): string[][][] {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .slice(1) // the header row
      .map(([, row]) => [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, td]) => td))
  )
}

describe('README', () => {
  it.each(ACTIONS)(
    'holds the tables written from $yml, as actionTables() writes them',
    ({ heading, yml }) => {
      expect(section(heading)).toContain(actionTables(yml))
    }
  )

  it.each(ACTIONS)(
    'renders $yml inputs and outputs on GitHub exactly as the action.yml says',
    ({ heading, yml }) => {
      const action = readActionYml(yml)
      const [inputs, outputs] = renderedTables(section(heading))
      expect(inputs).toEqual(
        Object.entries(action.inputs ?? {}).map(([name, input]) => [
          `<code>${name}</code>`,
          input.default !== undefined ? `<code>${input.default}</code>` : input.required ? 'required' : '',
          expect.anything()
        ])
      )
      expect(inputs.map((row) => visible(row[2]))).toEqual(
        Object.values(action.inputs ?? {}).map((i) => i.description)
      )
      expect(outputs.map((row) => [row[0], visible(row[1])])).toEqual(
        Object.entries(action.outputs ?? {}).map(([name, output]) => [
          `<code>${name}</code>`,
          output.description
        ])
      )
      // No markdown turned into formatting: a description is plain text on GitHub.
      for (const row of [...inputs, ...outputs])
        expect(row[row.length - 1]).not.toMatch(/<(em|strong|del|a|code)\b/)
    }
  )

  it('would catch a description that GitHub renders differently', () => {
    const raw =
      '| input | default | description |\n|---|---|---|\n| `k` | | hidden marker <!-- ml-gate:KEY --> and *a* |'
    const [[row]] = renderedTables(raw)
    expect(visible(row[2])).toBe('hidden marker  and a')
    expect(row[2]).toContain('<em>')
  })

  it('links every published schema', () => {
    for (const schema of ['config', 'contract', 'profile', 'validation', 'evaluation', 'verdict']) {
      expect(readme).toContain(`(schemas/${schema}.schema.json)`)
    }
  })
})
