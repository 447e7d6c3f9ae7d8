import { parseArgs } from 'node:util';
import { U as UserInputError, d as didYouMean } from './suggest.js';

/**
 * `util.parseArgs` with its errors turned into `UserInputError`s that name the command and
 * suggest the closest option for a typo.
 */
function parseCommandArgs(command, args, options, positionals) {
    let parsed;
    try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    }
    catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(text);
        if (unknown) {
            const names = Object.keys(options).map((name) => `--${name}`);
            throw new UserInputError(`ml-gate ${command}: unknown option '${unknown[1]}'${didYouMean(unknown[1], names)}; ` +
                `see 'ml-gate ${command} --help'`);
        }
        throw new UserInputError(`ml-gate ${command}: ${text.replace(/\. To specify.*$/s, '')}`);
    }
    const count = parsed.positionals.length;
    if (count < positionals.min || count > positionals.max) {
        throw new UserInputError(`ml-gate ${command}: expected ${positionals.names}, got ${count === 0 ? 'nothing' : parsed.positionals.map((p) => `'${p}'`).join(' ')}; see 'ml-gate ${command} --help'`);
    }
    return parsed;
}

export { parseCommandArgs as p };
