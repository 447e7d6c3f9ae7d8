import { U as UserInputError } from './suggest.js';

const FORMATS = ['csv', 'jsonl', 'json', 'parquet'];
/** The reading flags every command that opens a table accepts. */
const readOptionFlags = {
    format: { type: 'string' },
    delimiter: { type: 'string' },
    missing: { type: 'string', multiple: true }
};
const READ_OPTIONS_USAGE = `
Read options:
  --format F       csv | jsonl | json | parquet (default: from the file extension; .gz is read as gzip)
  --delimiter D    CSV delimiter: ',' ';' '|' or 'tab' (default: detected from the header)
  --missing TOKEN  a token read as a missing value; repeat for several
                   (default: empty, NA, N/A, null, NaN)
`;
function readOptionsFromArgs(values) {
    const options = {};
    if (values.format !== undefined) {
        if (!FORMATS.includes(values.format)) {
            throw new UserInputError(`--format: expected one of ${FORMATS.join(', ')}, got '${values.format}'`);
        }
        options.format = values.format;
    }
    if (values.delimiter !== undefined)
        options.delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
    if (values.missing !== undefined)
        options.missing = values.missing;
    return options;
}

export { READ_OPTIONS_USAGE as R, readOptionFlags as a, readOptionsFromArgs as r };
