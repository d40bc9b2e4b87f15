// webhook trigger received by a node:http receiver that verifies with the package, and webhook
// verify on genuine, tampered and stale deliveries (captured from real triggers).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { GATEWAY_SECRET, WEBHOOK_SECRET, assertNoSecretPrinted, assertUsageError, cli, closedPort, packageModule } from './helpers.mjs';

const { parseGatewayCallback, verifyGatewayCallback, verifyStreamPayWebhook } = packageModule;
const EVENTS = ['PAYMENT_SUCCEEDED', 'PAYMENT_FAILED', 'PAYMENT_CANCELED', 'PAYMENT_REFUNDED', 'PAYMENT_MARKED_AS_PAID'];

/** A field of the event's `data`, whether the package hands it over as sent or camelCased. */
const wire = (data, key) => data[key] ?? data[key.replace(/_([a-z])/g, (_, c) => c.toUpperCase())];

let receiver;
let base;
const deliveries = [];

/** What a merchant's endpoint does: raw body, verify with the package, 200 or 400. */
async function receive(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks);
  const delivery = { path: req.url, headers: req.headers, raw, verdict: null };
  deliveries.push(delivery);
  try {
    if (req.url === '/gateway') {
      const callback = parseGatewayCallback(raw);
      delivery.verdict = (await verifyGatewayCallback(callback, GATEWAY_SECRET)) ? { ok: true, callback } : { ok: false };
    } else {
      const event = await verifyStreamPayWebhook(raw, req.headers['x-webhook-signature'] ?? '', WEBHOOK_SECRET);
      delivery.verdict = { ok: true, event };
    }
  } catch (err) {
    delivery.verdict = { ok: false, code: err.code };
  }
  const body = delivery.verdict.ok ? JSON.stringify({ received: delivery.verdict.event?.eventType ?? 'callback' }) : 'invalid signature';
  res.writeHead(delivery.verdict.ok ? 200 : 400, { 'content-type': 'text/plain' }).end(body);
}

before(async () => {
  receiver = http.createServer((req, res) => receive(req, res).catch(() => res.destroy()));
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${receiver.address().port}`;
});
after(() => new Promise((r) => receiver.close(r)));
beforeEach(() => (deliveries.length = 0));

test('trigger: every StreamPay event arrives signed, verifies with the package, and has a realistic body', async () => {
  for (const event of EVENTS) {
    const r = await cli(['webhook', 'trigger', event, '--to', `${base}/streampay`, '--payment-id', '0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083'], { env: { STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    assert.equal(r.code, 0, `${event}: ${r.stderr}`);
    assert.match(r.stdout, /^answer\s+200 OK$/m);
    assert.match(r.stdout, new RegExp(`^\\{"received":"${event}"\\}$`, 'm'), 'the receiver body is printed');
    const { verdict, headers } = deliveries.at(-1);
    assert.equal(verdict.ok, true, event);
    assert.match(headers['x-webhook-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(headers['content-type'], 'application/json');
    const e = verdict.event;
    assert.equal(e.eventType, event);
    assert.equal(e.entityType, 'payment');
    assert.equal(e.entityId, '0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083');
    assert.equal(e.data.id, e.entityId);
    assert.equal(wire(e.data, 'current_status'), e.status);
    assert.equal(e.data.amount, '115.00');
  }
  assert.equal(deliveries.length, EVENTS.length);
});

test('trigger --gateway: a callback the package verifies with the gateway secret key', async () => {
  for (const event of ['completed', 'late']) {
    const r = await cli(['webhook', 'trigger', event, '--gateway', '--to', `${base}/gateway`, '--json'], { env: { GATEWAY_SECRET_KEY: GATEWAY_SECRET } });
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.deepEqual([result.delivered, result.status, result.event], [true, 200, event]);
    const { verdict } = deliveries.at(-1);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.callback.amount, '166389351081530800779973');
    assert.equal(verdict.callback.paymentId, event === 'late' ? 'K04kjeEi06Zq48NlH2Sl0H' : 'LqaUrQimtgTe9iF3Knv8Ld');
  }
});

test('trigger: a receiver that refuses (wrong secret) is exit 1 with its answer; no receiver is exit 1', async () => {
  const refused = await cli(['webhook', 'trigger', 'PAYMENT_SUCCEEDED', '--to', `${base}/streampay`, '--secret', 'whsec_not_the_right_one']);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /^answer\s+400 Bad Request$/m);
  assert.deepEqual(deliveries.at(-1).verdict, { ok: false, code: 'INVALID_SIGNATURE' });
  const to = `http://127.0.0.1:${await closedPort()}/hook`;
  const closed = await cli(['webhook', 'trigger', 'PAYMENT_SUCCEEDED', '--to', to], { env: { STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  assert.equal(closed.code, 1);
  assert.equal(closed.stdout, '');
  assert.equal(closed.stderr, `stream-payments: could not deliver PAYMENT_SUCCEEDED to ${to}: ECONNREFUSED\n`);
});

test('trigger: usage errors', async () => {
  const env = { STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET };
  assertUsageError(await cli(['webhook', 'trigger', 'PAYMENT_PAID', '--to', base], { env }), /unknown StreamPay event "PAYMENT_PAID"/);
  assertUsageError(await cli(['webhook', 'trigger', 'PAYMENT_SUCCEEDED'], { env }), /--to <url> is required/);
  assertUsageError(await cli(['webhook', 'trigger', 'PAYMENT_SUCCEEDED', '--to', 'ftp://x'], { env }), /http/);
  assertUsageError(await cli(['webhook', 'trigger', 'PAYMENT_SUCCEEDED', '--to', base]), /no secret: set STREAMPAY_WEBHOOK_SECRET/);
  assertUsageError(await cli(['webhook', 'trigger', 'completed', '--gateway', '--to', base], { env }), /GATEWAY_SECRET_KEY/);
  assert.equal(deliveries.length, 0, 'nothing was sent');
});

/** A genuine delivery, captured by the receiver from a real trigger. */
async function captured(args, env, exitCode = 0) {
  const r = await cli(['webhook', 'trigger', ...args], { env });
  assert.equal(r.code, exitCode, r.stderr);
  return deliveries.at(-1);
}

test('verify: genuine is valid (0); tampered, wrong secret and stale are invalid (1) and say why', async () => {
  const env = { STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET };
  const { raw, headers } = await captured(['PAYMENT_REFUNDED', '--to', `${base}/streampay`], env);
  const header = headers['x-webhook-signature'];
  const genuine = await cli(['webhook', 'verify', '--header', header], { env, input: raw });
  assert.equal(genuine.code, 0, genuine.stderr);
  assert.equal(genuine.stdout, 'valid: PAYMENT_REFUNDED payment 6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40 (REFUNDED)\n');
  const json = JSON.parse((await cli(['webhook', 'verify', '--header', header, '--json'], { env, input: raw })).stdout);
  assert.equal(json.valid, true);
  assert.equal(wire(json.event.data, 'refund_reason'), 'REQUESTED_BY_CUSTOMER');

  const tampered = Buffer.from(raw.toString('utf8').replace('"115.00"', '"1.00"'));
  assert.notDeepEqual(tampered, raw);
  const t = await cli(['webhook', 'verify', '--header', header], { env, input: tampered });
  assert.equal(t.code, 1);
  assert.match(t.stdout, /^invalid: no v1 signature in x-webhook-signature matches the body.*\(INVALID_SIGNATURE\)\n$/);
  const wrong = await cli(['webhook', 'verify', '--header', header, '--secret', 'whsec_someone_else'], { input: raw });
  assert.equal(wrong.code, 1);

  const old = await captured(['PAYMENT_SUCCEEDED', '--to', `${base}/streampay`, '--timestamp', String(Math.floor(Date.now() / 1000) - 3600)], env, 1);
  assert.equal(old.verdict.code, 'INVALID_SIGNATURE', 'the receiver refused the stale delivery');
  const stale = await cli(['webhook', 'verify', '--header', old.headers['x-webhook-signature'], '--json'], { env, input: old.raw });
  assert.equal(stale.code, 1);
  const verdict = JSON.parse(stale.stdout);
  assert.equal(verdict.valid, false);
  assert.match(verdict.reason, /old/);
  const tolerant = await cli(['webhook', 'verify', '--header', old.headers['x-webhook-signature'], '--tolerance', '7200'], { env, input: old.raw });
  assert.equal(tolerant.code, 0, 'within a wider tolerance it is genuine');
});

test('verify --gateway: genuine is valid, a changed amount is not', async () => {
  const env = { GATEWAY_SECRET_KEY: GATEWAY_SECRET };
  const { raw } = await captured(['completed', '--gateway', '--to', `${base}/gateway`], env);
  const genuine = await cli(['webhook', 'verify', '--gateway'], { env, input: raw });
  assert.equal(genuine.code, 0, genuine.stderr);
  assert.match(genuine.stdout, /^valid: gateway callback for payment LqaUrQimtgTe9iF3Knv8Ld, 1\.00 USD received\n$/);
  const tampered = raw.toString('utf8').replace('"received_amount_usd":"1.00"', '"received_amount_usd":"100.00"');
  assert.notEqual(tampered, raw.toString('utf8'));
  const t = await cli(['webhook', 'verify', '--gateway'], { env, input: tampered });
  assert.equal(t.code, 1);
  assert.match(t.stdout, /^invalid: the signature does not match/);
  const notJson = await cli(['webhook', 'verify', '--gateway'], { env, input: 'hello' });
  assert.equal(notJson.code, 1);
  assert.match(notJson.stdout, /^invalid: .*\(DECODE\)\n$/);
});

test('verify: usage errors', async () => {
  const env = { STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET };
  assertUsageError(await cli(['webhook', 'verify'], { env, input: '{}' }), /--header/);
  assertUsageError(await cli(['webhook', 'verify', '--header', 't=1,v1=00'], { input: '{}' }), /no secret/);
  assertUsageError(await cli(['webhook', 'verify', '--header', 't=1,v1=00', '--tolerance', '-1'], { env, input: '{}' }), /Unknown option|--tolerance/);
});

test('no key or secret in any output of this file', () => assertNoSecretPrinted());
