// Response helpers shared by every route: CORS, JSON (BigInt-aware), bodies, error shapes.

export const CORS_HEADERS = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'accept, authorization, content-type, x-api-key, x-request-id, x-requested-with',
  'access-control-expose-headers': 'x-request-id, retry-after, content-length',
  'access-control-max-age': '600',
});

export function setCommonHeaders(req, res, requestId) {
  for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
  // Echo whatever a preflight asks for, so clients with extra `headers` still pass.
  const asked = req.headers['access-control-request-headers'];
  if (asked) res.setHeader('access-control-allow-headers', `${CORS_HEADERS['access-control-allow-headers']}, ${asked}`);
  if (req.headers['access-control-request-private-network']) res.setHeader('access-control-allow-private-network', 'true');
  res.setHeader('x-request-id', requestId);
}

const BIG = '\u0000bigint:';
const BIG_QUOTED = /"\\u0000bigint:(-?\d+)"/g;

/** JSON.stringify that writes BigInt values as bare JSON numbers (amounts past 2^53). */
export function stringify(value) {
  let sawBig = false;
  const text = JSON.stringify(value, (_k, v) => {
    if (typeof v !== 'bigint') return v;
    sawBig = true;
    return BIG + v.toString();
  });
  return sawBig ? text.replace(BIG_QUOTED, '$1') : text;
}

/** A route result -> { status, text, contentType, headers }. Results carry body (JSON), raw (JSON text) or text. */
export function serialize(result) {
  const status = result.status ?? 200;
  if (result.text != null) return { status, text: result.text, contentType: result.contentType ?? 'text/plain; charset=utf-8', headers: result.headers };
  if (result.raw != null) return { status, text: result.raw, contentType: 'application/json', headers: result.headers };
  if (result.body === undefined) return { status, text: '', contentType: null, headers: result.headers };
  return { status, text: stringify(result.body), contentType: 'application/json', headers: result.headers };
}

export function send(res, result) {
  if (res.destroyed || res.headersSent) return;
  const { status, text, contentType, headers } = serialize(result);
  const buf = Buffer.from(text);
  if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (contentType) res.setHeader('content-type', contentType);
  res.setHeader('content-length', buf.length);
  res.writeHead(status);
  res.end(buf);
}

export function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= limit) chunks.push(c); // past the limit: drain, then answer 413
    });
    req.on('end', () => {
      if (size > limit) reject(Object.assign(new Error('request body too large'), { status: 413 }));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** { value } or { error: message } */
export function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: err.message };
  }
}

// --- error bodies -------------------------------------------------------------------------

const V1_SLUGS = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict', 422: 'validation_error', 429: 'rate_limited' };
const V2_CODES = { 400: 'INVALID_PARAMETERS', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'PAYMENT_FINALIZED', 429: 'RATE_LIMITED' };
const MESSAGES = {
  400: 'Bad request', 401: 'Invalid or missing API key', 403: 'Not allowed to access this resource', 404: 'Not found',
  405: 'Method not allowed', 409: 'Payment is already finalized', 422: 'Validation error', 429: 'Too many requests',
  500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout',
};

/** The gateway's (undocumented) error shape, kept small: { error, message }. */
export function v1Error(status, message) {
  return { status, body: { error: V1_SLUGS[status] ?? (status >= 500 ? 'server_error' : 'error'), message: message ?? MESSAGES[status] ?? `HTTP ${status}` } };
}

/** A StreamPay domain error: { code, message, additional_info }. */
export function v2Error(status, code, message, additionalInfo = null) {
  return { status, body: { code: code ?? V2_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'ERROR'), message: message ?? MESSAGES[status] ?? `HTTP ${status}`, additional_info: additionalInfo } };
}

/** One entry of a StreamPay 422 `detail` list (pydantic's shape). */
export function detail(loc, type, msg, input, ctx) {
  const d = { type, loc, msg, input };
  if (ctx) d.ctx = ctx;
  return d;
}

export function validationError(details) {
  return { status: 422, body: { detail: details } };
}

/** The documented-shape body for a status, per API (used by status faults). */
export function errorFor(api, status) {
  if (api === 'v2' && status === 422) {
    return validationError([detail(['query', 'limit'], 'less_than_equal', 'Input should be less than or equal to 100', '1000', { le: 100 })]);
  }
  return api === 'v2' ? v2Error(status) : v1Error(status);
}
