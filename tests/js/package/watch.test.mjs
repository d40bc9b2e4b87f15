// watchPayments against the in-process mock: every payment followed to the end within the
// concurrency and rate limits (as the mock counts them), fairly, with ids added and removed
// while it runs. The 10,000-payment scale is measured by `make bench`, not here.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import { API_KEY, assertStreamError, rejection, settled, sleep, startMock, until } from './helpers.mjs';

let mock, gateway;
const polls = (id) => mock.state.requests({ paymentId: id, method: 'GET' }).length;
const pendingPayment = (opts = {}) => mock.state.createGatewayPayment({ amountUsd: '1.00', ...opts }).payment_id;
/** Constant latency so that requests overlap and in-flight counts mean something. */
const latency = (delayMs) => mock.state.addFault({ pathPrefix: '/api/', delayMs, probability: 1 });

before(async () => {
  mock = await startMock();
  gateway = new GatewayClient({ baseUrl: mock.url, timeoutMs: 5000 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

test('1,000 payments: each resolved once, never above concurrency or rate, each polled as needed', async () => {
  const ids = mock.state.createGatewayPayments(1000, { pendingPolls: [0, 1], seed: 5 });
  latency([2, 6]);
  mock.state.resetStats();
  const updates = new Map();
  // About 1,500 polls, 16 in flight of 2-6 ms each: unlimited, this run peaks at 170/s in a
  // second on 2 busy cores (load average 9; client and mock share this process) and well above
  // that on an idle machine. 120/s binds (the run takes at least ~12 s), so a broken limiter
  // shows in the mock's count; a limit above what the run can reach would prove nothing.
  const rate = 120;
  const watcher = gateway.watchPayments(ids, {
    concurrency: 16, maxRequestsPerSecond: rate, intervalMs: 1, maxIntervalMs: 5,
    onUpdate: (p) => updates.set(p.paymentId, [...(updates.get(p.paymentId) ?? []), p.status]),
  });
  const results = await watcher.done;
  assert.ok(results instanceof Map);
  assert.equal(results.size, 1000);
  const stats = mock.state.stats();
  assert.ok(stats.maxInFlight <= 16, `maxInFlight ${stats.maxInFlight}`);
  assert.ok(stats.maxInFlight > 1, 'requests overlapped');
  assert.ok(stats.maxRequestsPerSecond <= rate, `maxRequestsPerSecond ${stats.maxRequestsPerSecond}`);
  // The same from the log: N polls at most `rate` a second span at least (N - rate) / rate
  // seconds (a lower bound that load can only widen).
  const times = mock.state.requests({ method: 'GET' }).map((e) => e.time);
  assert.equal(times.length, stats.requests);
  assert.ok(times.at(-1) - times[0] >= ((stats.requests - rate) / rate) * 1000 - 50,
    `${stats.requests} requests in ${times.at(-1) - times[0]} ms`);
  for (const id of ids) {
    assert.equal(results.get(id)?.status, 'completed', id);
    const { polls: n, lifecycle } = mock.state.gatewayPayment(id);
    assert.equal(n, lifecycle.pendingPolls + 1, `${id} polled exactly as often as needed`);
    const expected = lifecycle.pendingPolls === 0 ? ['completed'] : ['pending', 'completed'];
    assert.deepEqual(updates.get(id), expected, id);
  }
  assert.equal(watcher.errors.size, 0);
});

test('never above maxRequestsPerSecond as the mock counts it', async () => {
  const ids = Array.from({ length: 40 }, () => pendingPayment({ lifecycle: { pendingPolls: 2 } }));
  latency([1, 3]);
  mock.state.resetStats();
  const results = await gateway.watchPayments(ids, { concurrency: 8, maxRequestsPerSecond: 40, intervalMs: 1 }).done;
  assert.equal(results.size, 40);
  const stats = mock.state.stats();
  assert.equal(stats.requests, 120);
  assert.ok(stats.maxRequestsPerSecond <= 40, `maxRequestsPerSecond ${stats.maxRequestsPerSecond}`);
});

test('fair: under a tight rate every followed id keeps being polled', async () => {
  const ids = Array.from({ length: 30 }, () => pendingPayment());
  const controller = new AbortController();
  const watcher = gateway.watchPayments(ids, {
    concurrency: 2, maxRequestsPerSecond: 200, intervalMs: 1, maxIntervalMs: 1, signal: controller.signal,
  });
  await until(() => ids.every((id) => polls(id) >= 3), 'every id polled three times', 10_000);
  controller.abort(new Error('enough'));
  await rejection(() => watcher.done);
  const counts = ids.map(polls);
  assert.ok(Math.max(...counts) - Math.min(...counts) <= 3, `polls per id: ${counts}`);
});

test('add and remove while running: a removed id is no longer polled', async () => {
  const [a, b, c] = [pendingPayment(), pendingPayment(), pendingPayment()];
  const watcher = gateway.watchPayments([a, b, c], { intervalMs: 5, maxIntervalMs: 5, maxRequestsPerSecond: 1000 });
  await until(() => polls(a) >= 2, 'a polled twice');
  assert.equal(watcher.remove(a), true);
  assert.equal(watcher.remove(a), false);
  const after = polls(a);
  await until(() => polls(b) >= after + 4, 'b polled more');
  const later = polls(a);
  assert.ok(later <= after + 1, 'at most the request already in flight');
  await until(() => polls(b) >= after + 8, 'b polled more still');
  assert.equal(polls(a), later, 'no request for a removed id');

  const d = pendingPayment({ lifecycle: { pendingPolls: 1 } });
  assert.equal(watcher.add(d), true);
  assert.equal(watcher.add(d), false, 'already followed');
  assert.throws(() => watcher.add('../etc'), (e) => e.name === 'StreamError' && e.code === 'INVALID_ARGUMENT');
  await until(() => mock.state.gatewayPayment(d).payment.status === 'completed', 'd completed');
  mock.state.completeGatewayPayment(b);
  watcher.remove(c);
  const results = await watcher.done;
  assert.deepEqual([...results.keys()].sort(), [b, d].sort());
  assert.equal(watcher.add(pendingPayment()), false, 'settled');
  await settled(mock);
});

test('a permanent error drops one id and reports it; the others go on', async () => {
  const good = pendingPayment({ lifecycle: { pendingPolls: 1 } });
  const missing = 'NoSuchPayment00000002';
  const reported = [];
  const watcher = gateway.watchPayments([good, missing], {
    intervalMs: 2, maxRequestsPerSecond: 1000, onError: (error, id) => reported.push([id, error.code]),
  });
  const results = await watcher.done;
  assert.deepEqual([...results.keys()], [good]);
  assert.deepEqual(reported, [[missing, 'NOT_FOUND']]);
  assertStreamError(watcher.errors.get(missing), { code: 'NOT_FOUND' });
  assert.equal(polls(missing), 1);
});

test('abort and timeoutMs reject done, abort the requests in flight; no request follows', async () => {
  const ids = [pendingPayment(), pendingPayment()];
  // The mock holds every request, so an abort always meets logged requests in flight (not
  // ones still on their way, which would make the counts below racy).
  latency(300);
  const controller = new AbortController();
  const reason = new Error('shutting down');
  const watcher = gateway.watchPayments(ids, { intervalMs: 2, maxRequestsPerSecond: 1000, signal: controller.signal });
  await until(() => ids.every((id) => polls(id) >= 2), 'two polls of each');
  controller.abort(reason);
  assert.equal(await rejection(() => watcher.done), reason);
  const timed = gateway.watchPayments([pendingPayment()], { intervalMs: 2, timeoutMs: 100 });
  assertStreamError(await rejection(() => timed.done), { code: 'TIMEOUT' });
  await settled(mock);
  const entries = mock.state.requests({ method: 'GET' });
  assert.equal(entries.length, 5);
  assert.deepEqual(entries.filter((e) => e.aborted).length, 3, 'the three in flight were aborted');
  await sleep(100);
  assert.equal(mock.state.stats().requests, 5);
});

test('StreamPay: follows payments to their terminal status; empty and bad input', async () => {
  const client = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url });
  const ids = mock.state.createStreamPayPayments(20, { pendingPolls: [0, 2], seed: 9 });
  const results = await client.watchPayments(ids, { intervalMs: 1, maxRequestsPerSecond: 1000 }).done;
  assert.equal(results.size, 20);
  for (const id of ids) assert.equal(results.get(id).currentStatus, 'SUCCEEDED');
  assert.equal((await client.watchPayments([]).done).size, 0);
  assert.throws(() => client.watchPayments('abc'), (e) => e.code === 'INVALID_ARGUMENT');
  assert.throws(() => client.watchPayments(ids, { concurrency: 0 }), (e) => e.code === 'INVALID_ARGUMENT');
});
