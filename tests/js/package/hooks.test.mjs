// Request and response hooks (onRequest / onResponse / onHookError) of both clients against the
// in-process mock with scripted faults: every field of every event, retries with their delay,
// a POST given up after one attempt, a network error's code, the polls of waitForPayment and
// watchPayments, a hook that throws or never settles, and no key or secret in any event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, COMPLETED_ID, MOCK_KEY_PAIR, SP_FIXTURE_ID, T, assertStreamError, deadPort, mockPerFile, rejection,
  settled,
} from './helpers.mjs';

const running = mockPerFile();

/** [events, hooks]: hooks that record every event in order, as `['request' | 'response', event]`. */
function recorder() {
  const events = [];
  return [events, {
    onRequest: (e) => events.push(['request', e]),
    onResponse: (e) => events.push(['response', e]),
    onHookError: (error) => assert.fail(`a recording hook failed: ${error}`),
  }];
}

/** An event's fields with `elapsedMs` checked (a number >= 0) and left out, for deepEqual. */
function timed(event) {
  const { elapsedMs, ...rest } = event;
  assert.equal(typeof elapsedMs, 'number');
  assert.ok(elapsedMs >= 0 && Number.isFinite(elapsedMs), `elapsedMs ${elapsedMs}`);
  return rest;
}

const REQUEST_KEYS = ['attempt', 'method', 'operation', 'url'];
const RESPONSE_KEYS = [...REQUEST_KEYS, 'decision', 'delayMs', 'elapsedMs', 'errorCode', 'requestId', 'status'].sort();

/** Asserts each event has exactly the documented fields; returns them as [kind, fields]. */
function shapes(events) {
  return events.map(([kind, e]) => {
    assert.deepEqual(Object.keys(e).sort(), kind === 'request' ? REQUEST_KEYS : RESPONSE_KEYS, kind);
    return [kind, kind === 'request' ? e : timed(e)];
  });
}

test('a GET answered 503 then 200: both attempts, the retry with its delay, every field', T, async () => {
  const { mock } = running;
  const [events, hooks] = recorder();
  const client = new GatewayClient({ baseUrl: mock.url, ...hooks });
  mock.state.addFault({ paymentId: COMPLETED_ID, status: 503, headers: { 'retry-after': '1' }, times: 1 });
  const payment = await client.getPayment(COMPLETED_ID);
  assert.equal(payment.paymentId, COMPLETED_ID);
  await settled(mock);
  const [first, second] = mock.state.requests({ paymentId: COMPLETED_ID });
  assert.ok(first.requestId && second.requestId && first.requestId !== second.requestId);
  const url = `${mock.url}/api/v1/payment/${COMPLETED_ID}`;
  const sent = { operation: 'getPayment', method: 'GET', url };
  assert.deepEqual(shapes(events), [
    ['request', { ...sent, attempt: 1 }],
    ['response', {
      ...sent, attempt: 1, status: 503, errorCode: 'SERVER', requestId: first.requestId, decision: 'retry', delayMs: 1000,
    }],
    ['request', { ...sent, attempt: 2 }],
    ['response', {
      ...sent, attempt: 2, status: 200, errorCode: undefined, requestId: second.requestId, decision: 'done',
      delayMs: undefined,
    }],
  ]);
});

test('a POST answered 503: one attempt, given up; the call rejects as without hooks', T, async () => {
  const { mock } = running;
  const [events, hooks] = recorder();
  const client = new GatewayClient({ baseUrl: mock.url, maxRetries: 5, ...hooks });
  mock.state.addFault({ path: '/api/v1/payment/shop-1/page', method: 'POST', status: 503, times: 10 });
  const err = await rejection(() => client.createPaymentLink('shop-1', { name: 'n', returnUrl: '/', amountUsd: '1' }));
  assertStreamError(err, { code: 'SERVER', status: 503 });
  await settled(mock);
  const [only] = mock.state.requests({ method: 'POST' });
  const sent = { operation: 'createPaymentLink', method: 'POST', url: `${mock.url}/api/v1/payment/shop-1/page`, attempt: 1 };
  assert.deepEqual(shapes(events), [
    ['request', sent],
    ['response', {
      ...sent, status: 503, errorCode: 'SERVER', requestId: only.requestId, decision: 'giveUp', delayMs: undefined,
    }],
  ]);
});

test('a network error: no status, its code, retried then given up', T, async () => {
  const [events, hooks] = recorder();
  const baseUrl = `http://127.0.0.1:${await deadPort()}`;
  const client = new GatewayClient({ baseUrl, maxRetries: 1, ...hooks });
  assertStreamError(await rejection(() => client.getPayment(COMPLETED_ID)), { code: 'NETWORK' });
  const sent = { operation: 'getPayment', method: 'GET', url: `${baseUrl}/api/v1/payment/${COMPLETED_ID}` };
  const seen = shapes(events);
  const { delayMs } = seen[1][1];
  assert.ok(Number.isInteger(delayMs) && delayMs >= 0 && delayMs < 500, `backoff ${delayMs}`);
  const failed = { status: undefined, errorCode: 'NETWORK', requestId: undefined };
  assert.deepEqual(seen, [
    ['request', { ...sent, attempt: 1 }],
    ['response', { ...sent, attempt: 1, ...failed, decision: 'retry', delayMs }],
    ['request', { ...sent, attempt: 2 }],
    ['response', { ...sent, attempt: 2, ...failed, decision: 'giveUp', delayMs: undefined }],
  ]);
});

test('waitForPayment: each poll has its events, a ridden-out 503 and the settling poll included', T, async () => {
  const { mock } = running;
  const [events, hooks] = recorder();
  const client = new GatewayClient({ baseUrl: mock.url, ...hooks });
  const id = mock.state.createGatewayPayment({ amountUsd: '3.00', lifecycle: { pendingPolls: 2 } }).payment_id;
  mock.state.addFault({ paymentId: id, status: 503, headers: { 'retry-after': '0' }, times: 1 });
  const payment = await client.waitForPayment(id, { intervalMs: 2, maxIntervalMs: 10 });
  assert.equal(payment.status, 'completed');
  await settled(mock);
  const log = mock.state.requests({ paymentId: id });
  assert.deepEqual(log.map((r) => r.status), [503, 200, 200, 200]);
  const seen = shapes(events);
  assert.equal(events.length, 2 * log.length);
  const sent = { operation: 'waitForPayment', method: 'GET', url: `${mock.url}/api/v1/payment/${id}`, attempt: 1 };
  log.forEach((request, i) => {
    const last = i === log.length - 1;
    assert.deepEqual(seen[2 * i], ['request', sent]);
    const { delayMs, ...response } = seen[2 * i + 1][1];
    assert.deepEqual(response, {
      ...sent, status: request.status, errorCode: request.status === 503 ? 'SERVER' : undefined,
      requestId: request.requestId, decision: last ? 'done' : 'poll',
    });
    if (last) assert.equal(delayMs, undefined);
    else assert.ok(Number.isInteger(delayMs) && delayMs >= 0, `poll ${i}: delay ${delayMs}`);
  });
});

test('watchPayments: each poll has its events, the settled payment done, a missing one given up', T, async () => {
  const { mock } = running;
  const [events, hooks] = recorder();
  const client = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, ...hooks });
  const id = mock.state.createStreamPayPayment({ status: 'PENDING', lifecycle: { pendingPolls: 1 } }).id;
  const missing = '00000000-0000-4000-8000-000000000000';
  const watcher = client.watchPayments([id, missing], { intervalMs: 2, maxIntervalMs: 10, maxRequestsPerSecond: 1000 });
  const results = await watcher.done;
  assert.deepEqual([...results.keys()], [id]);
  await settled(mock);
  shapes(events);
  const responses = (paymentId) => events
    .filter(([kind, e]) => kind === 'response' && e.url.endsWith(`/api/v2/payments/${paymentId}`))
    .map(([, e]) => e);
  const requests = events.filter(([kind]) => kind === 'request').map(([, e]) => e);
  assert.equal(requests.length, mock.state.requests({ method: 'GET' }).length);
  for (const e of requests) assert.deepEqual({ ...e, url: undefined }, { operation: 'watchPayments', method: 'GET', url: undefined, attempt: 1 });

  const polls = responses(id);
  assert.deepEqual(polls.map((e) => [e.status, e.decision, e.operation]), [
    [200, 'poll', 'watchPayments'], [200, 'done', 'watchPayments'],
  ]);
  assert.ok(Number.isInteger(polls[0].delayMs) && polls[0].delayMs >= 0);
  assert.equal(polls[1].delayMs, undefined);
  const log = mock.state.requests({ path: `/api/v2/payments/${id}` });
  assert.deepEqual(polls.map((e) => e.requestId), log.map((r) => r.requestId));
  const [gone] = responses(missing);
  assert.deepEqual({ ...gone, elapsedMs: 0, requestId: 0 }, {
    operation: 'watchPayments', method: 'GET', url: `${mock.url}/api/v2/payments/${missing}`, attempt: 1,
    status: 404, errorCode: 'NOT_FOUND', requestId: 0, elapsedMs: 0, decision: 'giveUp', delayMs: undefined,
  });
});

test('no key, secret or typed query value in any event of a run with every kind of call', T, async () => {
  const { mock } = running;
  const events = [];
  const record = { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) };
  const [keyId, secret] = MOCK_KEY_PAIR.split(':');
  const search = 'sk_live_51HsecretLookingSearchTerm';
  const byKey = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 1, ...record });
  const byPair = new StreamPayClient({ apiKeyId: keyId, apiSecret: secret, baseUrl: mock.url, ...record });
  mock.state.addFault({ path: '/api/v2/payments', status: 503, headers: { 'retry-after': '0' }, times: 1 });
  const page = await byKey.listPayments({ searchTerm: search, statuses: ['PENDING'], page: 1, limit: 5 });
  assert.ok(Array.isArray(page.data));
  await byPair.getPayment(SP_FIXTURE_ID);
  for await (const p of byPair.listAllPayments({ searchTerm: search, limit: 100 })) assert.ok(p.id);
  const pending = mock.state.createStreamPayPayment({ status: 'PENDING', lifecycle: { pendingPolls: 1 } }).id;
  await byKey.waitForPayment(pending, { intervalMs: 2 });
  await byPair.watchPayments([pending], { intervalMs: 2 }).done;
  await rejection(() => byPair.getPayment('00000000-0000-4000-8000-000000000000'));

  const listed = events.filter((e) => e.url.includes('?'));
  assert.ok(listed.length >= 4, 'the list calls were seen');
  assert.equal(listed[0].url, `${mock.url}/api/v2/payments?search_term=[redacted]&statuses=PENDING&page=1&limit=5`);
  assert.ok(events.some((e) => e.decision === 'retry'), 'the 503 was retried');
  const operations = new Set(events.map((e) => e.operation));
  assert.deepEqual([...operations].sort(), ['getPayment', 'listAllPayments', 'listPayments', 'waitForPayment', 'watchPayments']);
  const text = JSON.stringify(events);
  for (const leak of [API_KEY, MOCK_KEY_PAIR, secret, search, encodeURIComponent(search)]) {
    assert.ok(!text.includes(leak), `an event holds ${leak}`);
  }
  // The whole request as sent held them (the hooks really saw the calls that carry them).
  const sent = mock.state.requests({ path: '/api/v2/payments' });
  assert.ok(sent.some((r) => r.search.includes(search)));
});

test('a hook that throws, rejects or never settles changes nothing; each error is reported once', T, async () => {
  const { mock } = running;
  const reported = [];
  let requests = 0;
  const client = new GatewayClient({
    baseUrl: mock.url,
    onRequest: () => {
      requests++;
      throw new Error(`request hook ${requests}`);
    },
    onResponse: () => new Promise(() => {}),
    onHookError: (error, hook) => reported.push([hook, error.message]),
  });
  assert.equal((await client.getPayment(COMPLETED_ID)).paymentId, COMPLETED_ID);
  assert.equal((await client.waitForPayment(COMPLETED_ID)).status, 'completed');
  assert.deepEqual(reported, [['onRequest', 'request hook 1'], ['onRequest', 'request hook 2']]);

  const rejecting = new GatewayClient({
    baseUrl: mock.url,
    onResponse: () => Promise.reject(new Error('async hook')),
    onHookError: (error, hook) => reported.push([hook, error.message]),
  });
  assert.equal((await rejecting.getPayment(COMPLETED_ID)).paymentId, COMPLETED_ID);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(reported.slice(2), [['onResponse', 'async hook']]);
});

test('without onHookError: one console.warn per client, then hook errors are dropped', T, async () => {
  const { mock } = running;
  const warned = [];
  const warn = console.warn;
  console.warn = (...args) => warned.push(args);
  try {
    const throwing = () => {
      throw new Error('broken logger');
    };
    const a = new GatewayClient({ baseUrl: mock.url, onRequest: throwing, onResponse: throwing });
    await a.getPayment(COMPLETED_ID);
    await a.getPayment(COMPLETED_ID);
    assert.equal(warned.length, 1);
    assert.match(warned[0][0], /onRequest hook failed/);
    assert.equal(warned[0][1].message, 'broken logger');
    const b = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, onResponse: throwing });
    await b.getPayment(SP_FIXTURE_ID);
    assert.equal(warned.length, 2, 'each client warns once');
    assert.match(warned[1][0], /onResponse hook failed/);
  } finally {
    console.warn = warn;
  }
});

test('an aborted call ends its attempt with decision aborted', T, async () => {
  const { mock } = running;
  const [events, hooks] = recorder();
  const client = new GatewayClient({ baseUrl: mock.url, ...hooks });
  // Held before any header is sent, so the abort always meets the request waiting for a response.
  mock.state.addFault({ paymentId: COMPLETED_ID, kind: 'delay', delayMs: 5000, times: 1 });
  const controller = new AbortController();
  const call = client.getPayment(COMPLETED_ID, { signal: controller.signal });
  await new Promise((resolve) => {
    const check = () => (mock.state.requests({ paymentId: COMPLETED_ID }).length ? resolve() : setTimeout(check, 2));
    check();
  });
  const reason = new Error('stop');
  controller.abort(reason);
  assert.equal(await rejection(() => call), reason);
  const [[, request], [, response]] = shapes(events);
  assert.equal(events.length, 2);
  assert.equal(request.attempt, 1);
  assert.deepEqual([response.decision, response.status, response.delayMs], ['aborted', undefined, undefined]);
});

test('hook options must be functions', T, () => {
  const { mock } = running;
  for (const key of ['onRequest', 'onResponse', 'onHookError']) {
    for (const value of ['log', 1, {}, null]) {
      assert.throws(() => new GatewayClient({ baseUrl: mock.url, [key]: value }),
        (e) => e.name === 'StreamError' && e.code === 'INVALID_ARGUMENT' && e.message.includes(key), `${key}: ${value}`);
      assert.throws(() => new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, [key]: value }),
        (e) => e.name === 'StreamError' && e.code === 'INVALID_ARGUMENT', `${key}: ${value}`);
    }
  }
});
