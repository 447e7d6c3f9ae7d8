import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { U as UserInputError } from './suggest.js';

/** Writes text to a file (creating its folder) or, for '-', to stdout. */
async function writeOutput(target, text, console) {
    if (target === '-') {
        console.stdout(text);
        return;
    }
    try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
    }
    catch (error) {
        throw new UserInputError(`cannot write ${target}: ${error.code ?? String(error)}`);
    }
}
/** Writes a result document as pretty JSON (see `writeOutput`). */
async function writeJson(target, document, console) {
    await writeOutput(target, `${JSON.stringify(document, null, 2)}\n`, console);
}
/**
 * Writes to `stream` until its reader goes away (`ml-gate evaluate --json - | head -c 100`),
 * then drops what is left, as Unix tools end quietly on a closed pipe: no EPIPE stack trace. The
 * command still runs to its end, so its exit code stays the verdict's, never a silent pass.
 */
function untilReaderLeaves(stream) {
    let open = true;
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
        open = false;
    });
    return (text) => {
        if (open)
            stream.write(text);
    };
}

export { writeOutput as a, untilReaderLeaves as u, writeJson as w };
