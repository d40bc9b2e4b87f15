// The one error class of the package. Rust decides every error (code, message, retryable, ...)
// and builds it through `makeError`, which the entry hands to the wasm module once at start-up.

/** Every failure of this package: a real `Error` with a stable `code`. */
export class StreamError extends Error {
  /**
   * @param {string} code one of the documented codes (`NOT_FOUND`, `TIMEOUT`, ...)
   * @param {string} message
   * @param {object} [details] `status`, `retryable`, `requestId`, `body`, `streamCode`, and any
   *   documented extra (`paymentIds`, `totalAmount`)
   */
  constructor(code, message, details) {
    super(message);
    this.name = 'StreamError';
    this.code = code;
    this.retryable = false;
    if (details) Object.assign(this, details);
  }
}

// Called from Rust with primitives only; `body` and `extra` arrive as JSON text.
export function makeError(code, message, retryable, status, requestId, body, streamCode, extra) {
  const details = { retryable };
  if (status !== undefined) details.status = status;
  if (requestId !== undefined) details.requestId = requestId;
  if (body !== undefined) details.body = parseOrText(body);
  if (streamCode !== undefined) details.streamCode = streamCode;
  if (extra !== undefined) Object.assign(details, JSON.parse(extra));
  return new StreamError(code, message, details);
}

function parseOrText(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
