import pkg from '../package.json' with { type: 'json' }

/** ml-gate's version, as package.json says; shown by `--version` and in every report's footer. */
export const VERSION: string = pkg.version
