// A StreamError (or anything else thrown) -> what a person should read, plus the technical line.

/** `what` names the thing being fetched, e.g. "payment DemoPending000000000001". */
export function describeError(err, what = 'this') {
  const status = err?.status ? ` (HTTP ${err.status})` : '';
  const messages = {
    NETWORK: ['Can’t reach the payment service', 'The request got no answer: the service may be down, or this device offline.'],
    TIMEOUT: ['The payment service is too slow', 'No answer came in time. The service may be overloaded; try again in a moment.'],
    SERVER: ['The payment service is having trouble', `It answered with an error${status} several times in a row. The problem is on its side, not yours.`],
    RATE_LIMITED: ['Too many requests', 'The service asked us to slow down. Wait a few seconds, then try again.'],
    NOT_FOUND: ['Payment not found', `The service does not know ${what}. Check the link you were given, or ask the shop for a new one.`],
    UNAUTHORIZED: ['The API key was refused', 'The merchant API did not accept the key. Check STREAMPAY_API_KEY.'],
    FORBIDDEN: ['Not allowed', 'The service refused this request for this account.'],
    DECODE: ['Unexpected answer', 'The service answered with something that is not a payment. Try again; if it persists the service may be misconfigured.'],
    VALIDATION: ['The service refused the request', err?.message ?? ''],
    INVALID_ARGUMENT: ['That does not look right', err?.message ?? ''],
  };
  const [title, text] = messages[err?.code] ?? ['Something went wrong', err?.message ?? String(err)];
  return { title, text, detail: technicalLine(err) };
}

/** "NOT_FOUND · HTTP 404 · request abc": for a bug report, not for reading. */
export function technicalLine(err) {
  if (err?.name !== 'StreamError') return err?.name ? `${err.name}: ${err.message}` : '';
  return [err.code, err.status && `HTTP ${err.status}`, err.requestId && `request ${err.requestId}`]
    .filter(Boolean).join(' · ');
}

/** The caller's own abort, which is not an error to show. */
export function isAbort(err, signal) {
  return signal?.aborted && (err === signal.reason || err?.name === 'AbortError');
}
