/**
 * A YAML file parsed into plain values that remembers where every value came from.
 *
 * Used for every YAML file a user writes (ml-gate.yml, data contracts): parse once, validate the
 * plain value, and when something is wrong, `locate` the offending key or value by its path so
 * the message can say `ml-gate.yml:9:3: ...`.
 */
import { readFile } from 'node:fs/promises'
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit
} from 'yaml'
import { type SourceLocation, UserInputError } from '../errors.js'

/** A path into a parsed value: mapping keys and list indices, e.g. `['gates', 2, 'metric']`. */
export type JsonPath = readonly (string | number)[]

/**
 * Which part of a mapping entry to point at: the `key` (unknown or misplaced keys, missing keys
 * inside it) or the `value` (wrong type, out of range).
 */
export type LocationPart = 'key' | 'value'

export interface YamlSource {
  /** The file name as the user gave it; used in every message. */
  readonly file: string
  /**
   * The document as plain JSON-like values (mappings are objects, sequences arrays), or `null` for
   * an empty document (nothing but comments or whitespace).
   */
  readonly value: unknown
  /**
   * Where the node at `path` is written.
   *
   * - `part: 'value'` (default) points at the value; for an empty value (`model:` and nothing
   *   after it) it points at the key instead, which is what the user sees.
   * - `part: 'key'` points at the key of the last path segment; list items have no key, so it
   *   points at the item.
   *
   * A path that does not exist in the file (a key the user left out, a default) resolves to the
   * deepest node that exists, so the location is always somewhere sensible. The empty path is the
   * start of the document.
   *
   * @example locate(['segments', 'min_suport'], 'key') // { file: 'ml-gate.yml', line: 9, column: 3 }
   */
  locate(path: JsonPath, part?: LocationPart): SourceLocation
}

/** `['gates', 2, 'metric']` -> `gates[2].metric`; keys that are not identifiers are quoted. */
export function formatPath(path: JsonPath): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`
    else text += `['${segment.replace(/'/g, "\\'")}']`
  }
  return text
}

/** Read and parse a YAML file. A missing or unreadable file is a `UserInputError`. */
export async function readYamlFile(file: string): Promise<YamlSource> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UserInputError(describeReadError(error), { file })
  }
  return parseYaml(text, file)
}

/**
 * Parse the text of a YAML file (YAML 1.2 core schema: `2027-01-31` and `yes` stay strings).
 *
 * The file must hold a single document. Syntax errors, duplicate keys, tabs used for indentation,
 * several documents and unresolved aliases are `UserInputError`s at the line and column the
 * problem is.
 */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter()
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset)
    return { file, line, column: col }
  }
  for (const document of documents) {
    const [error] = document.errors
    if (error) {
      const offset = error.pos[0]
      throw new UserInputError(describeSyntaxError(document, error.code, error.message, offset), at(offset))
    }
  }
  if (documents.length > 1) {
    throw new UserInputError(
      `expected one YAML document, found ${documents.length}: remove the '---' separator`,
      at(documents[1].range[0])
    )
  }
  const document = documents.length === 1 ? documents[0] : null
  const value = document === null ? null : toPlainValue(document, at)

  return {
    file,
    value,
    locate(path, part = 'value') {
      const start = document === null ? 0 : findOffset(document, path, part)
      return at(start)
    }
  }
}

/** Offset of the node at `path`, or of the deepest node on the way to it. */
function findOffset(document: Document, path: JsonPath, part: LocationPart): number {
  let node: Node | null = (document.contents as Node | null) ?? null
  let keyNode: Node | null = null
  for (const segment of path) {
    const container = resolveAlias(document, node)
    let child: { key: Node | null; value: Node | null } | undefined
    if (isMap(container)) {
      const pair = container.items.find((item) => keyText(item.key) === String(segment))
      if (pair) child = { key: pair.key as Node | null, value: pair.value as Node | null }
    } else if (isSeq(container) && typeof segment === 'number') {
      const item = container.items[segment] as Node | undefined
      if (item !== undefined) child = { key: null, value: item }
    }
    if (child === undefined) break
    keyNode = child.key
    node = child.value
  }
  const valueStart = node?.range && !isEmptyValue(node) ? node.range[0] : undefined
  const keyStart = keyNode?.range?.[0]
  if (part === 'key') return keyStart ?? valueStart ?? 0
  return valueStart ?? keyStart ?? 0
}

function resolveAlias(document: Document, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(document) as Node | undefined) ?? null) : node
}

function keyText(key: unknown): string {
  return String(isScalar(key) ? key.value : key)
}

/** `key:` with nothing after it: a null scalar that occupies no characters. */
function isEmptyValue(node: Node): boolean {
  return isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1]
}

function toPlainValue(document: Document, at: (offset: number) => SourceLocation): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    // `toJS` throws a ReferenceError for an alias to an anchor not defined before it, or an
    // alias expansion so large it looks like a "billion laughs" attack.
    if (!(error instanceof ReferenceError)) throw error
    let offset = 0
    let name = ''
    visit(document, {
      Alias(_, alias) {
        if (alias.resolve(document) === undefined) {
          offset = alias.range?.[0] ?? 0
          name = alias.source
          return visit.BREAK
        }
      }
    })
    if (name !== '') {
      throw new UserInputError(
        `unknown alias '*${name}': define the anchor '&${name}' before using it`,
        at(offset)
      )
    }
    throw new UserInputError(`cannot expand the YAML aliases: ${lowerFirst(error.message)}`, at(0))
  }
}

/**
 * The yaml library's messages are written for YAML experts; the common mistakes get a message
 * that says what to do.
 */
function describeSyntaxError(document: Document, code: string, message: string, offset: number): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML: indent with spaces'
    case 'DUPLICATE_KEY':
      return `duplicate key '${keyAt(document, offset)}': each key may appear only once in a mapping`
    case 'BLOCK_AS_IMPLICIT_KEY':
      return "unexpected 'key: value' inside a value: check the indentation, or quote a value that contains ': '"
    case 'MULTILINE_IMPLICIT_KEY':
      return "a line without ':' runs into the next key (a key must fit on one line): add the missing ':' or fix the indentation"
    default:
      return `invalid YAML: ${lowerFirst(message.replace(/\.$/, ''))}`
  }
}

function keyAt(document: Document, offset: number): string {
  let key = ''
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = keyText(pair.key)
        return visit.BREAK
      }
    }
  })
  return key
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EISDIR') return 'expected a file, found a directory'
  if (code === 'EACCES') return 'permission denied: cannot read the file'
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`
}
