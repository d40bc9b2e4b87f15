// The README's node:http handler (www/webhook-server.mjs, its import pointed at the installed
// 'stream-payments') on 127.0.0.1, fed signed and forged deliveries built by pkg/mock/push.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.env.STREAM_ROOT ?? fileURLToPath(new URL('../../..', import.meta.url));
const { signGatewayCallback, signStreamPayWebhook, deliver } = await import(pathToFileURL(join(root, 'pkg/mock/push.mjs')).href);

// The example as a user copies it: same code, importing the package by name. Written beside the
// scratch project's node_modules (not into test/, which node --test would run as a test file).
const source = readFileSync(join(root, 'www/webhook-server.mjs'), 'utf8');
assert.ok(source.includes("from '../pkg/node/index.mjs'"), 'the example imports the local build');
const example = fileURLToPath(new URL('../webhook-server.example.mjs', import.meta.url));
writeFileSync(example, source.replace("from '../pkg/node/index.mjs'", "from 'stream-payments'"));
const { createPushHandler } = await import(pathToFileURL(example).href);

const WEBHOOK_SECRET = 'whsec_handler_test_4b1d';
const GATEWAY_SECRET = 'gw_handler_test_c9e0';
const received = { events: [], callbacks: [], rejected: [] };
let server;
let base;

before(async () => {
  server = createServer(createPushHandler({
    webhookSecret: WEBHOOK_SECRET,
    gatewaySecretKey: GATEWAY_SECRET,
    onWebhook: (event) => received.events.push(event),
    onGatewayCallback: (callback) => received.callbacks.push(callback),
    onRejected: (err) => received.rejected.push(err),
  }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const now = () => Math.floor(Date.now() / 1000);
const EVENT = '{ "event_type": "PAYMENT_SUCCEEDED", "entity_type": "payment", "entity_id": "0b7d4f52", "data": { "amount": "115.00" } }';
const webhook = (body, header) => deliver(`${base}/webhooks/streampay`, body, header === undefined ? {} : { 'x-webhook-signature': header });
const CALLBACK = {
  payment_id: 'DemoPending000000000001', amount: '166389351081530800779973', amount_usd: '1.00',
  received_amount: '166389351081530800779973', received_amount_usd: '1.00', current_datetime: '2026-11-21 10:00:00',
};
const callback = (payload) => deliver(`${base}/callbacks/gateway`, typeof payload === 'string' ? payload : JSON.stringify(payload));

test('a genuine StreamPay webhook gets 200 and reaches onWebhook typed', async () => {
  const before = received.events.length;
  const res = await webhook(Buffer.from(EVENT), signStreamPayWebhook(EVENT, WEBHOOK_SECRET, now()));
  assert.equal(res.status, 200, res.body);
  assert.equal(received.events.length, before + 1);
  const event = received.events.at(-1);
  assert.equal(event.eventType, 'PAYMENT_SUCCEEDED');
  assert.equal(event.entityId, '0b7d4f52');
  assert.deepEqual(event.data, { amount: '115.00' });
});

test('forged, tampered, stale, re-serialised or unsigned webhooks get 400 and reach nothing', async () => {
  // The handler checks timestamps against its own clock, which may pass a second boundary after
  // `t` is read: a stale one only grows staler, but a future one must stay out of the 300 s
  // tolerance however late it is checked, so it is a minute beyond. The exact edges (300 passes,
  // 301 fails) are tested with a fixed nowSec in push.test.mjs.
  const t = now();
  const genuine = signStreamPayWebhook(EVENT, WEBHOOK_SECRET, t);
  const forged = [
    ['wrong secret', EVENT, signStreamPayWebhook(EVENT, 'whsec_guess', t)],
    ['tampered body', EVENT.replace('115.00', '1150.00'), genuine],
    ['re-serialised body', JSON.stringify(JSON.parse(EVENT)), genuine],
    ['stale', EVENT, signStreamPayWebhook(EVENT, WEBHOOK_SECRET, t - 301)],
    ['from the future', EVENT, signStreamPayWebhook(EVENT, WEBHOOK_SECRET, t + 360)],
    ['no header', EVENT, undefined],
    ['t= only', EVENT, 't='],
    ['missing v1', EVENT, `t=${t}`],
    ['non-hex v1', EVENT, `t=${t},v1=${'x'.repeat(64)}`],
    ['duplicated t', EVENT, `t=${t},${genuine}`],
    ['oversized header', EVENT, `${genuine},v0=${'a'.repeat(5000)}`],
    ['signed non-JSON', 'hello', signStreamPayWebhook('hello', WEBHOOK_SECRET, t)],
  ];
  const events = received.events.length;
  const rejected = received.rejected.length;
  for (const [name, body, header] of forged) {
    const res = await webhook(body, header);
    assert.equal(res.status, 400, `${name}: ${res.body}`);
    assert.equal(res.body, 'invalid delivery');
  }
  assert.equal(received.events.length, events, 'no forged event got through');
  const reasons = received.rejected.slice(rejected);
  assert.equal(reasons.length, forged.length);
  assert.deepEqual(reasons.map((e) => e.code), [...Array(forged.length - 1).fill('INVALID_SIGNATURE'), 'DECODE']);
  for (const err of reasons) assert.ok(!err.message.includes(WEBHOOK_SECRET));
});

test('a genuine gateway callback gets 200 and reaches onGatewayCallback with exact amounts', async () => {
  const before = received.callbacks.length;
  const res = await callback(signGatewayCallback(CALLBACK, GATEWAY_SECRET));
  assert.equal(res.status, 200, res.body);
  assert.equal(received.callbacks.length, before + 1);
  const got = received.callbacks.at(-1);
  assert.equal(got.paymentId, CALLBACK.payment_id);
  assert.equal(got.receivedAmount, '166389351081530800779973');
  // Numbers in the body keep their digits too (1.50, not 1.5).
  const numeric = signGatewayCallback({ ...CALLBACK, received_amount_usd: '1.50' }, GATEWAY_SECRET);
  const raw = JSON.stringify(numeric).replace('"received_amount_usd":"1.50"', '"received_amount_usd":1.50');
  assert.equal((await callback(raw)).status, 200);
  assert.equal(received.callbacks.at(-1).receivedAmountUsd, '1.50');
});

test('forged or tampered gateway callbacks get 400 and reach nothing', async () => {
  const genuine = signGatewayCallback(CALLBACK, GATEWAY_SECRET);
  const forged = [
    ['wrong secret', signGatewayCallback(CALLBACK, 'gw_guess')],
    ['no signature', CALLBACK],
    ['garbage signature', { ...CALLBACK, signature: 'not-hex' }],
    ...Object.keys(CALLBACK).map((key) => [`tampered ${key}`, { ...genuine, [key]: `${genuine[key]}9` }]),
    ['not JSON', '{"payment_id":'],
    ['not an object', '[]'],
  ];
  const callbacks = received.callbacks.length;
  for (const [name, payload] of forged) {
    const res = await callback(payload);
    assert.equal(res.status, 400, `${name}: ${res.body}`);
  }
  assert.equal(received.callbacks.length, callbacks);
});

test('other methods, paths and oversized bodies are refused before any verification', async () => {
  const get = await fetch(`${base}/webhooks/streampay`);
  await get.arrayBuffer();
  assert.equal(get.status, 405);
  assert.equal((await deliver(`${base}/elsewhere`, '{}')).status, 404);
  assert.equal((await webhook('x'.repeat((1 << 20) + 1), 't=1,v1=00')).status, 413);
});

test('the example also runs as a program (PORT=0) and serves the same answers', async () => {
  const child = spawn(process.execPath, [example], {
    env: { ...process.env, PORT: '0', STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, GATEWAY_SECRET_KEY: GATEWAY_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const [line] = await once(child.stdout, 'data');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(String(line))?.[1];
    assert.ok(url, String(line));
    const t = now();
    const ok = await deliver(`${url}/webhooks/streampay`, EVENT, { 'x-webhook-signature': signStreamPayWebhook(EVENT, WEBHOOK_SECRET, t) });
    assert.equal(ok.status, 200);
    const bad = await deliver(`${url}/webhooks/streampay`, EVENT, { 'x-webhook-signature': signStreamPayWebhook(EVENT, 'nope', t) });
    assert.equal(bad.status, 400);
    const cb = await deliver(`${url}/callbacks/gateway`, JSON.stringify(signGatewayCallback(CALLBACK, GATEWAY_SECRET)));
    assert.equal(cb.status, 200);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
