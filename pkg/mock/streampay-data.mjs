// StreamPay payments: the fixtures plus seeded generated ones, "paid together" groups, lifecycles,
// list filtering/sorting/paging, and the mark-paid / refund domain rules.
import { createRandom, fromRange } from './random.mjs';
import { formatFixed, parseDecimal } from './amounts.mjs';
import { streampayFixturePayments } from './fixtures.mjs';
import { NotFoundError, StateError } from './errors.mjs';

export const CURRENCY_DECIMALS = Object.freeze({ SAR: 2, USD: 2, EUR: 2, GBP: 2, AED: 2, QAR: 2, BHD: 3, KWD: 3, OMR: 3 });
export const STATUSES = Object.freeze(['PENDING', 'PROCESSING', 'FAILED_INITIATION', 'SUCCEEDED', 'FAILED', 'CANCELED', 'UNDER_REVIEW', 'EXPIRED', 'SETTLED', 'REFUNDED']);
export const MARK_PAID_METHODS = Object.freeze(['CASH', 'BANK_TRANSFER', 'CARD', 'QURRAH']);
export const REFUND_REASONS = Object.freeze(['REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT', 'OTHER']);
export const SORT_FIELDS = Object.freeze(['amount', 'amount_in_smallest_unit', 'scheduled_on', 'payed_at', 'refunded_at', 'current_status', 'currency', 'type', 'id']);
const FINAL = new Set(['SUCCEEDED', 'SETTLED', 'REFUNDED', 'CANCELED', 'EXPIRED']);
const PAID = new Set(['SUCCEEDED', 'SETTLED']);
const CARD_METHODS = ['MADA', 'MADA', 'VISA', 'MASTERCARD', 'APPLE_PAY', 'SAMSUNG_PAY', 'AMEX', 'PGW_CARD_UNSPECIFIED'];
const YEAR_START_MS = Date.parse('2026-01-01T00:00:00+03:00');

/** '2026-11-20T09:00:00+03:00' (Riyadh time, as the fixtures write dates). */
export function riyadhTime(ms) {
  return new Date(Math.floor(ms / 1000) * 1000 + 3 * 3600_000).toISOString().slice(0, 19) + '+03:00';
}

function smallestToJson(units) {
  return units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : units;
}

function domainError(status, code, message, additional_info = null) {
  return { error: { status, body: { code, message, additional_info } } };
}

export class StreamPayStore {
  constructor({ seed = 1, count = 250, finalizedStatusCode = 409 }) {
    this.seedValue = seed;
    this.count = count;
    this.finalizedStatusCode = finalizedStatusCode;
    this.records = new Map();
  }

  seed() {
    this.records.clear();
    this.groupList = [];
    this.random = createRandom(this.seedValue ^ 0x5f3a);
    for (const f of streampayFixturePayments()) this.add(structuredClone(f.value), f.raw);
    const random = createRandom(this.seedValue);
    let invoice = null;
    for (let i = 0; i < this.count; i++) {
      if (!invoice || random.chance(0.6)) invoice = random.uuid();
      this.add(generatePayment(random, invoice));
    }
    this.makeGroups(random);
  }

  add(p, raw = null) {
    const rec = { p, raw, polls: 0, lifecycle: null, group: null };
    this.reindex(rec);
    this.records.set(p.id, rec);
    return rec;
  }

  reindex(rec) {
    const { p } = rec;
    const decimals = CURRENCY_DECIMALS[p.currency] ?? 2;
    rec.scheduledMs = Date.parse(p.scheduled_on);
    rec.sortAmount = BigInt(p.amount_in_smallest_unit) * 10n ** BigInt(Math.max(0, 3 - decimals));
  }

  makeGroups(random) {
    const byCurrency = new Map();
    for (const rec of this.records.values()) {
      if (!PAID.has(rec.p.current_status) || rec.raw !== null || !rec.p.invoice_id) continue;
      if (!byCurrency.has(rec.p.currency)) byCurrency.set(rec.p.currency, []);
      byCurrency.get(rec.p.currency).push(rec);
    }
    for (const bucket of byCurrency.values()) {
      for (let i = 0; i + 1 < bucket.length;) {
        if (!random.chance(0.2) && !(this.groupList.length === 0 && bucket.length >= 2)) { i++; continue; }
        const members = bucket.slice(i, i + random.int(2, 3));
        i += members.length;
        const ids = members.map((m) => m.p.id);
        for (const m of members) {
          m.group = ids;
          m.p.payed_at = members[0].p.payed_at;
          m.p.payment_method = members[0].p.payment_method;
        }
        this.groupList.push(ids);
      }
    }
  }

  /** Adds one payment. amount (decimal string) or amountInSmallestUnit (number/string/BigInt). */
  create(opts = {}) {
    const currency = opts.currency ?? 'SAR';
    const decimals = CURRENCY_DECIMALS[currency] ?? 2;
    const units = opts.amountInSmallestUnit != null ? BigInt(opts.amountInSmallestUnit) : parseDecimal(opts.amount ?? '10.00', decimals);
    if (units == null) throw new TypeError(`amount must be a decimal string with at most ${decimals} decimals`);
    const id = opts.id ?? this.random.uuid();
    if (this.records.has(id)) throw new StateError(`payment ${id} already exists`);
    const status = opts.status ?? 'PENDING';
    const rec = this.add({
      id,
      amount: formatFixed(units, decimals),
      amount_in_smallest_unit: smallestToJson(units),
      currency,
      scheduled_on: opts.scheduledOn ?? riyadhTime(Date.now()),
      type: opts.type ?? 'INITIAL',
      payment_method: opts.paymentMethod ?? null,
      current_status: 'PENDING',
      payed_at: null,
      refunded_at: null,
      refund_reason: null,
      refund_note: null,
      invoice_id: opts.invoiceId ?? null,
    });
    if (status !== 'PENDING') this.setStatus(id, status, { paymentMethod: opts.paymentMethod });
    if (opts.lifecycle) this.setLifecycle(id, opts.lifecycle);
    return rec;
  }

  createMany(count, opts = {}) {
    const random = createRandom(opts.seed ?? 11);
    const ids = [];
    for (let i = 0; i < count; i++) {
      const lifecycle = opts.pendingPolls != null
        ? { pendingPolls: fromRange(random, opts.pendingPolls), then: opts.then }
        : { pendingMs: fromRange(random, opts.pendingMs ?? [1000, 10_000]), then: opts.then };
      ids.push(this.create({ id: random.uuid(), amountInSmallestUnit: random.int(100, 100_000), lifecycle }).p.id);
    }
    return ids;
  }

  /** `{ pendingPolls | pendingMs, then = 'SUCCEEDED' }`, counted on GET by id. */
  setLifecycle(id, lc) {
    const rec = this.require(id);
    const then = lc.then ?? 'SUCCEEDED';
    if (typeof then !== 'string' || !then) throw new TypeError('lifecycle.then must be a status string');
    if (lc.pendingPolls != null) rec.lifecycle = { mode: 'polls', pendingPolls: Number(lc.pendingPolls), then };
    else if (lc.pendingMs != null) rec.lifecycle = { mode: 'ms', atMs: Date.now() + Number(lc.pendingMs), then };
    else throw new TypeError('lifecycle needs pendingPolls or pendingMs');
    rec.polls = 0;
    return rec;
  }

  require(id) {
    const rec = this.records.get(id);
    if (!rec) throw new NotFoundError(`no StreamPay payment ${id}`);
    return rec;
  }

  /** GET by id: counts the poll and advances the lifecycle. */
  poll(id, nowMs = Date.now()) {
    const rec = this.records.get(id);
    if (!rec) return null;
    rec.polls++;
    const lc = rec.lifecycle;
    if (lc && ((lc.mode === 'polls' && rec.polls > lc.pendingPolls) || (lc.mode === 'ms' && nowMs >= lc.atMs))) {
      rec.lifecycle = null;
      this.setStatus(id, lc.then);
    }
    return rec;
  }

  /** Moves a payment to a status, filling payed_at / refunded_at as that status implies. */
  setStatus(id, status, { paymentMethod, nowMs = Date.now() } = {}) {
    if (typeof status !== 'string' || !status) throw new TypeError('status must be a non-empty string');
    const rec = this.require(id);
    const p = rec.p;
    p.current_status = status;
    if (paymentMethod) p.payment_method = paymentMethod;
    if ((PAID.has(status) || status === 'REFUNDED') && !p.payed_at) {
      p.payed_at = riyadhTime(nowMs);
      p.payment_method ??= 'MADA';
    }
    if (status === 'REFUNDED' && !p.refunded_at) {
      p.refunded_at = riyadhTime(nowMs);
      p.refund_reason ??= 'OTHER';
    }
    rec.raw = null;
    return rec;
  }

  markPaid(id, { payment_method }) {
    const rec = this.records.get(id);
    if (!rec) return domainError(404, 'PAYMENT_NOT_FOUND', `Payment ${id} was not found`);
    const s = rec.p.current_status;
    if (FINAL.has(s)) return domainError(this.finalizedStatusCode, 'PAYMENT_FINALIZED', 'Payment is already finalized and cannot be marked as paid', `current_status=${s}`);
    this.setStatus(id, 'SUCCEEDED', { paymentMethod: payment_method });
    rec.p.payment_method = payment_method;
    return { payment: rec.p };
  }

  refund(id, { refund_reason, refund_note = null, allow_refund_multiple_related_payments = false }) {
    const rec = this.records.get(id);
    if (!rec) return domainError(404, 'PAYMENT_NOT_FOUND', `Payment ${id} was not found`);
    const s = rec.p.current_status;
    if (s === 'REFUNDED') return domainError(this.finalizedStatusCode, 'PAYMENT_REFUNDED_ALREADY', 'Payment has already been refunded', `refunded_at=${rec.p.refunded_at}`);
    if (!PAID.has(s)) return domainError(400, 'INVALID_PARAMETERS', 'Only a succeeded or settled payment can be refunded', `current_status=${s}`);
    if (rec.group && !allow_refund_multiple_related_payments) {
      const total = rec.group.reduce((sum, gid) => sum + BigInt(this.records.get(gid).p.amount_in_smallest_unit), 0n);
      return {
        error: {
          status: 400,
          body: {
            // MultiplePaymentsInTransactionErrorResponse: `error` is a StreamError object.
            error: {
              code: 'INVALID_PARAMETERS',
              message: 'This payment was paid together with other payments in one transaction; refunding it refunds all of them. Set allow_refund_multiple_related_payments to true to proceed.',
              additional_info: null,
            },
            payment_ids: rec.group,
            total_amount: formatFixed(total, CURRENCY_DECIMALS[rec.p.currency] ?? 2),
          },
        },
      };
    }
    const nowMs = Date.now();
    for (const gid of rec.group ?? [id]) {
      const g = this.records.get(gid);
      if (g.p.current_status === 'REFUNDED') continue;
      this.setStatus(gid, 'REFUNDED', { nowMs });
      Object.assign(g.p, { refunded_at: riyadhTime(nowMs), refund_reason, refund_note });
    }
    return { payment: rec.p };
  }

  groups() {
    return this.groupList.map((ids) => ({ payment_ids: ids, currency: this.records.get(ids[0]).p.currency }));
  }

  /** Filters are already validated: { page, limit, statuses?, invoiceIds?, search?, fromMs?, toMs?, sortField?, sortDirection }. */
  list(q) {
    const search = q.search ? q.search.toLowerCase() : null;
    const rows = [];
    for (const rec of this.records.values()) {
      const p = rec.p;
      if (q.statuses && !q.statuses.has(p.current_status)) continue;
      if (q.invoiceIds && !q.invoiceIds.has(p.invoice_id)) continue;
      if (q.fromMs != null && !(rec.scheduledMs >= q.fromMs)) continue;
      if (q.toMs != null && !(rec.scheduledMs <= q.toMs)) continue;
      if (search && !`${p.id} ${p.amount} ${p.currency} ${p.current_status} ${p.payment_method} ${p.type} ${p.invoice_id}`.toLowerCase().includes(search)) continue;
      rows.push(rec);
    }
    rows.sort(comparator(q.sortField ?? 'scheduled_on', q.sortDirection ?? 'desc'));
    const total = rows.length;
    const maxPage = Math.ceil(total / q.limit);
    const start = (q.page - 1) * q.limit;
    return {
      data: rows.slice(start, start + q.limit).map((r) => r.p),
      pagination: {
        total_count: total,
        max_page: maxPage,
        current_page: q.page,
        limit: q.limit,
        has_next_page: q.page < maxPage,
        has_previous_page: q.page > 1,
      },
    };
  }
}

function comparator(field, direction) {
  const sign = direction === 'asc' ? 1 : -1;
  const key = {
    amount: (r) => r.sortAmount,
    amount_in_smallest_unit: (r) => BigInt(r.p.amount_in_smallest_unit),
    scheduled_on: (r) => r.scheduledMs,
    payed_at: (r) => (r.p.payed_at ? Date.parse(r.p.payed_at) : null),
    refunded_at: (r) => (r.p.refunded_at ? Date.parse(r.p.refunded_at) : null),
  }[field] ?? ((r) => r.p[field]);
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka == null) return 1; // nulls last either way
      if (kb == null) return -1;
      if (ka < kb) return -sign;
      if (ka > kb) return sign;
    }
    return a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0;
  };
}

function generatePayment(random, invoiceId) {
  const currency = random.weighted([['SAR', 45], ['KWD', 9], ['BHD', 8], ['USD', 9], ['AED', 8], ['OMR', 5], ['QAR', 5], ['EUR', 6], ['GBP', 5]]);
  const decimals = CURRENCY_DECIMALS[currency];
  const units = random.chance(0.3) ? BigInt(random.int(1, 2000)) * 10n ** BigInt(decimals) : BigInt(random.int(100, 2_000_000));
  const status = random.weighted([['SUCCEEDED', 35], ['PENDING', 18], ['SETTLED', 10], ['REFUNDED', 8], ['FAILED', 8], ['PROCESSING', 5], ['CANCELED', 5], ['EXPIRED', 5], ['UNDER_REVIEW', 3], ['FAILED_INITIATION', 3]]);
  const scheduledMs = YEAR_START_MS + random.int(0, 364 * 24 * 4) * 15 * 60_000;
  const paid = PAID.has(status) || status === 'REFUNDED';
  const payedMs = scheduledMs + random.int(5, 3600) * 1000;
  const refundedMs = payedMs + random.int(1, 20) * 86_400_000;
  const noMethod = status === 'PENDING' || status === 'EXPIRED' || status === 'CANCELED' || status === 'FAILED_INITIATION';
  return {
    id: random.uuid(),
    amount: formatFixed(units, decimals),
    amount_in_smallest_unit: Number(units),
    currency,
    scheduled_on: riyadhTime(scheduledMs),
    type: random.weighted([['INITIAL', 6], ['INSTALLMENT', 3], ['SPLIT_PREPAID', 1]]),
    payment_method: noMethod ? null : random.chance(0.85) ? random.pick(CARD_METHODS) : random.pick(MARK_PAID_METHODS),
    current_status: status,
    payed_at: paid ? riyadhTime(payedMs) : null,
    refunded_at: status === 'REFUNDED' ? riyadhTime(refundedMs) : null,
    refund_reason: status === 'REFUNDED' ? random.pick(REFUND_REASONS) : null,
    refund_note: status === 'REFUNDED' && random.chance(0.5) ? 'Refunded on customer request' : null,
    invoice_id: invoiceId,
  };
}
