/**
 * Text for a CI log. The Actions runner reads a line whose start, after white space, is `::` as a
 * workflow command (`::error::`, `::add-mask::`, `::stop-commands::`), and `##[name]` anywhere in a
 * line in its older syntax; text from data (a segment, a file name, a value) must never become
 * one. A word joiner (U+2060, invisible, not white space) goes inside each such `::` and every
 * `##[`; nothing else changes, so ordinary output is byte for byte what it was.
 *
 * @example logText('  ::error::forged') // '  :\u2060:error::forged'
 */
function logText(text) {
    // `\s` and U+0085 cover what .NET's TrimStart() removes; `^` with `m` starts after \n and \r,
    // where the runner's line reader splits.
    return text.replace(/^([\s\u0085]*):(?=:)/gm, `$1:${WORD_JOINER}`).replace(/##\[/g, `#${WORD_JOINER}#[`);
}
const WORD_JOINER = '\u2060';

export { logText as l };
