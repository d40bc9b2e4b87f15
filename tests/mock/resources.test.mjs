// Every StreamPay operation of the description, called through HTTP on the mock, each answer
// validated with Ajv against the description's own response schema (OpenAPI 3.1 = JSON Schema
// 2020-12). Flows are stateful: create -> get -> list -> update -> delete, then 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useMock } from './client-helpers.mjs';
import { validate, validateComplete } from './description-checks.mjs';

const h = useMock({ paymentCount: 30 });
const ops = JSON.parse(readFileSync(new URL('../../src/api/streampay-operations.json', import.meta.url), 'utf8')).operations;

// Which operations the tests called, by matching method + path against the description's templates.
const called = new Set();
const templates = ops.map((o) => ({ name: o.name, method: o.method, re: new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`) }));
const opFor = (method, path) => templates.find((t) => t.method === method && t.re.test(path));
const byName = Object.fromEntries(ops.map((o) => [o.name, o]));

/**
 * One API call: returns { status, body }. A 2xx answer must validate against the operation's
 * response schema; `complete` also asks for every property the schema declares.
 */
async function api(method, path, body, { complete = true } = {}) {
  const res = await fetch(h.url + path, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'x-api-key': h.key, 'content-type': 'application/json' },
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  const op = opFor(method, path.split('?')[0]);
  assert.ok(op, `${method} ${path} is an operation of the description`);
  if (res.status < 300) {
    called.add(op.name);
    const schema = byName[op.name].response.schema;
    if (schema) {
      validate(schema, json, `${op.name} ${path}`);
      if (complete) validateComplete(schema, json, `${op.name} ${path}`);
    }
  } else if (res.status === 422) {
    validate('HTTPValidationError', json, `${op.name} 422`);
  }
  return { status: res.status, body: json };
}

const ok = async (method, path, body, opts) => {
  const r = await api(method, path, body, opts);
  assert.ok(r.status === 200 || r.status === 201, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const flatError = (body, code) => {
  assert.deepEqual(Object.keys(body), ['code', 'message', 'additional_info']);
  assert.equal(body.code, code);
};
const nestedError = (body, code) => {
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error), ['code', 'message', 'additional_info']);
  assert.equal(body.error.code, code);
};
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const state = () => h.state.resources;

async function walk(path) {
  const rows = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 100; page++) {
    const body = await ok('GET', `${path}${sep}page=${page}`);
    rows.push(...body.data);
    if (!body.pagination.has_next_page) return rows;
  }
  throw new Error('no last page');
}

test('account: GET /api/v2/me', async () => {
  const me = await ok('GET', '/api/v2/me');
  assert.equal(me.organization.sandbox, true);
  assert.deepEqual(me.organization.currency_config.enabled_currencies, ['SAR', 'USD', 'KWD']);
});

test('consumers: create -> get -> list (search, pages) -> update -> delete -> 404; 422s', async () => {
  const seeded = await walk('/api/v2/consumers?limit=10');
  assert.equal(seeded.length, 25, 'three pages of seeded consumers, each once');
  assert.equal(new Set(seeded.map((c) => c.id)).size, 25);

  const created = await ok('POST', '/api/v2/consumers', { name: 'Test Customer', email: 'test@example.sa', communication_methods: ['EMAIL'] });
  assert.equal(created.name, 'Test Customer');
  assert.deepEqual(await ok('GET', `/api/v2/consumers/${created.id}`), created);
  const found = await ok('GET', '/api/v2/consumers?search_term=test%40example&sort_field=name&sort_direction=asc');
  assert.deepEqual(found.data.map((c) => c.id), [created.id]);
  assert.equal(found.pagination.total_count, 1);
  const updated = await ok('PUT', `/api/v2/consumers/${created.id}`, { alias: 'TC', phone_number: '+966500000001' });
  assert.deepEqual([updated.alias, updated.phone_number, updated.name], ['TC', '+966500000001', 'Test Customer']);
  assert.deepEqual(await ok('DELETE', `/api/v2/consumers/${created.id}`), {});
  const gone = await api('GET', `/api/v2/consumers/${created.id}`);
  assert.equal(gone.status, 404);
  flatError(gone.body, 'CONSUMER_NOT_FOUND');

  const bad = await api('POST', '/api/v2/consumers', { email: 5, communication_methods: ['FAX'] });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.detail.map((d) => [d.type, d.loc.join('.')]), [['missing', 'body.name'], ['string_type', 'body.email'], ['enum', 'body.communication_methods.0']]);
  const badId = await api('GET', '/api/v2/consumers/not-a-uuid');
  assert.deepEqual([badId.status, badId.body.detail[0].loc], [422, ['path', 'consumer_id']]);
  const badQuery = await api('GET', '/api/v2/consumers?limit=101&page=0&sort_direction=up&sort_field=colour');
  assert.deepEqual(badQuery.body.detail.map((d) => d.loc.at(-1)).sort(), ['limit', 'page', 'sort_direction', 'sort_field']);
});

test('products and prices: create -> add/update/delete price -> list filters -> update -> delete', async () => {
  const product = await ok('POST', '/api/v2/products', { name: 'Test product', type: 'ONE_OFF', prices: [{ currency: 'SAR', amount: '115.00' }, { currency: 'KWD', amount: 9.125 }] });
  assert.deepEqual(product.prices.map((p) => [p.currency, p.amount, p.price_excluding_vat, p.vat_amount]), [['SAR', '115.00', '100.00', '15.00'], ['KWD', '9.125', '7.935', '1.190']]);
  assert.equal(product.price, '115.00');
  const usd = await api('POST', `/api/v2/products/${product.id}/prices`, { currency: 'USD', amount: '30.5', is_price_inclusive_of_vat: false });
  assert.equal(usd.status, 201);
  assert.deepEqual([usd.body.amount, usd.body.vat_amount, usd.body.amount_in_smallest_unit], ['30.50', '4.58', 3050]);
  const dup = await api('POST', `/api/v2/products/${product.id}/prices`, { currency: 'USD', amount: '1' });
  assert.equal(dup.status, 409);
  flatError(dup.body, 'RESOURCE_ALREADY_EXISTS');
  const newer = await ok('PUT', `/api/v2/products/${product.id}/prices/${usd.body.id}`, { amount: '31.00' });
  assert.notEqual(newer.id, usd.body.id, 'prices are immutable: a new one replaces the old');
  assert.equal((await api('PUT', `/api/v2/products/${product.id}/prices/${usd.body.id}`, { amount: '1' })).status, 404);
  assert.deepEqual(await ok('DELETE', `/api/v2/products/${product.id}/prices/${newer.id}`), {});
  const withUsd = await ok('GET', '/api/v2/products?currency=USD&limit=100');
  assert.ok(!withUsd.data.some((p) => p.id === product.id));
  const oneOff = await walk('/api/v2/products?type=ONE_OFF&active=true&limit=2');
  assert.ok(oneOff.length >= 5 && oneOff.every((p) => p.type === 'ONE_OFF' && p.is_active));
  assert.ok(oneOff.some((p) => p.id === product.id));
  const renamed = await ok('PUT', `/api/v2/products/${product.id}`, { name: 'Renamed', is_active: false });
  assert.deepEqual([renamed.name, renamed.is_active], ['Renamed', false]);
  assert.deepEqual(await ok('GET', `/api/v2/products/${product.id}`), renamed);
  assert.deepEqual(await ok('DELETE', `/api/v2/products/${product.id}`), {});
  flatError((await api('GET', `/api/v2/products/${product.id}`)).body, 'PRODUCT_NOT_FOUND');

  const bad = await api('POST', '/api/v2/products', { name: '', type: 'GIFT', prices: [{ currency: 'SAR', amount: '1.2.3' }] });
  assert.deepEqual(bad.body.detail.map((d) => [d.type, d.loc.join('.')]), [['string_too_short', 'body.name'], ['enum', 'body.type'], ['decimal_parsing', 'body.prices.0.amount']]);
  const low = await api('POST', `/api/v2/products/${UNKNOWN}/prices`, { currency: 'SAR', amount: 0.5 });
  assert.deepEqual(low.body.detail.map((d) => d.type), ['greater_than_equal']);
});

test('coupons: create -> get -> list filters -> update -> delete; currency rule', async () => {
  const c = await ok('POST', '/api/v2/coupons', { name: 'TEST12', discount_value: '12.5', is_percentage: true });
  assert.deepEqual([c.discount_value, c.currency, c.is_active], ['12.5', null, true]);
  assert.equal((await ok('GET', `/api/v2/coupons/${c.id}`)).redemptions, 0);
  const pct = await walk('/api/v2/coupons?is_percentage=true&active=true&limit=3');
  assert.ok(pct.some((x) => x.id === c.id) && pct.every((x) => x.is_percentage && x.is_active));
  assert.deepEqual((await ok('GET', '/api/v2/coupons?search_term=test12')).data.map((x) => x.id), [c.id]);
  const fixed = await ok('PUT', `/api/v2/coupons/${c.id}`, { is_percentage: false, currency: 'SAR', discount_value: 20 });
  assert.deepEqual([fixed.is_percentage, fixed.currency, fixed.discount_value], [false, 'SAR', '20']);
  assert.deepEqual(await ok('DELETE', `/api/v2/coupons/${c.id}`), {});
  assert.equal((await api('DELETE', `/api/v2/coupons/${c.id}`)).status, 404);
  const noCurrency = await api('POST', '/api/v2/coupons', { name: 'FIX', discount_value: '5', is_percentage: false });
  assert.deepEqual([noCurrency.status, noCurrency.body.detail[0].loc], [422, ['body', 'currency']]);
});

test('invoices: create (priced exactly) -> get -> list filters -> update in place; auto-charge its payment', async () => {
  const [consumer] = state().consumers.values();
  const products = [...state().products.values()].filter((p) => p.type === 'ONE_OFF' && p.is_active);
  const coupon = [...state().coupons.values()].find((c) => c.name === 'WELCOME10');
  const body = {
    items: [{ product_id: products[0].id, quantity: 3 }, { product_id: products[1].id, quantity: 1, coupons: [coupon.id] }],
    payment_methods: { mada: true, visa: true, mastercard: false, amex: false, bank_transfer: true, installment: false },
    organization_consumer_id: consumer.id,
    scheduled_on: '2027-01-15T12:00:00Z',
    description: 'Test invoice',
  };
  const inv = await ok('POST', '/api/v2/invoices', body);
  const unit = (p) => BigInt(p.prices.find((x) => x.currency === 'SAR').amount_in_smallest_unit);
  const second = unit(products[1]);
  const expected = unit(products[0]) * 3n + second - second / 10n;
  assert.equal(BigInt(inv.total_amount_in_smallest_unit), expected);
  assert.equal(inv.total_amount, `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`);
  assert.equal(inv.items[1].coupon_calculation_metadata.coupons[0].coupon_id, coupon.id);
  assert.equal(inv.scheduled_on, '2027-01-15T15:00:00+03:00');
  assert.deepEqual(await ok('GET', `/api/v2/invoices/${inv.id}`), inv);

  const listed = await ok('GET', `/api/v2/invoices?statuses=SENT&statuses=ACCEPTED&currencies=SAR,USD&organization_consumer_id=${consumer.id}&include_payments=true&from_price=0.01&limit=100`);
  const row = listed.data.find((i) => i.id === inv.id);
  assert.ok(row && listed.data.every((i) => ['SENT', 'ACCEPTED'].includes(i.status) && i.organization_consumer_id === consumer.id));
  assert.equal(row.payments[0].id, inv.payments[0].id);
  const noPayments = await ok('GET', `/api/v2/invoices?search_term=Test%20invoice`);
  assert.deepEqual([noPayments.data.length, noPayments.data[0].payments, noPayments.data[0].total_number_of_payments], [1, null, 1]);
  assert.equal((await ok('GET', `/api/v2/invoices?to_price=${inv.total_amount}&from_price=${inv.total_amount}&limit=100`)).data.filter((i) => i.id === inv.id).length, 1);
  assert.equal((await ok('GET', '/api/v2/invoices?currencies=KWD')).data.length, 0);
  const badList = await api('GET', '/api/v2/invoices?statuses=PAID&payment_statuses=DONE&from_price=abc&due_date_from=yesterday');
  assert.deepEqual(badList.body.detail.map((d) => d.type), ['enum', 'enum', 'datetime_from_date_parsing', 'decimal_parsing']);

  const patched = await ok('PATCH', `/api/v2/invoices/${inv.id}/inplace`, { description: 'Changed', scheduled_on: '2027-02-01T00:00:00+03:00' });
  assert.deepEqual([patched.description, patched.scheduled_on, patched.total_amount], ['Changed', '2027-02-01T00:00:00+03:00', inv.total_amount]);

  // Its payment is in the payments API; the consumer's card pays it on demand, once.
  const payment = await ok('GET', `/api/v2/payments/${inv.payments[0].id}`, undefined, { complete: false });
  assert.deepEqual([payment.invoice_id, payment.amount, payment.current_status], [inv.id, inv.total_amount, 'PENDING']);
  assert.deepEqual(await ok('POST', `/api/v2/payments/auto-charge-on-demand/${payment.id}`), { payment_id: payment.id, invoice_id: inv.id });
  assert.equal((await ok('GET', `/api/v2/payments/${payment.id}`, undefined, { complete: false })).current_status, 'SUCCEEDED');
  const twice = await api('POST', `/api/v2/payments/auto-charge-on-demand/${payment.id}`);
  assert.equal(twice.status, 400);
  nestedError(twice.body, 'PAYMENT_FINALIZED');
  flatError((await api('POST', `/api/v2/payments/auto-charge-on-demand/${UNKNOWN}`)).body, 'PAYMENT_NOT_FOUND');

  const done = [...state().invoices.values()].find((i) => i.status === 'COMPLETED');
  const finalised = await api('PATCH', `/api/v2/invoices/${done.id}/inplace`, { description: 'x' });
  assert.equal(finalised.status, 400);
  nestedError(finalised.body, 'INVOICE_FINALISED');
  const missing = await api('POST', '/api/v2/invoices', { items: [], organization_consumer_id: 'x' });
  assert.deepEqual(missing.body.detail.map((d) => d.loc.join('.')), ['body.payment_methods', 'body.scheduled_on', 'body.items', 'body.organization_consumer_id']);
});

test('payments: list, get, mark-paid answers {}, refund', async () => {
  const page = await ok('GET', '/api/v2/payments?statuses=PENDING&limit=5', undefined, { complete: false });
  const id = page.data[0].id;
  await ok('GET', `/api/v2/payments/${id}`, undefined, { complete: false });
  assert.deepEqual(await ok('POST', `/api/v2/payments/${id}/mark-paid`, { payment_method: 'CASH' }), {});
  const refunded = await ok('POST', `/api/v2/payments/${id}/refund`, { refund_reason: 'DUPLICATE' }, { complete: false });
  assert.equal(refunded.current_status, 'REFUNDED');
});

test('subscriptions and freezes: create -> get -> list filters -> update -> freeze cycle -> cancel', async () => {
  const consumer = [...state().consumers.values()][5];
  const recurring = [...state().products.values()].filter((p) => p.type === 'RECURRING');
  const sub = await ok('POST', '/api/v2/subscriptions', { items: [{ product_id: recurring[0].id, quantity: 2 }], organization_consumer_id: consumer.id, period_start: '2026-12-01', until_cycle_number: 12 });
  assert.deepEqual([sub.status, sub.cancel_at_cycle_number, sub.current_period_start], ['ACTIVE', 12, '2026-12-01T03:00:00+03:00']);
  assert.equal(BigInt(sub.amount_in_smallest_unit), BigInt(recurring[0].prices[0].amount_in_smallest_unit) * 2n);
  assert.equal(sub.latest_invoice.id, sub.latest_invoice_id);
  assert.deepEqual(await ok('GET', `/api/v2/subscriptions/${sub.id}`), sub);
  const invoice = await ok('GET', `/api/v2/invoices/${sub.latest_invoice_id}`);
  assert.equal(invoice.subscription.id, sub.id);
  assert.equal((await ok('GET', `/api/v2/invoices?subscription_id=${sub.id}`)).data.length, 1);

  const q = `/api/v2/subscriptions?product_ids=${recurring[0].id}&product_ids=${recurring[1].id}&currencies=SAR&statuses=ACTIVE&statuses=FROZEN&limit=4`;
  const rows = await walk(q);
  assert.ok(rows.some((s) => s.id === sub.id));
  assert.ok(rows.every((s) => ['ACTIVE', 'FROZEN'].includes(s.status) && s.items.some((it) => [recurring[0].id, recurring[1].id].includes(it.product_id))));
  assert.deepEqual((await ok('GET', `/api/v2/subscriptions?organization_consumer_id=${consumer.id}&latest_invoice_is_paid=false&from_price=${sub.amount}&to_price=${sub.amount}`)).data.map((s) => s.id), [sub.id]);

  const updated = await ok('PUT', `/api/v2/subscriptions/${sub.id}`, { items: [{ product_id: recurring[1].id, quantity: 1 }], coupons: [], description: 'Switched plan' });
  assert.deepEqual([updated.items.length, updated.items[0].product_id, updated.description], [1, recurring[1].id, 'Switched plan']);

  const freeze = await ok('POST', `/api/v2/subscriptions/${sub.id}/freeze`, { freeze_start_datetime: '2027-01-01T00:00:00Z', freeze_end_datetime: '2027-01-15T00:00:00Z', notes: 'Holiday' });
  assert.deepEqual([freeze.duration, freeze.subscription_id], [14, sub.id]);
  assert.equal((await ok('GET', `/api/v2/subscriptions/${sub.id}`)).status, 'FROZEN');
  const freezes = await ok('GET', `/api/v2/subscriptions/${sub.id}/freeze`);
  assert.deepEqual(freezes.data.map((f) => f.id), [freeze.id]);
  const moved = await ok('PUT', `/api/v2/subscriptions/${sub.id}/freeze/${freeze.id}`, { freeze_start_datetime: '2027-01-01T00:00:00Z', freeze_end_datetime: null });
  assert.deepEqual([moved.freeze_end_datetime, moved.duration], [null, null]);
  const backwards = await api('PUT', `/api/v2/subscriptions/${sub.id}/freeze/${freeze.id}`, { freeze_start_datetime: '2027-01-10T00:00:00Z', freeze_end_datetime: '2027-01-01T00:00:00Z' });
  nestedError(backwards.body, 'INVALID_PARAMETERS');
  const needsEnd = await api('PUT', `/api/v2/subscriptions/${sub.id}/freeze/${freeze.id}`, { freeze_start_datetime: '2027-01-10T00:00:00Z' });
  assert.deepEqual(needsEnd.body.detail.map((d) => [d.type, d.loc.join('.')]), [['missing', 'body.freeze_end_datetime']]);
  assert.deepEqual(await ok('DELETE', `/api/v2/subscriptions/${sub.id}/freeze/${freeze.id}`), {});
  assert.equal((await ok('GET', `/api/v2/subscriptions/${sub.id}`)).status, 'ACTIVE');
  flatError((await api('DELETE', `/api/v2/subscriptions/${sub.id}/freeze/${freeze.id}`)).body, 'SUBSCRIPTION_FREEZE_NOT_FOUND');

  const canceled = await ok('POST', `/api/v2/subscriptions/${sub.id}/cancel`, { cancel_related_invoices: true });
  assert.equal(canceled.status, 'CANCELED');
  assert.equal((await ok('GET', `/api/v2/invoices/${sub.latest_invoice_id}`)).status, 'CANCELED');
  const again = await api('POST', `/api/v2/subscriptions/${sub.id}/cancel`, {});
  assert.equal(again.status, 400);
  nestedError(again.body, 'INVALID_STATUS');
  flatError((await api('GET', `/api/v2/subscriptions/${UNKNOWN}`)).body, 'SUBSCRIPTION_NOT_FOUND');
});

test('metered billing: create subscription -> record usage (idempotent) -> list -> deactivate', async () => {
  const metered = [...state().products.values()].find((p) => p.type === 'METERED');
  const consumer = [...state().consumers.values()][20];
  const m = await ok('POST', '/api/v2/metered/metered-subscriptions', { product_id: metered.id, organization_consumer_id: consumer.id });
  const records = [
    { product_id: metered.id, organization_consumer_id: consumer.id, usage_amount: '12.5', idempotency_key: 'use-1' },
    { product_id: metered.id, organization_consumer_id: consumer.id, usage_amount: 3, idempotency_key: 'use-2' },
  ];
  const first = await ok('POST', '/api/v2/metered/meter', { records });
  assert.deepEqual([first.total_inserted, first.records.map((r) => r.success)], [2, [true, true]]);
  const again = await ok('POST', '/api/v2/metered/meter', { records: [records[0]] });
  assert.deepEqual(again, { records: [{ id: null, success: false }], total_inserted: 0 });
  const all = await walk('/api/v2/metered/metered-subscriptions?limit=5');
  assert.equal(all.length, 13);
  const off = await ok('DELETE', `/api/v2/metered/metered-subscriptions/${m.id}`);
  assert.ok(off.ends_at);
  assert.equal((await walk('/api/v2/metered/metered-subscriptions?limit=50')).length, 12);
  const notMetered = await api('POST', '/api/v2/metered/metered-subscriptions', { product_id: [...state().products.values()][0].id, organization_consumer_id: consumer.id });
  nestedError(notMetered.body, 'INVALID_PARAMETERS');
  const tooMany = await api('POST', '/api/v2/metered/meter', { records: [] });
  assert.deepEqual(tooMany.body.detail.map((d) => d.type), ['too_short']);
});

test('payment links: full CreatePaymentLinkDto -> get -> list filters -> status with deactivate message', async () => {
  const product = [...state().products.values()].find((p) => p.prices.some((x) => x.currency === 'USD') && p.is_active);
  const coupon = [...state().coupons.values()].find((c) => c.name === 'FLAT20USD');
  const link = await ok('POST', '/api/v2/payment_links', {
    name: 'USD link',
    currency: 'USD',
    items: [{ product_id: product.id, quantity: 2, allow_custom_quantity: true, min_quantity: 1, max_quantity: 5 }],
    coupons: [coupon.id],
    payment_methods: { visa: true, mastercard: true },
    custom_fields: { type: 'object', properties: { seat: { type: 'string' } } },
    success_redirect_url: 'https://shop.example/thanks',
    custom_metadata: { order: 'A-1', nested: { deep_key: 1 } },
    valid_until: '2027-06-30T23:59:59Z',
  });
  assert.deepEqual([link.currency, link.coupons[0].id, link.coupon_calculation_metadata.coupons[0].discount_amount], ['USD', coupon.id, '20.00']);
  assert.deepEqual(link.custom_metadata, { order: 'A-1', nested: { deep_key: 1 } });
  assert.deepEqual(await ok('GET', `/api/v2/payment_links/${link.id}`), link);
  const listed = await ok('GET', `/api/v2/payment_links?currencies=USD&product_ids=${product.id}&from_price=${link.amount}&statuses=ACTIVE`);
  assert.deepEqual(listed.data.map((l) => l.id), [link.id]);
  const off = await ok('PATCH', `/api/v2/payment_links/${link.id}/status`, { status: 'INACTIVE', deactivate_message: 'Sold out' });
  assert.deepEqual([off.status, off.deactivate_message], ['INACTIVE', 'Sold out']);
  const noPrice = await api('POST', '/api/v2/payment_links', { name: 'x', currency: 'QAR', items: [{ product_id: product.id }] });
  flatError(noPrice.body, 'INVALID_PARAMETERS');
  const bad = await api('POST', '/api/v2/payment_links', { name: 'x', items: [{ product_id: product.id, quantity: 0 }], success_redirect_url: 'not a url' });
  assert.deepEqual(bad.body.detail.map((d) => d.type), ['greater_than_equal', 'url_parsing']);
});

test('control: lists without pagination, and every domain error nested or flat', async () => {
  const set = (body) => h.control('POST', '/streampay/config', body);
  assert.deepEqual((await set({ omitPagination: ['/api/v2/coupons'] })).body.omitPagination, ['/api/v2/coupons']);
  const loose = { complete: false };
  const bare = await ok('GET', '/api/v2/coupons?limit=2', undefined, loose);
  assert.deepEqual(Object.keys(bare), ['data']);
  assert.equal(bare.data.length, 2);
  assert.ok('pagination' in (await ok('GET', '/api/v2/products?limit=2')));
  await set({ omitPagination: true });
  assert.deepEqual(Object.keys(await ok('GET', '/api/v2/products?limit=2', undefined, loose)), ['data']);
  assert.deepEqual(Object.keys(await ok('GET', '/api/v2/payments?limit=2', undefined, loose)), ['data'], 'payments too');
  await set({ omitPagination: false, errorShape: 'nested' });
  nestedError((await api('GET', `/api/v2/coupons/${UNKNOWN}`)).body, 'COUPON_NOT_FOUND');
  const refund = await api('POST', `/api/v2/payments/${UNKNOWN}/refund`, { refund_reason: 'OTHER' });
  nestedError(refund.body, 'PAYMENT_NOT_FOUND');
  await set({ errorShape: 'flat' });
  const sub = [...state().subscriptions.values()].find((s) => s.status === 'CANCELED');
  flatError((await api('POST', `/api/v2/subscriptions/${sub.id}/cancel`, {})).body, 'INVALID_STATUS');
  assert.equal((await set({ errorShape: 'sideways' })).status, 400);
  await set({ errorShape: 'mixed' });
  assert.deepEqual((await h.control('GET', '/streampay/resources')).body.options, { omitPagination: false, errorShape: 'mixed' });
});

test('faults apply to the new routes as to every route; 401 without the key', async () => {
  h.state.addFault({ path: '/api/v2/consumers', status: 503, times: 1 });
  assert.equal((await api('GET', '/api/v2/consumers')).status, 503);
  assert.equal((await api('GET', '/api/v2/consumers')).status, 200);
  const id = [...state().products.values()][0].id;
  h.state.addFault({ paymentId: id, kind: 'truncated' });
  const cut = await fetch(`${h.url}/api/v2/products/${id}`, { headers: { 'x-api-key': h.key } });
  const text = await cut.text();
  assert.throws(() => JSON.parse(text), SyntaxError, 'truncated body');
  assert.equal(h.state.requests({ paymentId: id }).at(-1).fault, 'truncated');
  assert.equal((await fetch(`${h.url}/api/v2/me`)).status, 401);
});

test('every operation of the description was called and its answer validated', () => {
  assert.equal(ops.length, 45);
  assert.deepEqual(ops.map((o) => o.name).filter((n) => !called.has(n)), []);
});
