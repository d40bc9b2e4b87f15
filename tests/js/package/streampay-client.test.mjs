// StreamPayClient against the mock merchant API: payments decode exactly, the list query is the
// documented one (checked in the mock's log), listAllPayments is lazy and stops at the last page.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { StreamError, StreamPayClient } from 'stream-payments';
import {
  API_KEY, SP_FIXTURE_ID, SP_FIXTURE_ID_2, assertStreamError, rejection, sleep, startMock, until,
  T,
} from './helpers.mjs';

let mock, client;

before(async () => {
  mock = await startMock();
  client = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

const TOTAL = 252; // 2 fixtures + 250 generated

test('the documented payment decodes field for field, amountInSmallestUnit a string', T, async () => {
  const p = await client.getPayment(SP_FIXTURE_ID);
  assert.deepEqual(p, {
    id: SP_FIXTURE_ID,
    amount: '115.00',
    amountInSmallestUnit: '11500',
    currency: 'SAR',
    scheduledOn: '2026-11-20T09:00:00+03:00',
    type: 'INITIAL',
    paymentMethod: 'MADA',
    currentStatus: 'SUCCEEDED',
    payedAt: '2026-11-20T09:04:12+03:00',
    refundedAt: null,
    refundReason: null,
    refundNote: null,
  });
  const [req] = mock.state.requests();
  assert.equal(req.path, `/api/v2/payments/${SP_FIXTURE_ID}`);
  assert.equal(req.status, 200, 'the mock accepted the x-api-key');
  assert.equal(req.headers['x-api-key'], '[redacted]', 'sent (and redacted in the log)');
});

test('a KWD payment keeps 3 decimals exactly; unknown fields (invoice_id) are kept', T, async () => {
  const p = await client.getPayment(SP_FIXTURE_ID_2);
  assert.equal(p.amount, '12.345');
  assert.equal(p.amountInSmallestUnit, '12345');
  assert.equal(p.currency, 'KWD');
  assert.equal(p.currentStatus, 'PENDING');
  assert.equal(p.paymentMethod, null);
  const created = mock.state.createStreamPayPayment({ amount: '0.001', currency: 'BHD', invoiceId: SP_FIXTURE_ID });
  const q = await client.getPayment(created.id);
  assert.equal(q.amount, '0.001');
  assert.equal(q.amountInSmallestUnit, '1');
  assert.equal(q.invoiceId, SP_FIXTURE_ID);
});

test('amountInSmallestUnit beyond 2^53 arrives as the exact digits', T, async () => {
  for (const units of ['9007199254740993', '123456789012345678901234567890']) {
    const created = mock.state.createStreamPayPayment({ amountInSmallestUnit: units, currency: 'SAR' });
    const p = await client.getPayment(created.id);
    assert.equal(p.amountInSmallestUnit, units);
    assert.equal(typeof p.amountInSmallestUnit, 'string');
    assert.equal(p.amount, `${units.slice(0, -2)}.${units.slice(-2)}`);
    const page = await client.listPayments({ searchTerm: created.id });
    assert.deepEqual(page.data.map((x) => x.amountInSmallestUnit), [units]);
  }
});

test('an unknown status and unknown fields decode and are kept', T, async () => {
  mock.state.addFault({
    paymentId: SP_FIXTURE_ID,
    kind: 'patch',
    patch: { current_status: 'ON_HOLD', settlement_batch: { batch_id: 'b1' }, fee_in_smallest_unit: 12 },
  });
  const p = await client.getPayment(SP_FIXTURE_ID);
  assert.equal(p.currentStatus, 'ON_HOLD');
  // camelCase at every depth, also inside objects the package does not model.
  assert.deepEqual(p.settlementBatch, { batchId: 'b1' });
  // An amount the package does not model is a string too: the rule goes by name (issue 23).
  assert.equal(p.feeInSmallestUnit, '12');
  assert.equal(p.amount, '115.00');
});

test('listPayments: a page with its pagination', T, async () => {
  const page = await client.listPayments({ page: 2, limit: 5 });
  assert.equal(page.data.length, 5);
  assert.deepEqual(page.pagination, {
    totalCount: TOTAL, maxPage: Math.ceil(TOTAL / 5), currentPage: 2, limit: 5,
    hasNextPage: true, hasPreviousPage: true,
  });
  for (const p of page.data) {
    assert.equal(typeof p.id, 'string');
    assert.equal(typeof p.amount, 'string');
    assert.match(p.amountInSmallestUnit, /^\d+$/);
    assert.equal(typeof p.currentStatus, 'string');
  }
  const [req] = mock.state.requests();
  assert.equal(req.path, '/api/v2/payments');
  assert.deepEqual(req.query, { page: '2', limit: '5' });
});

test('listPayments with no params sends no query', T, async () => {
  const page = await client.listPayments();
  assert.equal(page.pagination.totalCount, TOTAL);
  assert.equal(page.pagination.limit, 10);
  assert.equal(mock.state.requests()[0].search, '');
});

test('listPayments sends every filter as the documented query: repeated keys, snake_case', T, async () => {
  const invoices = [SP_FIXTURE_ID, SP_FIXTURE_ID_2];
  await client.listPayments({
    page: 1,
    limit: 100,
    statuses: ['PENDING', 'FAILED'],
    invoiceId: invoices,
    searchTerm: 'a b&c=d/ü',
    fromDate: '2026-01-01T00:00:00+03:00',
    toDate: '2026-12-31T23:59:59Z',
    sortField: 'amount',
    sortDirection: 'asc',
  });
  const [req] = mock.state.requests();
  assert.deepEqual(req.query, {
    page: '1',
    limit: '100',
    statuses: ['PENDING', 'FAILED'],
    invoice_id: invoices,
    search_term: 'a b&c=d/ü',
    from_date: '2026-01-01T00:00:00+03:00',
    to_date: '2026-12-31T23:59:59Z',
    sort_field: 'amount',
    sort_direction: 'asc',
  });
  assert.equal(req.status, 200);
});

test('listPayments filters really filter: statuses, search, date range, sort', T, async () => {
  const page = await client.listPayments({ statuses: ['PENDING', 'FAILED'], limit: 100 });
  assert.ok(page.data.length > 0);
  for (const p of page.data) assert.ok(['PENDING', 'FAILED'].includes(p.currentStatus), p.currentStatus);

  const found = await client.listPayments({ searchTerm: SP_FIXTURE_ID_2 });
  assert.deepEqual(found.data.map((p) => p.id), [SP_FIXTURE_ID_2]);

  const range = await client.listPayments({
    fromDate: '2026-11-20T00:00:00+03:00', toDate: '2026-11-20T23:59:59+03:00', limit: 100,
  });
  assert.ok(range.data.some((p) => p.id === SP_FIXTURE_ID));
  for (const p of range.data) assert.ok(p.scheduledOn.startsWith('2026-11-20'), p.scheduledOn);

  const asc = await client.listPayments({ sortField: 'amount_in_smallest_unit', sortDirection: 'asc', limit: 100 });
  const units = asc.data.map((p) => BigInt(p.amountInSmallestUnit));
  assert.deepEqual(units, [...units].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

test('invalid list params are INVALID_ARGUMENT before anything is sent (limit > 100 too)', T, async () => {
  const bad = [
    { limit: 101 },
    { limit: 0 },
    { page: 0 },
    { page: -1 },
    { page: 1.5 },
    { limit: '10' },
    { statuses: 'PENDING' },
    { statuses: ['pending&x=1'] },
    { invoiceId: ['../x'] },
    { sortDirection: 'up' },
    { unknownParam: 1 },
  ];
  for (const params of bad) {
    const err = await rejection(() => client.listPayments(params));
    assertStreamError(err, { code: 'INVALID_ARGUMENT', retryable: false });
  }
  const err = await rejection(() => client.listPayments({ limit: 101 }));
  assert.match(err.message, /limit/);
  assert.equal(mock.state.requests().length, 0);
});

test('listAllPayments fetches lazily: page 2 only after iterating past page 1', T, async () => {
  const it = client.listAllPayments({ limit: 100 });
  assert.equal(typeof it[Symbol.asyncIterator], 'function');
  assert.equal(mock.state.requests().length, 0, 'nothing is fetched before the first next()');
  const seen = [];
  for (let i = 0; i < 100; i++) {
    const step = await it.next();
    assert.equal(step.done, false);
    seen.push(step.value.id);
  }
  let reqs = mock.state.requests();
  assert.equal(reqs.length, 1);
  assert.deepEqual(reqs[0].query, { page: '1', limit: '100' });
  const step = await it.next();
  seen.push(step.value.id);
  reqs = mock.state.requests();
  assert.equal(reqs.length, 2);
  assert.deepEqual(reqs[1].query, { page: '2', limit: '100' });
  await it.return();
  assert.deepEqual(await it.next(), { value: undefined, done: true });
  assert.equal(mock.state.requests().length, 2);
  assert.equal(new Set(seen).size, 101);
});

test('breaking out of for-await early sends no more requests', T, async () => {
  let n = 0;
  for await (const p of client.listAllPayments({ limit: 10 })) {
    assert.equal(typeof p.id, 'string');
    if (++n === 15) break;
  }
  assert.equal(n, 15);
  assert.equal(mock.state.requests().length, 2);
});

test('return() while a page is in flight ends the iteration: nothing more is yielded or fetched', T, async () => {
  mock.state.addFault({ path: '/api/v2/payments', kind: 'delay', delayMs: 100 });
  const it = client.listAllPayments({ limit: 5 });
  const pending = it.next();
  await until(() => mock.state.requests().length === 1, 'the page request');
  assert.deepEqual(await it.return(), { value: undefined, done: true });
  await pending; // the page already asked for may still arrive
  assert.deepEqual(await it.next(), { value: undefined, done: true });
  assert.deepEqual(await it.next(), { value: undefined, done: true });
  assert.equal(mock.state.requests().length, 1);
});

test('listAllPayments walks every payment exactly once and stops at the last page', T, async () => {
  const ids = [];
  for await (const p of client.listAllPayments()) ids.push(p.id);
  assert.equal(ids.length, TOTAL);
  assert.equal(new Set(ids).size, TOTAL);
  const reqs = mock.state.requests();
  assert.deepEqual(reqs.map((r) => r.query), [1, 2, 3].map((page) => ({ page: String(page), limit: '100' })));
});

test('listAllPayments with filters and a page size: every page, then nothing more', T, async () => {
  const filter = { statuses: ['SUCCEEDED', 'SETTLED'], sortField: 'amount', sortDirection: 'desc' };
  const first = await client.listPayments({ ...filter, limit: 7 });
  mock.state.clearRequests();
  const ids = [];
  for await (const p of client.listAllPayments({ ...filter, limit: 7 })) {
    assert.ok(['SUCCEEDED', 'SETTLED'].includes(p.currentStatus));
    ids.push(p.id);
  }
  assert.equal(ids.length, first.pagination.totalCount);
  assert.equal(new Set(ids).size, ids.length);
  const reqs = mock.state.requests();
  assert.equal(reqs.length, first.pagination.maxPage);
  assert.deepEqual(reqs.at(-1).query.statuses, ['SUCCEEDED', 'SETTLED']);
});

test('listAllPayments starting at a page, and an empty result', T, async () => {
  const ids = [];
  for await (const p of client.listAllPayments({ page: 3, limit: 100 })) ids.push(p.id);
  assert.equal(ids.length, TOTAL - 200);
  let n = 0;
  for await (const _ of client.listAllPayments({ searchTerm: 'no-such-thing-anywhere' })) n++;
  assert.equal(n, 0);
});

test('listAllPayments: a failing page rejects next() with the StreamError, then the iterator is done', T, async () => {
  mock.state.addFault({ path: '/api/v2/payments', status: 500, times: 1 });
  const it = client.listAllPayments({ limit: 50 });
  const err = await rejection(() => it.next());
  assertStreamError(err, { code: 'SERVER', status: 500 });
  assert.deepEqual(await it.next(), { value: undefined, done: true });
  assert.equal(mock.state.requests().length, 1);
});

test('listAllPayments failing after the first page: page 1\'s items, then the StreamError, then no request', T, async () => {
  const firstPage = (await client.listPayments({ limit: 3 })).data.map((p) => p.id);
  mock.state.clearRequests();
  const seen = [];
  let err;
  try {
    for await (const p of client.listAllPayments({ limit: 3 })) {
      seen.push(p.id);
      // The fault comes once page 1 is in: page 2 fails (every time; retries are off here).
      if (seen.length === 1) mock.state.addFault({ path: '/api/v2/payments', status: 503, times: 100 });
    }
  } catch (e) {
    err = e;
  }
  assert.deepEqual(seen, firstPage);
  assertStreamError(err, { code: 'SERVER', status: 503, retryable: true });
  await sleep(50);
  assert.deepEqual(mock.state.requests().map((r) => [r.query.page, r.status]), [['1', 200], ['2', 503]]);
});

test('listAllPayments: bad params are INVALID_ARGUMENT with nothing sent', T, async () => {
  // Every bad parameter throws at once, before an iterator exists: unknown keys, wrong types and
  // out-of-range values alike.
  for (const params of [{ limit: '5' }, { pageSize: 5 }, { limit: 500 }, { page: 0 }, { sortDirection: 'sideways' }]) {
    assert.throws(() => client.listAllPayments(params), (e) => e instanceof StreamError && e.code === 'INVALID_ARGUMENT');
  }
  assert.equal(mock.state.requests().length, 0);
});

test('extra headers are sent; a header named x-api-key cannot replace the key', T, async () => {
  const c = new StreamPayClient({
    apiKey: API_KEY, baseUrl: mock.url, headers: { 'x-trace-id': 't-1', 'X-API-KEY': 'other' },
  });
  await c.getPayment(SP_FIXTURE_ID);
  const [req] = mock.state.requests();
  assert.equal(req.headers['x-trace-id'], 't-1');
  assert.equal(req.status, 200, 'the real key was sent');
});

test('an injected fetch is used and sees the x-api-key header', T, async () => {
  const seen = [];
  const c = new StreamPayClient({
    apiKey: API_KEY,
    baseUrl: mock.url,
    fetch: (url, init) => {
      seen.push({ url: String(url), key: new Headers(init.headers).get('x-api-key') });
      return fetch(url, init);
    },
  });
  await c.listPayments({ limit: 1 });
  await c.getPayment(SP_FIXTURE_ID);
  assert.deepEqual(seen, [
    { url: `${mock.url}/api/v2/payments?limit=1`, key: API_KEY },
    { url: `${mock.url}/api/v2/payments/${SP_FIXTURE_ID}`, key: API_KEY },
  ]);
});

test('apiKey is required', T, () => {
  for (const options of [undefined, {}, { apiKey: '' }, { apiKey: '  ' }, { apiKey: 5 }, { apiKey: 'a\nb' }]) {
    assert.throws(() => new StreamPayClient(options), (e) => e.name === 'StreamError' && e.code === 'INVALID_ARGUMENT');
  }
});
