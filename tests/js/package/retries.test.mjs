// Retries, counted in the mock's request log: GET only, on 5xx / 429 / network errors, up to
// maxRetries, honouring Retry-After; POST never. No wall-clock upper bounds are asserted.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, COMPLETED_ID, SP_FIXTURE_ID, T, assertStreamError, rejection, settled, startMock,
} from './helpers.mjs';

let mock;

before(async () => {
  mock = await startMock();
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

const gateway = (options = {}) => new GatewayClient({ baseUrl: mock.url, ...options });
const streampay = (options = {}) => new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, ...options });
/** Statuses the mock answered, in order (null = no response, e.g. a reset). */
async function statuses(filter = {}) {
  await settled(mock);
  return mock.state.requests(filter).map((r) => r.status);
}
// Retry-After: 0 keeps these fast while still going through the retry path.
const NOW = { 'retry-after': '0' };

test('a GET failing with 503 every time is tried exactly 1 + maxRetries times', T, async () => {
  for (const maxRetries of [0, 1, 2, 4]) {
    mock.state.reset();
    mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: NOW, times: 100 });
    const err = await rejection(() => gateway({ maxRetries }).getPayment(COMPLETED_ID));
    assertStreamError(err, { code: 'SERVER', status: 503, retryable: true });
    assert.deepEqual(await statuses(), Array(1 + maxRetries).fill(503), `maxRetries ${maxRetries}`);
  }
});

test('the default is 2 retries, with backoff when there is no Retry-After', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 500, times: 100 });
  const err = await rejection(() => gateway().getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'SERVER', status: 500 });
  assert.deepEqual(await statuses(), [500, 500, 500]);
});

test('the backoff before each retry is really waited (summed over 8 calls: lower bounds only)', T, async () => {
  // Documented: 500 ms doubling, full jitter, so one wait can be ~0 ms and only a sum can be
  // bounded below. The waits before retry 1 are uniform in [0, 500) ms, before retry 2 in
  // [0, 1000): eight of each sum to under 250 / 500 ms with odds below 1 in 10^7. A client
  // that retries at once sums to a few milliseconds.
  const ids = Array.from({ length: 8 }, () => mock.state.createGatewayPayment({ amountUsd: '1.00' }).payment_id);
  for (const id of ids) mock.state.addFault({ paymentId: id, status: 503, times: 100 });
  const c = gateway();
  const errors = await Promise.all(ids.map((id) => rejection(() => c.getPayment(id))));
  for (const err of errors) assertStreamError(err, { code: 'SERVER', status: 503 });
  await settled(mock);
  const gaps = ids.map((id) => {
    const times = mock.state.requests({ paymentId: id }).map((r) => r.time);
    assert.equal(times.length, 3, `${id}: 1 + 2 retries`);
    return [times[1] - times[0], times[2] - times[1]];
  });
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const first = sum(gaps.map(([a]) => a));
  const second = sum(gaps.map(([, b]) => b));
  assert.ok(first >= 250, `waits before the first retries sum to ${first} ms: ${JSON.stringify(gaps)}`);
  assert.ok(second >= 500, `waits before the second retries sum to ${second} ms: ${JSON.stringify(gaps)}`);
});

test('success after two failures (502, then a reset) resolves with the payment', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 502, headers: NOW, times: 1 });
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'reset', times: 1 });
  const p = await gateway({ maxRetries: 2 }).getPayment(COMPLETED_ID);
  assert.equal(p.status, 'completed');
  assert.deepEqual(await statuses(), [502, null, 200]);
});

test('every retryable kind is retried: 500, 502, 503, 504, 429, HTML 502, reset', T, async () => {
  const kinds = [
    { status: 500, headers: NOW }, { status: 502, headers: NOW }, { status: 503, headers: NOW },
    { status: 504, headers: NOW }, { status: 429, retryAfter: 0 }, { kind: 'html', status: 502, headers: NOW },
    { kind: 'reset' },
  ];
  for (const fault of kinds) {
    mock.state.reset();
    mock.state.addFault({ paymentId: COMPLETED_ID, ...fault, times: 1 });
    const p = await gateway({ maxRetries: 1 }).getPayment(COMPLETED_ID);
    assert.equal(p.status, 'completed', JSON.stringify(fault));
    assert.equal(mock.state.requests().length, 2, JSON.stringify(fault));
  }
});

test('listPayments and StreamPay getPayment are retried too', T, async () => {
  mock.state.addFault({ path: '/api/v2/payments', status: 503, headers: NOW, times: 2 });
  const page = await streampay({ maxRetries: 2 }).listPayments({ limit: 3 });
  assert.equal(page.data.length, 3);
  assert.deepEqual(await statuses({ path: '/api/v2/payments' }), [503, 503, 200]);
  mock.state.reset();
  mock.state.addFault({ paymentId: SP_FIXTURE_ID, status: 429, retryAfter: 0, times: 1 });
  assert.equal((await streampay({ maxRetries: 1 }).getPayment(SP_FIXTURE_ID)).id, SP_FIXTURE_ID);
  assert.deepEqual(await statuses(), [429, 200]);
});

test('what retrying cannot fix is not retried: 400, 401, 403, 404, 409, 422, DECODE', T, async () => {
  const cases = [
    [{ status: 400 }, 'VALIDATION'], [{ status: 401 }, 'UNAUTHORIZED'], [{ status: 403 }, 'FORBIDDEN'],
    [{ status: 404 }, 'NOT_FOUND'], [{ status: 409 }, 'CONFLICT'], [{ status: 422 }, 'VALIDATION'],
    [{ kind: 'truncated' }, 'DECODE'], [{ kind: 'wrongTypes' }, 'DECODE'], [{ kind: 'empty' }, 'DECODE'],
    [{ kind: 'html', status: 200 }, 'DECODE'],
  ];
  for (const [fault, code] of cases) {
    mock.state.reset();
    mock.state.addFault({ paymentId: COMPLETED_ID, ...fault, times: 10 });
    const err = await rejection(() => gateway({ maxRetries: 3 }).getPayment(COMPLETED_ID));
    assertStreamError(err, { code, retryable: false });
    assert.equal((await statuses()).length, 1, JSON.stringify(fault));
  }
});

test('Retry-After in seconds is honoured: the retry comes no sooner', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 429, retryAfter: 1, times: 1 });
  const p = await gateway({ maxRetries: 1 }).getPayment(COMPLETED_ID);
  assert.equal(p.status, 'completed');
  const [first, second] = mock.state.requests();
  assert.deepEqual([first.status, second.status], [429, 200]);
  // A lower bound only (the backoff without Retry-After would be < 500 ms here).
  assert.ok(second.time - first.time >= 950, `retried after ${second.time - first.time} ms`);
});

test('Retry-After as an HTTP date is honoured (on a 503 too)', T, async () => {
  // The date has whole seconds: 2 s ahead means a wait of more than 1 s.
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 429, retryAfterDate: 2, times: 1 });
  assert.equal((await gateway({ maxRetries: 1 }).getPayment(COMPLETED_ID)).status, 'completed');
  const [a, b] = mock.state.requests();
  assert.deepEqual([a.status, b.status], [429, 200]);
  assert.ok(b.time - a.time >= 950, `retried after ${b.time - a.time} ms`);

  mock.state.reset();
  const date = new Date(Date.now() - 60_000).toUTCString(); // in the past: retry at once
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': date }, times: 1 });
  assert.equal((await gateway({ maxRetries: 1 }).getPayment(COMPLETED_ID)).status, 'completed');
  assert.deepEqual(await statuses(), [503, 200]);
});

test('Retry-After in each of the three HTTP date forms is honoured, read as GMT in any time zone', T, async () => {
  // Kolkata is GMT+5:30: a date read as local time would be hours in the past (an immediate retry).
  const zone = process.env.TZ;
  process.env.TZ = 'Asia/Kolkata';
  try {
    const forms = {
      imf: (d) => d.toUTCString(),
      rfc850: (d) => {
        const [day, date, month, year, time] = d.toUTCString().replace(',', '').split(' ');
        const long = { Mon: 'Monday', Tue: 'Tuesday', Wed: 'Wednesday', Thu: 'Thursday', Fri: 'Friday', Sat: 'Saturday', Sun: 'Sunday' };
        return `${long[day]}, ${date}-${month}-${year.slice(2)} ${time} GMT`;
      },
      asctime: (d) => {
        const [day, date, month, year, time] = d.toUTCString().replace(',', '').split(' ');
        return `${day} ${month} ${String(Number(date)).padStart(2, ' ')} ${time} ${year}`;
      },
    };
    for (const [name, form] of Object.entries(forms)) {
      mock.state.reset();
      // Whole seconds: 2 s ahead means a wait of more than 1 s.
      const text = form(new Date(Date.now() + 2000));
      mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': text }, times: 1 });
      assert.equal((await gateway({ maxRetries: 1 }).getPayment(COMPLETED_ID)).status, 'completed');
      const [a, b] = mock.state.requests();
      assert.deepEqual([a.status, b.status], [503, 200], name);
      assert.ok(b.time - a.time >= 950, `${name} ${JSON.stringify(text)}: retried after ${b.time - a.time} ms`);
    }
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('a Retry-After longer than what is left of the deadline ends the call now with the real error', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 429, retryAfter: 3600, times: 1 });
  const err = await rejection(() => gateway({ maxRetries: 2, timeoutMs: 5000 }).getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'RATE_LIMITED', status: 429, retryable: true });
  assert.deepEqual(await statuses(), [429]);
  mock.state.reset();
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': '30' }, times: 1 });
  const err2 = await rejection(() => gateway({ maxRetries: 2 }).getPayment(COMPLETED_ID, { timeoutMs: 5000 }));
  assertStreamError(err2, { code: 'SERVER', status: 503 });
  assert.deepEqual(await statuses(), [503]);
});

test('POST createPaymentLink is never retried: one request after a 503, a 429 or a reset', T, async () => {
  const path = '/api/v1/payment/shop-1/page';
  for (const fault of [{ status: 503, headers: NOW }, { status: 429, retryAfter: 0 }, { kind: 'reset' }, { status: 500 }]) {
    mock.state.reset();
    mock.state.addFault({ path, method: 'POST', ...fault, times: 10 });
    const err = await rejection(() =>
      gateway({ maxRetries: 5 }).createPaymentLink('shop-1', { name: 'n', returnUrl: '/', amountUsd: '1' }));
    assert.equal(err.name, 'StreamError');
    assert.ok(['SERVER', 'RATE_LIMITED', 'NETWORK'].includes(err.code), err.code);
    assert.equal((await statuses({ method: 'POST' })).length, 1, JSON.stringify(fault));
  }
});

test('POST createPayment is never retried after a 503', T, async () => {
  mock.state.addFault({ path: '/api/v1/payment/shop-2', method: 'POST', status: 503, headers: NOW, times: 10 });
  const err = await rejection(() =>
    gateway({ maxRetries: 5 }).createPayment('shop-2', { name: 'n', returnUrl: '/', amountEur: '2' }));
  assertStreamError(err, { code: 'SERVER', status: 503 });
  assert.deepEqual(await statuses(), [503]);
});

test('after retries are exhausted the client still works', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: NOW, times: 3 });
  const c = gateway({ maxRetries: 2 });
  await rejection(() => c.getPayment(COMPLETED_ID));
  assert.equal((await c.getPayment(COMPLETED_ID)).status, 'completed');
  assert.deepEqual(await statuses(), [503, 503, 503, 200]);
});
