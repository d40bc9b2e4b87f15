// Every fault kind, observed the way a fetch-based client observes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { useMock } from './client-helpers.mjs';

const h = useMock();
const DEMO = '/api/v1/payment/DemoPending000000000001';
const LIST = '/api/v2/payments';

test('5xx: 500/502/503 with a JSON body in each API\'s shape', async () => {
  for (const status of [500, 502, 503]) {
    h.state.addFault({ path: DEMO, status });
    const res = await h.get(DEMO);
    assert.equal(res.status, status);
    assert.deepEqual(Object.keys(await res.json()), ['error', 'message']);
    h.state.addFault({ path: LIST, status });
    const v2 = await h.v2(LIST);
    assert.equal(v2.status, status);
    assert.equal((await v2.json()).code, 'INTERNAL_SERVER_ERROR');
  }
  assert.equal((await h.get(DEMO)).status, 200, 'a queued fault is used once');
});

test('429 with Retry-After in seconds and as an HTTP date (exposed to browsers)', async () => {
  h.state.addFault({ path: DEMO, kind: 'rateLimit', retryAfter: 2 });
  const a = await h.get(DEMO);
  assert.equal(a.status, 429);
  assert.equal(a.headers.get('retry-after'), '2');
  assert.match(a.headers.get('access-control-expose-headers'), /retry-after/);
  await a.arrayBuffer();
  h.state.addFault({ path: DEMO, status: 429, retryAfterDate: 3 });
  const b = await h.get(DEMO);
  const at = Date.parse(b.headers.get('retry-after'));
  assert.match(b.headers.get('retry-after'), /GMT$/);
  assert.ok(at > Date.now() && at <= Date.now() + 4000);
  await b.arrayBuffer();
});

test('401/403/404/422 bodies of the documented StreamPay shapes', async () => {
  for (const status of [401, 403, 404]) {
    h.state.addFault({ path: LIST, status });
    const res = await h.v2(LIST);
    assert.equal(res.status, status);
    assert.deepEqual(Object.keys(await res.json()), ['code', 'message', 'additional_info']);
  }
  h.state.addFault({ path: LIST, status: 422 });
  const res = await h.v2(LIST);
  const { detail } = await res.json();
  assert.deepEqual(Object.keys(detail[0]), ['type', 'loc', 'msg', 'input', 'ctx']);
  h.state.addFault({ path: LIST, status: 400, body: { code: 'DUPLICATE_PAYMENT', message: 'custom', additional_info: null } });
  assert.equal((await (await h.v2(LIST)).json()).code, 'DUPLICATE_PAYMENT');
});

test('HTML error page, empty body, truncated JSON, wrong JSON types', async () => {
  h.state.addFault({ path: DEMO, kind: 'html', status: 503 });
  const html = await h.get(DEMO);
  assert.equal(html.status, 503);
  assert.match(html.headers.get('content-type'), /text\/html/);
  await assert.rejects(html.json(), SyntaxError);

  h.state.addFault({ path: DEMO, kind: 'empty' });
  const empty = await h.get(DEMO);
  assert.equal(empty.status, 200);
  assert.equal(await empty.text(), '');

  const whole = await (await h.get(DEMO)).text();
  h.state.addFault({ path: DEMO, kind: 'truncated' });
  const cut = await (await h.get(DEMO)).text();
  assert.ok(cut.length > 0 && cut.length < whole.length && whole.startsWith(cut.slice(0, 20)));
  assert.throws(() => JSON.parse(cut), SyntaxError);

  h.state.addFault({ path: DEMO, kind: 'wrongTypes' });
  const wrong = await (await h.get(DEMO)).json();
  assert.equal(typeof wrong.amount, 'object');
  h.state.addFault({ path: LIST, kind: 'wrongTypes' });
  assert.equal(typeof (await (await h.v2(LIST)).json()).data[0].amount, 'object');
  h.state.addFault({ path: DEMO, kind: 'patch', patch: { status: 'on_hold' } });
  assert.equal((await (await h.get(DEMO)).json()).status, 'on_hold');
});

test('delay before headers; an abort during it leaves the payment unpolled', async () => {
  const p = h.state.createGatewayPayment({ lifecycle: { pendingPolls: 0 } });
  const path = `/api/v1/payment/${p.payment_id}`;
  h.state.addFault({ paymentId: p.payment_id, kind: 'delay', delayMs: 150 });
  const started = performance.now();
  const res = await h.get(path);
  assert.ok(performance.now() - started >= 140);
  assert.equal((await res.json()).status, 'completed');

  const q = h.state.createGatewayPayment({ lifecycle: { pendingPolls: 0 } });
  h.state.addFault({ paymentId: q.payment_id, delayMs: 5000 });
  await assert.rejects(h.get(`/api/v1/payment/${q.payment_id}`, { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
  await sleep(20);
  assert.equal(h.state.gatewayPayment(q.payment_id).polls, 0);
  const [entry] = h.state.requests({ paymentId: q.payment_id });
  assert.equal(entry.aborted, true);
  assert.equal(entry.fault, 'delay');
});

test('a body that stalls midway: headers arrive, reading is cut by AbortSignal.timeout or by stallMs', async () => {
  h.state.addFault({ path: DEMO, kind: 'stall' });
  const res = await h.get(DEMO, { signal: AbortSignal.timeout(200) });
  assert.equal(res.status, 200);
  await assert.rejects(res.text(), (err) => ['TimeoutError', 'AbortError'].includes(err.name));
  await sleep(20);
  assert.equal(h.state.stats().inFlight, 0, 'the server let go of the stalled response');

  h.state.addFault({ path: DEMO, kind: 'stall', stallMs: 50 });
  const short = await h.get(DEMO);
  await assert.rejects(short.text(), TypeError);
});

test('connection reset: fetch rejects with a TypeError', async () => {
  h.state.addFault({ path: DEMO, kind: 'reset' });
  await assert.rejects(h.get(DEMO), TypeError);
  assert.equal((await h.get(DEMO)).status, 200);
});

test('targeting: next K requests, by payment id, by method and path prefix', async () => {
  h.state.addFault({ path: DEMO, status: 503, times: 2 });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await h.get(DEMO)).status);
  assert.deepEqual(statuses, [503, 503, 200]);
  const a = h.state.createGatewayPayment();
  const b = h.state.createGatewayPayment();
  h.state.addFault({ paymentId: a.payment_id, status: 500 });
  assert.equal((await h.get(`/api/v1/payment/${b.payment_id}`)).status, 200);
  assert.equal((await h.get(`/api/v1/payment/${a.payment_id}`)).status, 500);
  h.state.addFault({ pathPrefix: '/api/v1/payment/', method: 'POST', status: 502 });
  assert.equal((await h.get(DEMO)).status, 200);
  assert.equal((await h.post('/api/v1/payment/shop/page', { name: 'x', return_url: '/', amount_usd: '1' })).status, 502);
  assert.deepEqual(h.state.listFaults(), []);
});

test('probability p is seeded: same seed, same sequence; roughly p of requests', async () => {
  const run = async () => {
    const id = h.state.addFault({ path: DEMO, probability: 0.3, seed: 42, status: 500 });
    const seen = [];
    for (let i = 0; i < 100; i++) seen.push((await h.get(DEMO)).status);
    h.state.removeFault(id);
    return seen;
  };
  const first = await run();
  assert.deepEqual(await run(), first);
  const failures = first.filter((s) => s === 500).length;
  assert.ok(failures > 15 && failures < 45, `${failures} of 100`);
});

test("the 'transient' pool: only outcomes a poller should ride out", async () => {
  h.state.configure({ maxStallMs: 100 });
  const id = h.state.addFault({ path: DEMO, probability: 0.5, seed: 7, faults: 'transient' });
  const kinds = new Set();
  for (let i = 0; i < 60; i++) {
    try {
      const res = await h.get(DEMO, { signal: AbortSignal.timeout(2000) });
      const text = await res.text();
      if (res.status === 200) assert.equal(JSON.parse(text).status, 'pending');
      else assert.ok([429, 500, 502, 503].includes(res.status));
    } catch (err) {
      assert.ok(err instanceof TypeError || err.name === 'TimeoutError', String(err));
    }
  }
  for (const e of h.state.requests({ path: DEMO })) if (e.fault) kinds.add(e.fault);
  h.state.removeFault(id);
  h.state.configure({ maxStallMs: 30_000 });
  assert.ok(kinds.size >= 5, [...kinds].join());
});

test('faults over the control API, listed and removed', async () => {
  const { body } = await h.control('POST', '/faults', [{ path: DEMO, status: 503 }, { paymentId: 'DemoPending000000000002', kind: 'reset' }]);
  assert.equal(body.ids.length, 2);
  assert.equal((await h.control('GET', '/faults')).body.faults.length, 2);
  assert.equal((await h.control('DELETE', `/faults/${body.ids[1]}`)).status, 200);
  assert.equal((await h.get(DEMO)).status, 503);
  assert.equal((await h.get('/api/v1/payment/DemoPending000000000002')).status, 200);
  assert.equal((await h.control('POST', '/faults', { kind: 'explode' })).status, 400);
  await h.control('POST', '/faults', { path: DEMO, status: 500, times: 5 });
  await h.control('DELETE', '/faults');
  assert.equal((await h.get(DEMO)).status, 200);
});
