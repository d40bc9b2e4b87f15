// Fault rules: what goes wrong, for which requests, how often. Rules are indexed by payment id and
// by exact path so that finding the fault for a request stays O(1) however many rules exist.
import { createRandom, fromRange } from './random.mjs';

export const FAULT_KINDS = Object.freeze(['status', 'rateLimit', 'html', 'empty', 'truncated', 'wrongTypes', 'patch', 'delay', 'stall', 'reset']);

/** Faults a poller should ride out (the 30% chaos of the poller tests): 5xx, 429, HTML, resets, stalls. */
export const TRANSIENT_FAULTS = Object.freeze([
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'rateLimit', retryAfter: 1 },
  { kind: 'rateLimit', retryAfterDate: 1 },
  { kind: 'html', status: 502 },
  { kind: 'html', status: 503 },
  { kind: 'reset' },
  { kind: 'stall', stallMs: 1000 },
  { kind: 'delay', delayMs: 100 },
]);

/** A fault spec as given ('reset', { status: 503 }, { kind: 'stall', ... }) -> { kind, ...options }. */
export function normalizeFault(spec) {
  const f = typeof spec === 'string' ? { kind: spec } : { ...spec };
  if (f.kind == null) {
    if (f.status === 429) f.kind = 'rateLimit';
    else if (f.status != null) f.kind = 'status';
    else if (f.delayMs != null) f.kind = 'delay';
  }
  if (!FAULT_KINDS.includes(f.kind)) throw new TypeError(`unknown fault kind ${JSON.stringify(f.kind)}; one of ${FAULT_KINDS.join(', ')}`);
  if (f.kind === 'status' && !(Number.isInteger(f.status) && f.status >= 200 && f.status <= 599)) {
    throw new TypeError('a status fault needs a status between 200 and 599');
  }
  const ok = (v) => Number.isFinite(v) && v >= 0;
  if (f.delayMs != null && !(Array.isArray(f.delayMs) ? f.delayMs.length === 2 && f.delayMs.every(ok) : ok(f.delayMs))) {
    throw new TypeError('delayMs must be a number >= 0 or a [min, max] pair');
  }
  for (const k of ['stallMs', 'retryAfterDate']) {
    if (f[k] != null && !ok(f[k])) throw new TypeError(`${k} must be a number >= 0`);
  }
  return f;
}

export class FaultRegistry {
  constructor(seed = 1) {
    this.seed = seed;
    this.clear();
  }

  clear() {
    this.byPaymentId = new Map();
    this.byPath = new Map();
    this.global = [];
    this.nextId = 1;
  }

  /**
   * Adds a rule. Targets (all optional): paymentId, path (exact), pathPrefix, method.
   * times: how many requests it hits (default 1, or unlimited when probability is set).
   * probability: chance per matching request, rolled on a PRNG seeded by `seed`.
   * The fault: the rule's own fields ({ kind, status, ... }), or `faults: [...]` / 'transient' to
   * pick one at random per hit. Returns the rule id.
   */
  add(spec) {
    const rule = typeof spec === 'string' ? { kind: spec } : { ...spec };
    const choices = rule.faults === 'transient' ? TRANSIENT_FAULTS : rule.faults;
    const target = { paymentId: rule.paymentId, path: rule.path, pathPrefix: rule.pathPrefix, method: rule.method?.toUpperCase() };
    const probability = rule.probability ?? 1;
    if (!(probability >= 0 && probability <= 1)) throw new TypeError('probability must be between 0 and 1');
    const times = rule.times ?? (rule.probability != null ? Infinity : 1);
    if (!(times > 0)) throw new TypeError('times must be > 0');
    let fault = null;
    let pool = null;
    if (Array.isArray(choices)) {
      if (choices.length === 0) throw new TypeError('faults must not be empty');
      pool = choices.map(normalizeFault);
    } else {
      const { paymentId, path, pathPrefix, method, times: _t, probability: _p, seed: _s, faults: _f, id: _i, ...own } = rule;
      fault = normalizeFault(own);
    }
    const id = this.nextId++;
    const entry = { id, ...target, times, probability, hits: 0, fault, pool, random: createRandom(rule.seed ?? this.seed + id) };
    const key = entry.paymentId ?? entry.path;
    const index = entry.paymentId != null ? this.byPaymentId : entry.path != null ? this.byPath : null;
    if (index) {
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(entry);
    } else {
      this.global.push(entry);
    }
    return id;
  }

  remove(id) {
    for (const index of [this.byPaymentId, this.byPath]) {
      for (const [key, list] of index) {
        const i = list.findIndex((r) => r.id === id);
        if (i >= 0) {
          list.splice(i, 1);
          if (list.length === 0) index.delete(key);
          return true;
        }
      }
    }
    const i = this.global.findIndex((r) => r.id === id);
    if (i >= 0) this.global.splice(i, 1);
    return i >= 0;
  }

  list() {
    const all = [...[...this.byPaymentId.values()].flat(), ...[...this.byPath.values()].flat(), ...this.global];
    return all
      .sort((a, b) => a.id - b.id)
      .map(({ random, times, ...r }) => ({ ...r, timesLeft: times === Infinity ? null : times }));
  }

  /** The fault for this request, if any rule fires; consumes one of that rule's `times`. */
  take(method, path, paymentId) {
    if (paymentId != null && this.byPaymentId.size) {
      const f = this.fire(this.byPaymentId, paymentId, method, path);
      if (f) return f;
    }
    if (this.byPath.size) {
      const f = this.fire(this.byPath, path, method, path);
      if (f) return f;
    }
    return this.global.length ? this.fireFrom(this.global, method, path) : null;
  }

  fire(index, key, method, path) {
    const list = index.get(key);
    if (!list) return null;
    const f = this.fireFrom(list, method, path);
    if (list.length === 0) index.delete(key);
    return f;
  }

  fireFrom(list, method, path) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.method && r.method !== method) continue;
      if (r.pathPrefix && !path.startsWith(r.pathPrefix)) continue;
      if (r.probability < 1 && !(r.random.next() < r.probability)) continue;
      r.hits++;
      if (--r.times <= 0) list.splice(i, 1);
      const f = r.fault ?? r.pool[Math.floor(r.random.next() * r.pool.length)];
      return Array.isArray(f.delayMs) ? { ...f, delayMs: fromRange(r.random, f.delayMs) } : f;
    }
    return null;
  }
}
