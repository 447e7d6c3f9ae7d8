/**
 * Bounds on how deep parsed JSON may nest. JSON.parse itself is iterative, but what follows it
 * (JSON.stringify of a nested cell, ajv compiling a schema) recurses and ends in a RangeError past
 * a few thousand levels: a value nested deeper than `MAX_JSON_DEPTH` is refused first, by the
 * walks below, which use a stack of their own instead of the call stack.
 */

/** Deep enough for any data or schema people write; far below where recursion fails. */
export const MAX_JSON_DEPTH = 256

/** How deep `value` nests (a scalar is 0, `[]` and `{}` are 1), counting no further than `limit + 1`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return deepest
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return deepest
}

/**
 * The path to the first object that has `key` as its own key, depth first in key order, e.g.
 * `['properties', '__proto__']`; null when none has. `value` must not nest deeper than
 * `MAX_JSON_DEPTH` (check with `jsonDepth` first).
 */
export function pathToKey(value: unknown, key: string): string[] | null {
  const stack: [unknown, string[]][] = [[value, []]]
  while (stack.length > 0) {
    const [node, path] = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    if (Object.hasOwn(node, key)) return [...path, key]
    const entries = Object.entries(node)
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], [...path, entries[i][0]]])
  }
  return null
}

/**
 * Where in `text` (a string index) the brackets of JSON first nest deeper than `limit`, or -1.
 * Brackets inside strings do not count. For messages: JSON.parse does not say where.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH, from = 0, to = text.length): number {
  let depth = 0
  let inString = false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return -1
}
