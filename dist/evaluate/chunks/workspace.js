import { realpathSync } from 'node:fs';
import { relative, sep, isAbsolute, join, resolve } from 'node:path';

/**
 * Path confinement: in a workflow, every file ml-gate reads or writes must lie inside the
 * workspace (`GITHUB_WORKSPACE`), unless the user explicitly allowed otherwise. A pull request can
 * change ml-gate.yml; without this check it could name `../../home/runner/.ssh/id_rsa` or a
 * symlink to `/proc/self/environ` and have its content shown in the job summary or the comment.
 *
 * The CLI does not confine: on a laptop the user is the workspace owner and reads what they type.
 * Neither is the actions' `results-dir` input: that folder holds only ml-gate's own documents
 * (fixed names, schema-checked when read back), and workflows often put it in `runner.temp`.
 */
/** Characters that make a path a glob (see `glob.ts`). */
const MAGIC = /[*?[]/;
/**
 * Why `path` is outside `workspace.root` (or inside its `.git` folder), or `null` when it is
 * inside (or confinement is off).
 *
 * `path` is taken relative to the current directory, as every reader takes it. Symbolic links are
 * resolved (realpath) before the check, through the longest part of the path that exists, so a
 * link inside the workspace that points out is outside, and a file not written yet (an output
 * folder) is checked by its nearest existing parent. A glob is checked by its folder part before
 * the first wildcard, and may not hold `..` after a wildcard (globs never follow symbolic links).
 *
 * @returns `null`, or e.g. `'../secrets.csv' resolves to /home/runner/secrets.csv, outside the
 *   workspace /home/runner/work/repo'`
 *
 * @example
 * outsideWorkspace('data/train.csv', { root: '/w', allowOutside: false }) // null (cwd /w)
 * outsideWorkspace('/etc/passwd', { root: '/w', allowOutside: false }) // "'/etc/passwd' resolves to /etc/passwd, outside the workspace /w"
 */
function outsideWorkspace(path, workspace) {
    if (workspace.allowOutside)
        return null;
    const segments = path.split(/[\\/]/);
    const firstMagic = segments.findIndex((s) => MAGIC.test(s));
    if (firstMagic >= 0 && segments.slice(firstMagic).includes('..')) {
        return `'${path}' has '..' after a wildcard, which could leave the workspace ${realPath(workspace.root)}`;
    }
    const literal = firstMagic < 0 ? path : segments.slice(0, firstMagic).join('/') || '.';
    const root = realPath(workspace.root);
    const target = realPath(literal);
    const rel = relative(root, target);
    const inside = rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
    if (!inside)
        return `'${path}' resolves to ${target}, outside the workspace ${root}`;
    // actions/checkout keeps the token in .git/config (persist-credentials): never data.
    if (rel.split(sep)[0] === '.git')
        return `'${path}' is in the workspace's .git folder, which can hold credentials`;
    return null;
}
/**
 * The real path of `path` (symbolic links resolved) when it exists; otherwise the real path of
 * its nearest existing parent joined with the rest, so that a link anywhere on the way counts.
 * `..` is left to the operating system (realpath(3)): `link/..` is the parent of the link's
 * target, not the folder holding the link, so it cannot be normalised away first.
 */
function realPath(path) {
    let head = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
    const rest = [];
    for (;;) {
        try {
            return join(realpathSync.native(head), ...rest);
        }
        catch {
            const cut = head.lastIndexOf(sep);
            if (cut <= 0)
                return resolve(path);
            rest.unshift(head.slice(cut + 1));
            head = head.slice(0, cut);
        }
    }
}

export { outsideWorkspace as o };
