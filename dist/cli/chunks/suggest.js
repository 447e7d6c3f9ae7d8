/**
 * Errors a user can fix: bad files, bad config, bad arguments.
 *
 * Every entry point (CLI command, action) catches `UserInputError` in one place, prints
 * `format()` and exits with code 2. Anything else is a bug in ml-gate and keeps its stack.
 */
class UserInputError extends Error {
    location;
    name = 'UserInputError';
    /**
     * @param message what was wrong and what was expected, e.g.
     *   `expected 15 fields (as in the header), found 14`
     * @param location file, line and column when the problem is inside a file
     */
    constructor(message, location) {
        super(message);
        this.location = location;
    }
    /** `FILE:LINE:COLUMN: message`, omitting the parts that are unknown. */
    format() {
        const where = this.location ? formatLocation(this.location) : '';
        return where ? `${where}: ${this.message}` : this.message;
    }
}
function formatLocation(location) {
    let text = location.file;
    if (location.line !== undefined) {
        text += `:${location.line}`;
        if (location.column !== undefined)
            text += `:${location.column}`;
    }
    return text;
}
/** Process exit codes shared by the CLI and the actions. */
const ExitCode = {
    /** Everything passed (or only warned). */
    Pass: 0,
    /** The data or the model failed a gate: a result, not an error. */
    GateFailed: 1,
    /** The input could not be used: bad file, bad config, bad argument. */
    BadInput: 2,
    /** The evidence does not decide yet: `ml-gate canary`'s `continue` (more traffic needed). */
    Inconclusive: 3
};

/**
 * "Did you mean" for names a user types: config keys, metric names, commands, columns.
 */
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = best;
        }
    }
    return d[rows * cols - 1];
}
/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
 * the word's length in edits (at least 1, at most 3). Ties go to the first candidate. Case is ignored.
 *
 * @example closest('min_suport', ['min_support', 'columns']) // 'min_support'
 */
function closest(word, candidates) {
    const target = word.toLowerCase();
    const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** ` (did you mean 'x'?)` or an empty string. */
function didYouMean(word, candidates) {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

export { ExitCode as E, UserInputError as U, closest as c, didYouMean as d };
