import { U as UserInputError } from './suggest.js';

/** Parsers for flag values; each names the flag and says what it expected. */
function parseNumber(flag, text, min = -Infinity, max = Infinity) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
        const range = Number.isFinite(min) ? ` in [${min}, ${max}]` : '';
        throw new UserInputError(`${flag}: expected a number${range}, got '${text}'`);
    }
    return n;
}
function parseInteger(flag, text, min) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min)
        throw new UserInputError(`${flag}: expected a whole number >= ${min}, got '${text}'`);
    return n;
}

export { parseNumber as a, parseInteger as p };
