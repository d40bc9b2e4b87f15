// Gateway payments: compact records rendered on demand, with lifecycles advanced lazily on each poll
// (no timers), so 10,000 followed payments cost one Map lookup per request.
import { createHash } from 'node:crypto';
import { createRandom, fromRange } from './random.mjs';
import { formatFixed, formatTruncated, parseDecimal } from './amounts.mjs';
import { gatewayCompleted, gatewayExpired } from './fixtures.mjs';
import { NotFoundError, StateError } from './errors.mjs';

const YOCTO = 10n ** 24n;
const STRM_PRICE_CENTS = 601n; // 1 STRM = 6.01 USD, as the completed fixture implies
const NEAR_PRICE_CENTS = 325n;
const USDC_UNITS_PER_CENT = 10n ** 15n; // the fixture's USDC: 100000000000000000 -> "1.00"
const DEFAULT_EXPIRES_IN_MS = 10 * 60_000;

export const DEMO_IDS = Object.freeze({
  pending: 'DemoPending000000000001',
  pendingEur: 'DemoPending000000000002',
  autoComplete: 'DemoAutoComplete000001',
  autoExpire: 'DemoAutoExpire00000001',
});

export function rfc3339(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/** `{ pendingPolls, then }` or `{ pendingMs, then }` -> internal form; throws on nonsense. */
export function normalizeLifecycle(lc, nowMs) {
  if (lc == null) return null;
  const then = lc.then ?? 'completed';
  if (then !== 'completed' && then !== 'expired') throw new TypeError(`lifecycle.then must be 'completed' or 'expired'`);
  if (lc.pendingPolls != null) {
    const n = Number(lc.pendingPolls);
    if (!Number.isInteger(n) || n < 0) throw new TypeError('lifecycle.pendingPolls must be an integer >= 0');
    return { mode: 'polls', pendingPolls: n, then };
  }
  if (lc.pendingMs != null) {
    const ms = Number(lc.pendingMs);
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError('lifecycle.pendingMs must be a number >= 0');
    return { mode: 'ms', atMs: nowMs + ms, then };
  }
  throw new TypeError('lifecycle needs pendingPolls or pendingMs');
}

export class GatewayStore {
  constructor({ baseUrl, seed = 1 }) {
    this.baseUrl = baseUrl;
    this.seedValue = seed;
    this.records = new Map();
  }

  /** Back to the initial payments; ids generated from here on repeat after every reset (same seed). */
  seed(nowMs) {
    this.random = createRandom(this.seedValue ^ 0x6a7e);
    this.bulkCount = 0;
    this.records.clear();
    this.records.set(gatewayCompleted.value.payment_id, { id: gatewayCompleted.value.payment_id, fixture: gatewayCompleted, status: 'completed', polls: 0 });
    this.records.set(gatewayExpired.value.payment_id, { id: gatewayExpired.value.payment_id, fixture: gatewayExpired, status: 'expired', polls: 0 });
    const demo = { returnUrl: '/', expiresInMs: 15 * 60_000, createdMs: nowMs };
    this.create({ ...demo, id: DEMO_IDS.pending, amountUsd: '1.00', name: 'Demo payment', description: 'A coffee, paid in crypto' });
    this.create({ ...demo, id: DEMO_IDS.pendingEur, amountEur: '25.50', name: 'Demo order #2', description: 'Two books' });
    this.create({ ...demo, id: DEMO_IDS.autoComplete, amountUsd: '12.34', name: 'Completes after 3 polls', lifecycle: { pendingPolls: 3 } });
    this.create({ ...demo, id: DEMO_IDS.autoExpire, amountUsd: '5.00', name: 'Expires after 3 polls', lifecycle: { pendingPolls: 3, then: 'expired' } });
  }

  /**
   * Adds a pending payment. Exactly one of amountUsd / amountEur (decimal strings, cents) or
   * strmUnits (BigInt, yocto) sets the amount.
   */
  create(opts = {}) {
    const nowMs = opts.createdMs ?? Date.now();
    const id = opts.id ?? this.newId();
    if (this.records.has(id)) throw new StateError(`payment ${id} already exists`);
    let usdCents;
    let strmUnits;
    let fiat = 'usd';
    if (opts.strmUnits != null) {
      strmUnits = BigInt(opts.strmUnits);
      usdCents = (strmUnits * STRM_PRICE_CENTS) / YOCTO;
    } else {
      fiat = opts.fiat ?? (opts.amountEur != null ? 'eur' : 'usd');
      usdCents = opts.fiatCents != null ? BigInt(opts.fiatCents) : parseDecimal(opts.amountEur ?? opts.amountUsd ?? '1.00', 2);
      if (usdCents == null) throw new TypeError('amountUsd / amountEur must be a decimal string with at most 2 decimals');
      strmUnits = (usdCents * YOCTO) / STRM_PRICE_CENTS;
    }
    const record = {
      id,
      status: 'pending',
      polls: 0,
      fiat,
      usdCents,
      strmUnits,
      name: opts.name ?? 'Mock payment',
      description: opts.description ?? '',
      returnUrl: opts.returnUrl ?? '/',
      createdMs: nowMs,
      expiryMs: nowMs + (opts.expiresInMs ?? DEFAULT_EXPIRES_IN_MS),
      autoExpire: opts.autoExpire !== false,
      lifecycle: normalizeLifecycle(opts.lifecycle, nowMs),
      hideTxPolls: opts.hideTxPolls ?? 0,
      address: createHash('sha256').update(id).digest('hex'),
    };
    this.records.set(id, record);
    return record;
  }

  /** Many pending payments that finish at seeded random poll counts or times. Returns their ids. */
  createMany(count, opts = {}) {
    const random = createRandom(opts.seed ?? 7 + this.bulkCount++);
    const nowMs = Date.now();
    const ids = new Array(count);
    for (let i = 0; i < count; i++) {
      const then = random.chance(opts.expireRatio ?? 0) ? 'expired' : 'completed';
      const lifecycle = opts.pendingPolls != null
        ? { pendingPolls: fromRange(random, opts.pendingPolls), then }
        : { pendingMs: fromRange(random, opts.pendingMs ?? [1000, 10_000]), then };
      let id;
      do id = random.base62(22); while (this.records.has(id));
      const cents = random.int(50, 50_000);
      this.create({
        id, lifecycle, createdMs: nowMs, fiatCents: BigInt(cents), name: `Bulk payment ${i + 1}`,
        expiresInMs: opts.expiresInMs ?? 60 * 60_000,
      });
      ids[i] = id;
    }
    return ids;
  }

  newId() {
    let id;
    do id = this.random.base62(22); while (this.records.has(id));
    return id;
  }

  get(id) {
    return this.records.get(id);
  }

  /** One status poll: counts it, advances the lifecycle, renders. null for an unknown id. */
  poll(id, nowMs = Date.now()) {
    const r = this.records.get(id);
    if (!r) return null;
    r.polls++;
    this.advance(r, nowMs);
    if (r.fixture) return { raw: r.fixture.raw };
    if (r.status === 'completed' && r.hideTxPolls > 0) {
      r.hideTxPolls--;
      return { body: this.render(r, { hideTx: true }) };
    }
    // The text only changes with the status, so a poll is a Map lookup and a cached string.
    if (r.cachedStatus !== r.status) {
      r.cachedText = JSON.stringify(this.render(r));
      r.cachedStatus = r.status;
    }
    return { raw: r.cachedText };
  }

  advance(r, nowMs) {
    if (r.status !== 'pending') return;
    const lc = r.lifecycle;
    if (lc && ((lc.mode === 'polls' && r.polls > lc.pendingPolls) || (lc.mode === 'ms' && nowMs >= lc.atMs))) {
      if (lc.then === 'completed') this.complete(r.id, { nowMs });
      else this.expire(r.id, { nowMs });
      return;
    }
    if (r.autoExpire && nowMs >= r.expiryMs) this.expire(r.id, { nowMs: r.expiryMs });
  }

  /** "Simulate payment": completes a pending payment now. Throws for an expired one or a fixture. */
  complete(id, { nowMs = Date.now(), transactionHash, signerId, hideTxPolls } = {}) {
    const r = this.mutable(id);
    if (r.status === 'expired') throw new StateError(`payment ${id} has expired`);
    if (r.status === 'forgotten') throw new StateError(`payment ${id} is not known any more`);
    if (r.status === 'completed') return r;
    r.status = 'completed';
    r.processedMs = nowMs;
    r.transactionHash = transactionHash ?? this.random.base58(44);
    r.signerId = signerId ?? 'demo-payer.testnet';
    if (hideTxPolls != null) r.hideTxPolls = hideTxPolls;
    return r;
  }

  /** Expires a pending payment now (it then reads as not_found / expired). */
  expire(id, { nowMs = Date.now() } = {}) {
    const r = this.mutable(id);
    if (r.status === 'completed') throw new StateError(`payment ${id} is already completed`);
    if (r.status === 'pending') {
      r.status = 'expired';
      r.expiryMs = Math.min(r.expiryMs, nowMs);
    }
    return r;
  }

  /** The gateway stops knowing a pending payment: it then reads as `not_found` with no reason
   *  (the element's "not found" state; an unknown id is a 404 instead). */
  forget(id) {
    const r = this.mutable(id);
    if (r.status !== 'pending') throw new StateError(`payment ${id} is ${r.status}, not pending`);
    r.status = 'forgotten';
    return r;
  }

  setLifecycle(id, lifecycle) {
    const r = this.mutable(id);
    r.polls = 0;
    r.lifecycle = normalizeLifecycle(lifecycle, Date.now());
    return r;
  }

  mutable(id) {
    const r = this.records.get(id);
    if (!r) throw new NotFoundError(`no gateway payment ${id}`);
    if (r.fixture) throw new StateError(`payment ${id} is a fixture and cannot change`);
    return r;
  }

  /** The wire object of a record (fixtures parsed from their raw text). */
  render(r, { hideTx = false } = {}) {
    if (r.fixture) return JSON.parse(r.fixture.raw);
    const common = { payment_id: r.id };
    if (r.status === 'forgotten') return { ...common, status: 'not_found' };
    if (r.status === 'expired') {
      return { ...common, expiry_at: rfc3339(r.expiryMs), return_url: r.returnUrl, created_at: rfc3339(r.createdMs), status: 'not_found', reason: 'expired' };
    }
    const fiat = formatFixed(r.usdCents, 2);
    const body = {
      ...common,
      network: 'testnet',
      status: r.status,
      address: r.address,
      addresses: this.coins(r),
      amount: r.strmUnits.toString(),
      name: r.name,
      description: r.description,
      display_amount_usd: fiat,
      display_amount_eur: fiat,
      display_amount: formatTruncated(r.strmUnits, 24, 5),
      local_currency: r.fiat,
      return_url: r.returnUrl,
      expiry_at: rfc3339(r.expiryMs),
      created_at: rfc3339(r.createdMs),
    };
    if (r.status === 'completed') {
      body.processed_at = rfc3339(r.processedMs);
      if (!hideTx) {
        body.transaction_hash = r.transactionHash;
        body.signer_id = r.signerId;
      }
    }
    return body;
  }

  coins(r) {
    const near = (r.usdCents * YOCTO) / NEAR_PRICE_CENTS;
    const usdc = r.usdCents * USDC_UNITS_PER_CENT;
    const icon = (t) => `${this.baseUrl}/img/currencies/${t}.svg`;
    return [
      { blockchain: 'strm', address: r.address, contract: 'wrap.near', token: 'STRM', amount: r.strmUnits.toString(), displayAmount: formatTruncated(r.strmUnits, 24, 5), icon: icon('strm') },
      { blockchain: 'near', address: r.address, contract: 'wrap.near', token: 'NEAR', amount: near.toString(), displayAmount: formatTruncated(near, 24, 5), icon: icon('near') },
      { blockchain: 'Solana', address: r.address, contract: 'usdc', token: 'USDC', amount: usdc.toString(), displayAmount: formatFixed(r.usdCents, 2), icon: icon('usdc') },
    ];
  }

  /** Peek without counting a poll (control API). */
  describe(id) {
    const r = this.records.get(id);
    if (!r) return null;
    this.advance(r, Date.now());
    return { polls: r.polls, lifecycle: r.lifecycle ?? null, payment: this.render(r) };
  }
}
