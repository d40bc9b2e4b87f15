// stream-payments/mock: startMock's documented API, used the way a merchant's test would, with
// the package's own clients pointed at it.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mockModule, packageModule } from '../cli/helpers.mjs';

const { startMock, DEFAULT_API_KEY, signStreamPayWebhook, signGatewayCallback } = mockModule;
const { GatewayClient, StreamPayClient, verifyStreamPayWebhook, verifyGatewayCallback, parseGatewayCallback } = packageModule;

// `await using` needs Node 22+; the package supports Node 18, so tests close explicitly.
const opened = [];
const open = async (options) => {
  const mock = await startMock(options);
  opened.push(mock);
  return mock;
};
afterEach(() => Promise.all(opened.splice(0).map((m) => m.close())));

test('URLs on 127.0.0.1, the key a StreamPayClient uses, close() stops everything', async () => {
  const mock = await startMock();
  assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(mock.port, Number(new URL(mock.url).port));
  assert.deepEqual([mock.gatewayUrl, mock.streampayUrl, mock.controlUrl], [mock.url, mock.url, `${mock.url}/__mock/`]);
  assert.equal(mock.apiKey, DEFAULT_API_KEY);
  const streampay = new StreamPayClient({ apiKey: mock.apiKey, baseUrl: mock.streampayUrl });
  assert.equal((await streampay.getPayment(mock.ids.streamPayPayment)).currentStatus, 'SUCCEEDED');
  const wrong = new StreamPayClient({ apiKey: Buffer.from('a:b').toString('base64'), baseUrl: mock.streampayUrl });
  await assert.rejects(wrong.getPayment(mock.ids.streamPayPayment), (err) => err.code === 'UNAUTHORIZED');
  await mock.close();
  await assert.rejects(fetch(`${mock.url}/__mock/health`));
  const disposable = await startMock();
  await disposable[Symbol.asyncDispose]();
  await assert.rejects(fetch(`${disposable.url}/__mock/health`), 'Symbol.asyncDispose closes it (await using)');
});

test('a chosen apiKey is the only one accepted; a bad one is refused at start', async () => {
  const apiKey = Buffer.from('merchant-test:k3y').toString('base64');
  const mock = await open({ apiKey });
  assert.equal(mock.apiKey, apiKey);
  const ok = new StreamPayClient({ apiKey, baseUrl: mock.url });
  assert.equal((await ok.listPayments({ limit: 1 })).data.length, 1);
  const old = new StreamPayClient({ apiKey: DEFAULT_API_KEY, baseUrl: mock.url });
  await assert.rejects(old.listPayments(), (err) => err.code === 'UNAUTHORIZED');
  await assert.rejects(startMock({ apiKey: 'has space' }), TypeError);
  await assert.rejects(startMock({ host: '0.0.0.0' }), /loopback only/);
});

test('lifecycles: a created payment completes on the scripted poll; waitForPayment sees it', async () => {
  const mock = await open();
  const gateway = new GatewayClient({ baseUrl: mock.gatewayUrl });
  const created = mock.createGatewayPayment({ amountUsd: '3.00', lifecycle: { pendingPolls: 2 } });
  assert.equal(created.status, 'pending');
  const updates = [];
  const final = await gateway.waitForPayment(created.payment_id, { intervalMs: 10, onUpdate: (p) => updates.push(p.status) });
  assert.equal(final.status, 'completed');
  assert.deepEqual(updates, ['pending', 'completed']);
  assert.equal(mock.gatewayPayment(created.payment_id).polls, 3);

  const other = mock.createGatewayPayment().payment_id;
  mock.setGatewayLifecycle(other, { pendingPolls: 0, then: 'expired' });
  assert.equal((await gateway.getPayment(other)).reason, 'expired');
  mock.completeGatewayPayment(mock.ids.gatewayPending);
  assert.equal((await gateway.getPayment(mock.ids.gatewayPending)).status, 'completed');

  const streampay = new StreamPayClient({ apiKey: mock.apiKey, baseUrl: mock.url });
  const sp = mock.createStreamPayPayment({ amount: '12.345', currency: 'KWD', lifecycle: { pendingPolls: 1, then: 'FAILED' } });
  assert.equal((await streampay.getPayment(sp.id)).currentStatus, 'PENDING');
  assert.equal((await streampay.getPayment(sp.id)).currentStatus, 'FAILED');
  mock.setStreamPayStatus(sp.id, 'REFUNDED');
  const refunded = await streampay.getPayment(sp.id);
  assert.deepEqual([refunded.currentStatus, refunded.amount, refunded.amountInSmallestUnit], ['REFUNDED', '12.345', '12345']);
});

test('injectFault: the next N matching requests fail, then the real answer; the request log shows it', async () => {
  const mock = await open();
  const id = mock.ids.gatewayCompleted;
  const ruleId = mock.injectFault({ paymentId: id, status: 503, times: 2 });
  assert.equal(mock.faults().length, 1);
  const noRetry = new GatewayClient({ baseUrl: mock.url, maxRetries: 0 });
  for (let i = 0; i < 2; i++) await assert.rejects(noRetry.getPayment(id), (err) => err.code === 'SERVER' && err.status === 503);
  assert.equal((await noRetry.getPayment(id)).status, 'completed');
  const log = mock.requests({ paymentId: id });
  assert.deepEqual(log.map((e) => [e.method, e.path, e.status, e.fault]), [
    ['GET', `/api/v1/payment/${id}`, 503, 'status'],
    ['GET', `/api/v1/payment/${id}`, 503, 'status'],
    ['GET', `/api/v1/payment/${id}`, 200, null],
  ]);
  assert.equal(mock.stats().faults, 2);
  assert.equal(mock.faults().length, 0, 'used up');
  assert.equal(mock.removeFault(ruleId), false);

  const retrying = new GatewayClient({ baseUrl: mock.url });
  mock.injectFault({ paymentId: id, status: 429, retryAfter: 0, times: 1 });
  assert.equal((await retrying.getPayment(id)).status, 'completed', 'a 429 once is retried by the client');
  mock.clearRequests();
  assert.deepEqual(mock.requests(), []);
  mock.injectFault({ pathPrefix: '/api/', status: 500, probability: 1 });
  mock.clearFaults();
  assert.deepEqual(mock.faults(), []);
});

test('the request log never holds the key', async () => {
  const mock = await open();
  await new StreamPayClient({ apiKey: mock.apiKey, baseUrl: mock.url }).listPayments({ limit: 2, statuses: ['PENDING'] });
  const [entry] = mock.requests({ path: '/api/v2/payments' });
  assert.equal(entry.headers['x-api-key'], '[redacted]');
  assert.deepEqual(entry.query, { limit: '2', statuses: 'PENDING' });
  assert.ok(!JSON.stringify(mock.requests()).includes(mock.apiKey));
});

test('seeded: the same seed gives the same data and the same created ids, also after reset()', async () => {
  const snapshot = async (mock) => {
    const streampay = new StreamPayClient({ apiKey: mock.apiKey, baseUrl: mock.url });
    const page = await streampay.listPayments({ limit: 100, sortField: 'id' });
    return {
      ids: page.data.map((p) => [p.id, p.amount, p.currency, p.currentStatus]),
      gatewayIds: [mock.createGatewayPayment().payment_id, mock.createGatewayPayment().payment_id],
      streamPayIds: [mock.createStreamPayPayment().id],
    };
  };
  const a = await open({ seed: 42, paymentCount: 30 });
  const b = await open({ seed: 42, paymentCount: 30 });
  const c = await open({ seed: 43, paymentCount: 30 });
  const first = await snapshot(a);
  assert.deepEqual(await snapshot(b), first);
  assert.notDeepEqual((await snapshot(c)).ids, first.ids);
  a.reset();
  assert.deepEqual(await snapshot(a), first, 'reset() starts the same sequence again');
  assert.equal(a.gatewayPayment(first.gatewayIds[0]).polls, 0);
});

test('reset(): created payments, faults and the log are gone', async () => {
  const mock = await open();
  const id = mock.createGatewayPayment({ id: 'MerchantTest0000000001' }).payment_id;
  mock.injectFault({ paymentId: id, status: 500, times: 5 });
  await fetch(`${mock.url}/api/v1/payment/${id}`);
  mock.reset();
  assert.equal(mock.gatewayPayment(id), null);
  assert.deepEqual([mock.faults(), mock.requests()], [[], []]);
  assert.equal((await fetch(`${mock.url}/api/v1/payment/${id}`)).status, 404);
});

test('signing helpers match what the package verifies', async () => {
  const raw = JSON.stringify({ event_type: 'PAYMENT_SUCCEEDED', entity_id: 'x', data: {} });
  const header = signStreamPayWebhook(raw, 'whsec_merchant_test');
  assert.equal((await verifyStreamPayWebhook(raw, header, 'whsec_merchant_test')).eventType, 'PAYMENT_SUCCEEDED');
  const signed = signGatewayCallback({ payment_id: 'P1', amount: '5', amount_usd: '1.00', received_amount: '5', received_amount_usd: '1.00', current_datetime: '2026-01-01 00:00:00' }, 'gw-merchant-key');
  assert.equal(await verifyGatewayCallback(parseGatewayCallback(JSON.stringify(signed)), 'gw-merchant-key'), true);
  assert.equal(await verifyGatewayCallback(parseGatewayCallback(JSON.stringify(signed)), 'another-key'), false);
});
