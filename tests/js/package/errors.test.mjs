// Every HTTP and network outcome -> one StreamError code, with status, retryable, requestId and
// body, case by case against the mock. Retries are off here (maxRetries: 0): one request each.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, COMPLETED_ID, SP_FIXTURE_ID, assertStreamError, deadPort, rejection, startMock,
  T,
} from './helpers.mjs';

let mock, gateway, streampay;

before(async () => {
  mock = await startMock();
  gateway = new GatewayClient({ baseUrl: mock.url, maxRetries: 0 });
  streampay = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

/** The single logged request of a case (no retries here), once the mock has finished it. */
function onlyRequest() {
  const reqs = mock.state.requests();
  assert.equal(reqs.length, 1, `exactly one request, got ${reqs.length}`);
  return reqs[0];
}

const gatewayFault = (fault) => mock.state.addFault({ paymentId: COMPLETED_ID, ...fault });
const streampayFault = (fault) => mock.state.addFault({ paymentId: SP_FIXTURE_ID, ...fault });

test('401 -> UNAUTHORIZED with status, requestId and the documented body', T, async () => {
  const c = new StreamPayClient({ apiKey: 'd3Jvbmc6a2V5', baseUrl: mock.url, maxRetries: 0 });
  const err = assertStreamError(await rejection(() => c.getPayment(SP_FIXTURE_ID)), {
    code: 'UNAUTHORIZED', status: 401, retryable: false,
  });
  const req = onlyRequest();
  assert.equal(err.requestId, req.requestId);
  assert.equal(err.body.code, 'UNAUTHORIZED');
  assert.equal(typeof err.body.message, 'string');
  assert.match(err.message, /401/);
  assert.match(err.message, /apiKey/, 'the message says what to check');
});

test('403 -> FORBIDDEN (v1 create for an unapproved shop, and a v2 fault)', T, async () => {
  const err = await rejection(() => gateway.createPayment('unapproved-1', { name: 'n', returnUrl: '/', amountUsd: '1' }));
  assertStreamError(err, { code: 'FORBIDDEN', status: 403, retryable: false, requestId: onlyRequest().requestId });
  assert.equal(err.body.error, 'forbidden');
  mock.state.reset();
  streampayFault({ status: 403 });
  const err2 = await rejection(() => streampay.getPayment(SP_FIXTURE_ID));
  assertStreamError(err2, { code: 'FORBIDDEN', status: 403, retryable: false });
  assert.equal(err2.body.code, 'FORBIDDEN');
});

test('404 -> NOT_FOUND on both APIs with their bodies', T, async () => {
  const err = await rejection(() => gateway.getPayment('NoSuchPayment0000000001'));
  assertStreamError(err, { code: 'NOT_FOUND', status: 404, retryable: false, requestId: onlyRequest().requestId });
  assert.equal(err.body.error, 'not_found');
  assert.match(err.message, /404/);
  assert.match(err.message, /\/api\/v1\/payment\/NoSuchPayment0000000001/);
  mock.state.reset();
  const err2 = await rejection(() => streampay.getPayment('00000000-0000-4000-8000-000000000000'));
  assertStreamError(err2, { code: 'NOT_FOUND', status: 404, retryable: false });
  assert.equal(err2.body.code, 'PAYMENT_NOT_FOUND');
  assert.match(err2.message, /PAYMENT_NOT_FOUND/);
});

test('409 -> CONFLICT with the domain code in the message', T, async () => {
  streampayFault({ status: 409 });
  const err = await rejection(() => streampay.getPayment(SP_FIXTURE_ID));
  assertStreamError(err, { code: 'CONFLICT', status: 409, retryable: false, requestId: onlyRequest().requestId });
  assert.equal(err.body.code, 'PAYMENT_FINALIZED');
  assert.match(err.message, /PAYMENT_FINALIZED/);
  assert.match(err.message, /already finalized/);
});

test('422 -> VALIDATION with the field messages in message and body.detail', T, async () => {
  // A real 422 from the mock's route: a payment id that is not a UUID.
  const err = await rejection(() => streampay.getPayment('not-a-uuid'));
  assertStreamError(err, { code: 'VALIDATION', status: 422, retryable: false, requestId: onlyRequest().requestId });
  assert.equal(err.body.detail[0].type, 'uuid_parsing');
  assert.deepEqual(err.body.detail[0].loc, ['path', 'payment_id']);
  assert.match(err.message, /payment_id: Input should be a valid UUID/);
  // A query one: invoice ids must be UUIDs; each failing field is named.
  mock.state.reset();
  const err2 = await rejection(() => streampay.listPayments({ invoiceId: ['abc', SP_FIXTURE_ID, 'def'] }));
  assertStreamError(err2, { code: 'VALIDATION', status: 422 });
  assert.equal(err2.body.detail.length, 2);
  assert.match(err2.message, /invoice_id\.0: Input should be a valid UUID/);
  assert.match(err2.message, /invoice_id\.2: Input should be a valid UUID/);
  // The gateway's own 422 (a create request its rules refuse) keeps its body too.
  mock.state.reset();
  gatewayFault({ status: 422 });
  const err3 = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err3, { code: 'VALIDATION', status: 422 });
  assert.equal(err3.body.error, 'validation_error');
});

test('429 -> RATE_LIMITED, retryable', T, async () => {
  gatewayFault({ status: 429, retryAfter: 3 });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'RATE_LIMITED', status: 429, retryable: true, requestId: onlyRequest().requestId });
  assert.equal(err.body.error, 'rate_limited');
});

for (const status of [500, 502, 503, 504]) {
  test(`${status} -> SERVER, retryable (both APIs)`, T, async () => {
    gatewayFault({ status });
    const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
    assertStreamError(err, { code: 'SERVER', status, retryable: true, requestId: onlyRequest().requestId });
    assert.equal(typeof err.body.message, 'string');
    mock.state.reset();
    streampayFault({ status });
    const err2 = await rejection(() => streampay.getPayment(SP_FIXTURE_ID));
    assertStreamError(err2, { code: 'SERVER', status, retryable: true });
    assert.equal(typeof err2.body.code, 'string');
  });
}

test('an HTML error page -> SERVER with status, no body, a message that says HTML', T, async () => {
  gatewayFault({ kind: 'html', status: 502 });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'SERVER', status: 502, retryable: true, requestId: onlyRequest().requestId });
  assert.equal(err.body, undefined);
  assert.match(err.message, /HTML/);
  assert.doesNotMatch(err.message, /<html|nginx/i, 'the page is described, not dumped');
});

test('an HTML page with 200 -> DECODE', T, async () => {
  gatewayFault({ kind: 'html', status: 200 });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'DECODE', status: 200, retryable: false, requestId: onlyRequest().requestId });
  assert.match(err.message, /HTML/);
});

test('an empty body -> DECODE with 200, SERVER with 500', T, async () => {
  gatewayFault({ kind: 'empty' });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'DECODE', status: 200, retryable: false, requestId: onlyRequest().requestId });
  assert.match(err.message, /empty/);
  mock.state.reset();
  streampayFault({ kind: 'empty', status: 500 });
  const err2 = await rejection(() => streampay.getPayment(SP_FIXTURE_ID));
  assertStreamError(err2, { code: 'SERVER', status: 500, retryable: true, body: undefined });
  assert.match(err2.message, /empty/);
});

test('truncated JSON -> DECODE (both APIs, and a list page)', T, async () => {
  gatewayFault({ kind: 'truncated' });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'DECODE', status: 200, retryable: false, requestId: onlyRequest().requestId });
  assert.match(err.message, /cut off|ends early/);
  mock.state.reset();
  streampayFault({ kind: 'truncated', bytes: 10 });
  assertStreamError(await rejection(() => streampay.getPayment(SP_FIXTURE_ID)), { code: 'DECODE', status: 200 });
  mock.state.addFault({ path: '/api/v2/payments', kind: 'truncated' });
  assertStreamError(await rejection(() => streampay.listPayments({ limit: 50 })), { code: 'DECODE', status: 200 });
});

test('JSON of the wrong types -> DECODE naming the field', T, async () => {
  gatewayFault({ kind: 'wrongTypes' }); // amount becomes an object
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'DECODE', status: 200, retryable: false, requestId: onlyRequest().requestId });
  assert.match(err.message, /"amount"/);
  const cases = [
    [gateway, COMPLETED_ID, { status: 42 }, /"status"/],
    [gateway, COMPLETED_ID, { addresses: { token: 'X' } }, /"addresses"/],
    [gateway, COMPLETED_ID, { addresses: [{ token: 'NEAR', amount: '1.5' }] }, /"amount"/],
    [gateway, COMPLETED_ID, { payment_id: null }, /"payment_id"/],
    [streampay, SP_FIXTURE_ID, { current_status: 42 }, /"current_status"/],
    [streampay, SP_FIXTURE_ID, { amount_in_smallest_unit: 1.5 }, /"amount_in_smallest_unit"/],
    [streampay, SP_FIXTURE_ID, { amount_in_smallest_unit: '12abc' }, /"amount_in_smallest_unit"/],
    [streampay, SP_FIXTURE_ID, { id: 7 }, /"id"/],
  ];
  for (const [client, id, patch, field] of cases) {
    mock.state.addFault({ paymentId: id, kind: 'patch', patch });
    const e = await rejection(() => client.getPayment(id));
    assertStreamError(e, { code: 'DECODE', status: 200 });
    assert.match(e.message, field);
  }
  mock.state.addFault({ path: '/api/v2/payments', kind: 'wrongTypes' });
  assertStreamError(await rejection(() => streampay.listPayments()), { code: 'DECODE' });
  for (const body of [[], 'text', 42, null, { data: [], pagination: { total_count: '2' } }, { data: 'x' }]) {
    mock.state.addFault({ path: '/api/v2/payments', status: 200, body });
    assertStreamError(await rejection(() => streampay.listPayments()), { code: 'DECODE', status: 200 });
  }
});

test('a connection reset -> NETWORK, retryable, no status', T, async () => {
  gatewayFault({ kind: 'reset' });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'NETWORK', retryable: true, status: undefined, requestId: undefined, body: undefined });
  assert.match(err.message, /\/api\/v1\/payment\//);
  assert.equal(onlyRequest().status, null);
});

test('an unreachable port -> NETWORK with a message that names the host', T, async () => {
  const port = await deadPort();
  const c = new GatewayClient({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
  const err = await rejection(() => c.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'NETWORK', retryable: true, status: undefined });
  assert.ok(err.message.includes(`127.0.0.1:${port}`), err.message);
  assert.match(err.message, /ECONNREFUSED|connect/i);
  const s = new StreamPayClient({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
  assertStreamError(await rejection(() => s.listPayments()), { code: 'NETWORK' });
});

test('an injected fetch that throws or rejects -> NETWORK; one returning junk -> an error, not a crash', T, async () => {
  const throwing = new GatewayClient({ baseUrl: mock.url, maxRetries: 0, fetch: () => { throw new TypeError('boom'); } });
  assertStreamError(await rejection(() => throwing.getPayment(COMPLETED_ID)), { code: 'NETWORK' });
  const rejecting = new GatewayClient({ baseUrl: mock.url, maxRetries: 0, fetch: () => Promise.reject(new Error('nope')) });
  const err = await rejection(() => rejecting.getPayment(COMPLETED_ID));
  assertStreamError(err, { code: 'NETWORK' });
  assert.match(err.message, /nope/);
  for (const junk of [undefined, null, 42, {}, { status: 200 }]) {
    const c = new GatewayClient({ baseUrl: mock.url, maxRetries: 0, fetch: async () => junk });
    const e = await rejection(() => c.getPayment(COMPLETED_ID));
    assertStreamError(e, { code: 'NETWORK', status: undefined, retryable: true, requestId: undefined });
    assert.match(e.message, /^Stream gateway GET \S+\/api\/v1\/payment\/\w+: fetch resolved with something that is not a Response$/, `junk ${JSON.stringify(junk)}`);
  }
  // ... and the module still works afterwards.
  assert.equal((await gateway.getPayment(COMPLETED_ID)).status, 'completed');
});

test('an unexpected status (3xx with no redirect target, 418) still maps to a code', T, async () => {
  gatewayFault({ status: 418 });
  assertStreamError(await rejection(() => gateway.getPayment(COMPLETED_ID)), { code: 'VALIDATION', status: 418, retryable: false });
  gatewayFault({ status: 304 });
  const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
  // A 3xx is reported, never followed, and not worth repeating (README, "Browser safety").
  assertStreamError(err, { code: 'SERVER', status: 304, retryable: false });
  assert.equal(typeof err.requestId, 'string', 'the x-request-id of the 304');
  assert.deepEqual(mock.state.requests().map((r) => r.status), [418, 304], 'one request each, no retry');
});

test('every error is an Error named StreamError with the code, status, retryable and message of its cause, and the module keeps working after each', T, async () => {
  const answered = (status) => new RegExp(`^Stream gateway answered ${status} to GET /api/v1/payment/${COMPLETED_ID}: `);
  const undocumented = new RegExp(`^Stream gateway answered GET /api/v1/payment/${COMPLETED_ID} with a body that is not the documented JSON: `);
  const cases = [
    [{ status: 500 }, { code: 'SERVER', status: 500, retryable: true }, answered(500)],
    [{ kind: 'html' }, { code: 'SERVER', status: 502, retryable: true }, /answered 502 .*: an HTML page \(a proxy or server error page\)$/],
    [{ kind: 'empty' }, { code: 'DECODE', status: 200, retryable: false }, new RegExp(`${undocumented.source}the body is empty$`)],
    [{ kind: 'truncated' }, { code: 'DECODE', status: 200, retryable: false }, new RegExp(`${undocumented.source}the JSON ends early \\(line \\d+, column \\d+\\); the response was cut off$`)],
    [{ kind: 'reset' }, { code: 'NETWORK', status: undefined, retryable: true, requestId: undefined }, /: could not connect or send the request \(fetch failed: ECONNRESET\)$/],
    [{ kind: 'wrongTypes' }, { code: 'DECODE', status: 200, retryable: false }, /^Stream gateway answered GET \S+ with gateway payment: field "\w+" is /],
  ];
  for (const [fault, expected, message] of cases) {
    mock.state.reset();
    gatewayFault(fault);
    const err = await rejection(() => gateway.getPayment(COMPLETED_ID));
    assertStreamError(err, expected);
    assert.match(err.message, message, JSON.stringify(fault));
    assert.ok(String(err).startsWith('StreamError: '), String(err));
    assert.ok(err.stack.includes('StreamError'));
    if (expected.status !== undefined) assert.equal(err.requestId, onlyRequest().requestId, 'the x-request-id of the answer');
    assert.equal((await gateway.getPayment(COMPLETED_ID)).status, 'completed');
  }
});
