import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYml {
  readonly description: string
  readonly inputs?: Record<string, { description: string; required?: boolean; default?: string }>
  readonly outputs?: Record<string, { description: string }>
}

/**
 * A description as GitHub-flavoured markdown text: every character that markdown or raw HTML would
 * read (`<!-- … -->` and `<name>` would vanish as HTML, `*` would turn into italics, `|` would end
 * the cell) is backslash-escaped, so the rendered cell reads exactly as the action.yml does.
 */
const cell = (text: string) => text.replace(/[\\`*_<>[\]|&~]/g, '\\$&')

/** The actions in the repository: `actions/<name>/action.yml`, plus the root action as ''. */
export function actionNames(): string[] {
  return readdirSync('actions').sort()
}

export function readActionYml(path: string): ActionYml {
  return parse(readFileSync(path, 'utf8')) as ActionYml
}

/**
 * The README's input and output tables of an action, written from its action.yml: the README
 * must contain them as they are, so the docs cannot drift from the metadata.
 */
export function actionTables(path: string): string {
  const action = readActionYml(path)
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.default !== undefined ? `\`${input.default}\`` : input.required ? 'required' : ''
    return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`
  })
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return [
    '| input | default | description |',
    '|---|---|---|',
    ...inputs,
    '',
    '| output | description |',
    '|---|---|',
    ...outputs
  ].join('\n')
}
