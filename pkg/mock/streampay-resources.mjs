// The StreamPay routes beyond payments: consumers, products (+ prices), coupons, invoices,
// subscriptions (+ freezes), metered billing, the account (GET /api/v2/me), auto-charge, and the full
// payment-link create / list / status. Bodies and list queries are checked against the OpenAPI
// description (openapi-checks.mjs); answers are the description's response shapes.
// withStreamPayResources(routers) adds them; server.mjs calls it before withPaymentLinks so the
// payment-link routes here come first. Faults, the log and the API key check apply as on every route.
import { detail, v2Error, validationError } from './http.mjs';
import { NotFoundError } from './errors.mjs';
import { jsonObjectBody } from './streampay-routes.mjs';
import { checkBody, isDateTime, isUuid, operation, parseQuery, schemaNamed } from './openapi-checks.mjs';
import { DomainError, ORG_ID, USER_ID, money, smallestJson } from './streampay-resource-kit.mjs';
import { settle } from './json-exact.mjs';
import { riyadhTime } from './streampay-data.mjs';

// Domain errors of these resources come nested ({ error: { code, message, additional_info } }),
// as some StreamPay endpoints answer; 404s stay flat. `errorShape` overrides it for every v2 route.
const NESTED_BY_DEFAULT = ['/api/v2/subscriptions', '/api/v2/invoices', '/api/v2/metered', '/api/v2/payments/auto-charge-on-demand'];

function errorResult(err, path, store) {
  if (!(err instanceof DomainError)) throw err;
  const base = v2Error(err.status, err.code, err.message, err.additionalInfo);
  const shape = store.options.errorShape;
  const nested = shape === 'nested' || (shape === 'mixed' && err.status !== 404 && NESTED_BY_DEFAULT.some((p) => path.startsWith(p)));
  return nested ? { status: base.status, body: { error: base.body } } : base;
}

/** Exact comparison of two decimal texts (or numbers): -1, 0 or 1. */
function cmpDecimal(a, b) {
  const parts = (v) => {
    const m = /^([+-]?)0*(\d*)(?:\.(\d*))?$/.exec(String(v).trim()) ?? [null, '', '0', ''];
    return { neg: m[1] === '-', int: m[2] || '0', frac: m[3] ?? '' };
  };
  const x = parts(a);
  const y = parts(b);
  const width = Math.max(x.frac.length, y.frac.length);
  const big = (p) => BigInt(p.int + p.frac.padEnd(width, '0')) * (p.neg ? -1n : 1n);
  const d = big(x) - big(y);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Filters, sorts (sort_field must be a field of the item schema) and pages wire objects. */
function page(rows, q, { defaultSort = 'created_at' } = {}) {
  const field = q.sort_field ?? defaultSort;
  const dir = q.sort_direction ?? 'desc';
  const sign = dir === 'asc' ? 1 : -1;
  // Ties keep creation order, newest first when descending (the sort is stable).
  const sorted = (dir === 'asc' ? [...rows] : [...rows].reverse()).sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    const decimal = /^-?\d+(\.\d+)?$/;
    if (typeof x === 'string' && decimal.test(x) && decimal.test(y)) return sign * cmpDecimal(x, y);
    if (isDateTime(x) && isDateTime(y)) return sign * (Date.parse(x) - Date.parse(y));
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
  const limit = q.limit ?? 10;
  const current = q.page ?? 1;
  const maxPage = Math.ceil(sorted.length / limit);
  return {
    data: sorted.slice((current - 1) * limit, current * limit).map((x) => structuredClone(x)),
    pagination: { total_count: sorted.length, max_page: maxPage, current_page: current, limit, has_next_page: current < maxPage, has_previous_page: current > 1 },
  };
}

/**
 * The answer shapes older or other deployments give, switched on for every v2 route (payments and
 * payment links too): lists without `pagination`, domain errors nested under `error`.
 */
function reshape(store, path, result) {
  const body = result?.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return result;
  const omit = store.options.omitPagination;
  if (result.status === 200 && Array.isArray(body.data) && 'pagination' in body && (omit === true || (Array.isArray(omit) && omit.includes(path)))) {
    const { pagination: _p, ...rest } = body;
    return { ...result, body: rest };
  }
  if (result.status >= 400 && store.options.errorShape === 'nested' && typeof body.code === 'string' && 'message' in body) {
    return { ...result, body: { error: body } };
  }
  return result;
}

function sortFieldProblem(q, itemSchema) {
  const fields = Object.keys(schemaNamed(itemSchema)?.properties ?? {});
  if (q.sort_field != null && !fields.includes(q.sort_field)) {
    return detail(['query', 'sort_field'], 'enum', `Input should be one of the fields of ${itemSchema}`, q.sort_field, { expected: fields.join(', ') });
  }
  return null;
}

const inRange = (value, from, to) => {
  if (from == null && to == null) return true;
  const t = value == null ? NaN : Date.parse(value);
  if (Number.isNaN(t)) return false;
  return (from == null || t >= from) && (to == null || t <= to);
};
const priceIn = (amount, from, to) => (from == null || (amount != null && cmpDecimal(amount, from) >= 0)) && (to == null || (amount != null && cmpDecimal(amount, to) <= 0));
const lower = (s) => String(s ?? '').toLowerCase();

/**
 * Route table: [METHOD, mock path, description path, handler]. The mock path names its first id
 * `:id` (the log's and the faults' `paymentId` key) and a second one `:sub`.
 */
function routes() {
  const list = (descPath, itemSchema, rowsOf, filter = () => true, defaultSort) => ({ state, store, query, params }) => {
    const { q, problems } = parseQuery('GET', descPath, query);
    const bad = sortFieldProblem(q, itemSchema);
    if (bad) problems.push(bad);
    if (problems.length) return validationError(problems);
    const rows = rowsOf(store, params, q, state).filter((r) => filter(r, q, store));
    return { status: 200, body: page(rows, q, { defaultSort }) };
  };
  const ok = (body, status = 200) => ({ status, body: structuredClone(body) });

  return [
    ['GET', '/api/v2/me', '/api/v2/me', ({ store }) => ok(store.me())],

    // consumers
    ['GET', '/api/v2/consumers', '/api/v2/consumers', list('/api/v2/consumers', 'ConsumerResponse', (s) => [...s.consumers.values()], (c, q) => !q.search_term || [c.name, c.email, c.phone_number, c.external_id, c.alias].some((v) => lower(v).includes(lower(q.search_term))))],
    ['POST', '/api/v2/consumers', '/api/v2/consumers', ({ store, body }) => ok(store.createConsumer(body))],
    ['GET', '/api/v2/consumers/:id', '/api/v2/consumers/{consumer_id}', ({ store, params }) => ok(store.requireConsumer(params.id))],
    ['PUT', '/api/v2/consumers/:id', '/api/v2/consumers/{consumer_id}', ({ store, params, body }) => ok(store.updateConsumer(params.id, body))],
    ['DELETE', '/api/v2/consumers/:id', '/api/v2/consumers/{consumer_id}', ({ store, params }) => ok(store.deleteConsumer(params.id))],

    // products and prices
    ['GET', '/api/v2/products', '/api/v2/products', list('/api/v2/products', 'ProductDto', (s) => [...s.products.values()], (p, q) =>
      (!q.search_term || [p.name, p.description].some((v) => lower(v).includes(lower(q.search_term)))) &&
      (q.active == null || p.is_active === q.active) && (q.type == null || p.type === q.type) &&
      (q.currency == null || p.prices.some((x) => x.currency === q.currency && x.is_active)))],
    ['POST', '/api/v2/products', '/api/v2/products', ({ store, body }) => ok(store.createProduct(body))],
    ['GET', '/api/v2/products/:id', '/api/v2/products/{product_id}', ({ store, params }) => ok(store.requireProduct(params.id))],
    ['PUT', '/api/v2/products/:id', '/api/v2/products/{product_id}', ({ store, params, body }) => ok(store.updateProduct(params.id, body))],
    ['DELETE', '/api/v2/products/:id', '/api/v2/products/{product_id}', ({ store, params }) => ok(store.deleteProduct(params.id))],
    ['POST', '/api/v2/products/:id/prices', '/api/v2/products/{product_id}/prices', ({ store, params, body }) => ok(store.addPrice(params.id, body), 201)],
    ['PUT', '/api/v2/products/:id/prices/:sub', '/api/v2/products/{product_id}/prices/{price_id}', ({ store, params, body }) => ok(store.updatePrice(params.id, params.sub, body))],
    ['DELETE', '/api/v2/products/:id/prices/:sub', '/api/v2/products/{product_id}/prices/{price_id}', ({ store, params }) => ok(store.deletePrice(params.id, params.sub))],

    // coupons
    ['GET', '/api/v2/coupons', '/api/v2/coupons', list('/api/v2/coupons', 'CouponDetailed', (s) => [...s.coupons.values()], (c, q) =>
      (!q.search_term || lower(c.name).includes(lower(q.search_term))) && (q.active == null || c.is_active === q.active) && (q.is_percentage == null || c.is_percentage === q.is_percentage))],
    ['POST', '/api/v2/coupons', '/api/v2/coupons', ({ store, body }) => couponCurrency(body) ?? ok(store.createCoupon(body))],
    ['GET', '/api/v2/coupons/:id', '/api/v2/coupons/{coupon_id}', ({ store, params }) => ok(store.requireCoupon(params.id))],
    ['PUT', '/api/v2/coupons/:id', '/api/v2/coupons/{coupon_id}', ({ store, params, body }) => ok(store.updateCoupon(params.id, body))],
    ['DELETE', '/api/v2/coupons/:id', '/api/v2/coupons/{coupon_id}', ({ store, params }) => ok(store.deleteCoupon(params.id))],

    // invoices
    ['GET', '/api/v2/invoices', '/api/v2/invoices', ({ store, query }) => {
      const { q, problems } = parseQuery('GET', '/api/v2/invoices', query);
      const bad = sortFieldProblem(q, 'InvoiceListItem');
      if (bad) problems.push(bad);
      if (problems.length) return validationError(problems);
      const rows = [...store.invoices.values()].filter((inv) =>
        (q.statuses == null || q.statuses.includes(inv.status)) &&
        (q.payment_statuses == null || inv.payments.some((p) => q.payment_statuses.includes(p.current_status))) &&
        (q.payment_link_id == null || lower(inv.payment_link_id) === lower(q.payment_link_id)) &&
        (!q.search_term || [inv.description, inv.organization_consumer.name, String(inv.org_invoice_number)].some((v) => lower(v).includes(lower(q.search_term)))) &&
        inRange(inv.created_at, q.from_date, q.to_date) && inRange(inv.scheduled_on, q.due_date_from, q.due_date_to) &&
        priceIn(inv.total_amount, q.from_price, q.to_price) &&
        (q.organization_consumer_id == null || inv.organization_consumer_id === lower(q.organization_consumer_id)) &&
        (q.subscription_id == null || inv.subscription_id === lower(q.subscription_id)) &&
        (q.currencies == null || q.currencies.includes(inv.currency)) &&
        (q.payments_not_settled !== true || inv.payments.some((p) => p.current_status === 'SUCCEEDED' && p.payment_method !== 'CASH' && p.payment_method !== 'BANK_TRANSFER' && !p.settled_at)));
      return { status: 200, body: page(rows.map((inv) => store.invoiceListItem(inv, q.include_payments === true)), q) };
    }],
    ['POST', '/api/v2/invoices', '/api/v2/invoices', ({ store, body }) => ok(store.invoiceDetailed(store.createInvoice(body)))],
    ['GET', '/api/v2/invoices/:id', '/api/v2/invoices/{invoice_id}', ({ store, params }) => ok(store.invoiceDetailed(store.requireInvoice(params.id)))],
    ['PATCH', '/api/v2/invoices/:id/inplace', '/api/v2/invoices/{invoice_id}/inplace', ({ store, params, body }) => ok(store.invoiceDetailed(store.updateInvoice(params.id, body)))],

    // auto-charge: the consumer's saved card pays a pending payment of the payments store
    ['POST', '/api/v2/payments/auto-charge-on-demand/:id', '/api/v2/payments/auto-charge-on-demand/{payment_id}', ({ state, params }) => {
      const rec = state.streampay.records.get(params.id.toLowerCase());
      if (!rec) throw new DomainError(404, 'PAYMENT_NOT_FOUND', `Payment ${params.id} was not found`);
      const status = rec.p.current_status;
      if (!['PENDING', 'FAILED', 'FAILED_INITIATION'].includes(status)) throw new DomainError(400, 'PAYMENT_FINALIZED', 'Only a pending or failed payment can be charged', `current_status=${status}`);
      // The answer names the payment's invoice (a required UUID): a payment of no invoice cannot be charged.
      if (!rec.p.invoice_id) throw new DomainError(400, 'INVALID_PARAMETERS', 'Only a payment of an invoice can be charged on demand', `payment_id=${rec.p.id}`);
      state.streampay.setStatus(rec.p.id, 'SUCCEEDED', { paymentMethod: 'VISA' });
      return ok({ payment_id: rec.p.id, invoice_id: rec.p.invoice_id });
    }],

    // subscriptions and freezes
    ['GET', '/api/v2/subscriptions', '/api/v2/subscriptions', list('/api/v2/subscriptions', 'SubscriptionDetailed', (s) => [...s.subscriptions.values()].map((x) => s.subscriptionDetailed(x)), (s, q, store) => {
      const latest = s.latest_invoice_id ? store.invoice(s.latest_invoice_id) : null;
      const paidOrPartly = latest != null && latest.paid_amount_in_smallest_unit > 0;
      return (q.statuses == null || q.statuses.includes(s.status)) && (q.latest_invoice_is_paid == null || paidOrPartly === q.latest_invoice_is_paid) &&
        inRange(s.created_at, q.from_date, q.to_date) && inRange(s.current_period_start, q.current_period_start_from_date, q.current_period_start_to_date) &&
        inRange(s.current_period_end, q.current_period_end_from_date, q.current_period_end_to_date) && priceIn(s.amount, q.from_price, q.to_price) &&
        (q.organization_consumer_id == null || s.organization_consumer_id === lower(q.organization_consumer_id)) &&
        (!q.search_term || s.items.some((it) => [it.product.name, it.product.description].some((v) => lower(v).includes(lower(q.search_term))))) &&
        (q.product_ids == null || s.items.some((it) => q.product_ids.map(lower).includes(it.product_id))) && (q.currencies == null || q.currencies.includes(s.currency));
    })],
    ['POST', '/api/v2/subscriptions', '/api/v2/subscriptions', ({ store, body }) => ok(store.subscriptionDetailed(store.createSubscription(body)))],
    ['GET', '/api/v2/subscriptions/:id', '/api/v2/subscriptions/{subscription_id}', ({ store, params }) => ok(store.subscriptionDetailed(store.requireSubscription(params.id)))],
    ['PUT', '/api/v2/subscriptions/:id', '/api/v2/subscriptions/{subscription_id}', ({ store, params, body }) => ok(store.subscriptionDetailed(store.updateSubscription(params.id, body)))],
    ['POST', '/api/v2/subscriptions/:id/cancel', '/api/v2/subscriptions/{subscription_id}/cancel', ({ store, params, body }) => ok(store.subscriptionDetailed(store.cancelSubscription(params.id, body)))],
    ['POST', '/api/v2/subscriptions/:id/freeze', '/api/v2/subscriptions/{subscription_id}/freeze', ({ store, params, body }) => ok(store.createFreeze(params.id, body))],
    ['GET', '/api/v2/subscriptions/:id/freeze', '/api/v2/subscriptions/{subscription_id}/freeze', list('/api/v2/subscriptions/{subscription_id}/freeze', 'FreezeSubscriptionBase', (s, params) => [...s.freezeList(params.id).values()])],
    ['PUT', '/api/v2/subscriptions/:id/freeze/:sub', '/api/v2/subscriptions/{subscription_id}/freeze/{freeze_id}', ({ store, params, body }) => ok(store.updateFreeze(params.id, params.sub, body))],
    ['DELETE', '/api/v2/subscriptions/:id/freeze/:sub', '/api/v2/subscriptions/{subscription_id}/freeze/{freeze_id}', ({ store, params }) => ok(store.deleteFreeze(params.id, params.sub))],

    // metered billing
    ['POST', '/api/v2/metered/meter', '/api/v2/metered/meter', ({ store, body }) => ok(store.recordUsage(body.records))],
    ['POST', '/api/v2/metered/metered-subscriptions', '/api/v2/metered/metered-subscriptions', ({ store, body }) => ok(store.createMetered(body))],
    ['GET', '/api/v2/metered/metered-subscriptions', '/api/v2/metered/metered-subscriptions', list('/api/v2/metered/metered-subscriptions', 'MeteredSubscriptionResponse', (s) => s.activeMetered())],
    ['DELETE', '/api/v2/metered/metered-subscriptions/:id', '/api/v2/metered/metered-subscriptions/{subscription_id}', ({ store, params }) => ok(store.deactivateMetered(params.id))],

    // payment links: the full CreatePaymentLinkDto, every list filter, the deactivate message
    ['POST', '/api/v2/payment_links', '/api/v2/payment_links', ({ state, store, body }) => ok(createLink(state, store, body))],
    ['GET', '/api/v2/payment_links', '/api/v2/payment_links', list('/api/v2/payment_links', 'PaymentLinkDetailed', (_s, _p, _q, state) => [...state.paymentLinks.links.values()], (l, q) =>
      (q.statuses == null || q.statuses.includes(l.status)) && inRange(l.created_at, q.from_date, q.to_date) && priceIn(l.amount, q.from_price, q.to_price) &&
      (q.product_ids == null || (l.items ?? []).some((it) => q.product_ids.map(lower).includes(it.product_id))) && (q.currencies == null || q.currencies.includes(l.currency)))],
    ['GET', '/api/v2/payment_links/:id', '/api/v2/payment_links/{payment_link_id}', ({ state, params }) => {
      const link = state.paymentLinks.get(params.id);
      if (!link) throw new DomainError(404, 'PAYMENT_LINK_NOT_FOUND', `Payment link ${params.id} was not found`);
      return ok(link);
    }],
    ['PATCH', '/api/v2/payment_links/:id/status', '/api/v2/payment_links/{payment_link_id}/status', ({ state, params, body }) => {
      const link = state.paymentLinks.get(params.id);
      if (!link) throw new DomainError(404, 'PAYMENT_LINK_NOT_FOUND', `Payment link ${params.id} was not found`);
      state.paymentLinks.setStatus(link.id, body.status);
      link.deactivate_message = body.status === 'ACTIVE' ? null : (body.deactivate_message ?? link.deactivate_message ?? null);
      return ok(link);
    }],
  ];
}

function couponCurrency(body) {
  if (body.is_percentage && body.currency != null) return validationError([detail(['body', 'currency'], 'value_error', 'Value error, currency must be null for percentage coupons', body.currency)]);
  if (!body.is_percentage && body.currency == null) return validationError([detail(['body', 'currency'], 'value_error', 'Value error, currency is required for fixed-amount coupons', body)]);
  return null;
}

function createLink(state, store, body) {
  const currency = body.currency ?? 'SAR';
  const t = store.price(body.items.map((it) => ({ ...it, quantity: it.quantity ?? 1 })), body.coupons, currency);
  const coupons = store.couponsFor(body.coupons, currency);
  const pm = body.payment_methods;
  const fields = {
    updated_at: null,
    name: body.name,
    description: body.description ?? null,
    amount: money(t.total, currency),
    original_amount: money(t.original, currency),
    item_level_discounted_amount: money(t.itemDiscount, currency),
    coupon_calculation_metadata: t.metadata,
    currency,
    home_currency_amount: currency === 'SAR' ? money(t.total, currency) : null,
    exchange_rate_at_creation: currency === 'SAR' ? '1' : null,
    max_number_of_payments: body.max_number_of_payments ?? null,
    valid_until: body.valid_until == null ? null : riyadhTime(Date.parse(body.valid_until)),
    confirmation_message: body.confirmation_message ?? null,
    recurring_interval: t.priced.find((x) => x.product.type === 'RECURRING') ? 'MONTH' : null,
    recurring_interval_count: t.priced.find((x) => x.product.type === 'RECURRING') ? 1 : null,
    organization_id: ORG_ID,
    user_id: USER_ID,
    organization_consumer_id: body.organization_consumer_id ?? null,
    deactivate_message: null,
    custom_fields: body.custom_fields ?? null,
    success_redirect_url: body.success_redirect_url ?? null,
    failure_redirect_url: body.failure_redirect_url ?? null,
    custom_metadata: body.custom_metadata ?? null,
    contact_information_type: body.organization_consumer_id ? null : 'PHONE',
    items: t.priced.map((x) => ({
      created_at: null,
      updated_at: null,
      id: store.random.uuid(),
      product_id: x.product.id,
      quantity: x.it.quantity,
      original_amount: money(x.original, currency),
      discounted_amount: money(x.discounted, currency),
      coupon_calculation_metadata: x.metadata,
      product: structuredClone(x.product),
      allow_custom_quantity: x.it.allow_custom_quantity ?? false,
      min_quantity: x.it.min_quantity ?? null,
      max_quantity: x.it.max_quantity ?? null,
      currency,
      product_price_id: x.price.id,
      original_amount_in_smallest_unit: smallestJson(x.original),
      discounted_amount_in_smallest_unit: smallestJson(x.discounted),
    })),
    coupons: coupons.map(({ redemptions: _r, ...c }) => structuredClone(c)),
    override_payment_methods: pm ? { visa: pm.visa ?? false, mastercard: pm.mastercard ?? false, amex: pm.amex ?? false, bank_transfer: pm.bank_transfer ?? false, installment: pm.installment ?? false } : null,
    amount_collected: money(0n, currency),
    amount_in_smallest_unit: smallestJson(t.total),
    original_amount_in_smallest_unit: smallestJson(t.original),
    amount_collected_in_smallest_unit: 0,
  };
  const link = state.paymentLinks.create(fields);
  for (const it of link.items) it.created_at = link.created_at;
  return link;
}

/** Wraps a handler: path id checks (422), body checks (422), domain errors, nested or flat. */
function guarded(method, descPath, handler) {
  const pathParams = [...descPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(method) && schemaOfBody(method, descPath);
  return (ctx) => {
    const store = ctx.state.resources;
    const ids = [ctx.params.id, ctx.params.sub].filter((v) => v !== undefined);
    const badIds = ids.map((v, i) => (isUuid(v) ? null : detail(['path', pathParams[i]], 'uuid_parsing', 'Input should be a valid UUID', v))).filter(Boolean);
    let body;
    if (hasBody) {
      const parsed = jsonObjectBody(ctx.body);
      if (parsed.error) return parsed.error;
      body = parsed.value;
    }
    const problems = [...badIds, ...(hasBody ? checkBody(method, descPath, body) : [])];
    if (problems.length) return validationError(problems);
    if (hasBody) body = settle(body);
    try {
      return handler({ ...ctx, store, body, path: ctx.path });
    } catch (err) {
      return errorResult(err, ctx.path, store);
    }
  };
}

const schemaOfBody = (method, descPath) => operation(method, descPath).requestBody != null;

/**
 * Adds the routes (and their control routes) to the mock's routers, and the answer shapes of
 * `state.resources.options` to every v2 route; returns the routers.
 */
export function withStreamPayResources(routers) {
  for (const [method, mockPath, descPath, handler] of routes()) {
    const run = guarded(method, descPath, handler);
    routers.v2.add(method, mockPath, (ctx) => run({ ...ctx, path: ctx.req.url.split('?')[0] }));
  }
  const match = routers.v2.match.bind(routers.v2);
  routers.v2.match = (method, path) => {
    const m = match(method, path);
    if (!m?.handler) return m;
    return { ...m, handler: async (ctx) => reshape(ctx.state.resources, path, await m.handler(ctx)) };
  };
  routers.control
    .add('GET', '/__mock/streampay/resources', ({ state }) => ({ status: 200, body: { counts: state.resources.counts(), options: state.resources.configure() } }))
    .add('POST', '/__mock/streampay/config', ({ state, body }) => ({ status: 200, body: state.resources.configure(body ? JSON.parse(body) : {}) }))
    .add('GET', '/__mock/streampay/resources/:kind/:id', ({ state, params }) => {
      const maps = { consumers: 'consumers', products: 'products', coupons: 'coupons', invoices: 'invoices', subscriptions: 'subscriptions', 'metered-subscriptions': 'metered' };
      const found = maps[params.kind] && state.resources[maps[params.kind]].get(params.id.toLowerCase());
      if (!found) throw new NotFoundError(`no ${params.kind} ${params.id}`);
      return { status: 200, body: found };
    });
  return routers;
}

