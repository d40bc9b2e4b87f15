// Lifecycles, "simulate payment", the request log, counters, reset, and 10,000 payments at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { useMock } from './client-helpers.mjs';

const h = useMock();
const poll = async (id) => (await h.get(`/api/v1/payment/${id}`)).json();

test('gateway lifecycle: pending for N polls, then completed with processed_at, hash and signer', async () => {
  const p = h.state.createGatewayPayment({ amountUsd: '3.00', lifecycle: { pendingPolls: 3 } });
  const seen = [];
  for (let i = 0; i < 5; i++) seen.push(await poll(p.payment_id));
  assert.deepEqual(seen.map((x) => x.status), ['pending', 'pending', 'pending', 'completed', 'completed']);
  const done = seen[3];
  assert.ok(done.processed_at && done.transaction_hash && done.signer_id);
  assert.equal(h.state.gatewayPayment(p.payment_id).polls, 5);
});

test('gateway lifecycle: expiring into the documented not_found / expired shape', async () => {
  const { body: p } = await h.control('POST', '/gateway/payments', { returnUrl: 'https://shop.example', lifecycle: { pendingPolls: 1, then: 'expired' } });
  assert.equal((await poll(p.payment_id)).status, 'pending');
  const expired = await poll(p.payment_id);
  assert.deepEqual(Object.keys(expired), ['payment_id', 'expiry_at', 'return_url', 'created_at', 'status', 'reason']);
  assert.deepEqual([expired.status, expired.reason, expired.return_url], ['not_found', 'expired', 'https://shop.example']);
});

test('time-based lifecycle and natural expiry at expiry_at', async () => {
  // "Before" is checked on payments a minute from their change and "after" on ones 60 ms from
  // it, after waiting longer: no assertion depends on how fast this process runs.
  const later = h.state.createGatewayPayment({ lifecycle: { pendingMs: 60_000 } });
  const soon = h.state.createGatewayPayment({ lifecycle: { pendingMs: 60 } });
  const expiresLater = h.state.createGatewayPayment({ expiresInMs: 60_000 });
  const expiresSoon = h.state.createGatewayPayment({ expiresInMs: 60 });
  assert.equal((await poll(later.payment_id)).status, 'pending');
  assert.equal((await poll(expiresLater.payment_id)).status, 'pending');
  await sleep(150);
  assert.equal((await poll(soon.payment_id)).status, 'completed');
  const expired = await poll(expiresSoon.payment_id);
  assert.deepEqual([expired.status, expired.reason], ['not_found', 'expired']);
  assert.equal((await poll(later.payment_id)).status, 'pending');
});

test('simulate payment: complete or expire now over the control API', async () => {
  const id = 'DemoPending000000000001';
  assert.equal((await poll(id)).status, 'pending');
  const done = await h.control('POST', `/gateway/payments/${id}/complete`, { transactionHash: 'HASH1', signerId: 'alice.testnet' });
  assert.equal(done.body.status, 'completed');
  const p = await poll(id);
  assert.deepEqual([p.status, p.transaction_hash, p.signer_id], ['completed', 'HASH1', 'alice.testnet']);
  assert.equal((await h.control('POST', `/gateway/payments/${id}/expire`)).status, 409);
  const other = 'DemoPending000000000002';
  assert.equal((await h.control('POST', `/gateway/payments/${other}/expire`)).body.reason, 'expired');
  assert.equal((await h.control('POST', `/gateway/payments/${other}/complete`)).status, 409);
  assert.equal((await h.control('POST', '/gateway/payments/Nope/complete')).status, 404);
  assert.equal((await h.control('POST', '/gateway/payments/LqaUrQimtgTe9iF3Knv8Ld/expire')).status, 409);
  const peek = await h.control('GET', `/gateway/payments/${id}`);
  assert.equal(peek.body.payment.status, 'completed');
});

test('forget: a pending payment then reads as not_found with no reason, and cannot be completed', async () => {
  const p = h.state.createGatewayPayment({ amountUsd: '2.00' });
  const forgotten = await h.control('POST', `/gateway/payments/${p.payment_id}/forget`);
  assert.deepEqual(forgotten.body, { payment_id: p.payment_id, status: 'not_found' });
  assert.deepEqual(await poll(p.payment_id), { payment_id: p.payment_id, status: 'not_found' });
  assert.equal((await h.control('POST', `/gateway/payments/${p.payment_id}/complete`)).status, 409);
  assert.equal((await h.control('POST', `/gateway/payments/${p.payment_id}/forget`)).status, 409);
  assert.equal((await h.control('POST', '/gateway/payments/Nope/forget')).status, 404);
});

test('transaction details can arrive some polls after completion', async () => {
  const p = h.state.createGatewayPayment();
  h.state.completeGatewayPayment(p.payment_id, { hideTxPolls: 1 });
  const first = await poll(p.payment_id);
  assert.equal(first.status, 'completed');
  assert.equal(first.transaction_hash, undefined);
  assert.ok((await poll(p.payment_id)).transaction_hash);
});

test('StreamPay lifecycle over the control API: PENDING for N polls, then SUCCEEDED', async () => {
  const { body: p } = await h.control('POST', '/streampay/payments', { amount: '7.500', currency: 'BHD' });
  assert.equal(p.amount_in_smallest_unit, 7500);
  await h.control('POST', `/streampay/payments/${p.id}/lifecycle`, { pendingPolls: 2, then: 'SUCCEEDED' });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await (await h.v2(`/api/v2/payments/${p.id}`)).json()).current_status);
  assert.deepEqual(statuses, ['PENDING', 'PENDING', 'SUCCEEDED']);
  const set = await h.control('POST', `/streampay/payments/${p.id}/status`, { status: 'SOMETHING_NEW' });
  assert.equal(set.body.current_status, 'SOMETHING_NEW');
  assert.ok((await h.control('GET', '/streampay/groups')).body.groups.length > 0);
});

test('request log: method, path, query, time, headers without the key value; filters; clear', async () => {
  await h.control('POST', '/log/clear');
  const t0 = Date.now();
  await h.v2('/api/v2/payments?statuses=PENDING&statuses=FAILED&limit=5');
  await h.get('/api/v1/payment/DemoAutoComplete000001');
  const { body } = await h.control('GET', '/log');
  assert.equal(body.entries.length, 2, 'control calls are not logged');
  const [list, get] = body.entries;
  assert.equal(list.method, 'GET');
  assert.equal(list.path, '/api/v2/payments');
  assert.deepEqual(list.query, { statuses: ['PENDING', 'FAILED'], limit: '5' });
  assert.ok(list.time >= t0 && list.time <= Date.now());
  assert.equal(list.headers['x-api-key'], '[redacted]');
  assert.ok(!JSON.stringify(body).includes(h.key));
  assert.equal(list.status, 200);
  assert.equal(get.paymentId, 'DemoAutoComplete000001');
  const since = await h.control('GET', `/log?since=${list.seq}&pathPrefix=/api/v1/`);
  assert.deepEqual(since.body.entries.map((e) => e.seq), [get.seq]);
  assert.equal(h.state.requests({ method: 'get', path: '/api/v2/payments' }).length, 1);
  await h.control('DELETE', '/log');
  assert.deepEqual(h.state.requests(), []);
});

test('request log: the raw body of a POST, byte for byte; null for a GET and for a body never read', async () => {
  await h.control('POST', '/log/clear');
  const text = '{ "name": "Gym",  "amount": "150.00", "note": "é" }';
  await h.v2post('/api/v2/payment_links', text);
  await h.get('/api/v1/payment/DemoPending000000000001');
  h.state.addFault({ path: '/api/v2/payment_links', status: 503 });
  await h.v2post('/api/v2/payment_links', '{"name":"faulted"}');
  const [post, get, faulted] = h.state.requests();
  assert.equal(post.body, text);
  assert.equal(get.body, null);
  assert.equal(faulted.body, null, 'a fault that answers without the route reads no body');
  const { body } = await h.control('GET', '/log?method=POST&limit=1');
  assert.equal(body.entries[0].body, text);
});

test('counters: requests in flight now, at most, and per second', async () => {
  h.state.resetStats();
  h.state.addFault({ path: '/api/v1/payment/DemoAutoExpire00000001', kind: 'delay', delayMs: 250, times: 8 });
  await Promise.all(Array.from({ length: 8 }, () => h.get('/api/v1/payment/DemoAutoExpire00000001').then((r) => r.arrayBuffer())));
  const { body } = await h.control('GET', '/stats');
  assert.equal(body.requests, 8);
  assert.equal(body.maxInFlight, 8);
  assert.equal(body.inFlight, 0);
  assert.equal(body.maxRequestsPerSecond, 8);
  assert.equal(body.faults, 8);

  // Latency on every request (a [min, max] range), so that concurrent clients overlap at the mock.
  h.state.resetStats();
  const id = h.state.addFault({ pathPrefix: '/api/v1/', kind: 'delay', delayMs: [150, 200], probability: 1 });
  await Promise.all(Array.from({ length: 5 }, () => h.get('/api/v1/payment/DemoAutoExpire00000001').then((r) => r.arrayBuffer())));
  h.state.removeFault(id);
  assert.equal(h.state.stats().maxInFlight, 5);
  const durations = h.state.requests({ path: '/api/v1/payment/DemoAutoExpire00000001' }).slice(-5).map((e) => e.durationMs);
  assert.ok(durations.every((ms) => ms >= 149), durations.join());
});

test('reset restores the initial state', async () => {
  h.state.completeGatewayPayment('DemoPending000000000001');
  h.state.addFault({ path: '/api/v1/payment/DemoPending000000000001', status: 500 });
  const extra = h.state.createGatewayPayment();
  assert.equal((await h.control('POST', '/reset')).status, 200);
  assert.equal((await poll('DemoPending000000000001')).status, 'pending');
  assert.equal((await h.get(`/api/v1/payment/${extra.payment_id}`)).status, 404);
  assert.equal(h.state.listFaults().length, 0);
  assert.equal(h.state.requests().length, 2);
  const total = (await (await h.v2('/api/v2/payments')).json()).pagination.total_count;
  assert.equal(total, 252);
});

test('10,000 payments polled concurrently until each completes at a random time', async () => {
  const { body } = await h.control('POST', '/gateway/payments/bulk', { count: 10_000, pendingMs: [0, 1500], seed: 3 });
  const ids = body.ids;
  assert.equal(new Set(ids).size, 10_000);
  h.state.resetStats();
  // node:http with a keep-alive pool: twice the request rate of fetch, so the suite stays quick.
  const concurrency = 200;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (id) =>
    new Promise((resolve, reject) => {
      http.get(`${h.url}/api/v1/payment/${id}`, { agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      }).on('error', reject);
    });
  const done = new Set();
  let polls = 0;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      for (;;) {
        polls++;
        const p = await get(id);
        if (p.status === 'completed') break;
        assert.equal(p.status, 'pending');
        await sleep(50);
      }
      done.add(id);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  assert.equal(done.size, 10_000);
  const stats = h.state.stats();
  assert.equal(stats.requests, polls);
  assert.ok(stats.maxInFlight <= concurrency);
  assert.equal(stats.inFlight, 0);
  assert.ok(stats.droppedFromLog > 0, 'the log stays bounded');
});

test('close() ends open and stalled connections at once', async () => {
  const { startMockServer } = await import('../../pkg/mock/server.mjs');
  const m = await startMockServer({ paymentCount: 5 });
  m.state.addFault({ path: '/api/v1/payment/DemoPending000000000001', kind: 'stall' });
  m.state.addFault({ path: '/api/v1/payment/DemoPending000000000002', kind: 'delay', delayMs: 60_000 });
  const stalled = await fetch(`${m.url}/api/v1/payment/DemoPending000000000001`);
  const delayed = assert.rejects(fetch(`${m.url}/api/v1/payment/DemoPending000000000002`), TypeError);
  await sleep(20);
  const started = performance.now();
  await m.close();
  assert.ok(performance.now() - started < 1000);
  await assert.rejects(stalled.text(), TypeError);
  await delayed;
});
