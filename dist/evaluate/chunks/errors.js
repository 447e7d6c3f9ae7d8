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

export { ExitCode as E, UserInputError as U };
