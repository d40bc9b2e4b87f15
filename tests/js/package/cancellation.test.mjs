// Timeouts and AbortSignal: the deadline covers the whole call (body included), an abort rejects
// with signal.reason itself, the mock sees the connection closed, and nothing lingers (a Node
// process that made the call exits by itself).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, COMPLETED_ID, SP_FIXTURE_ID, T, assertStreamError, rejection, runChild, settled, startMock, until,
} from './helpers.mjs';
import { trackClientTimers } from './client-timers.mjs';

let mock;

before(async () => {
  mock = await startMock({ maxStallMs: 10_000 });
  // The first fetch of a process loads Node's HTTP client, which on a loaded machine can take
  // longer than the short deadlines below: warm it up, so they time out on the mock's delay.
  await gateway().getPayment(COMPLETED_ID);
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

const gateway = (options = {}) => new GatewayClient({ baseUrl: mock.url, ...options });
const streampay = (options = {}) => new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, ...options });
const firstRequest = () => until(() => mock.state.requests()[0], 'the request to reach the mock');

test('a delay before the headers longer than timeoutMs -> TIMEOUT; the mock sees the request aborted', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 5000 });
  const err = await rejection(() => gateway({ timeoutMs: 200, maxRetries: 0 }).getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'TIMEOUT', retryable: true, status: undefined });
  assert.match(err.message, /200 ms/);
  assert.match(err.message, /timeoutMs/);
  await settled(mock);
  const [req] = mock.state.requests();
  assert.equal(req.aborted, true);
  assert.equal(req.status, null);
});

test('a per-call timeoutMs overrides the client default', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 5000 });
  const err = await rejection(() => gateway({ timeoutMs: 60_000, maxRetries: 0 }).getPayment(COMPLETED_ID, { timeoutMs: 150 }));
  assertStreamError(err, { code: 'TIMEOUT' });
  assert.match(err.message, /150 ms/);
});

test('the deadline covers reading the body: a body that stalls midway -> TIMEOUT', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'stall', stallMs: 8000 });
  const err = await rejection(() => gateway({ timeoutMs: 300, maxRetries: 0 }).getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'TIMEOUT', status: undefined });
  await settled(mock);
  const [req] = mock.state.requests();
  assert.equal(req.status, 200, 'the headers had been sent');
  assert.equal(req.aborted, true, 'the client closed the stalled connection');
});

test('the deadline covers retries too: one deadline for the whole call', T, async () => {
  // Each attempt is slow but fits alone; the second one runs into the deadline.
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, delayMs: 250, headers: { 'retry-after': '0' }, times: 10 });
  const err = await rejection(() => gateway({ timeoutMs: 400, maxRetries: 5 }).getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'TIMEOUT' });
  await settled(mock);
  const reqs = mock.state.requests();
  assert.deepEqual(reqs.map((r) => [r.status, r.aborted]), [[503, false], [null, true]]);
});

test('a POST that times out is TIMEOUT and is not sent again', T, async () => {
  mock.state.addFault({ path: '/api/v1/payment/shop-9/page', kind: 'delay', delayMs: 5000, times: 5 });
  const c = gateway({ timeoutMs: 200, maxRetries: 3 });
  const err = await rejection(() => c.createPaymentLink('shop-9', { name: 'n', returnUrl: '/', amountUsd: '1' }));
  assertStreamError(err, { code: 'TIMEOUT' });
  await settled(mock);
  assert.deepEqual(mock.state.requests().map((r) => [r.method, r.aborted]), [['POST', true]]);
});

test('a StreamPay list stalled midway -> TIMEOUT, and the client works afterwards', T, async () => {
  mock.state.addFault({ path: '/api/v2/payments', kind: 'stall', stallMs: 8000 });
  const c = streampay({ timeoutMs: 300, maxRetries: 0 });
  assertStreamError(await rejection(() => c.listPayments({ limit: 100 })), { code: 'TIMEOUT' });
  assert.equal((await c.listPayments({ limit: 1 })).data.length, 1);
});

test('a signal aborted before the call rejects with signal.reason and sends nothing', T, async () => {
  const reason = { why: 'user left the page' };
  const controller = new AbortController();
  controller.abort(reason);
  const err = await rejection(() => gateway().getPayment(COMPLETED_ID, { signal: controller.signal }));
  assert.equal(err, reason, 'the very reason object');
  const plain = await rejection(() => streampay().getPayment(SP_FIXTURE_ID, { signal: AbortSignal.abort() }));
  assert.equal(plain.name, 'AbortError');
  assert.ok(plain instanceof DOMException);
  const post = await rejection(() =>
    gateway().createPaymentLink('shop', { name: 'n', returnUrl: '/', amountUsd: '1' }, { signal: controller.signal }));
  assert.equal(post, reason);
  const it = streampay().listAllPayments({}, { signal: controller.signal });
  assert.equal(await rejection(() => it.next()), reason);
  assert.equal(mock.state.requests().length, 0);
});

test('an abort mid-request (before headers) rejects with the exact reason; the connection is closed', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 8000 });
  const reason = new Error('stop now');
  const controller = new AbortController();
  const call = gateway().getPayment(COMPLETED_ID, { signal: controller.signal });
  await firstRequest();
  controller.abort(reason);
  assert.equal(await rejection(() => call), reason);
  await settled(mock);
  const [req] = mock.state.requests();
  assert.equal(req.aborted, true);
  assert.equal(mock.state.stats().inFlight, 0);
});

test('an abort while the body stalls rejects with the exact reason; the stalled connection is closed', T, async () => {
  mock.state.addFault({ paymentId: SP_FIXTURE_ID, kind: 'stall', stallMs: 8000 });
  const reason = Symbol('cancelled');
  const controller = new AbortController();
  const call = streampay().getPayment(SP_FIXTURE_ID, { signal: controller.signal });
  await firstRequest();
  await new Promise((ok) => setTimeout(ok, 50)); // headers and half the body are out
  controller.abort(reason);
  assert.equal(await rejection(() => call), reason);
  await settled(mock);
  const [req] = mock.state.requests();
  assert.deepEqual([req.status, req.aborted], [200, true]);
});

test('an abort during the retry backoff rejects at once: the backoff is cut short, no timer or request of the call is left', T, async () => {
  // A 60 s backoff (the longest Retry-After honoured) inside a 120 s deadline.
  const backoffMs = 60_000;
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': String(backoffMs / 1000) }, times: 10 });
  const reason = new Error('enough');
  const controller = new AbortController();
  const timers = trackClientTimers();
  try {
    const call = gateway({ maxRetries: 3, timeoutMs: 120_000 }).getPayment(COMPLETED_ID, { signal: controller.signal });
    await until(() => timers.pending().some((ms) => ms >= backoffMs / 2 && ms <= backoffMs), 'the client to wait out the Retry-After');
    controller.abort(reason);
    assert.equal(await rejection(() => call), reason);
    // Settled while the backoff had a minute to go: its timer and the deadline's are cleared.
    assert.deepEqual(timers.pending(), [], 'every timer of the call is cleared');
  } finally {
    timers.restore();
  }
  await settled(mock);
  assert.equal(mock.state.requests().length, 1, 'no retry was sent');
});

test('an abort between listAllPayments pages rejects the next page with the reason', T, async () => {
  const controller = new AbortController();
  const it = streampay().listAllPayments({ limit: 2 }, { signal: controller.signal });
  assert.equal((await it.next()).done, false);
  assert.equal((await it.next()).done, false);
  const reason = new Error('no more');
  controller.abort(reason);
  assert.equal(await rejection(() => it.next()), reason);
  assert.equal(mock.state.requests().length, 1);
});

test('one signal can serve many calls; aborting one call does not disturb another', T, async () => {
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 8000 });
  const c = gateway();
  const a = new AbortController();
  const slow = c.getPayment(COMPLETED_ID, { signal: a.signal });
  const shared = new AbortController();
  const fast = await Promise.all([1, 2, 3].map(() => c.getPayment('K04kjeEi06Zq48NlH2Sl0H', { signal: shared.signal })));
  assert.deepEqual(fast.map((p) => p.status), ['not_found', 'not_found', 'not_found']);
  a.abort('bye');
  assert.equal(await rejection(() => slow), 'bye');
  // Aborting the shared signal after its calls settled changes nothing and throws nothing.
  shared.abort();
  assert.equal((await c.getPayment('K04kjeEi06Zq48NlH2Sl0H')).status, 'not_found');
});

test('timeout and abort do not depend on fetch honouring the signal (an injected fetch that ignores it)', T, async () => {
  const neverSettles = () => new Promise(() => {});
  const c = new GatewayClient({ baseUrl: mock.url, fetch: neverSettles, timeoutMs: 150, maxRetries: 0 });
  assertStreamError(await rejection(() => c.getPayment(COMPLETED_ID)), { code: 'TIMEOUT' });
  const controller = new AbortController();
  const call = c.getPayment(COMPLETED_ID, { signal: controller.signal, timeoutMs: 60_000 });
  setTimeout(() => controller.abort('stop'), 20);
  assert.equal(await rejection(() => call), 'stop');
  // A body that never finishes, from a fetch that ignores the signal.
  const stuckBody = async () => ({ status: 200, headers: new Headers(), text: () => new Promise(() => {}) });
  const d = new GatewayClient({ baseUrl: mock.url, fetch: stuckBody, timeoutMs: 150, maxRetries: 0 });
  assertStreamError(await rejection(() => d.getPayment(COMPLETED_ID)), { code: 'TIMEOUT' });
});

test('a signal reused for many calls keeps no listener once they settle', T, async () => {
  const { getEventListeners } = await import('node:events');
  const controller = new AbortController();
  const c = gateway({ maxRetries: 1 });
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': '0' }, times: 3 });
  const calls = [];
  for (let i = 0; i < 20; i++) calls.push(c.getPayment(COMPLETED_ID, { signal: controller.signal }).catch((e) => e));
  calls.push(c.getPayment('NoSuchPayment0000000001', { signal: controller.signal }).catch((e) => e));
  await new Promise((ok) => setImmediate(ok)); // the calls have started
  assert.ok(getEventListeners(controller.signal, 'abort').length > 0, 'listening while in flight');
  await Promise.all(calls);
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  for await (const _ of streampay().listAllPayments({ limit: 100 }, { signal: controller.signal })) { /* all */ }
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
});

test('bad per-call options are INVALID_ARGUMENT', T, async () => {
  const c = gateway();
  for (const options of [{ signal: 'abort' }, { signal: {} }, { timeoutMs: -5 }, { timeout: 5 }, 'fast']) {
    assertStreamError(await rejection(() => c.getPayment(COMPLETED_ID, options)), { code: 'INVALID_ARGUMENT' });
  }
  assert.equal(mock.state.requests().length, 0);
});

// --- nothing lingers: child processes that must exit by themselves -------------------------

const CHILD_PRELUDE = `
import { GatewayClient, StreamPayClient } from 'stream-payments';
const url = process.env.MOCK_URL;
const out = (v) => process.stdout.write(JSON.stringify(v) + '\\n');
`;

async function exitsByItself(body, setup = () => {}) {
  setup();
  const result = await runChild(CHILD_PRELUDE + body, { MOCK_URL: mock.url }, 8000);
  assert.equal(result.killed, false, `the child was still running after 8 s: ${result.stdout}${result.stderr}`);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

test('a Node script that awaits getPayment and returns exits by itself', T, async () => {
  const out = await exitsByItself(`
    const p = await new GatewayClient({ baseUrl: url }).getPayment('${COMPLETED_ID}');
    out(p.status);
  `);
  assert.equal(out, 'completed');
});

test('a Node script whose getPayment is aborted mid-request exits by itself', T, async () => {
  const out = await exitsByItself(`
    const c = new AbortController();
    const call = new GatewayClient({ baseUrl: url }).getPayment('${COMPLETED_ID}', { signal: c.signal });
    setTimeout(() => c.abort('gone'), 100);
    try { await call; out('resolved'); } catch (e) { out(e); }
  `, () => mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 30_000 }));
  assert.equal(out, 'gone');
});

test('a Node script whose call times out, or fails after retries, exits by itself', T, async () => {
  const out = await exitsByItself(`
    const g = new GatewayClient({ baseUrl: url, timeoutMs: 200 });
    const codes = [];
    try { await g.getPayment('${COMPLETED_ID}'); } catch (e) { codes.push(e.code); }
    const s = new StreamPayClient({ apiKey: '${API_KEY}', baseUrl: url, maxRetries: 1 });
    try { await s.getPayment('${SP_FIXTURE_ID}'); } catch (e) { codes.push(e.code); }
    const it = s.listAllPayments({ limit: 5 });
    await it.next();
    codes.push('listed');
    out(codes);
  `, () => {
    mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'stall', stallMs: 30_000 });
    mock.state.addFault({ paymentId: SP_FIXTURE_ID, status: 503, headers: { 'retry-after': '0' }, times: 5 });
  });
  assert.deepEqual(out, ['TIMEOUT', 'SERVER', 'listed']);
});
