import { U as UserInputError } from './suggest.js';

/**
 * JSON text of an untrusted document: where its first syntax error is and where the value at a
 * path is written, so that messages can say `verdict.json:4:1` without quoting the file.
 *
 * V8's `JSON.parse` messages quote up to 10 characters of the input on either side of the error
 * (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`): a `verdict.json` symlinked to a
 * secret would be shown in a job log. These scanners are used only after `JSON.parse` failed or
 * the schema rejected the value; they are linear and iterative, so neither a 100 MB string nor
 * 100,000 nested brackets can hang them or overflow the stack.
 */
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
function skipWhitespace(text, at) {
    while (at < text.length && WHITESPACE.has(text[at]))
        at++;
    return at;
}
function isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9';
}
/** End of the string starting at `at` (its opening quote), or the error inside it. */
function scanString(text, at) {
    for (let i = at + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22)
            return i + 1;
        if (c < 0x20)
            return { offset: i, expected: 'no control character inside a string (write it as \\uXXXX)' };
        if (c !== 0x5c)
            continue;
        const next = text[i + 1];
        if (next === 'u') {
            if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6)))
                return { offset: i, expected: 'four hex digits after \\u' };
            i += 5;
        }
        else if (next !== undefined && ESCAPES.has(next))
            i++;
        else
            return { offset: i, expected: 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)' };
    }
    return { offset: text.length, expected: 'the closing " of a string' };
}
/** End of the number starting at `at`, or where it stops being one. */
function scanNumber(text, at) {
    let i = at;
    if (text[i] === '-')
        i++;
    const digits = (what) => {
        if (!isDigit(text[i]))
            return { offset: i, expected: what };
        while (isDigit(text[i]))
            i++;
        return null;
    };
    if (text[i] === '0')
        i++;
    else {
        const error = digits('a digit');
        if (error)
            return error;
    }
    if (text[i] === '.') {
        i++;
        const error = digits('a digit after the decimal point');
        if (error)
            return error;
    }
    if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-')
            i++;
        const error = digits('a digit in the exponent');
        if (error)
            return error;
    }
    return i;
}
/** End of the scalar (string, number, literal) starting at `at`, or its error. */
function scanScalar(text, at) {
    const c = text[at];
    if (c === '"')
        return scanString(text, at);
    if (c === '-' || isDigit(c))
        return scanNumber(text, at);
    for (const literal of ['true', 'false', 'null']) {
        if (text.startsWith(literal, at))
            return at + literal.length;
    }
    return { offset: at, expected: 'a value (an object, array, string, number, true, false or null)' };
}
/**
 * The first syntax error of `text` as JSON (RFC 8259, as `JSON.parse` reads it), or `null` when
 * it is valid JSON.
 *
 * @example jsonSyntaxError('{"a": 1,}') // { offset: 8, expected: 'a double-quoted property name' }
 */
function jsonSyntaxError(text) {
    const open = [];
    let at = skipWhitespace(text, 0);
    // Each turn reads one value, then the punctuation after it up to the start of the next value.
    for (;;) {
        const c = text[at];
        if (c === '{' || c === '[') {
            at = skipWhitespace(text, at + 1);
            if (text[at] === (c === '{' ? '}' : ']'))
                at++;
            else {
                open.push(c);
                if (c === '{') {
                    const key = readKey(text, at);
                    if (typeof key !== 'number')
                        return key;
                    at = key;
                }
                continue;
            }
        }
        else {
            const end = scanScalar(text, at);
            if (typeof end !== 'number')
                return end;
            at = end;
        }
        // After a value: close containers, or a separator that leads to the next value.
        for (;;) {
            at = skipWhitespace(text, at);
            const top = open[open.length - 1];
            if (top === undefined)
                return at < text.length ? { offset: at, expected: 'the end of the file' } : null;
            const close = top === '{' ? '}' : ']';
            if (text[at] === close) {
                open.pop();
                at++;
                continue;
            }
            if (text[at] !== ',')
                return { offset: at, expected: `',' or '${close}'` };
            at = skipWhitespace(text, at + 1);
            if (top === '{') {
                const key = readKey(text, at);
                if (typeof key !== 'number')
                    return key;
                at = key;
            }
            break;
        }
    }
}
/** A key and its colon, from `at`: the offset of the value after them, or the error. */
function readKey(text, at) {
    if (text[at] !== '"')
        return { offset: at, expected: 'a double-quoted property name' };
    const end = scanString(text, at);
    if (typeof end !== 'number')
        return end;
    const colon = skipWhitespace(text, end);
    if (text[colon] !== ':')
        return { offset: colon, expected: "':' after the property name" };
    return skipWhitespace(text, colon + 1);
}
/** End of the (valid) value starting at `at`: strings and brackets counted, nothing recursed. */
function skipValue(text, at) {
    if (text[at] !== '{' && text[at] !== '[') {
        const end = scanScalar(text, at);
        return typeof end === 'number' ? end : text.length;
    }
    let depth = 0;
    for (let i = at; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            const end = scanString(text, i);
            i = (typeof end === 'number' ? end : text.length) - 1;
        }
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return text.length;
}
/**
 * Offset of the value at `path` in valid JSON `text`, or of the deepest value on the way to it
 * when the path does not exist (a missing key points at its object). A key written twice is found
 * where `JSON.parse` takes it from: its last occurrence.
 */
function jsonValueOffset(text, path) {
    let at = skipWhitespace(text, 0);
    for (const segment of path) {
        const child = text[at] === '{' ? memberOffset(text, at, String(segment)) : itemOffset(text, at, segment);
        if (child === null)
            return at;
        at = child;
    }
    return at;
}
function memberOffset(text, at, key) {
    let found = null;
    let i = skipWhitespace(text, at + 1);
    while (text[i] === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number')
            return found;
        const name = JSON.parse(text.slice(i, end));
        const value = skipWhitespace(text, skipWhitespace(text, end) + 1);
        if (name === key)
            found = value;
        i = skipWhitespace(text, skipValue(text, value));
        if (text[i] !== ',')
            break;
        i = skipWhitespace(text, i + 1);
    }
    return found;
}
function itemOffset(text, at, segment) {
    if (text[at] !== '[' || typeof segment !== 'number')
        return null;
    let i = skipWhitespace(text, at + 1);
    for (let index = 0; index < segment; index++) {
        i = skipWhitespace(text, skipValue(text, i));
        if (text[i] !== ',')
            return null;
        i = skipWhitespace(text, i + 1);
    }
    return text[i] === ']' ? null : i;
}
/** The 1-based line and column (in UTF-16 code units) of `offset`. */
function locateOffset(file, text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { file, line, column: offset - lineStart + 1 };
}
/**
 * One character of a file, shown so that it cannot hide or reorder text: printable ASCII in
 * quotes, anything else as its code point.
 *
 * @example showCharacter('\u202e') // 'U+202E'
 */
function showCharacter(text, offset) {
    if (offset >= text.length)
        return 'the end of the file';
    const code = text.codePointAt(offset);
    return code >= 0x20 && code < 0x7f
        ? `'${String.fromCodePoint(code)}'`
        : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * `JSON.parse` for a file that may not be what its name says: on failure, one error at the line
 * and column of the first syntax error, saying what was expected, with at most one character of
 * the file in it.
 *
 * @param expected what the file should be, e.g. `an ml-gate/verdict@1 document`
 * @throws UserInputError e.g. `verdict.json:4:1: not valid JSON: expected a double-quoted property
 *   name, found '}'; expected an ml-gate/verdict@1 document`
 */
function parseJson(text, file, expected) {
    try {
        return JSON.parse(text);
    }
    catch {
        const error = jsonSyntaxError(text) ?? { offset: 0, expected: 'valid JSON' };
        throw new UserInputError(`not valid JSON: expected ${error.expected}, found ${showCharacter(text, error.offset)}; expected ${expected}`, locateOffset(file, text, error.offset));
    }
}
/**
 * `/gates/2/metric` -> `['gates', 2, 'metric']`: indices are numbers where the value is a list.
 * ajv's instance paths, for the config, contracts and result documents alike.
 */
function toPath(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let node = data;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node)) {
            path.push(Number(segment));
            node = node[Number(segment)];
        }
        else {
            path.push(segment);
            node =
                typeof node === 'object' && node !== null ? node[segment] : undefined;
        }
    }
    return path;
}

export { jsonValueOffset as j, locateOffset as l, parseJson as p, toPath as t };
