// The rest of the StreamPay API in memory: consumers, products (+ prices), coupons, invoices,
// subscriptions (+ freezes), metered subscriptions and usage, the account. Objects are stored in
// their wire form (snake_case), complete per the description's response schemas. Amount maths are
// exact (BigInt smallest units); no float touches an amount.
import { randomUUID, randomBytes } from 'node:crypto';
import { createRandom } from './random.mjs';
import { formatFixed, parseDecimal } from './amounts.mjs';
import { CURRENCY_DECIMALS, riyadhTime } from './streampay-data.mjs';

export const ORG_ID = '5d0c1f7e-2b8a-4e3c-9a61-0f4b2c8d7e10';
export const USER_ID = '9a7e3b21-6c4d-4f80-8b15-3e2d1c0b9a87';
const ACCOUNT_ID = 'c41f0e9d-8b7a-4c65-9d32-1e0f2a3b4c5d';
const BRANCH = Object.freeze({ id: '2f6e8d1c-4b3a-4e29-8c17-6d5e4f3a2b10', name: 'Main branch' });
const VAT_PERCENT = 15n;
const SEED_EPOCH_MS = Date.parse('2026-06-01T09:00:00+03:00');

const decimalsOf = (currency) => CURRENCY_DECIMALS[currency] ?? 2;
const smallestJson = (units) => (units <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : units);
const now = () => riyadhTime(Date.now());
/** A checked date or date-time as the API gives it back: ISO 8601 with an offset. */
const iso = (v) => (v == null ? v : riyadhTime(Date.parse(v)));

/** A decimal string (or a JSON number as the API also accepts) -> smallest units, rounded half up. */
export function toUnits(value, currency) {
  const decimals = decimalsOf(currency);
  const text = String(value).trim().replace(/^\+/, '');
  const m = /^0*(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  const kept = parseDecimal(`${m[1] || '0'}.${frac.slice(0, decimals) || '0'}`, decimals);
  return frac.length > decimals && frac[decimals] >= '5' ? kept + 1n : kept;
}
export const money = (units, currency) => formatFixed(units, decimalsOf(currency));

/** A price's VAT split: inclusive prices hold the VAT, exclusive ones add nothing here. */
function vatSplit(units, { inclusive, exempt }) {
  if (exempt) return { excl: units, vat: 0n };
  if (inclusive) {
    const excl = (units * 100n * 2n + (100n + VAT_PERCENT)) / ((100n + VAT_PERCENT) * 2n);
    return { excl, vat: units - excl };
  }
  return { excl: units, vat: (units * VAT_PERCENT + 50n) / 100n };
}

export function priceDto({ id = randomUUID(), currency, units, inclusive = true, exempt = false, createdAt = now() }) {
  const { excl, vat } = vatSplit(units, { inclusive, exempt });
  return {
    created_at: createdAt,
    updated_at: null,
    id,
    currency,
    amount: money(units, currency),
    is_active: true,
    is_price_inclusive_of_vat: inclusive,
    is_price_exempt_from_vat: exempt,
    price_excluding_vat: money(excl, currency),
    vat_amount: money(vat, currency),
    amount_in_smallest_unit: smallestJson(units),
  };
}

/** Applies coupons in order to an amount; -> { units, metadata | null }. */
function applyCoupons(units, coupons, currency) {
  if (!coupons.length) return { units, metadata: null };
  const rows = [];
  let current = units;
  coupons.forEach((c, i) => {
    const before = current;
    let off = c.is_percentage ? (before * toUnits(c.discount_value, 'KWD')) / 100_000n : toUnits(c.discount_value, currency);
    if (off > before) off = before;
    current = before - off;
    rows.push({
      coupon_id: c.id,
      name: c.name,
      is_percentage: c.is_percentage,
      discount_value: c.discount_value,
      order: i + 1,
      amount_before_discount: money(before, currency),
      discount_amount: money(off, currency),
      amount_after_discount: money(current, currency),
    });
  });
  return { units: current, metadata: { coupons: rows } };
}

const sharedOrgConsumer = (c) => ({
  id: c.id,
  name: c.name,
  alias: c.alias,
  email: c.email,
  phone_number: c.phone_number,
  preferred_language: c.consumer?.preferred_language ?? 'AR',
  consumer: { id: c.consumer?.id ?? c.id, phone_number: c.phone_number, email: c.email, preferred_language: c.consumer?.preferred_language ?? 'AR' },
  is_deleted: false,
  communication_methods: c.communication_methods,
});

/** Domain failures the routes turn into HTTP answers. */
export class DomainError extends Error {
  constructor(status, code, message, additionalInfo = null) {
    super(message);
    Object.assign(this, { status, code, additionalInfo });
  }
}
export const notFound = (what, id) => new DomainError(404, `${what.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`, `${what[0].toUpperCase()}${what.slice(1)} ${id} was not found`);

export class ResourceStore {
  /** payments: the mock's StreamPayStore (invoices created here add their payment to it). */
  constructor({ seed = 1, baseUrl = () => '', payments = null } = {}) {
    this.seedValue = seed;
    this.baseUrl = baseUrl;
    this.payments = payments;
    this.options = { omitPagination: false, errorShape: 'mixed' };
    this.seed();
  }

  seed() {
    const r = createRandom(this.seedValue * 7919 + 17);
    this.random = r;
    this.consumers = new Map();
    this.products = new Map();
    this.archivedPrices = new Map();
    this.coupons = new Map();
    this.invoices = new Map();
    this.subscriptions = new Map();
    this.freezes = new Map(); // subscription id -> Map(freeze id -> freeze)
    this.metered = new Map();
    this.usage = new Map(); // idempotency key -> record id
    this.invoiceNumber = 1000;
    this.options = { omitPagination: false, errorShape: 'mixed' };
    const at = (i) => riyadhTime(SEED_EPOCH_MS + i * 3_600_000);
    const names = ['Sara Alharbi', 'Omar Alqahtani', 'Lina Alotaibi', 'Faisal Alshehri', 'Noura Aldosari', 'Khalid Alzahrani', 'Reem Alghamdi', 'Yousef Almutairi', 'Huda Alanazi', 'Majed Alshammari'];
    for (let i = 0; i < 25; i++) {
      const name = `${names[i % names.length]}${i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : ''}`;
      this.createConsumer({ name, phone_number: `+9665${String(10_000_000 + i * 7_654_321).slice(-8)}`, email: `customer${i + 1}@example.sa`, external_id: `crm-${1000 + i}`, communication_methods: i % 3 ? ['SMS'] : ['WHATSAPP', 'EMAIL'], preferred_language: i % 2 ? 'EN' : 'AR' }, { id: r.uuid(), createdAt: at(i) });
    }
    const catalogue = [
      ['Monthly gym membership', 'RECURRING', 'MONTH', '150.00'],
      ['Yoga class pack', 'ONE_OFF', null, '320.50'],
      ['Personal training session', 'ONE_OFF', null, '99.99'],
      ['Annual plan', 'RECURRING', 'YEAR', '1499.00'],
      ['API calls', 'METERED', null, '0.05'],
      ['SMS messages', 'METERED', null, '0.12'],
      ['Consulting hour', 'ONE_OFF', null, '450.00'],
      ['Weekly meal box', 'RECURRING', 'WEEK', '210.00'],
      ['Locker rental', 'RECURRING', 'MONTH', '35.00'],
      ['Protein shake', 'ONE_OFF', null, '18.75'],
      ['Storage (GB-month)', 'METERED', null, '1.500'],
      ['Workshop ticket', 'ONE_OFF', null, '75.00'],
    ];
    catalogue.forEach(([name, type, interval, price], i) => {
      const prices = [{ currency: 'SAR', amount: price }];
      if (i % 3 === 0) prices.push({ currency: 'USD', amount: money(toUnits(price, 'SAR') * 100n / 375n + 1n, 'USD') });
      if (i % 4 === 1) prices.push({ currency: 'KWD', amount: money(toUnits(price, 'SAR') * 82n / 100n, 'KWD') });
      this.createProduct({ name, description: i % 2 ? null : `${name} at the main branch`, type, recurring_interval: interval, prices, is_active: i !== 11 }, { id: r.uuid(), createdAt: at(30 + i) });
    });
    [['WELCOME10', '10', true], ['RAMADAN25', '25', true], ['FLAT50', '50.00', false, 'SAR'], ['VIP5', '5.000', false, 'KWD'], ['SUMMER15', '15', true], ['STAFF50', '50', true], ['FLAT20USD', '20.00', false, 'USD'], ['LOYAL7', '7.5', true], ['EID30', '30', true], ['OLD2019', '5', true], ['BULK100', '100.00', false, 'SAR'], ['TRIAL100', '100', true]].forEach(([name, value, pct, currency], i) => {
      this.createCoupon({ name, discount_value: value, is_percentage: pct, currency: pct ? null : currency, is_active: name !== 'OLD2019' }, { id: r.uuid(), createdAt: at(60 + i) });
    });
    const consumers = [...this.consumers.values()];
    const oneOff = [...this.products.values()].filter((p) => p.type === 'ONE_OFF' && p.is_active);
    const recurring = [...this.products.values()].filter((p) => p.type === 'RECURRING');
    const metered = [...this.products.values()].filter((p) => p.type === 'METERED');
    const coupons = [...this.coupons.values()].filter((c) => c.is_active && c.is_percentage);
    for (let i = 0; i < 14; i++) {
      const items = [{ product_id: oneOff[i % oneOff.length].id, quantity: 1 + (i % 3) }];
      if (i % 4 === 0) items.push({ product_id: oneOff[(i + 1) % oneOff.length].id, quantity: 1, coupons: [coupons[i % coupons.length].id] });
      const inv = this.createInvoice({ items, organization_consumer_id: consumers[i % consumers.length].id, scheduled_on: at(24 * (30 + i)), description: `Seeded invoice ${i + 1}`, payment_methods: { mada: true, visa: true, mastercard: true, amex: false, bank_transfer: i % 2 === 0, installment: false }, coupons: i % 5 === 0 ? [coupons[0].id] : null }, { id: r.uuid(), createdAt: at(100 + i), registerPayment: false });
      const status = ['SENT', 'SENT', 'ACCEPTED', 'COMPLETED', 'CANCELED', 'CREATED'][i % 6];
      this.setInvoiceStatus(inv, status, at(110 + i));
    }
    for (let i = 0; i < 12; i++) {
      this.createSubscription({ items: [{ product_id: recurring[i % recurring.length].id, quantity: 1 + (i % 2) }], organization_consumer_id: consumers[(i * 3) % consumers.length].id, period_start: at(200 + i * 24), description: `Seeded subscription ${i + 1}`, currency: 'SAR', coupons: i % 4 === 0 ? [coupons[1].id] : null }, { id: r.uuid(), createdAt: at(200 + i) });
    }
    const subs = [...this.subscriptions.values()];
    this.createFreeze(subs[1].id, { freeze_start_datetime: at(400), freeze_end_datetime: at(400 + 24 * 14), notes: 'Travelling' }, { id: r.uuid() });
    this.createFreeze(subs[1].id, { freeze_start_datetime: at(900), freeze_end_datetime: null, notes: null }, { id: r.uuid() });
    this.cancelSubscription(subs[2].id, { cancel_related_invoices: false });
    for (let i = 0; i < 12; i++) {
      this.createMetered({ product_id: metered[i % metered.length].id, organization_consumer_id: consumers[i].id, starts_at: at(300 + i) }, { id: r.uuid(), createdAt: at(300 + i) });
    }
  }

  configure({ omitPagination, errorShape } = {}) {
    if (omitPagination !== undefined) {
      if (!(typeof omitPagination === 'boolean' || (Array.isArray(omitPagination) && omitPagination.every((p) => typeof p === 'string')))) throw new TypeError('omitPagination must be a boolean or a list of paths');
      this.options.omitPagination = omitPagination;
    }
    if (errorShape !== undefined) {
      if (!['flat', 'nested', 'mixed'].includes(errorShape)) throw new TypeError("errorShape must be 'flat', 'nested' or 'mixed'");
      this.options.errorShape = errorShape;
    }
    return { ...this.options };
  }

  counts() {
    return { consumers: this.consumers.size, products: this.products.size, coupons: this.coupons.size, invoices: this.invoices.size, subscriptions: this.subscriptions.size, meteredSubscriptions: this.metered.size };
  }

  // --- account ---------------------------------------------------------------------------------
  me() {
    return {
      user: { id: USER_ID, email: 'owner@example.sa', first_name: 'نورة', last_name: 'العتيبي', en_first_name: 'Noura', en_last_name: 'Alotaibi', created_at: '2025-03-02T10:15:00+03:00' },
      organization: { id: ORG_ID, name: 'نادي المثال', name_en: 'Example Club', sandbox: true, created_at: '2025-03-02T10:20:00+03:00', currency_config: { home_currency: 'SAR', default_currency: 'SAR', enabled_currencies: ['SAR', 'USD', 'KWD'] } },
    };
  }

  // --- consumers -------------------------------------------------------------------------------
  consumer(id) {
    return this.consumers.get(String(id).toLowerCase()) ?? null;
  }
  requireConsumer(id) {
    return this.consumer(id) ?? (() => { throw notFound('consumer', id); })();
  }

  createConsumer(body, { id = randomUUID(), createdAt = now() } = {}) {
    const c = {
      id,
      name: body.name,
      phone_number: body.phone_number ?? null,
      email: body.email ?? null,
      external_id: body.external_id ?? null,
      consumer: { id: this.random.uuid(), phone_number: body.phone_number ?? null, preferred_language: body.preferred_language ?? 'AR' },
      iban: body.iban ?? null,
      is_deleted: false,
      alias: body.alias ?? null,
      created_at: createdAt,
      branch: { ...BRANCH },
      comment: body.comment ?? null,
      communication_methods: body.communication_methods ?? [],
      preferred_language: body.preferred_language ?? 'AR',
      last_invoice_activity: null,
    };
    this.consumers.set(id, c);
    return c;
  }

  updateConsumer(id, body) {
    const c = this.requireConsumer(id);
    for (const [k, v] of Object.entries(body)) {
      if (k === 'name' && v == null) continue;
      if (k in c && k !== 'id') c[k] = v ?? (k === 'communication_methods' ? [] : null);
    }
    if (body.phone_number !== undefined) c.consumer.phone_number = body.phone_number;
    return c;
  }

  deleteConsumer(id) {
    const c = this.requireConsumer(id);
    const ongoing = [...this.invoices.values()].some((i) => i.organization_consumer_id === c.id && ['DRAFT', 'CREATED', 'SENT', 'ACCEPTED'].includes(i.status));
    if (ongoing) throw new DomainError(400, 'CONSUMER_HAS_ONGOING_INVOICES', 'The consumer has ongoing invoices', `consumer_id=${c.id}`);
    const subscribed = [...this.subscriptions.values()].some((s) => s.organization_consumer_id === c.id && ['ACTIVE', 'FROZEN'].includes(s.status));
    if (subscribed) throw new DomainError(400, 'CONSUMER_HAS_ONGOING_SUBSCRIPTIONS', 'The consumer has ongoing subscriptions', `consumer_id=${c.id}`);
    this.consumers.delete(c.id);
    return {};
  }

  // --- products and prices -------------------------------------------------------------------
  product(id) {
    return this.products.get(String(id).toLowerCase()) ?? null;
  }
  requireProduct(id) {
    return this.product(id) ?? (() => { throw notFound('product', id); })();
  }

  createProduct(body, { id = randomUUID(), createdAt = now() } = {}) {
    const prices = (body.prices?.length ? body.prices : body.price != null ? [{ currency: 'SAR', amount: body.price }] : []).map((p) =>
      priceDto({ id: this.random.uuid(), currency: p.currency, units: toUnits(p.amount, p.currency), inclusive: p.is_price_inclusive_of_vat ?? body.is_price_inclusive_of_vat ?? true, exempt: p.is_price_exempt_from_vat ?? body.is_price_exempt_from_vat ?? false, createdAt }),
    );
    if (!prices.length) throw new DomainError(400, 'INVALID_PARAMETERS', 'A product needs at least one price', 'prices');
    const p = {
      created_at: createdAt,
      updated_at: null,
      id,
      name: body.name,
      description: body.description ?? null,
      type: body.type,
      recurring_interval: body.type === 'RECURRING' ? (body.recurring_interval ?? 'MONTH') : null,
      recurring_interval_count: body.recurring_interval_count ?? 1,
      is_active: body.is_active ?? true,
      is_one_time: body.is_one_time ?? false,
      is_used_in_finalized_invoice: false,
      prices,
    };
    this.setDefaultPrice(p);
    this.products.set(id, p);
    return p;
  }

  /** The legacy single-price fields follow the first active price. */
  setDefaultPrice(p) {
    const d = p.prices[0];
    Object.assign(p, { price: d.amount, currency: d.currency, is_price_exempt_from_vat: d.is_price_exempt_from_vat, is_price_inclusive_of_vat: d.is_price_inclusive_of_vat, price_excluding_vat: d.price_excluding_vat, vat_amount: d.vat_amount });
  }

  updateProduct(id, body) {
    const p = this.requireProduct(id);
    for (const k of ['name', 'description', 'is_active', 'type', 'recurring_interval', 'recurring_interval_count']) if (body[k] !== undefined && (body[k] !== null || k === 'description' || k === 'recurring_interval')) p[k] = body[k];
    if (body.prices) {
      p.prices = body.prices.map((x) => priceDto({ id: randomUUID(), currency: x.currency, units: toUnits(x.amount, x.currency), inclusive: x.is_price_inclusive_of_vat ?? true, exempt: x.is_price_exempt_from_vat ?? false }));
      this.setDefaultPrice(p);
    }
    p.updated_at = now();
    return p;
  }

  deleteProduct(id) {
    const p = this.requireProduct(id);
    if (p.is_used_in_finalized_invoice) throw new DomainError(400, 'PRODUCT_USED_IN_FINALIZED_INVOICE', 'The product is used in a finalized invoice', `product_id=${p.id}`);
    this.products.delete(p.id);
    return {};
  }

  addPrice(productId, body) {
    const p = this.requireProduct(productId);
    if (p.prices.some((x) => x.currency === body.currency)) throw new DomainError(409, 'RESOURCE_ALREADY_EXISTS', `The product already has an active ${body.currency} price`, `currency=${body.currency}`);
    const dto = priceDto({ currency: body.currency, units: toUnits(body.amount, body.currency), inclusive: body.is_price_inclusive_of_vat ?? true, exempt: body.is_price_exempt_from_vat ?? false });
    p.prices.push(dto);
    p.updated_at = now();
    return dto;
  }

  requirePrice(p, priceId) {
    const price = p.prices.find((x) => x.id === String(priceId).toLowerCase());
    if (!price) throw notFound('product price', priceId);
    return price;
  }

  /** Prices are immutable: the old one is archived and a new one replaces it. */
  updatePrice(productId, priceId, body) {
    const p = this.requireProduct(productId);
    const old = this.requirePrice(p, priceId);
    const units = body.amount != null ? toUnits(body.amount, old.currency) : BigInt(old.amount_in_smallest_unit);
    const dto = priceDto({ currency: old.currency, units, inclusive: body.is_price_inclusive_of_vat ?? old.is_price_inclusive_of_vat, exempt: body.is_price_exempt_from_vat ?? old.is_price_exempt_from_vat });
    this.archivedPrices.set(old.id, { ...old, is_active: false, updated_at: now() });
    p.prices[p.prices.indexOf(old)] = dto;
    this.setDefaultPrice(p);
    return dto;
  }

  deletePrice(productId, priceId) {
    const p = this.requireProduct(productId);
    const old = this.requirePrice(p, priceId);
    if (p.prices.length === 1) throw new DomainError(400, 'INVALID_PARAMETERS', 'Cannot delete the last active price of a product', `price_id=${old.id}`);
    p.prices.splice(p.prices.indexOf(old), 1);
    this.archivedPrices.set(old.id, { ...old, is_active: false, updated_at: now() });
    this.setDefaultPrice(p);
    return {};
  }

  /** Unit price of a product in a currency, or a 400 when it has none. */
  unitPrice(product, currency) {
    const price = product.prices.find((x) => x.currency === currency);
    if (!price) throw new DomainError(400, 'INVALID_PARAMETERS', `Product ${product.id} has no ${currency} price`, `product_id=${product.id}`);
    return { units: BigInt(price.amount_in_smallest_unit), price };
  }

  // --- coupons ---------------------------------------------------------------------------------
  coupon(id) {
    return this.coupons.get(String(id).toLowerCase()) ?? null;
  }
  requireCoupon(id) {
    return this.coupon(id) ?? (() => { throw notFound('coupon', id); })();
  }
  couponsFor(ids, currency) {
    return (ids ?? []).map((id) => {
      const c = this.requireCoupon(id);
      if (!c.is_percentage && c.currency !== currency) throw new DomainError(400, 'INVALID_PARAMETERS', `Coupon ${c.id} is in ${c.currency}, not ${currency}`, `coupon_id=${c.id}`);
      return c;
    });
  }

  createCoupon(body, { id = randomUUID(), createdAt = now() } = {}) {
    const c = {
      created_at: createdAt,
      updated_at: null,
      id,
      name: body.name,
      discount_value: String(body.discount_value),
      currency: body.is_percentage ? null : body.currency,
      is_percentage: body.is_percentage ?? false,
      is_active: body.is_active ?? true,
      redemptions: 0,
    };
    this.coupons.set(id, c);
    return c;
  }

  updateCoupon(id, body) {
    const c = this.requireCoupon(id);
    for (const k of ['name', 'is_percentage', 'is_active']) if (body[k] != null) c[k] = body[k];
    if (body.discount_value != null) c.discount_value = String(body.discount_value);
    if (body.currency !== undefined) c.currency = body.currency;
    if (c.is_percentage) c.currency = null;
    c.updated_at = now();
    return c;
  }

  deleteCoupon(id) {
    const c = this.requireCoupon(id);
    if (c.redemptions > 0) throw new DomainError(400, 'COUPON_USED_IN_FINALIZED_INVOICE', 'The coupon is used in a finalized invoice', `coupon_id=${c.id}`);
    this.coupons.delete(c.id);
    return {};
  }

  // --- items and totals (invoices, subscriptions, payment links) -----------------------------
  /** items: [{product_id, quantity, coupons?}] -> priced items, totals and coupon metadata. */
  price(items, couponIds, currency) {
    const priced = items.map((it) => {
      const product = this.requireProduct(it.product_id);
      const { units: unit, price } = this.unitPrice(product, currency);
      const original = unit * BigInt(it.quantity ?? 1);
      const applied = applyCoupons(original, this.couponsFor(it.coupons, currency), currency);
      return { it, product, price, unit, original, discounted: applied.units, metadata: applied.metadata };
    });
    const original = priced.reduce((s, x) => s + x.original, 0n);
    const afterItems = priced.reduce((s, x) => s + x.discounted, 0n);
    const total = applyCoupons(afterItems, this.couponsFor(couponIds, currency), currency);
    const vat = priced.reduce((s, x) => s + (x.discounted === 0n ? 0n : vatSplit(x.discounted, { inclusive: x.price.is_price_inclusive_of_vat, exempt: x.price.is_price_exempt_from_vat }).vat), 0n);
    return { priced, original, itemDiscount: original - afterItems, total: total.units, metadata: total.metadata, vat };
  }

  // --- invoices --------------------------------------------------------------------------------
  invoice(id) {
    return this.invoices.get(String(id).toLowerCase()) ?? null;
  }
  requireInvoice(id) {
    return this.invoice(id) ?? (() => { throw notFound('invoice', id); })();
  }

  createInvoice(body, { id = randomUUID(), createdAt = now(), registerPayment = true, subscription = null } = {}) {
    const consumer = this.requireConsumer(body.organization_consumer_id);
    const currency = body.currency ?? 'SAR';
    const t = this.price(body.items, body.coupons, currency);
    const number = ++this.invoiceNumber;
    const paymentId = this.random.uuid();
    const payment = {
      id: paymentId,
      amount: money(t.total, currency),
      currency,
      scheduled_on: iso(body.scheduled_on),
      invoice_payment_number: 1,
      type: 'INITIAL',
      payment_method: null,
      current_status: 'PENDING',
      payed_at: null,
      settled_at: null,
      refunded_at: null,
      pdf_link: null,
      paid_to_account_id: null,
      amount_in_smallest_unit: smallestJson(t.total),
    };
    if (registerPayment && this.payments) this.payments.create({ id: paymentId, amount: payment.amount, currency, invoiceId: id, scheduledOn: payment.scheduled_on });
    const inv = {
      created_at: createdAt,
      updated_at: null,
      id,
      user_id: USER_ID,
      organization_id: ORG_ID,
      organization_consumer_id: consumer.id,
      account_id: ACCOUNT_ID,
      branch_id: BRANCH.id,
      org_invoice_number: number,
      description: body.description ?? null,
      total_amount: money(t.total, currency),
      original_amount: money(t.original, currency),
      item_level_discounted_amount: money(t.itemDiscount, currency),
      total_vat_amount: money(t.vat, currency),
      total_price_excluding_vat: money(t.total - t.vat, currency),
      coupon_calculation_metadata: t.metadata,
      currency,
      home_currency_amount: currency === 'SAR' ? money(t.total, currency) : null,
      home_currency_amount_actual: null,
      exchange_rate_at_creation: currency === 'SAR' ? '1' : null,
      consumer_message: null,
      status: 'SENT',
      payment_method: 'PAYMENTGATEWAY',
      allowed_payment_flow: 'ALL',
      current_payment_flow: null,
      period_start: subscription ? subscription.current_period_start : null,
      period_end: subscription ? subscription.current_period_end : null,
      recurring_interval: subscription ? 'MONTH' : null,
      recurring_interval_count: subscription ? subscription.recurring_interval_count : null,
      type: subscription ? 'RECURRING' : 'ONE_OFF',
      invoice_number: 500_000 + number,
      remaining_amount: money(t.total, currency),
      paid_amount: money(0n, currency),
      exclude_coupons_if_installments: body.exclude_coupons_if_installments ?? false,
      organization_consumer: sharedOrgConsumer(consumer),
      items: t.priced.map((x) => ({
        created_at: createdAt,
        updated_at: null,
        id: this.random.uuid(),
        product_id: x.product.id,
        product: structuredClone(x.product),
        quantity: x.it.quantity,
        original_amount: money(x.original, currency),
        discounted_amount: money(x.discounted, currency),
        coupon_calculation_metadata: x.metadata,
        currency,
        unit_price: money(x.unit, currency),
        product_price_id: x.price.id,
        original_amount_in_smallest_unit: smallestJson(x.original),
        discounted_amount_in_smallest_unit: smallestJson(x.discounted),
      })),
      branch: { ...BRANCH },
      payments: [payment],
      subscription_id: subscription?.id ?? null,
      payment_methods: { mada: true, visa: true, mastercard: true, amex: false, bank_transfer: false, installment: false, qurrah: false, ...body.payment_methods },
      recurrence_pattern: null,
      parent_id: null,
      custom_field_answers: null,
      url: `${this.baseUrl()}/invoices/${id}`,
      scheduled_on: payment.scheduled_on,
      total_amount_in_smallest_unit: smallestJson(t.total),
      original_amount_in_smallest_unit: smallestJson(t.original),
      remaining_amount_in_smallest_unit: smallestJson(t.total),
      paid_amount_in_smallest_unit: 0,
    };
    this.invoices.set(id, inv);
    consumer.last_invoice_activity = { id, org_invoice_number: number, subcription_id: subscription?.id ?? null };
    return inv;
  }

  /** Seeds and scripts: COMPLETED pays the invoice's payment, CANCELED cancels it. */
  setInvoiceStatus(inv, status, at = now()) {
    inv.status = status;
    inv.updated_at = at;
    const p = inv.payments[0];
    if (status === 'COMPLETED') {
      Object.assign(p, { current_status: 'SUCCEEDED', payment_method: 'MADA', payed_at: at });
      Object.assign(inv, { paid_amount: inv.total_amount, remaining_amount: money(0n, inv.currency), paid_amount_in_smallest_unit: inv.total_amount_in_smallest_unit, remaining_amount_in_smallest_unit: 0 });
      for (const it of inv.items) this.product(it.product_id) && (this.product(it.product_id).is_used_in_finalized_invoice = true);
      for (const m of inv.coupon_calculation_metadata?.coupons ?? []) this.coupon(m.coupon_id) && this.coupon(m.coupon_id).redemptions++;
    } else if (status === 'CANCELED') p.current_status = 'CANCELED';
    return inv;
  }

  updateInvoice(id, body) {
    const inv = this.requireInvoice(id);
    if (['COMPLETED', 'CANCELED', 'EXPIRED', 'REJECTED'].includes(inv.status)) throw new DomainError(400, 'INVOICE_FINALISED', 'The invoice is finalised and cannot be changed', `status=${inv.status}`);
    if (body.scheduled_on != null) {
      if (Date.parse(body.scheduled_on) <= Date.now()) throw new DomainError(400, 'INVALID_PARAMETERS', 'scheduled_on must be a future date', `scheduled_on=${body.scheduled_on}`);
      inv.scheduled_on = iso(body.scheduled_on);
      inv.payments[0].scheduled_on = inv.scheduled_on;
    }
    if (body.description !== undefined) inv.description = body.description;
    inv.updated_at = now();
    return inv;
  }

  /** InvoiceBase: the invoice without its nested objects. */
  invoiceBase(inv) {
    const { organization_consumer: _c, items: _i, branch: _b, payments: _p, subscription_id: _s, payment_methods: _m, recurrence_pattern: _r, parent_id: _pa, custom_field_answers: _a, url: _u, remaining_amount: _ra, paid_amount: _pd, invoice_number: _n, exclude_coupons_if_installments: _e, remaining_amount_in_smallest_unit: _ru, paid_amount_in_smallest_unit: _pu, ...base } = inv;
    return structuredClone(base);
  }

  invoiceDetailed(inv) {
    const sub = inv.subscription_id ? this.subscriptions.get(inv.subscription_id) : null;
    return { ...structuredClone(inv), subscription: sub ? this.subscriptionDetailed(sub) : null };
  }

  invoiceListItem(inv, includePayments) {
    const sub = inv.subscription_id ? this.subscriptions.get(inv.subscription_id) : null;
    const paid = inv.payments.filter((p) => p.payed_at).map((p) => p.payed_at).sort();
    const { items: _i, ...rest } = structuredClone(inv);
    return {
      ...rest,
      subscription: sub ? { id: sub.id, recurring_interval: sub.recurring_interval, recurring_interval_count: sub.recurring_interval_count, status: sub.status, current_period_start: sub.current_period_start, current_period_end: sub.current_period_end, cancel_at_period_end: sub.cancel_at_period_end } : null,
      payments: includePayments ? rest.payments : null,
      total_number_of_payments: inv.payments.length,
      last_payment_paid_at: paid.at(-1) ?? null,
    };
  }

  // --- subscriptions ---------------------------------------------------------------------------
  subscription(id) {
    return this.subscriptions.get(String(id).toLowerCase()) ?? null;
  }
  requireSubscription(id) {
    return this.subscription(id) ?? (() => { throw notFound('subscription', id); })();
  }

  priceSubscription(s, body) {
    const t = this.price(body.items, body.coupons, s.currency);
    const first = t.priced[0].product;
    const interval = ['WEEK', 'MONTH', 'QUARTER', 'YEAR'].includes(first.recurring_interval) ? first.recurring_interval : 'MONTH';
    Object.assign(s, {
      amount: money(t.total, s.currency),
      original_amount: money(t.original, s.currency),
      item_level_discounted_amount: money(t.itemDiscount, s.currency),
      coupon_calculation_metadata: t.metadata,
      home_currency_amount: s.currency === 'SAR' ? money(t.total, s.currency) : null,
      exchange_rate_at_creation: s.currency === 'SAR' ? '1' : null,
      recurring_interval: interval,
      recurring_interval_count: first.recurring_interval_count ?? 1,
      items: t.priced.map((x) => ({ created_at: s.created_at, updated_at: null, id: this.random.uuid(), product_id: x.product.id, subscription_id: s.id, quantity: x.it.quantity, original_amount: money(x.original, s.currency), discounted_amount: money(x.discounted, s.currency), coupon_calculation_metadata: x.metadata, product: structuredClone(x.product) })),
      amount_in_smallest_unit: smallestJson(t.total),
      original_amount_in_smallest_unit: smallestJson(t.original),
      _body: { items: body.items, coupons: body.coupons ?? [] },
    });
  }

  createSubscription(body, { id = randomUUID(), createdAt = now() } = {}) {
    const consumer = this.requireConsumer(body.organization_consumer_id);
    const startMs = Date.parse(body.period_start);
    const s = {
      created_at: createdAt,
      updated_at: null,
      id,
      description: body.description ?? null,
      currency: body.currency ?? 'SAR',
      remaining_days: 30,
      status: 'ACTIVE',
      current_period_start: riyadhTime(startMs),
      current_period_end: riyadhTime(startMs + 30 * 86_400_000),
      current_cycle_number: 1,
      cancel_at_period_end: false,
      cancel_at_cycle_number: body.until_cycle_number ?? null,
      started_at: riyadhTime(startMs),
      ended_at: null,
      user_id: USER_ID,
      organization_consumer_id: consumer.id,
      latest_invoice_id: null,
      organization_consumer: { id: consumer.id, name: consumer.name, alias: consumer.alias, email: consumer.email },
      latest_freeze: null,
      override_payment_methods: body.override_payment_methods ?? null,
    };
    this.priceSubscription(s, body);
    this.subscriptions.set(id, s);
    this.freezes.set(id, new Map());
    const inv = this.createInvoice({ items: body.items, coupons: body.coupons, organization_consumer_id: consumer.id, scheduled_on: s.current_period_start, currency: s.currency, description: s.description }, { id: this.random.uuid(), createdAt, registerPayment: false, subscription: s });
    s.latest_invoice_id = inv.id;
    return s;
  }

  subscriptionDetailed(s) {
    const { _body, ...wire } = s;
    const inv = s.latest_invoice_id ? this.invoices.get(s.latest_invoice_id) : null;
    return { ...structuredClone(wire), latest_invoice: inv ? this.invoiceBase(inv) : null };
  }

  requireLive(s) {
    if (['CANCELED', 'EXPIRED'].includes(s.status)) throw new DomainError(400, 'INVALID_STATUS', `The subscription is ${s.status.toLowerCase()}`, `status=${s.status}`);
  }

  updateSubscription(id, body) {
    const s = this.requireSubscription(id);
    this.requireLive(s);
    if (body.description !== undefined) s.description = body.description;
    if (body.until_cycle_number !== undefined) s.cancel_at_cycle_number = body.until_cycle_number;
    if (body.override_payment_methods !== undefined) s.override_payment_methods = body.override_payment_methods;
    this.priceSubscription(s, body);
    s.updated_at = now();
    return s;
  }

  cancelSubscription(id, body) {
    const s = this.requireSubscription(id);
    this.requireLive(s);
    Object.assign(s, { status: 'CANCELED', ended_at: now(), updated_at: now(), remaining_days: 0 });
    if (body.cancel_related_invoices) {
      for (const inv of this.invoices.values()) if (inv.subscription_id === s.id && ['SENT', 'CREATED', 'ACCEPTED'].includes(inv.status)) this.setInvoiceStatus(inv, 'CANCELED');
    }
    return s;
  }

  freezeList(subId) {
    this.requireSubscription(subId);
    return this.freezes.get(String(subId).toLowerCase());
  }

  requireFreeze(subId, freezeId) {
    const f = this.freezeList(subId).get(String(freezeId).toLowerCase());
    if (!f) throw notFound('subscription freeze', freezeId);
    return f;
  }

  setFreezeTimes(f, body) {
    const start = Date.parse(body.freeze_start_datetime);
    const end = body.freeze_end_datetime == null ? null : Date.parse(body.freeze_end_datetime);
    if (end != null && end <= start) throw new DomainError(400, 'INVALID_PARAMETERS', 'freeze_end_datetime must be after freeze_start_datetime', `freeze_end_datetime=${body.freeze_end_datetime}`);
    f.freeze_start_datetime = iso(body.freeze_start_datetime);
    f.freeze_end_datetime = iso(body.freeze_end_datetime) ?? null;
    f.duration = end == null ? null : Math.ceil((end - start) / 86_400_000);
    if (body.notes !== undefined) f.notes = body.notes;
  }

  createFreeze(subId, body, { id = randomUUID() } = {}) {
    const s = this.requireSubscription(subId);
    this.requireLive(s);
    const f = { created_at: now(), updated_at: null, id, freeze_start_datetime: null, freeze_end_datetime: null, notes: null, subscription_id: s.id, invoice_id: s.latest_invoice_id, duration: null };
    this.setFreezeTimes(f, body);
    this.freezes.get(s.id).set(id, f);
    Object.assign(s, { status: 'FROZEN', latest_freeze: structuredClone(f), updated_at: now() });
    return f;
  }

  updateFreeze(subId, freezeId, body) {
    const f = this.requireFreeze(subId, freezeId);
    this.setFreezeTimes(f, body);
    f.updated_at = now();
    const s = this.subscription(subId);
    if (s.latest_freeze?.id === f.id) s.latest_freeze = structuredClone(f);
    return f;
  }

  deleteFreeze(subId, freezeId) {
    const f = this.requireFreeze(subId, freezeId);
    const list = this.freezes.get(f.subscription_id);
    list.delete(f.id);
    const s = this.subscription(subId);
    const last = [...list.values()].at(-1) ?? null;
    s.latest_freeze = last && structuredClone(last);
    if (s.status === 'FROZEN' && !last) s.status = 'ACTIVE';
    return {};
  }

  // --- metered billing -------------------------------------------------------------------------
  createMetered(body, { id = randomUUID(), createdAt = now() } = {}) {
    const product = this.requireProduct(body.product_id);
    if (product.type !== 'METERED') throw new DomainError(400, 'INVALID_PARAMETERS', `Product ${product.id} is not a METERED product`, `type=${product.type}`);
    const consumer = this.requireConsumer(body.organization_consumer_id);
    const m = { id, product_id: product.id, organization_consumer_id: consumer.id, organization_id: ORG_ID, starts_at: iso(body.starts_at) ?? createdAt, ends_at: iso(body.ends_at) ?? null, created_at: createdAt, updated_at: null };
    this.metered.set(id, m);
    return m;
  }

  activeMetered() {
    const t = Date.now();
    return [...this.metered.values()].filter((m) => m.ends_at == null || Date.parse(m.ends_at) > t);
  }

  deactivateMetered(id) {
    const m = this.metered.get(String(id).toLowerCase());
    if (!m) throw notFound('metered subscription', id);
    m.ends_at = now();
    m.updated_at = m.ends_at;
    return m;
  }

  /** Each record: a duplicate idempotency key (or no active metered subscription) is not inserted. */
  recordUsage(records) {
    const results = records.map((r) => {
      if (this.usage.has(r.idempotency_key)) return { id: null, success: false };
      const live = this.activeMetered().some((m) => m.product_id === String(r.product_id).toLowerCase() && m.organization_consumer_id === String(r.organization_consumer_id).toLowerCase());
      if (!live) return { id: null, success: false };
      const id = randomBytes(12).toString('hex');
      this.usage.set(r.idempotency_key, { id, ...r });
      return { id, success: true };
    });
    return { records: results, total_inserted: results.filter((x) => x.success).length };
  }
}
