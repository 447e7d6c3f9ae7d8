/**
 * A request that got no HTTP answer: the host is unknown (`ENOTFOUND`), refused or reset the
 * connection (`ECONNREFUSED`, `ECONNRESET`), or did not answer in time (`timeout`). Octokit
 * reports these as status 500; ml-gate names them for what they are.
 */
class NetworkError extends Error {
    code;
    name = 'NetworkError';
    constructor(
    /** Node's error code (`ENOTFOUND`, `ECONNREFUSED`, `EAI_AGAIN`…), or `timeout`. */
    code, message) {
        super(message);
        this.code = code;
    }
}
/**
 * The `NetworkError` for what `fetch(url)` threw: Node's fetch rejects with `TypeError('fetch
 * failed')` whose `cause` holds the system error and its code; a timeout rejects with the
 * signal's `TimeoutError`.
 */
function networkFailure(error, url, timeoutMs) {
    const host = URL.canParse(url) ? new URL(url).host : url;
    if (error?.name === 'TimeoutError') {
        return new NetworkError('timeout', `no answer from ${host} within ${timeoutMs / 1000} s (timeout)`);
    }
    const cause = error?.cause;
    const code = typeof cause?.code === 'string' ? cause.code : 'network error';
    const detail = typeof cause?.message === 'string' && cause.message !== '' ? cause.message : String(error);
    return new NetworkError(code, `cannot reach ${host}: ${detail}`);
}
/** The `NetworkError` behind a failed request (Octokit keeps it as `cause`), else `null`. */
function networkErrorOf(error) {
    // A few links deep: Octokit keeps ours as the direct cause; the bound guards against cycles.
    for (let e = error, depth = 0; e != null && depth < 4; e = e.cause, depth++) {
        if (e instanceof NetworkError)
            return e;
    }
    return null;
}
/** The HTTP status of a failed request; `null` for errors that are not HTTP answers. */
function statusOf(error) {
    if (networkErrorOf(error) !== null)
        return null;
    const status = error?.status;
    return typeof status === 'number' ? status : null;
}
/** GitHub's message of a failed request (`Resource not accessible by integration`), else the error's. */
function messageOf(error) {
    const network = networkErrorOf(error);
    if (network !== null)
        return network.message;
    const e = error;
    return e?.response?.data?.message ?? e?.message ?? String(error);
}

export { NetworkError as N, networkFailure as a, messageOf as m, networkErrorOf as n, statusOf as s };
