var version = "0.1.0";
var pkg = {
	version: version};

/** ml-gate's version, as package.json says; shown by `--version` and in every report's footer. */
const VERSION = pkg.version;

export { VERSION as V };
