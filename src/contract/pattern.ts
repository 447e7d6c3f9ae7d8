/**
 * The `pattern` rule's regular expressions, matched in time linear in the value: a contract is
 * untrusted input, and a backtracking engine takes exponential time on patterns such as `^(a+)+$`.
 *
 * The engine is RE2 (re2js, a pure JavaScript port): RE2 syntax, no backreferences, no lookaround.
 * RE2 is about 10-30 times slower per value than V8's own engine, so a pattern of fixed length
 * built only from ASCII characters, escaped ASCII punctuation, `\d`, `\w`, positive ASCII classes,
 * `{n}` and the anchors `^…$` (the shape of codes such as `^[A-Z]{2}-[0-9]{4}$`) runs on V8's: it
 * has no alternative to backtrack into (at most length × pattern steps), and every character it can
 * match is ASCII, where the two engines agree (test/contract/pattern.test.ts holds them to it).
 */
import { RE2JS } from 're2js'

/** A compiled pattern: true when the value contains a match (anchors make it the whole value). */
export interface Pattern {
  test(value: string): boolean
}

/**
 * Compiles `source` for matching.
 *
 * @throws Error with RE2's reason (e.g. `invalid escape sequence: \1`) for a pattern RE2 rejects
 */
export function compilePattern(source: string): Pattern {
  const re2 = RE2JS.compile(source)
  if (isFixedAscii(source)) return new RegExp(source, 'u')
  return { test: (value) => re2.test(value) }
}

/** The reason RE2 gives for rejecting `source`, or null when it compiles. */
export function patternError(source: string): string | null {
  try {
    RE2JS.compile(source)
    return null
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '')
  }
}

/** An ASCII character that stands for itself in both engines (no metacharacter). */
const LITERAL = /^[A-Za-z0-9 !"#%&',\-/:;<=>@_`~]$/
/** The same in a class, where `.` is a dot. */
const LITERAL_IN_CLASS = /^[A-Za-z0-9 !"#%&',\-/:;<=>@_`~.]$/
/** Escaped characters that stand for themselves in both engines, and the two ASCII classes. */
const ESCAPED = /^[\\^$.|?*+()[\]{}/dw]$/
/** The same in a class, where `\-` is a hyphen too. */
const ESCAPED_IN_CLASS = /^[\\^$.|?*+()[\]{}/dw-]$/

/**
 * Whether `source` is a fixed-length sequence of ASCII atoms (see the module comment). A class is
 * `[...]` of literals, escapes and ranges between literals, not negated.
 */
export function isFixedAscii(source: string): boolean {
  let slashes = 0
  while (source[source.length - 2 - slashes] === '\\') slashes++
  // A final `$` is the anchor unless an odd number of backslashes escapes it.
  const end = source.endsWith('$') && slashes % 2 === 0 ? source.length - 1 : source.length
  let i = source.startsWith('^') ? 1 : 0
  while (i < end) {
    const atomEnd = atomAt(source, i, end)
    if (atomEnd < 0) return false
    i = atomEnd
    if (source[i] === '{') {
      const close = source.indexOf('}', i)
      if (close < 0 || close >= end || !/^\{[0-9]{1,4}\}$/.test(source.slice(i, close + 1))) return false
      i = close + 1
    }
  }
  return true
}

/** The index after the atom at `i`, or -1 when it is not one of the fixed ASCII atoms. */
function atomAt(source: string, i: number, end: number): number {
  const c = source[i]
  if (c === '\\') return i + 1 < end && ESCAPED.test(source[i + 1]) ? i + 2 : -1
  if (c !== '[') return LITERAL.test(c) ? i + 1 : -1
  let j = i + 1
  if (source[j] === '^' || source[j] === ']') return -1
  while (j < end && source[j] !== ']') {
    if (source[j] === '\\') {
      if (j + 1 >= end || !ESCAPED_IN_CLASS.test(source[j + 1])) return -1
      j += 2
    } else if (LITERAL_IN_CLASS.test(source[j]) && source[j] !== '-') {
      const ranged = source[j + 1] === '-' && j + 2 < end && source[j + 2] !== ']'
      if (ranged && !(LITERAL_IN_CLASS.test(source[j + 2]) && source[j + 2] !== '-')) return -1
      j += ranged ? 3 : 1
    } else return -1
  }
  return j < end ? j + 1 : -1
}
