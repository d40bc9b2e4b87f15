// The documented routes of both APIs against the mock, as a client sees them through fetch.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { amountMatches, listAll, useMock } from './client-helpers.mjs';
import { validate } from './description-checks.mjs';
import { CURRENCY_DECIMALS } from '../../pkg/mock/streampay-data.mjs';
import { startMockServer } from '../../pkg/mock/server.mjs';

const fixture = (name) => readFileSync(new URL(`../../pkg/mock/fixtures/${name}`, import.meta.url), 'utf8');
const h = useMock();

describe('gateway v1', () => {
  test('the completed and expired fixtures are served byte for byte', async () => {
    for (const [id, file] of [['LqaUrQimtgTe9iF3Knv8Ld', 'gateway-payment-completed.json'], ['K04kjeEi06Zq48NlH2Sl0H', 'gateway-payment-expired.json']]) {
      const res = await h.get(`/api/v1/payment/${id}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /application\/json/);
      assert.equal(await res.text(), fixture(file));
    }
  });

  test('unknown id: 404 with a small JSON body, CORS and x-request-id', async () => {
    const res = await h.get('/api/v1/payment/NoSuchPayment0000000000');
    assert.equal(res.status, 404);
    assert.deepEqual(Object.keys(await res.json()), ['error', 'message']);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('x-request-id'), /^[0-9a-f-]{36}$/);
  });

  test('demo pending payment: STRM/NEAR at 24 decimals truncated to 5, USDC like the fixture', async () => {
    const p = await (await h.get('/api/v1/payment/DemoPending000000000001')).json();
    assert.equal(p.status, 'pending');
    assert.deepEqual(p.addresses.map((c) => c.token), ['STRM', 'NEAR', 'USDC']);
    for (const c of p.addresses.slice(0, 2)) {
      const digits = c.amount.padStart(25, '0');
      assert.equal(c.displayAmount, `${BigInt(digits.slice(0, -24))}.${digits.slice(-24, -19)}`);
    }
    assert.equal(p.addresses[2].amount, '100000000000000000');
    assert.equal(p.addresses[2].displayAmount, '1.00');
    assert.equal(p.display_amount_usd, '1.00');
    assert.ok(Date.parse(p.expiry_at) > Date.now() + 60_000);
    assert.equal(p.processed_at, undefined);
    const icon = await h.get(new URL(p.addresses[0].icon).pathname);
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    await icon.text();
  });

  test('payment page: validates, answers {paymentID, expiryAt, url}, registers a pending payment', async () => {
    const bad = [
      [{ return_url: '/', amount_usd: '1.00' }, 422],
      [{ name: 'x', amount_usd: '1.00' }, 422],
      [{ name: 'x', return_url: '/' }, 422],
      [{ name: 'x', return_url: '/', amount_usd: '1.00', amount_eur: '1.00' }, 422],
      [{ name: 'x', return_url: '/', amount_usd: '1.001' }, 422],
      [{ name: 'x', return_url: '/', amount: { value: 1 } }, 422],
      ['{"name":', 400],
    ];
    for (const [body, status] of bad) {
      const res = await h.post('/api/v1/payment/shop-1/page', body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(typeof (await res.json()).message, 'string');
    }
    const res = await h.post('/api/v1/payment/shop-1/page', { name: 'Order 7', return_url: 'https://shop.example/done', amount_eur: '25.50' });
    assert.equal(res.status, 200);
    const link = await res.json();
    assert.deepEqual(Object.keys(link), ['paymentID', 'expiryAt', 'url']);
    assert.equal(link.url, `${h.url}/pay/${link.paymentID}`);
    const p = await (await h.get(`/api/v1/payment/${link.paymentID}`)).json();
    assert.equal(p.status, 'pending');
    assert.equal(p.expiry_at, link.expiryAt);
    assert.equal(p.display_amount_eur, '25.50');
    assert.equal(p.local_currency, 'eur');
    assert.equal(p.return_url, 'https://shop.example/done');
    assert.equal((await h.get(`/pay/${link.paymentID}`)).status, 200);
  });

  test('manual payment: answers a payment object; an unapproved shop gets 403', async () => {
    const res = await h.post('/api/v1/payment/shop-1', { name: 'Manual', return_url: '/', amount: '2' });
    assert.equal(res.status, 200);
    const p = await res.json();
    assert.equal(p.status, 'pending');
    assert.equal(p.amount, '2000000000000000000000000');
    assert.equal(p.display_amount, '2.00000');
    const denied = await h.post('/api/v1/payment/unapproved-shop', { name: 'x', return_url: '/', amount_usd: '1' });
    assert.equal(denied.status, 403);
    assert.equal((await denied.json()).error, 'forbidden');
  });

  test('OPTIONS preflight: 204 with the CORS headers a browser needs', async () => {
    const res = await fetch(`${h.url}/api/v2/payments`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers'), /x-api-key/);
    assert.match(res.headers.get('access-control-allow-headers'), /content-type/);
    assert.match(res.headers.get('access-control-allow-methods'), /GET.*POST/);
    assert.match(res.headers.get('access-control-expose-headers'), /x-request-id.*retry-after/);
    const control = await fetch(`${h.url}/__mock/reset`, { method: 'OPTIONS' });
    assert.equal(control.status, 204);
  });
});

describe('StreamPay v2', () => {
  test('x-api-key: missing or wrong gives 401 JSON without echoing the key; base64(key:secret) passes', async () => {
    for (const headers of [{}, { 'x-api-key': 'test-key:test-secret' }, { 'x-api-key': 'bm9wZQ==' }]) {
      const res = await fetch(`${h.url}/api/v2/payments`, { headers });
      assert.equal(res.status, 401);
      const text = await res.text();
      assert.equal(JSON.parse(text).code, 'UNAUTHORIZED');
      assert.ok(!text.includes(h.key) && !text.includes('test-secret'));
    }
    assert.equal((await h.v2('/api/v2/payments')).status, 200);
  });

  test('paging walks every payment exactly once (250 generated + 2 fixtures)', async () => {
    const first = await (await h.v2('/api/v2/payments')).json();
    assert.deepEqual(first.pagination, { total_count: 252, max_page: 26, current_page: 1, limit: 10, has_next_page: true, has_previous_page: false });
    const rows = await listAll(h, '', 37);
    assert.equal(rows.length, 252);
    assert.equal(new Set(rows.map((p) => p.id)).size, 252);
    const last = await (await h.v2('/api/v2/payments?limit=37&page=7')).json();
    assert.equal(last.data.length, 252 - 6 * 37);
    assert.equal(last.pagination.has_next_page, false);
    assert.equal(last.pagination.has_previous_page, true);
    const beyond = await (await h.v2('/api/v2/payments?page=99')).json();
    assert.deepEqual(beyond.data, []);
  });

  test('bad paging: 422 with the pydantic detail shape', async () => {
    for (const [q, type] of [['limit=101', 'less_than_equal'], ['limit=0', 'greater_than'], ['page=0', 'greater_than'], ['page=x', 'int_parsing']]) {
      const res = await h.v2(`/api/v2/payments?${q}`);
      assert.equal(res.status, 422);
      const { detail } = await res.json();
      assert.equal(detail[0].type, type);
      assert.deepEqual(detail[0].loc, ['query', q.split('=')[0]]);
      assert.ok('msg' in detail[0] && 'input' in detail[0]);
    }
    assert.equal((await h.v2('/api/v2/payments?limit=100')).status, 200);
  });

  test('statuses and invoice_id as repeated keys', async () => {
    const all = await listAll(h);
    const some = await listAll(h, '&statuses=PENDING&statuses=FAILED');
    assert.equal(some.length, all.filter((p) => ['PENDING', 'FAILED'].includes(p.current_status)).length);
    assert.ok(some.length > 0 && some.every((p) => ['PENDING', 'FAILED'].includes(p.current_status)));
    assert.equal((await h.v2('/api/v2/payments?statuses=PENDING,FAILED')).status, 422);
    const invoices = [...new Set(all.map((p) => p.invoice_id).filter(Boolean))].slice(0, 2);
    const byInvoice = await listAll(h, invoices.map((i) => `&invoice_id=${i}`).join(''));
    assert.equal(byInvoice.length, all.filter((p) => invoices.includes(p.invoice_id)).length);
    assert.ok(byInvoice.length >= 2);
    const bad = await (await h.v2('/api/v2/payments?invoice_id=nope')).json();
    assert.deepEqual(bad.detail[0].loc, ['query', 'invoice_id', 0]);
  });

  test('search_term, date range and sorting', async () => {
    const kwd = await listAll(h, '&search_term=kwd');
    assert.ok(kwd.length > 0 && kwd.every((p) => p.currency === 'KWD'));
    const byId = await listAll(h, '&search_term=0b7d4f52');
    assert.deepEqual(byId.map((p) => p.id), ['0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083']);
    const from = '2026-03-01T00:00:00+03:00';
    const to = '2026-03-31T23:59:59+03:00';
    const march = await listAll(h, `&from_date=${encodeURIComponent(from)}&to_date=${encodeURIComponent(to)}`);
    assert.ok(march.length > 0 && march.every((p) => Date.parse(p.scheduled_on) >= Date.parse(from) && Date.parse(p.scheduled_on) <= Date.parse(to)));
    assert.equal((await h.v2('/api/v2/payments?from_date=yesterday')).status, 422);
    const norm = (p) => BigInt(p.amount_in_smallest_unit) * 10n ** BigInt(3 - CURRENCY_DECIMALS[p.currency]);
    const asc = await listAll(h, '&sort_field=amount&sort_direction=asc');
    assert.ok(asc.every((p, i) => i === 0 || norm(asc[i - 1]) <= norm(p)));
    const desc = await listAll(h, '&sort_field=scheduled_on&sort_direction=desc');
    assert.ok(desc.every((p, i) => i === 0 || Date.parse(desc[i - 1].scheduled_on) >= Date.parse(p.scheduled_on)));
    assert.equal((await h.v2('/api/v2/payments?sort_direction=up')).status, 422);
    assert.equal((await h.v2('/api/v2/payments?sort_field=color')).status, 422);
  });

  test('generated data: exact decimals per currency, mixed currencies and statuses, seeded', async () => {
    const all = await listAll(h);
    for (const p of all) assert.ok(amountMatches(p.amount, p.amount_in_smallest_unit, CURRENCY_DECIMALS[p.currency]), JSON.stringify(p));
    assert.ok(new Set(all.map((p) => p.currency)).size >= 6);
    assert.ok(new Set(all.map((p) => p.current_status)).size >= 8);
    const again = await startMockServer({ seed: 1 });
    const other = await startMockServer({ seed: 2, paymentCount: 20 });
    try {
      const page = async (m) => (await (await fetch(`${m.url}/api/v2/payments?limit=100`, { headers: { 'x-api-key': m.state.apiKeyHeader } })).json());
      assert.deepEqual((await page(again)).data, (await page(h)).data);
      const small = await page(other);
      assert.equal(small.pagination.total_count, 22);
      assert.notDeepEqual(small.data, (await page(h)).data.slice(0, 22));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  test('get by id: fixture byte for byte, 404 domain error, 422 for a non-UUID', async () => {
    const res = await h.v2('/api/v2/payments/6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40');
    assert.equal(await res.text(), fixture('streampay-payment.json'));
    const missing = await h.v2('/api/v2/payments/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.deepEqual(Object.keys(await missing.json()), ['code', 'message', 'additional_info']);
    const bad = await h.v2('/api/v2/payments/not-a-uuid');
    assert.equal(bad.status, 422);
    assert.deepEqual((await bad.json()).detail[0].loc, ['path', 'payment_id']);
  });

  test('an amount past 2^53 is written as a bare JSON integer', async () => {
    const p = h.state.createStreamPayPayment({ amountInSmallestUnit: '9007199254740993', currency: 'KWD' });
    const text = await (await h.v2(`/api/v2/payments/${p.id}`)).text();
    assert.match(text, /"amount_in_smallest_unit":9007199254740993,/);
    assert.match(text, /"amount":"9007199254740.993"/);
  });

  test('mark-paid: enum checked, 422 shapes, PAYMENT_FINALIZED once final (409, or 400 if configured)', async () => {
    const pending = h.state.createStreamPayPayment({ amount: '50.00' });
    const path = `/api/v2/payments/${pending.id}/mark-paid`;
    const cases = [
      [{ payment_method: 'VISA' }, 'enum', ['body', 'payment_method']],
      [{ note: 'x' }, 'missing', ['body', 'payment_method']],
      [{ payment_method: 'CASH', note: 5 }, 'string_type', ['body', 'note']],
      ['{oops', 'json_invalid', ['body', 0]],
      [[], 'model_attributes_type', ['body']],
    ];
    for (const [body, type, loc] of cases) {
      const res = await h.v2post(path, body);
      assert.equal(res.status, 422);
      const d = (await res.json()).detail[0];
      assert.deepEqual([d.type, d.loc], [type, loc]);
      assert.ok('msg' in d && 'input' in d);
    }
    const ok = await h.v2post(path, { payment_method: 'BANK_TRANSFER', note: 'paid at the desk' });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), {}, 'mark-paid answers {}, not the payment');
    const paid = h.state.streamPayPayment(pending.id).payment;
    assert.equal(paid.current_status, 'SUCCEEDED');
    assert.equal(paid.payment_method, 'BANK_TRANSFER');
    assert.ok(paid.payed_at);
    const again = await h.v2post(path, { payment_method: 'CASH' });
    assert.equal(again.status, 409);
    const err = await again.json();
    assert.equal(err.code, 'PAYMENT_FINALIZED');
    assert.deepEqual(Object.keys(err), ['code', 'message', 'additional_info']);
    h.state.configure({ finalizedStatusCode: 400 });
    try {
      assert.equal((await h.v2post(path, { payment_method: 'CASH' })).status, 400);
    } finally {
      h.state.configure({ finalizedStatusCode: 409 });
    }
  });

  test('refund: paid-together payments need the allow flag, then all are refunded', async () => {
    const [group] = h.state.streamPayGroups();
    const ids = group.payment_ids;
    const members = await Promise.all(ids.map(async (id) => (await h.v2(`/api/v2/payments/${id}`)).json()));
    const refund = `/api/v2/payments/${ids[0]}/refund`;
    const res = await h.v2post(refund, { refund_reason: 'REQUESTED_BY_CUSTOMER' });
    assert.equal(res.status, 400);
    const err = await res.json();
    assert.deepEqual(Object.keys(err), ['error', 'payment_ids', 'total_amount']);
    assert.deepEqual(err.payment_ids, ids);
    validate('MultiplePaymentsInTransactionErrorResponse', err, 'the paid-together refusal');
    assert.equal(err.error.code, 'INVALID_PARAMETERS');
    const decimals = CURRENCY_DECIMALS[group.currency];
    assert.ok(amountMatches(err.total_amount, members.reduce((s, p) => s + BigInt(p.amount_in_smallest_unit), 0n), decimals));
    const bad = await h.v2post(refund, { refund_reason: 'BORED', allow_refund_multiple_related_payments: 'yes' });
    assert.deepEqual((await bad.json()).detail.map((d) => d.type), ['enum', 'bool_type']);
    const done = await h.v2post(refund, { refund_reason: 'DUPLICATE', refund_note: 'double charge', allow_refund_multiple_related_payments: true });
    assert.equal(done.status, 200);
    assert.equal((await done.json()).current_status, 'REFUNDED');
    for (const id of ids) {
      const p = await (await h.v2(`/api/v2/payments/${id}`)).json();
      assert.deepEqual([p.current_status, p.refund_reason, p.refund_note], ['REFUNDED', 'DUPLICATE', 'double charge']);
      assert.ok(p.refunded_at);
    }
    const twice = await h.v2post(refund, { refund_reason: 'OTHER' });
    assert.equal(twice.status, 409);
    assert.equal((await twice.json()).code, 'PAYMENT_REFUNDED_ALREADY');
    const pending = h.state.createStreamPayPayment({ amount: '1.00' });
    const notPaid = await h.v2post(`/api/v2/payments/${pending.id}/refund`, { refund_reason: 'OTHER' });
    assert.equal(notPaid.status, 400);
    assert.equal((await notPaid.json()).code, 'INVALID_PARAMETERS');
  });
});

describe('StreamPay v2 payment links', () => {
  test('create (CreatePaymentLinkDto checked) -> get -> list with statuses -> PATCH status; 404, 422, 401', async () => {
    const item = { product_id: [...h.state.resources.products.values()].find((p) => p.price === '150.00').id };
    for (const [body, type] of [[{ amount: '10.00', items: [item] }, 'missing'], [{ name: 5, items: [item] }, 'string_type'], [{ name: 'No items' }, 'missing'], ['{oops', 'json_invalid']]) {
      const res = await h.v2post('/api/v2/payment_links', body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal((await res.json()).detail[0].type, type);
    }
    const res = await h.v2post('/api/v2/payment_links', { name: 'Gym membership', items: [item], max_number_of_payments: 3 });
    assert.equal(res.status, 200);
    const link = await res.json();
    assert.match(link.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual([link.name, link.status, link.amount, link.max_number_of_payments], ['Gym membership', 'ACTIVE', '150.00', 3]);
    assert.equal(link.url, `${h.url}/links/${link.id}`);
    assert.match(await (await h.get(new URL(link.url).pathname)).text(), /Gym membership/);
    assert.ok(Date.parse(link.created_at));
    assert.deepEqual(await (await h.v2(`/api/v2/payment_links/${link.id}`)).json(), link);

    const inactive = h.state.createPaymentLink({ name: 'Paused', status: 'INACTIVE' });
    assert.equal(h.state.paymentLink(inactive.id).status, 'INACTIVE');
    const page = await (await h.v2('/api/v2/payment_links?statuses=INACTIVE&statuses=COMPLETED&limit=5')).json();
    assert.deepEqual(page.data.map((l) => l.id), [inactive.id]);
    assert.deepEqual(page.pagination, { total_count: 1, max_page: 1, current_page: 1, limit: 5, has_next_page: false, has_previous_page: false });
    const all = await (await h.v2('/api/v2/payment_links?page=1&limit=1')).json();
    assert.deepEqual([all.data[0].id, all.pagination.has_next_page], [inactive.id, true]);
    const badQuery = await h.v2('/api/v2/payment_links?statuses=OPEN&limit=101');
    assert.deepEqual((await badQuery.json()).detail.map((d) => d.type).sort(), ['enum', 'less_than_equal']);

    const patch = (id, body) => h.v2(`/api/v2/payment_links/${id}/status`, { method: 'PATCH', body: JSON.stringify(body) });
    const done = await patch(link.id, { status: 'COMPLETED' });
    assert.equal(done.status, 200);
    assert.equal((await done.json()).status, 'COMPLETED');
    assert.equal(h.state.paymentLink(link.id).status, 'COMPLETED');
    assert.equal((await patch(link.id, { status: 'DONE' })).status, 422);
    const missing = await patch('00000000-0000-4000-8000-000000000000', { status: 'ACTIVE' });
    assert.equal(missing.status, 404);
    const missingGet = await h.v2('/api/v2/payment_links/00000000-0000-4000-8000-000000000000');
    assert.equal(missingGet.status, 404);
    assert.deepEqual(Object.keys(await missingGet.json()), ['code', 'message', 'additional_info']);
    assert.equal((await h.get('/api/v2/payment_links')).status, 401);
    const control = await h.control('POST', '/streampay/payment-links', { name: 'From control', status: 'COMPLETED' });
    assert.equal(control.body.status, 'COMPLETED');
    assert.equal((await h.control('GET', `/streampay/payment-links/${control.body.id}`)).body.name, 'From control');
  });
});
