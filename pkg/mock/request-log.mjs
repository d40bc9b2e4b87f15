// What the mock saw: a bounded request log (oldest entries dropped first) and counters that tests
// use to check concurrency and rate limits (in flight now, most in flight, most in any 1 s window).

const REDACTED = '[redacted]';
const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'cookie']);

function queryObject(params) {
  const out = {};
  for (const [k, v] of params) {
    if (!(k in out)) out[k] = v;
    else if (Array.isArray(out[k])) out[k].push(v);
    else out[k] = [out[k], v];
  }
  return out;
}

function safeHeaders(raw) {
  const out = {};
  for (const [k, v] of Object.entries(raw)) out[k] = SECRET_HEADERS.has(k) ? REDACTED : v;
  return out;
}

export class RequestLog {
  constructor(limit = 10_000) {
    this.limit = limit;
    this.clear();
  }

  clear() {
    this.ring = [];
    this.head = 0; // index of the oldest entry once the ring is full
    this.dropped = 0;
  }

  /** Records a request; the returned entry gets status / durationMs / fault when it ends. */
  add(req, { path, params, requestId, paymentId, seq }) {
    const entry = {
      seq,
      time: Date.now(),
      method: req.method,
      path,
      query: queryObject(params),
      search: params.size ? params.toString() : '',
      headers: safeHeaders(req.headers),
      paymentId: paymentId ?? null,
      requestId,
      body: null,
      status: null,
      fault: null,
      durationMs: null,
      aborted: false,
    };
    if (this.limit <= 0) return entry;
    if (this.ring.length < this.limit) this.ring.push(entry);
    else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % this.limit;
      this.dropped++;
    }
    return entry;
  }

  /** Entries oldest first. Filters: since (seq, exclusive), path, pathPrefix, method, paymentId, limit. */
  entries({ since, path, pathPrefix, method, paymentId, limit } = {}) {
    const ordered = this.ring.length < this.limit ? this.ring : [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
    const out = [];
    for (const e of ordered) {
      if (since != null && e.seq <= since) continue;
      if (path != null && e.path !== path) continue;
      if (pathPrefix != null && !e.path.startsWith(pathPrefix)) continue;
      if (method != null && e.method !== method.toUpperCase()) continue;
      if (paymentId != null && e.paymentId !== paymentId) continue;
      out.push(e);
      if (limit != null && out.length >= limit) break;
    }
    return out;
  }
}

export class RequestStats {
  constructor() {
    this.inFlight = 0;
    this.reset();
  }

  reset() {
    this.requests = 0;
    this.faults = 0;
    this.maxInFlight = this.inFlight;
    this.window = [];
    this.windowHead = 0;
    this.maxPerSecond = 0;
  }

  start(nowMs) {
    this.requests++;
    if (++this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    const w = this.window;
    w.push(nowMs);
    while (w[this.windowHead] <= nowMs - 1000) this.windowHead++;
    const inWindow = w.length - this.windowHead;
    if (inWindow > this.maxPerSecond) this.maxPerSecond = inWindow;
    if (this.windowHead > 4096) {
      this.window = w.slice(this.windowHead);
      this.windowHead = 0;
    }
    return this.requests;
  }

  end() {
    this.inFlight--;
  }

  snapshot() {
    return {
      requests: this.requests,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      maxRequestsPerSecond: this.maxPerSecond,
      faults: this.faults,
    };
  }
}
