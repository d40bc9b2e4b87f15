// The rest of the StreamPay API in memory: invoices, subscriptions (+ freezes), metered
// subscriptions and usage, over the catalogue (streampay-catalogue-data.mjs). Objects are stored in
// their wire form (snake_case), complete per the description's response schemas.
import { randomUUID, randomBytes } from 'node:crypto';
import { riyadhTime } from './streampay-data.mjs';
import { CatalogueStore } from './streampay-catalogue-data.mjs';
import { seedResources } from './streampay-resources-seed.mjs';
import { ACCOUNT_ID, BRANCH, DomainError, ORG_ID, USER_ID, iso, money, notFound, now, sharedOrgConsumer, smallestJson } from './streampay-resource-kit.mjs';

export class ResourceStore extends CatalogueStore {
  /** payments: the mock's StreamPayStore (invoices created here add their payment to it). */
  constructor({ seed = 1, baseUrl = () => '', payments = null } = {}) {
    super();
    this.seedValue = seed;
    this.baseUrl = baseUrl;
    this.payments = payments;
    this.options = { omitPagination: false, errorShape: 'mixed' };
    this.seed();
  }

  seed() {
    seedResources(this);
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
