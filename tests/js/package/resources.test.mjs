// Every StreamPay operation of issue 12 through the installed package against the mock: the request
// the mock saw (method, path, query, body casing), the decoded answer (amounts as strings, camelCase
// at every depth), listAll* walking a multi-page list once, no mutating call retried, nested domain
// errors with streamCode, and random valid answers of the description decoding digit for digit.
// Every answer goes through a client that fails on any amount field that is not a string
// (amount-fields.mjs), and every one of the 45 operations is called through it.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { StreamPayClient } from 'stream-payments';
import { API_KEY, UNKNOWN_UUID, assertStreamError, rejection, startMock, T } from './helpers.mjs';
import { amountKeys, checkingAmounts } from './amount-fields.mjs';

const root = process.env.STREAM_ROOT;
const { sampleOf } = await import(`${root}/tests/mock/schema-samples.mjs`);
const { stringify } = await import(`${root}/pkg/mock/http.mjs`);
const { readFile } = await import('node:fs/promises');
const isAmount = amountKeys(JSON.parse(await readFile(`${root}/src/api/streampay-openapi.json`, 'utf8')));
/** Method name -> amount fields its answers held; every answer was checked to have them all strings. */
const answered = new Map();

let mock, client;
/** Bodies as the client sent them (what the mock received), newest last. */
const sent = [];
const spyFetch = async (input, init) => {
  sent.push({ method: init?.method ?? 'GET', url: String(input?.url ?? input), body: init?.body == null ? null : JSON.parse(init.body) });
  return fetch(input, init);
};

before(async () => {
  mock = await startMock({ paymentCount: 20 });
  client = checkingAmounts(new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, fetch: spyFetch }), isAmount, answered);
});
after(() => mock?.close());
beforeEach(() => {
  mock.state.reset();
  sent.length = 0;
});

const lastLog = () => mock.state.requests().at(-1);
const lastBody = () => sent.at(-1).body;
const store = () => mock.state.resources;
const firstId = (map) => map.keys().next().value;

/** Every key at every depth of `v`. */
function keysOf(v, out = []) {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(k), keysOf(x, out);
  return out;
}
const isSnake = (k) => k === k.toLowerCase();
const isCamel = (k) => !k.includes('_');
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The request the mock logged, as [METHOD, path, query]. */
function saw(method, path, query = {}) {
  const r = lastLog();
  assert.deepEqual([r.method, r.path, r.query], [method, path, query]);
  assert.equal(r.status < 300, true, `the mock accepted it (${r.status})`);
}

test('account: getAccount', T, async () => {
  const me = await client.getAccount();
  saw('GET', '/api/v2/me');
  assert.equal(me.organization.sandbox, true);
  assert.equal(me.organization.currencyConfig.homeCurrency, 'SAR');
  assert.ok(keysOf(me).every(isCamel));
});

test('consumers: list, get, create, update, delete', T, async () => {
  const page = await client.listConsumers({ page: 2, limit: 5, searchTerm: 'a', sortField: 'created_at', sortDirection: 'asc' });
  saw('GET', '/api/v2/consumers', { page: '2', limit: '5', search_term: 'a', sort_field: 'created_at', sort_direction: 'asc' });
  assert.equal(page.pagination.currentPage, 2);
  const created = await client.createConsumer({ name: 'Sara', phoneNumber: '+966500000001', communicationMethods: ['EMAIL'], preferredLanguage: 'AR' });
  saw('POST', '/api/v2/consumers');
  assert.deepEqual(lastBody(), { name: 'Sara', phone_number: '+966500000001', communication_methods: ['EMAIL'], preferred_language: 'AR' });
  const id = created.id;
  assert.ok(store().consumers.has(id));
  const got = await client.getConsumer(id);
  saw('GET', `/api/v2/consumers/${id}`);
  assert.ok(keysOf(got).every(isCamel));
  await client.updateConsumer(id, { externalId: 'crm-7' });
  saw('PUT', `/api/v2/consumers/${id}`);
  assert.deepEqual(lastBody(), { external_id: 'crm-7' });
  assert.equal(store().consumers.get(id).external_id, 'crm-7');
  await client.deleteConsumer(id);
  saw('DELETE', `/api/v2/consumers/${id}`);
  assert.equal(store().consumers.has(id), false);
  assertStreamError(await rejection(() => client.getConsumer(id)), { status: 404, code: 'NOT_FOUND' });
  assertStreamError(await rejection(() => client.createConsumer({ phoneNumber: '+1' })), { code: 'INVALID_ARGUMENT', message: 'name is required' });
});

test('products and prices: amounts go out and come back as exact strings', T, async () => {
  const p = await client.createProduct({ name: 'Gym', type: 'ONE_OFF', prices: [{ currency: 'SAR', amount: '1234567890123.45' }], isPriceInclusiveOfVat: true });
  saw('POST', '/api/v2/products');
  assert.deepEqual(lastBody(), { name: 'Gym', type: 'ONE_OFF', prices: [{ currency: 'SAR', amount: '1234567890123.45' }], is_price_inclusive_of_vat: true });
  assert.equal(p.prices[0].amount, '1234567890123.45');
  for (const k of ['price', 'priceExcludingVat', 'vatAmount']) if (p[k] != null) assert.match(p[k], DECIMAL, k);
  const price = await client.addProductPrice(p.id, { currency: 'USD', amount: 10 });
  saw('POST', `/api/v2/products/${p.id}/prices`);
  assert.deepEqual(lastBody(), { currency: 'USD', amount: '10' });
  assert.equal(typeof price.amountInSmallestUnit, 'string');
  const updated = await client.updateProductPrice(p.id, price.id, { amount: '12.50' });
  saw('PUT', `/api/v2/products/${p.id}/prices/${price.id}`);
  assert.equal(updated.amount, '12.50');
  assert.notEqual(updated.id, price.id, 'prices are immutable: a new one replaces it');
  await client.deleteProductPrice(p.id, updated.id);
  saw('DELETE', `/api/v2/products/${p.id}/prices/${updated.id}`);
  const list = await client.listProducts({ active: true, type: 'ONE_OFF', currency: 'SAR', limit: 100 });
  saw('GET', '/api/v2/products', { active: 'true', type: 'ONE_OFF', currency: 'SAR', limit: '100' });
  assert.ok(list.data.some((x) => x.id === p.id));
  assert.equal((await client.getProduct(p.id)).id, p.id);
  await client.updateProduct(p.id, { description: 'All clubs', isActive: false });
  saw('PUT', `/api/v2/products/${p.id}`);
  assert.deepEqual(lastBody(), { description: 'All clubs', is_active: false });
  await client.deleteProduct(p.id);
  saw('DELETE', `/api/v2/products/${p.id}`);
  const err = await rejection(() => client.addProductPrice(p.id, { currency: 'SAR', amount: 10.5 }));
  assertStreamError(err, { code: 'INVALID_ARGUMENT' });
  assert.match(err.message, /^amount must be a decimal string .*not the number 10\.5/);
});

test('coupons: list, get, create, update, delete', T, async () => {
  const c = await client.createCoupon({ name: 'Ramadan', discountValue: '12.5', isPercentage: true });
  saw('POST', '/api/v2/coupons');
  assert.deepEqual(lastBody(), { name: 'Ramadan', discount_value: '12.5', is_percentage: true });
  assert.equal(c.discountValue, '12.5');
  const list = await client.listCoupons({ isPercentage: true, active: true });
  saw('GET', '/api/v2/coupons', { is_percentage: 'true', active: 'true' });
  assert.ok(list.data.every((x) => typeof x.discountValue === 'string'));
  assert.equal((await client.getCoupon(c.id)).discountValue, '12.5');
  const u = await client.updateCoupon(c.id, { discountValue: '15' });
  saw('PUT', `/api/v2/coupons/${c.id}`);
  assert.equal(u.discountValue, '15');
  await client.deleteCoupon(c.id);
  saw('DELETE', `/api/v2/coupons/${c.id}`);
});

test('invoices: create, get, list with every filter encoding, update in place', T, async () => {
  const consumer = firstId(store().consumers);
  const product = [...store().products.values()].find((p) => p.type !== 'METERED' && p.is_active).id;
  const inv = await client.createInvoice({
    organizationConsumerId: consumer, scheduledOn: '2026-12-24T10:00:00+03:00',
    items: [{ productId: product, quantity: 2 }],
    paymentMethods: { mada: true, visa: true, mastercard: true, amex: false, bankTransfer: false, installment: false },
  });
  saw('POST', '/api/v2/invoices');
  assert.deepEqual(Object.keys(lastBody().payment_methods).sort(), ['amex', 'bank_transfer', 'installment', 'mada', 'mastercard', 'visa']);
  assert.equal(lastBody().items[0].product_id, product);
  assert.match(inv.totalAmount, DECIMAL);
  assert.equal(typeof inv.totalAmountInSmallestUnit, 'string');
  assert.match(inv.items[0].originalAmount, DECIMAL);
  assert.ok(keysOf(inv).every(isCamel));
  assert.equal((await client.getInvoice(inv.id)).id, inv.id);
  await client.listInvoices({ statuses: ['CREATED', 'SENT'], paymentStatuses: ['PENDING'], currencies: ['SAR', 'USD'], includePayments: true, fromPrice: '1.00', limit: 50 });
  // Arrays as repeated keys, currencies as one comma-separated value.
  saw('GET', '/api/v2/invoices', { statuses: ['CREATED', 'SENT'], payment_statuses: 'PENDING', currencies: 'SAR,USD', include_payments: 'true', from_price: '1.00', limit: '50' });
  const upd = await client.updateInvoice(inv.id, { description: 'Two months' });
  saw('PATCH', `/api/v2/invoices/${inv.id}/inplace`);
  assert.equal(upd.description, 'Two months');
});

test('payments: autoChargePayment', T, async () => {
  const pending = mock.state.createStreamPayPayment({ amount: '5.00', currency: 'SAR', status: 'PENDING', invoiceId: UNKNOWN_UUID });
  const res = await client.autoChargePayment(pending.id);
  saw('POST', `/api/v2/payments/auto-charge-on-demand/${pending.id}`);
  assert.deepEqual([res.paymentId, res.invoiceId], [pending.id, UNKNOWN_UUID]);
  // The answer names the invoice: a payment of no invoice cannot be charged on demand.
  const loose = mock.state.createStreamPayPayment({ amount: '5.00', currency: 'SAR', status: 'PENDING' });
  assertStreamError(await rejection(() => client.autoChargePayment(loose.id)), { status: 400, streamCode: 'INVALID_PARAMETERS' });
});

test('payment links: the full CreatePaymentLinkDto, every list filter, status with a deactivate message', T, async () => {
  const product = [...store().products.values()].find((p) => p.type !== 'METERED' && p.is_active).id;
  const link = await client.createPaymentLink({
    name: 'Gym', items: [{ productId: product, quantity: 1, allowCustomQuantity: true, maxQuantity: 3 }],
    paymentMethods: { bankTransfer: true }, customMetadata: { orderRef: 'A-1' }, successRedirectUrl: 'https://shop.example/ok',
  });
  saw('POST', '/api/v2/payment_links');
  assert.deepEqual(lastBody().items, [{ product_id: product, quantity: 1, allow_custom_quantity: true, max_quantity: 3 }]);
  assert.deepEqual(lastBody().custom_metadata, { order_ref: 'A-1' });
  assert.match(link.amount, DECIMAL);
  assert.match(link.items[0].originalAmount, DECIMAL);
  await client.listPaymentLinks({ statuses: ['ACTIVE'], productIds: [product], currencies: ['SAR'], fromDate: '2020-01-01T00:00:00Z' });
  assert.deepEqual(lastLog().query, { statuses: 'ACTIVE', product_ids: product, currencies: 'SAR', from_date: '2020-01-01T00:00:00Z' });
  const off = await client.setPaymentLinkStatus(link.id, { status: 'INACTIVE', deactivateMessage: 'Sold out' });
  saw('PATCH', `/api/v2/payment_links/${link.id}/status`);
  assert.deepEqual(lastBody(), { status: 'INACTIVE', deactivate_message: 'Sold out' });
  assert.equal(off.deactivateMessage, 'Sold out');
  const on = await client.setPaymentLinkStatus(link.id, 'ACTIVE');
  assert.deepEqual(lastBody(), { status: 'ACTIVE' });
  assert.equal(on.status, 'ACTIVE');
  assertStreamError(await rejection(() => client.createPaymentLink({ name: 'No items' })), { code: 'INVALID_ARGUMENT', message: 'items is required' });
});

test('subscriptions and freezes', T, async () => {
  const consumer = firstId(store().consumers);
  const product = [...store().products.values()].find((p) => p.type === 'RECURRING' && p.is_active).id;
  const s = await client.createSubscription({ organizationConsumerId: consumer, periodStart: '2026-12-01T00:00:00+03:00', items: [{ productId: product, quantity: 1 }] });
  saw('POST', '/api/v2/subscriptions');
  assert.match(s.amount, DECIMAL);
  assert.equal((await client.getSubscription(s.id)).id, s.id);
  await client.updateSubscription(s.id, { items: [{ productId: product, quantity: 2 }], coupons: [] });
  saw('PUT', `/api/v2/subscriptions/${s.id}`);
  assert.deepEqual(lastBody(), { items: [{ product_id: product, quantity: 2 }], coupons: [] });
  const f = await client.freezeSubscription(s.id, { freezeStartDatetime: '2027-01-01T00:00:00+03:00', freezeEndDatetime: '2027-01-10T00:00:00+03:00' });
  saw('POST', `/api/v2/subscriptions/${s.id}/freeze`);
  const freezes = await client.listSubscriptionFreezes(s.id, { limit: 10 });
  saw('GET', `/api/v2/subscriptions/${s.id}/freeze`, { limit: '10' });
  assert.ok(freezes.data.some((x) => x.id === f.id));
  const allFreezes = [];
  for await (const x of client.listAllSubscriptionFreezes(s.id)) allFreezes.push(x.id);
  assert.deepEqual(allFreezes, freezes.data.map((x) => x.id), 'listAll* beside every list, with its path id');
  saw('GET', `/api/v2/subscriptions/${s.id}/freeze`, { page: '1', limit: '100' });
  await client.updateSubscriptionFreeze(s.id, f.id, { freezeStartDatetime: '2027-01-02T00:00:00+03:00', freezeEndDatetime: null });
  saw('PUT', `/api/v2/subscriptions/${s.id}/freeze/${f.id}`);
  assert.deepEqual(lastBody(), { freeze_start_datetime: '2027-01-02T00:00:00+03:00', freeze_end_datetime: null });
  await client.deleteSubscriptionFreeze(s.id, f.id);
  saw('DELETE', `/api/v2/subscriptions/${s.id}/freeze/${f.id}`);
  await client.listSubscriptions({ statuses: ['ACTIVE', 'FROZEN'], latestInvoiceIsPaid: false, currencies: ['SAR', 'KWD'] });
  saw('GET', '/api/v2/subscriptions', { statuses: ['ACTIVE', 'FROZEN'], latest_invoice_is_paid: 'false', currencies: 'SAR,KWD' });
  const c = await client.cancelSubscription(s.id, { cancelRelatedInvoices: true });
  saw('POST', `/api/v2/subscriptions/${s.id}/cancel`);
  assert.deepEqual(lastBody(), { cancel_related_invoices: true });
  assert.equal(c.status, 'CANCELED');
  // Nested domain error: { error: { code, message } } gives streamCode.
  const err = await rejection(() => client.cancelSubscription(s.id, {}));
  assertStreamError(err, { status: 400 });
  assert.equal(typeof err.streamCode, 'string');
  assert.ok(err.streamCode.length > 0);
});

test('metered billing: record usage, create, list, deactivate', T, async () => {
  const consumer = firstId(store().consumers);
  const product = [...store().products.values()].find((p) => p.type === 'METERED').id;
  const m = await client.createMeteredSubscription({ productId: product, organizationConsumerId: consumer });
  saw('POST', '/api/v2/metered/metered-subscriptions');
  const usage = await client.recordMeteredUsage({ records: [{ productId: product, organizationConsumerId: consumer, usageAmount: '0.000125', idempotencyKey: 'k-1' }] });
  saw('POST', '/api/v2/metered/meter');
  assert.deepEqual(lastBody(), { records: [{ product_id: product, organization_consumer_id: consumer, usage_amount: '0.000125', idempotency_key: 'k-1' }] });
  assert.equal(usage.records.length, 1);
  const list = await client.listMeteredSubscriptions({ limit: 100 });
  assert.ok(list.data.some((x) => x.id === m.id));
  await client.deactivateMeteredSubscription(m.id);
  saw('DELETE', `/api/v2/metered/metered-subscriptions/${m.id}`);
  const err = await rejection(() => client.recordMeteredUsage({ records: [{ productId: product, organizationConsumerId: consumer, usageAmount: 0.1, idempotencyKey: 'k' }] }));
  assertStreamError(err, { code: 'INVALID_ARGUMENT' });
  assert.match(err.message, /^records\[0\]\.usageAmount must be a decimal string/);
});

const LISTS = [
  ['listAllConsumers', '/api/v2/consumers', () => store().consumers.size],
  ['listAllProducts', '/api/v2/products', () => store().products.size],
  ['listAllCoupons', '/api/v2/coupons', () => store().coupons.size],
  ['listAllInvoices', '/api/v2/invoices', () => store().invoices.size],
  ['listAllSubscriptions', '/api/v2/subscriptions', () => store().subscriptions.size],
  ['listAllMeteredSubscriptions', '/api/v2/metered/metered-subscriptions', null],
  ['listAllPaymentLinks', '/api/v2/payment_links', null],
];

test('every listAll* walks a multi-page list exactly once, then stops without pagination', T, async () => {
  for (const [name, path, count] of LISTS) {
    mock.state.clearRequests();
    const ids = [];
    for await (const item of client[name]({ limit: 3 })) ids.push(item.id);
    const pages = mock.state.requests({ path });
    assert.ok(pages.length >= 2 || ids.length <= 3, `${name}: ${ids.length} items over ${pages.length} pages`);
    assert.equal(new Set(ids).size, ids.length, `${name}: no item twice`);
    if (count) assert.equal(ids.length, count(), name);
    assert.deepEqual(pages.map((r) => r.query.page), pages.map((_, i) => String(i + 1)), name);
    assert.ok(pages.every((r) => r.query.limit === '3'));
  }
  // Without pagination (older deployments): one page, then done.
  mock.state.resources.configure({ omitPagination: true });
  mock.state.clearRequests();
  let n = 0;
  for await (const _ of client.listAllConsumers({ limit: 3 })) n++;
  assert.equal(n, 3);
  assert.equal(mock.state.requests({ path: '/api/v2/consumers' }).length, 1);
});

test('no mutating call is retried: a 503 on POST, PUT, PATCH, DELETE is one request', T, async () => {
  const id = firstId(store().consumers);
  const coupon = firstId(store().coupons);
  const calls = [
    ['POST', '/api/v2/consumers', () => client.createConsumer({ name: 'x' })],
    ['PUT', `/api/v2/consumers/${id}`, () => client.updateConsumer(id, { name: 'y' })],
    ['DELETE', `/api/v2/coupons/${coupon}`, () => client.deleteCoupon(coupon)],
    ['PATCH', `/api/v2/invoices/${firstId(store().invoices)}/inplace`, () => client.updateInvoice(firstId(store().invoices), { description: 'd' })],
  ];
  for (const [method, path, call] of calls) {
    mock.state.clearRequests();
    mock.state.addFault({ path, method, status: 503, times: 5 });
    assertStreamError(await rejection(call), { status: 503 });
    assert.equal(mock.state.requests({ path }).length, 1, `${method} ${path} sent once`);
  }
  // A GET is retried.
  mock.state.clearRequests();
  mock.state.addFault({ path: `/api/v2/consumers/${id}`, method: 'GET', status: 503, times: 1 });
  await client.getConsumer(id);
  assert.equal(mock.state.requests({ path: `/api/v2/consumers/${id}` }).length, 2);
});

test('404 of a resource: NOT_FOUND with its streamCode', T, async () => {
  for (const call of [() => client.getProduct(UNKNOWN_UUID), () => client.getInvoice(UNKNOWN_UUID), () => client.getSubscription(UNKNOWN_UUID)]) {
    const err = await rejection(call);
    assertStreamError(err, { status: 404, code: 'NOT_FOUND' });
    assert.match(err.streamCode, /_NOT_FOUND$/);
  }
  mock.state.resources.configure({ errorShape: 'nested' });
  const err = await rejection(() => client.getCoupon(UNKNOWN_UUID));
  assertStreamError(err, { status: 404, streamCode: 'COUPON_NOT_FOUND' });
});

test('payments and a payment link: the calls the flows above leave out', T, async () => {
  const page = await client.listPayments({ limit: 5 });
  saw('GET', '/api/v2/payments', { limit: '5' });
  const id = page.data[0].id;
  assert.equal((await client.getPayment(id)).id, id);
  const pending = mock.state.createStreamPayPayment({ amount: '5.00', currency: 'SAR', status: 'PENDING' });
  await client.markPaymentAsPaid(pending.id, { paymentMethod: 'CASH' });
  saw('POST', `/api/v2/payments/${pending.id}/mark-paid`);
  const paid = mock.state.createStreamPayPayment({ amount: '7.50', currency: 'SAR', status: 'SUCCEEDED' });
  await client.refundPayment(paid.id, { refundReason: 'OTHER' });
  saw('POST', `/api/v2/payments/${paid.id}/refund`);
  const product = [...store().products.values()].find((p) => p.type !== 'METERED' && p.is_active).id;
  const link = await client.createPaymentLink({ name: 'Gym', items: [{ productId: product, quantity: 2 }] });
  const got = await client.getPaymentLink(link.id);
  saw('GET', `/api/v2/payment_links/${link.id}`);
  assert.equal(typeof got.items[0].product.prices[0].amountInSmallestUnit, 'string', 'the product price nested in the link');
});

test('every operation answered the mock with every amount a string, at every depth', async () => {
  const { operations } = JSON.parse(await readFile(`${root}/src/api/streampay-operations.json`, 'utf8'));
  assert.equal(operations.length, 45);
  assert.deepEqual(operations.map((o) => o.name).filter((n) => !answered.has(n)), [], 'called through the checking client');
  // Amounts were met where the issue found numbers: product prices, nested in invoices and subscriptions.
  for (const name of ['getProduct', 'listProducts', 'createProduct', 'getInvoice', 'getSubscription', 'listPayments', 'listAllInvoices']) {
    assert.ok(answered.get(name) > 0, `${name} answered amounts`);
  }
});

const camel = (k) => k.replace(/_(.)/g, (_, c) => c.toUpperCase());

/** `decoded` holds every field of `original` (snake_case, as served) camelCased, every digit kept. */
function assertSame(original, decoded, at) {
  if (typeof original === 'bigint') return assert.equal(decoded, String(original), at);
  if (original === null || typeof original !== 'object') {
    // Numbers the shapes list as amounts arrive as their exact text.
    if (typeof original === 'number' && typeof decoded === 'string') return assert.equal(decoded, String(original), at);
    return assert.equal(decoded, original, at);
  }
  if (Array.isArray(original)) {
    assert.equal(decoded.length, original.length, at);
    return original.forEach((v, i) => assertSame(v, decoded[i], `${at}[${i}]`));
  }
  for (const [k, v] of Object.entries(original)) {
    assert.ok(camel(k) in decoded, `${at}.${camel(k)} is there`);
    assertSame(v, decoded[camel(k)], `${at}.${camel(k)}`);
  }
}

/** A valid request object of the table's schema: its required fields only. */
function minimalBody(schemas, name) {
  const out = {};
  for (const f of schemas[name].fields) if (f.required) out[f.jsName] = valueOf(schemas, f);
  return out;
}
function valueOf(schemas, f) {
  switch (f.type) {
    case 'string':
      return f.format === 'date-time' ? '2026-12-01T10:00:00+03:00' : f.format?.startsWith('uuid') ? UNKNOWN_UUID : 'x';
    case 'enum':
      return f.enum[0];
    case 'decimal':
      return '1.00';
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return minimalBody(schemas, f.schema);
    case 'array':
      return f.items.type === 'object' ? [valueOf(schemas, f.items)] : [];
    default:
      return {};
  }
}

const BODIES = { markPaymentAsPaid: { paymentMethod: 'CASH' }, refundPayment: { refundReason: 'OTHER' }, setPaymentLinkStatus: 'ACTIVE' };

/**
 * `value` with amounts added to every object, as numbers where the rule promises strings: one under
 * a name no schema has (`*_in_smallest_unit` is enough) and, where absent, a decimal-amount name of
 * the description. Returns how many were added.
 */
function addAmounts(value, n = { count: 0 }) {
  if (Array.isArray(value)) value.forEach((v) => addAmounts(v, n));
  else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) addAmounts(v, n);
    value.surcharge_in_smallest_unit = 1000 + n.count++;
    if (!('unit_price' in value)) value.unit_price = 12.5 + n.count++;
  }
  return n.count;
}

test('random valid answers of the description decode exactly, every field and digit', T, async () => {
  const { operations, requestSchemas } = JSON.parse(await readFile(`${root}/src/api/streampay-operations.json`, 'utf8'));
  let checked = 0;
  for (const o of operations) {
    if (!o.response.schema) continue;
    const args = o.pathParams.map(() => UNKNOWN_UUID);
    if (o.requestBody) args.push(BODIES[o.name] ?? minimalBody(requestSchemas, o.requestBody.schema));
    for (let seed = 1; seed <= 4; seed++) {
      const sample = sampleOf(o.response.schema, { seed, extraFields: true, unknownEnums: true });
      // Page counters of any size and sign pass through as they came (past 2^53: their digits).
      // Amounts as numbers at every depth, modelled objects or not: the checking client fails on any left a number.
      const added = addAmounts(sample);
      const before = answered.get(o.name) ?? 0;
      const path = o.path.replace(/\{\w+\}/g, UNKNOWN_UUID);
      mock.state.addFault({ path, method: o.method, status: 200, body: sample });
      const decoded = await client[o.name](...args);
      // Integers past 2^53 (BigInt in the sample, bare digits on the wire) arrive as their digits.
      assertSame(sample, decoded, `${o.name} seed ${seed}`);
      assert.ok(keysOf(decoded).every(isCamel), `${o.name}: camelCase at every depth`);
      assert.ok(answered.get(o.name) - before >= added, `${o.name}: the ${added} added amounts were met`);
      checked++;
    }
  }
  assert.equal(checked, 4 * operations.filter((o) => o.response.schema).length);
  assert.ok(checked > 150);
});
