import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MAGIC = /[*?[]/;
/** A glob segment as a regular expression: `*` any run within a name, `?` one character, `[..]` a class. */
function segmentPattern(segment) {
    let source = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 1);
            if (end < 0)
                source += '\\[';
            else {
                source += `[${segment
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/**
 * The files a path or glob names, sorted. A path without `*`, `?` or `[` is returned as it is
 * (the reader reports it if it does not exist). `**` matches any number of folders. Names that
 * start with a dot are matched only by patterns that start with one.
 *
 * @example expandGlob('data/*.csv') // ['data/holdout.csv', 'data/train.csv']
 */
async function expandGlob(pattern) {
    if (!MAGIC.test(pattern))
        return [pattern];
    const absolute = pattern.startsWith('/');
    const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    const matches = [];
    async function walk(dir, index) {
        if (index === segments.length) {
            // Literal segments after a wildcard were appended unchecked: keep only files that exist.
            if (await isFile(dir))
                matches.push(dir);
            return;
        }
        const segment = segments[index];
        if (!MAGIC.test(segment))
            return walk(dir === '' ? segment : join(dir, segment), index + 1);
        let entries;
        try {
            entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        const last = index === segments.length - 1;
        if (segment === '**') {
            await walk(dir, index + 1);
            for (const e of entries)
                if (e.isDirectory() && !e.name.startsWith('.'))
                    await walk(join(dir, e.name), index);
            return;
        }
        const regex = segmentPattern(segment);
        for (const e of entries) {
            if (e.name.startsWith('.') && !segment.startsWith('.'))
                continue;
            if (!regex.test(e.name))
                continue;
            if (last ? e.isFile() : e.isDirectory())
                await walk(join(dir, e.name), index + 1);
        }
    }
    await walk(absolute ? '/' : '', absolute ? 1 : 0);
    return [...new Set(matches)].sort();
}
/**
 * The files a path or glob names; a glob matching nothing: the path itself, so the reader reports
 * it as not found.
 */
async function inputFiles(input) {
    const files = await expandGlob(input);
    return files.length > 0 ? files : [input];
}
async function isFile(path) {
    try {
        return (await stat(path)).isFile();
    }
    catch {
        return false;
    }
}

export { expandGlob as e, inputFiles as i };
