import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'module';
import { R as RESULT_FILES, a as RESULT_NAME, c as candidateResultFile } from './result-names.js';
import { s as statusOf, m as messageOf } from './api-errors.js';

var require$1 = createRequire('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
try {
    (_a = require$1('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b; _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// empty
var et = /*#__PURE__*/ new u8(0);
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

/**
 * The baseline that finds itself: the results folder a run of the base branch uploaded as an
 * Actions artifact, at the pull request's merge base (or, by `fallback: latest`, the newest run of
 * the base branch before it), downloaded, unpacked and its candidate's evaluation document kept.
 *
 * Trust: only artifacts of the base repository's own runs on the base branch are taken
 * (`workflow_run.head_repository_id` equal to `repository_id`, `head_branch` the base branch): a
 * fork's pull request runs in the base repository and can upload an artifact of the same name.
 *
 * Every way of not finding one (none uploaded, expired, no run at the merge base, a token without
 * `actions: read`, a 404, a zip that is too large or names a path outside its folder) is a
 * `missing` reason saying which and what to fix, never a thrown error: the change gates then
 * behave as without a baseline. A document that is found but invalid is bad input (`runGate`
 * reads it, its path names the artifact and the run).
 */
const DEFAULT_ZIP_LIMITS = {
    zipBytes: 256 * 1024 * 1024,
    entryBytes: 512 * 1024 * 1024,
    entries: 10_000
};
/** Runs of the base branch older than the merge base checked for being its ancestor, at most. */
const MAX_ANCESTOR_CHECKS = 10;
/** Pages of the artifacts list read at most (of `perPage`), newest first. */
const MAX_PAGES = 10;
/** A reason the baseline is missing, carried up to the lookup's result. */
class Missing extends Error {
}
/**
 * Finds, downloads and unpacks the baseline artifact of a pull request (module comment).
 *
 * Requests: `GET /repos/{o}/{r}/compare/{base}...{head}` (the merge base), `GET
 * /repos/{o}/{r}/actions/artifacts?name=NAME` (paginated, newest first), for the fallback one
 * compare `{merge base}...{sha}` per older run (status `behind` or `identical`: an ancestor), then
 * `GET /repos/{o}/{r}/actions/artifacts/{id}/zip`, whose 302 points at a signed blob URL fetched
 * without the token (the URL is the credential; blob stores refuse a second one).
 */
async function findBaselineArtifact(client, lookup) {
    try {
        const mergeBase = await findMergeBase(client, lookup);
        const chosen = await chooseArtifact(client, lookup, mergeBase);
        const label = `artifact '${lookup.artifact}' of run ${chosen.runId}`;
        const zip = await download(client, lookup, chosen, label);
        const file = await unpackBaseline(zip, lookup, chosen, label);
        return {
            found: true,
            file,
            source: `artifact ${lookup.artifact} of run ${chosen.runId} at ${short(chosen.sha)}, ${chosen.why}`
        };
    }
    catch (error) {
        if (error instanceof Missing)
            return { found: false, missing: error.message };
        throw error;
    }
}
async function findMergeBase(client, lookup) {
    const basehead = `${lookup.baseBranch}...${lookup.headSha}`;
    try {
        const { data } = await client.rest.repos.compareCommitsWithBasehead({
            owner: lookup.owner,
            repo: lookup.repo,
            basehead,
            per_page: 1
        });
        return data.merge_base_commit.sha;
    }
    catch (error) {
        throw apiMissing(error, `find the merge base of ${lookup.baseBranch} and ${short(lookup.headSha)}`, lookup, 'contents');
    }
}
/** The artifact at the merge base, else (fallback `latest`) the newest ancestor's. */
async function chooseArtifact(client, lookup, mergeBase) {
    const named = [];
    try {
        let pages = 0;
        for await (const page of client.paginate.iterator(client.rest.actions.listArtifactsForRepo, {
            owner: lookup.owner,
            repo: lookup.repo,
            name: lookup.artifact,
            per_page: lookup.perPage ?? 100
        })) {
            const artifacts = page.data;
            for (const artifact of artifacts)
                named.push(artifact);
            if (named.some((a) => usable(a, lookup) && a.workflow_run?.head_sha === mergeBase))
                break;
            if (++pages >= MAX_PAGES)
                break;
        }
    }
    catch (error) {
        throw apiMissing(error, `list the artifacts named '${lookup.artifact}'`, lookup, 'actions');
    }
    const where = `${lookup.owner}/${lookup.repo}`;
    const ours = named.filter((a) => a.name === lookup.artifact && ownRun(a, lookup));
    if (ours.length === 0) {
        const others = named.length === 0 ? '' : ` (${named.length} from other branches or forks, not trusted)`;
        throw new Missing(`no artifact named '${lookup.artifact}' from a run of ${lookup.baseBranch} in ${where}${others}: ` +
            `upload the results folder under this name on every push to ${lookup.baseBranch} (examples/workflows/baseline.yml)`);
    }
    const live = newestFirst(ours.filter((a) => !a.expired));
    if (live.length === 0) {
        throw new Missing(`every artifact named '${lookup.artifact}' from ${lookup.baseBranch} has expired (${ours.length}): ` +
            `run the baseline workflow on ${lookup.baseBranch} again, or keep the artifact longer (retention-days)`);
    }
    const exact = live.find((a) => a.workflow_run?.head_sha === mergeBase);
    if (exact !== undefined)
        return chosen(exact, 'the merge base');
    const atMergeBase = `no artifact '${lookup.artifact}' from a run of ${lookup.baseBranch} at the merge base ${short(mergeBase)}`;
    if (lookup.fallback === 'none') {
        throw new Missing(`${atMergeBase} (baseline-fallback: none; ${live.length} from other commits): run the baseline workflow ` +
            'at that commit, or set baseline-fallback: latest to take the newest run before it');
    }
    const checked = new Set();
    for (const artifact of live) {
        const sha = artifact.workflow_run?.head_sha ?? '';
        if (checked.has(sha))
            continue;
        if (checked.size >= MAX_ANCESTOR_CHECKS)
            break;
        checked.add(sha);
        if (await isAncestor(client, lookup, sha, mergeBase)) {
            return chosen(artifact, `the newest run of ${lookup.baseBranch} before the merge base ${short(mergeBase)}, which has none of its own`);
        }
    }
    throw new Missing(`${atMergeBase} nor at an ancestor of it (checked the ${checked.size} newest commits with one): ` +
        `run the baseline workflow on ${lookup.baseBranch}`);
}
function chosen(artifact, why) {
    return { artifact, runId: artifact.workflow_run?.id ?? 0, sha: artifact.workflow_run?.head_sha ?? '', why };
}
/** A run of the base repository itself (not a fork's pull request) on the base branch. */
function ownRun(artifact, lookup) {
    const run = artifact.workflow_run;
    return (run != null &&
        run.repository_id !== undefined &&
        run.repository_id === run.head_repository_id &&
        run.head_branch === lookup.baseBranch &&
        typeof run.head_sha === 'string' &&
        typeof run.id === 'number');
}
function usable(artifact, lookup) {
    return artifact.name === lookup.artifact && !artifact.expired && ownRun(artifact, lookup);
}
function newestFirst(artifacts) {
    return [...artifacts].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id);
}
/** `sha` is `mergeBase` or one of its ancestors: compare `mergeBase...sha` is `behind` or `identical`. */
async function isAncestor(client, lookup, sha, mergeBase) {
    try {
        const { data } = await client.rest.repos.compareCommitsWithBasehead({
            owner: lookup.owner,
            repo: lookup.repo,
            basehead: `${mergeBase}...${sha}`,
            per_page: 1
        });
        return data.status === 'behind' || data.status === 'identical';
    }
    catch (error) {
        // A commit gone from the repository (a force-push) is not an ancestor; other failures say so.
        if (statusOf(error) === 404)
            return false;
        throw apiMissing(error, `compare ${short(sha)} with the merge base`, lookup, 'contents');
    }
}
/** The artifact's zip: the API's 302 to a signed blob URL, fetched without the token. */
async function download(client, lookup, chosen, label) {
    const limit = (lookup.limits ?? DEFAULT_ZIP_LIMITS).zipBytes;
    if (chosen.artifact.size_in_bytes > limit) {
        throw new Missing(`${label} is ${chosen.artifact.size_in_bytes} bytes, more than the ${limit} a baseline may be`);
    }
    let location;
    try {
        const response = await client.rest.actions.downloadArtifact({
            owner: lookup.owner,
            repo: lookup.repo,
            artifact_id: chosen.artifact.id,
            archive_format: 'zip',
            request: { redirect: 'manual' }
        });
        location = response.headers.location;
    }
    catch (error) {
        if (statusOf(error) === 410) {
            throw new Missing(`${label} has expired (410 Gone): run the baseline workflow on ${lookup.baseBranch} again`);
        }
        throw apiMissing(error, `download ${label}`, lookup, 'actions');
    }
    if (location === undefined)
        throw new Missing(`${label}: GitHub answered its download without a location`);
    const blob = await (lookup.fetch ?? fetch)(location, { signal: AbortSignal.timeout(120_000) }).catch((error) => {
        throw new Missing(`${label}: cannot download it from ${new URL(location).host}: ${messageOf(error)}`);
    });
    if (!blob.ok)
        throw new Missing(`${label}: its download answered ${blob.status} ${blob.statusText}`);
    return readCapped(blob, limit, label);
}
/** The body, refused as soon as it passes `limit` bytes (the listed size may not be the truth). */
async function readCapped(response, limit, label) {
    const chunks = [];
    let size = 0;
    if (response.body === null)
        return new Uint8Array();
    for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > limit)
            throw new Missing(`${label} is more than the ${limit} bytes a baseline may be`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/**
 * Unpacks the baseline document of the zip into a new folder of `tempDir` whose name says which
 * artifact and run it is (so a message about the file names them): `evaluation-candidate.json`,
 * else the winner's (`verdict.json`'s `winner`, several candidates). Only that entry is inflated.
 */
async function unpackBaseline(zip, lookup, chosen, label) {
    const limits = lookup.limits ?? DEFAULT_ZIP_LIMITS;
    const names = [];
    // The documents that may be the baseline, at the top level (`baselineEntry`); nothing else is inflated.
    const wanted = (name) => name === RESULT_FILES.verdict || /^evaluation-candidate(-[A-Za-z0-9._-]+)?\.json$/.test(name);
    let entries;
    try {
        entries = unzipSync(zip, {
            filter: (entry) => {
                names.push(entry.name);
                // fflate inflates into a buffer of the declared size: a larger stream is cut, never grown.
                return wanted(entry.name) && entry.originalSize <= limits.entryBytes;
            }
        });
    }
    catch (error) {
        throw new Missing(`${label} is not a readable zip: ${messageOf(error)}`);
    }
    const escaping = names.find(escapesFolder);
    if (escaping !== undefined) {
        throw new Missing(`${label} holds an entry whose name leaves its folder (${JSON.stringify(escaping)}): refused`);
    }
    if (names.length > limits.entries) {
        throw new Missing(`${label} holds ${names.length} entries, more than the ${limits.entries} a results folder may`);
    }
    const name = baselineEntry(entries, names);
    if (name === null) {
        const held = names.length === 0 ? 'nothing' : names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '');
        throw new Missing(`${label} holds no ${RESULT_FILES.candidate} (it holds ${held}): upload the results folder of ` +
            'ml-gate run or the gate action at its top level');
    }
    const data = entries[name];
    if (data === undefined) {
        throw new Missing(`${label}: ${name} is larger than the ${limits.entryBytes} bytes a baseline may be`);
    }
    await mkdir(lookup.tempDir, { recursive: true });
    const dir = await mkdtemp(join(lookup.tempDir, 'ml-gate-'));
    const folder = join(dir, `${lookup.artifact.replace(/[^A-Za-z0-9._-]/g, '_')}.run-${chosen.runId}`);
    await mkdir(folder);
    const file = join(folder, name);
    await writeFile(file, data);
    return file;
}
/** Which entry is the baseline: the candidate's document, else the winner's; `null` for neither. */
function baselineEntry(entries, names) {
    if (names.includes(RESULT_FILES.candidate))
        return RESULT_FILES.candidate;
    const verdict = entries[RESULT_FILES.verdict];
    if (verdict === undefined)
        return null;
    let winner;
    try {
        winner = JSON.parse(Buffer.from(verdict).toString('utf8')).winner;
    }
    catch {
        return null;
    }
    if (typeof winner !== 'string' || !RESULT_NAME.test(winner))
        return null;
    const file = candidateResultFile(winner);
    return names.includes(file) ? file : null;
}
/** An entry name that is absolute, climbs out with `..`, or uses a backslash or drive letter. */
function escapesFolder(name) {
    return (name.startsWith('/') ||
        name.includes('\\') ||
        /^[A-Za-z]:/.test(name) ||
        name.includes('\0') ||
        name.split('/').some((part) => part === '..'));
}
/** A failed request as a reason: 403 names the permission to add, 404 what was not found. */
function apiMissing(error, what, lookup, permission) {
    const status = statusOf(error);
    const where = `${lookup.owner}/${lookup.repo}`;
    if (status === 403) {
        return new Missing(`the token cannot ${what} in ${where} (403 ${messageOf(error)}): give the workflow ` +
            `\`permissions: ${permission}: read\``);
    }
    if (status === 404) {
        return new Missing(`cannot ${what} in ${where} (404 ${messageOf(error)}): check the repository and the branch`);
    }
    // Anything else (a 5xx after the retries, no answer) is no baseline either, said as such.
    if (error instanceof Error) {
        return new Missing(`cannot ${what} in ${where}: ${status === null ? '' : `${status} `}${messageOf(error)}`);
    }
    return error;
}
function short(sha) {
    return sha.slice(0, 7);
}

export { findBaselineArtifact };
