// waitForPayment on both clients against the in-process mock: polls until a status to stop at,
// reports each change once, rides out transient faults, and leaves nothing running when it
// settles. Short intervals and the mock's request log instead of wall-clock assertions.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, EXPIRED_ID, assertStreamError, rejection, runChild, settled, sleep, startMock, until,
} from './helpers.mjs';

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

let mock, gateway, streampay;
const fast = { intervalMs: 2, maxIntervalMs: 10 };
const polls = (id) => mock.state.requests({ paymentId: id, method: 'GET' });
const pendingPayment = (opts = {}) => mock.state.createGatewayPayment({ amountUsd: '3.00', ...opts }).payment_id;

before(async () => {
  mock = await startMock();
  gateway = new GatewayClient({ baseUrl: mock.url, timeoutMs: 5000 });
  streampay = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, timeoutMs: 5000 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

test('pending x3 then completed: resolves after 4 polls, onUpdate sees each status once', async () => {
  const id = pendingPayment({ lifecycle: { pendingPolls: 3 } });
  const seen = [];
  const payment = await gateway.waitForPayment(id, { ...fast, onUpdate: (p) => seen.push(p.status) });
  assert.equal(payment.status, 'completed');
  assert.equal(payment.paymentId, id);
  assert.deepEqual(seen, ['pending', 'completed']);
  assert.equal(polls(id).length, 4);
});

test('an expired payment resolves with not_found / expired', async () => {
  const id = pendingPayment({ lifecycle: { pendingPolls: 1, then: 'expired' } });
  const payment = await gateway.waitForPayment(id, fast);
  assert.equal(payment.status, 'not_found');
  assert.equal(payment.reason, 'expired');
  const fixture = await gateway.waitForPayment(EXPIRED_ID, fast);
  assert.deepEqual([fixture.status, fixture.reason], ['not_found', 'expired']);
  assert.equal(polls(EXPIRED_ID).length, 1);
});

test('StreamPay: PENDING then SUCCEEDED; stopStatuses ends the wait early', async () => {
  const id = mock.state.createStreamPayPayment({ status: 'PENDING', lifecycle: { pendingPolls: 2 } }).id;
  const seen = [];
  const payment = await streampay.waitForPayment(id, { ...fast, onUpdate: (p) => seen.push(p.currentStatus) });
  assert.equal(payment.currentStatus, 'SUCCEEDED');
  assert.deepEqual(seen, ['PENDING', 'SUCCEEDED']);
  const processing = mock.state.createStreamPayPayment({ status: 'PROCESSING' }).id;
  const early = await streampay.waitForPayment(processing, { ...fast, stopStatuses: ['PROCESSING'] });
  assert.equal(early.currentStatus, 'PROCESSING');
  assert.equal(polls(processing).length, 1);
});

test('permanent errors reject at once: unknown id, bad credentials, a broken 2xx body', async () => {
  assertStreamError(await rejection(() => gateway.waitForPayment('NoSuchPayment00000001', fast)), { code: 'NOT_FOUND' });
  assert.equal(polls('NoSuchPayment00000001').length, 1);
  const id = mock.state.createStreamPayPayment({ status: 'PENDING' }).id;
  const wrongKey = new StreamPayClient({ apiKey: Buffer.from('x:y').toString('base64'), baseUrl: mock.url });
  assertStreamError(await rejection(() => wrongKey.waitForPayment(id, fast)), { code: 'UNAUTHORIZED' });
  const broken = pendingPayment();
  // One broken body only: a second poll would succeed, so a wait that polled on would not reject.
  mock.state.addFault({ paymentId: broken, kind: 'truncated', times: 1 });
  assertStreamError(await rejection(() => gateway.waitForPayment(broken, fast)), { code: 'DECODE' });
  await sleep(50); // 25 intervals of `fast`: time for any poll that should not be there
  assert.equal(polls('NoSuchPayment00000001').length, 1, 'NOT_FOUND: one poll, no retry');
  assert.equal(polls(id).length, 1, 'UNAUTHORIZED: one poll, no retry');
  assert.equal(polls(broken).length, 1, 'DECODE: one poll, no retry');
});

test('30% transient faults of every kind: 100 out of 100 waits resolve, retries bounded', async () => {
  const ids = Array.from({ length: 100 }, () => pendingPayment({ lifecycle: { pendingPolls: 2 } }));
  mock.state.addFault({ pathPrefix: '/api/v1/payment/', probability: 0.3, faults: 'transient', seed: 7 });
  const client = new GatewayClient({ baseUrl: mock.url, timeoutMs: 3000, maxRetries: 0 });
  const results = await Promise.all(ids.map((id, i) =>
    client.waitForPayment(id, { intervalMs: 1 + (i % 5), maxIntervalMs: 20 })));
  assert.deepEqual(results.map((p) => p.status), ids.map(() => 'completed'));
  assert.deepEqual(results.map((p) => p.paymentId), ids);
  assert.ok(mock.state.stats().faults > 0, 'faults were injected');
  for (const id of ids) {
    // 3 answered polls are needed; at 30% faults 30 requests would be a 1-in-10^9 run of bad luck.
    assert.ok(polls(id).length < 30, `${id}: ${polls(id).length} requests`);
  }
  await settled(mock);
  assert.deepEqual(unhandled, []);
});

/** Milliseconds between consecutive polls of `id`, as the mock saw them arrive. */
const gaps = (id) => polls(id).map((r) => r.time).map((t, i, all) => t - all[i - 1]).slice(1);
/** Timers and Date.now() may disagree by a millisecond either way. */
const CLOCK_SLACK_MS = 2;

test('backoff seen from JS: no gap below intervalMs less jitter, and the gaps grow to maxIntervalMs', async () => {
  // Lower bounds only. Documented: intervalMs is the first delay, maxIntervalMs the cap of the
  // backoff while nothing changes, with jitter (at most 20% off). A poller that ignored the
  // interval, never backed off or stopped short of the cap fails here.
  const intervalMs = 20;
  const maxIntervalMs = 300;
  const id = pendingPayment();
  const controller = new AbortController();
  const wait = gateway.waitForPayment(id, { intervalMs, maxIntervalMs, signal: controller.signal });
  await until(() => polls(id).length >= 14, 'fourteen polls', 15_000);
  controller.abort(new Error('enough'));
  await rejection(() => wait);
  const seen = gaps(id).slice(0, 13);
  for (const gap of seen) assert.ok(gap >= intervalMs * 0.8 - CLOCK_SLACK_MS, `gaps ${seen}`);
  // 13 polls with no change: growing by x1.3 or more per poll (x1.5 today) the last two gaps
  // are at the cap.
  for (const gap of seen.slice(-2)) assert.ok(gap >= maxIntervalMs * 0.8 - CLOCK_SLACK_MS, `gaps ${seen}`);
});

test('Retry-After on a 429 or a 503 during a wait: the next poll waits at least that long, above maxIntervalMs', async () => {
  for (const fault of [{ status: 429, retryAfter: 1 }, { status: 503, headers: { 'retry-after': '1' } }]) {
    mock.state.reset();
    const id = pendingPayment({ lifecycle: { pendingPolls: 2 } });
    // The first poll meets the fault (a fault answered by the mock is not a poll of the lifecycle).
    mock.state.addFault({ paymentId: id, ...fault, times: 1 });
    const payment = await gateway.waitForPayment(id, { intervalMs: 5, maxIntervalMs: 20 });
    assert.equal(payment.status, 'completed', 'the wait rode the fault out');
    const log = polls(id);
    assert.deepEqual(log.map((r) => r.status), [fault.status, 200, 200, 200]);
    const waited = log[1].time - log[0].time;
    assert.ok(waited >= 1000 - CLOCK_SLACK_MS, `${fault.status}: next poll after ${waited} ms, Retry-After is 1 s`);
  }
});

test('a throwing or rejecting onUpdate does not break polling', async () => {
  const id = pendingPayment({ lifecycle: { pendingPolls: 1 } });
  const seen = [];
  const payment = await gateway.waitForPayment(id, {
    ...fast,
    onUpdate: (p) => {
      seen.push(p.status);
      if (p.status === 'pending') throw new Error('callback bug');
      return Promise.reject(new Error('async callback bug'));
    },
  });
  assert.equal(payment.status, 'completed');
  assert.deepEqual(seen, ['pending', 'completed']);
  await sleep(10);
  assert.deepEqual(unhandled, []);
});

test('abort mid-wait rejects with signal.reason, aborts the request, and no request follows', async () => {
  const id = pendingPayment();
  mock.state.addFault({ paymentId: id, kind: 'delay', delayMs: 200, probability: 1 });
  const controller = new AbortController();
  const reason = new Error('customer left');
  const wait = gateway.waitForPayment(id, { ...fast, signal: controller.signal });
  await until(() => polls(id).length >= 2, 'two polls');
  controller.abort(reason);
  assert.equal(await rejection(() => wait), reason);
  await settled(mock);
  const count = polls(id).length;
  assert.equal(polls(id).at(-1).aborted, true, 'the request in flight was aborted');
  await sleep(100);
  assert.equal(polls(id).length, count, 'no request after the abort');
});

test('timeoutMs rejects with TIMEOUT, aborts the request, and no request follows', async () => {
  const id = pendingPayment();
  // The mock holds the first poll past the deadline, so the deadline aborts a logged request
  // (not one still on its way, which would make the count below racy).
  mock.state.addFault({ paymentId: id, kind: 'delay', delayMs: 400, probability: 1 });
  const err = await rejection(() => gateway.waitForPayment(id, { ...fast, timeoutMs: 150 }));
  assertStreamError(err, { code: 'TIMEOUT' });
  await settled(mock);
  assert.equal(polls(id).length, 1);
  assert.equal(polls(id)[0].aborted, true, 'the request in flight was aborted');
  await sleep(100);
  assert.equal(polls(id).length, 1, 'no request after the timeout');
});

test('an aborted signal rejects before any request; bad options are INVALID_ARGUMENT', async () => {
  const id = pendingPayment();
  const reason = new Error('already gone');
  assert.equal(await rejection(() => gateway.waitForPayment(id, { signal: AbortSignal.abort(reason) })), reason);
  assert.equal(polls(id).length, 0);
  for (const options of [{ intervalMs: 0 }, { interval: 5 }, { onUpdate: 'x' }, { stopStatuses: 'done' }]) {
    assertStreamError(await rejection(() => gateway.waitForPayment(id, options)), { code: 'INVALID_ARGUMENT' });
  }
  assertStreamError(await rejection(() => gateway.waitForPayment('../x')), { code: 'INVALID_ARGUMENT' });
});

const CHILD = `
import { GatewayClient } from 'stream-payments';
const client = new GatewayClient({ baseUrl: process.env.MOCK_URL });
const how = process.env.HOW;
const controller = new AbortController();
// A long overall deadline and an hour between polls: any timer left behind would keep Node up.
const options = { intervalMs: how === 'resolve' ? 2 : 3_600_000, timeoutMs: how === 'timeout' ? 50 : 3_600_000, signal: controller.signal };
if (how === 'abort') setTimeout(() => controller.abort(new Error('stop')), 50);
try {
  const p = await client.waitForPayment(process.env.ID, options);
  console.log('resolved', p.status);
} catch (e) {
  console.log('rejected', e.code ?? e.message);
}
`;

test('a Node script that awaits waitForPayment and returns exits at once', async () => {
  const cases = [
    ['resolve', { lifecycle: { pendingPolls: 2 } }, 'resolved completed'],
    ['abort', {}, 'rejected stop'],
    ['timeout', {}, 'rejected TIMEOUT'],
  ];
  for (const [how, opts, expected] of cases) {
    const id = pendingPayment(opts);
    const child = await runChild(CHILD, { MOCK_URL: mock.url, ID: id, HOW: how }, 20_000);
    assert.equal(child.killed, false, `${how}: the process exited by itself`);
    assert.equal(child.code, 0, `${how}: ${child.stderr}`);
    assert.equal(child.stdout.trim(), expected);
  }
});

test('watchPayment: for await sees each change, ending with the settled payment', async () => {
  const id = pendingPayment({ lifecycle: { pendingPolls: 3 } });
  const seen = [];
  for await (const p of gateway.watchPayment(id, fast)) seen.push(p.status);
  assert.deepEqual(seen, ['pending', 'completed']);
  assert.equal(polls(id).length, 4);
  const sp = mock.state.createStreamPayPayment({ status: 'PENDING', lifecycle: { pendingPolls: 1 } }).id;
  const statuses = [];
  for await (const p of streampay.watchPayment(sp, fast)) statuses.push(p.currentStatus);
  assert.deepEqual(statuses, ['PENDING', 'SUCCEEDED']);
});

test('watchPayment: leaving the loop stops polling; a signal or error ends it with a throw', async () => {
  const id = pendingPayment();
  // A second between polls: the loop is surely left before the second one is due.
  for await (const p of gateway.watchPayment(id, { intervalMs: 1000 })) {
    assert.equal(p.status, 'pending');
    break;
  }
  await settled(mock);
  await sleep(100);
  assert.equal(polls(id).length, 1, 'no request after leaving the loop');

  const controller = new AbortController();
  const reason = new Error('navigated away');
  const iterator = gateway.watchPayment(id, { ...fast, signal: controller.signal });
  assert.equal((await iterator.next()).value.status, 'pending');
  controller.abort(reason);
  assert.equal(await rejection(() => iterator.next()), reason);
  assert.deepEqual(await iterator.next(), { value: undefined, done: true });

  const missing = gateway.watchPayment('NoSuchPayment00000003', fast);
  assertStreamError(await rejection(() => missing.next()), { code: 'NOT_FOUND' });
  assert.throws(() => gateway.watchPayment(id, { intervalMs: -1 }), (e) => e.code === 'INVALID_ARGUMENT');
});
