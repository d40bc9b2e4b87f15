// Push verification from the installed package. Every expected signature is computed here,
// independently, with node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { parseGatewayCallback, verifyGatewayCallback, verifyStreamPayWebhook } from 'stream-payments';

const GW_SECRET = 'gw_SECRET_do-not-leak_7f3a';
const WH_SECRET = 'whsec_SECRET_do-not-leak_91c2';
const T = 1_700_000_000;

// ---- crypto gateway callbacks -------------------------------------------------------------
const CALLBACK = {
  payment_id: 'LqaUrQimtgTe9iF3Knv8Ld',
  amount: '166389351081530800779973',
  amount_usd: '1.00',
  received_amount: '166389351081530800779973',
  received_amount_usd: '1.00',
  current_datetime: '2022-08-10T21:52:40+00:00',
};
const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const gatewaySignature = (p, secret) => sha256Hex(
  `Amount=${p.amount};AmountUsd=${p.amount_usd};CurrentDateTime=${p.current_datetime};` +
  `PaymentID=${p.payment_id};ReceivedAmount=${p.received_amount};` +
  `ReceivedAmountUsd=${p.received_amount_usd};SecretKey=${secret}`);
const signedCallback = () => ({ ...CALLBACK, signature: gatewaySignature(CALLBACK, GW_SECRET) });

test('gateway: the documented SHA-256 verifies, as posted and as parsed from the raw body', async () => {
  const payload = signedCallback();
  assert.equal(await verifyGatewayCallback(payload, GW_SECRET), true);
  const raw = JSON.stringify(payload, null, 2);
  const parsed = parseGatewayCallback(raw);
  assert.deepEqual({ ...parsed }, {
    paymentId: CALLBACK.payment_id, amount: CALLBACK.amount, amountUsd: '1.00',
    receivedAmount: CALLBACK.received_amount, receivedAmountUsd: '1.00',
    currentDatetime: CALLBACK.current_datetime, signature: payload.signature,
  });
  assert.deepEqual({ ...parseGatewayCallback(Buffer.from(raw)) }, { ...parsed });
  assert.equal(await verifyGatewayCallback(parsed, GW_SECRET), true);
  assert.equal(await verifyGatewayCallback({ ...payload, signature: payload.signature.toUpperCase() }, GW_SECRET), true);
});

test('gateway: numeric values keep their digits through parseGatewayCallback, not through JSON.parse', async () => {
  const payload = { ...CALLBACK, received_amount_usd: '1.50' };
  const signature = gatewaySignature(payload, GW_SECRET);
  const raw = JSON.stringify({ ...payload, signature }).replace('"received_amount_usd":"1.50"', '"received_amount_usd":1.50');
  assert.match(raw, /"received_amount_usd":1\.50/);
  const parsed = parseGatewayCallback(raw);
  assert.equal(parsed.receivedAmountUsd, '1.50');
  assert.equal(await verifyGatewayCallback(parsed, GW_SECRET), true);
  assert.equal(await verifyGatewayCallback(JSON.parse(raw), GW_SECRET), false, '1.50 became 1.5');
  assert.equal(await verifyGatewayCallback({ ...payload, received_amount_usd: 1.5, signature: gatewaySignature({ ...payload, received_amount_usd: '1.5' }, GW_SECRET) }, GW_SECRET), true, 'a number as JS prints it');
});

test('gateway: every single-field tamper, a wrong secret and a missing or mistyped field give false', async () => {
  const genuine = signedCallback();
  assert.equal(await verifyGatewayCallback(genuine, GW_SECRET + 'x'), false);
  assert.equal(await verifyGatewayCallback(genuine, 'gw_SECRET_do-not-leak_7f3b'), false);
  const parsed = parseGatewayCallback(JSON.stringify(genuine));
  for (const payload of [genuine, parsed]) {
    for (const key of Object.keys(payload)) {
      const flip = (s) => s.slice(0, -1) + (s.at(-1) === '0' ? '1' : '0');
      assert.equal(await verifyGatewayCallback({ ...payload, [key]: flip(payload[key]) }, GW_SECRET), false, `tampered ${key}`);
      const { [key]: _gone, ...without } = payload;
      assert.equal(await verifyGatewayCallback(without, GW_SECRET), false, `without ${key}`);
      for (const wrong of [null, undefined, true, {}, [payload[key]], { toString: () => payload[key] }]) {
        assert.equal(await verifyGatewayCallback({ ...payload, [key]: wrong }, GW_SECRET), false, `${key}: ${inspect(wrong)}`);
      }
    }
  }
  const shifted = { ...genuine, amount: `${genuine.amount};AmountUsd=${genuine.amount_usd}`, amount_usd: '' };
  assert.equal(await verifyGatewayCallback(shifted, GW_SECRET), false, 'text moved across a ";"');
  assert.equal(await verifyGatewayCallback({ ...genuine, ...parsed }, GW_SECRET), false, 'both key styles at once');
});

test('gateway: hostile payloads resolve false and never reject', async () => {
  const trap = new Proxy(signedCallback(), { get() { throw new Error('get trap'); }, has() { throw new Error('has trap'); } });
  const getter = Object.defineProperty({ ...signedCallback() }, 'amount', { get() { throw new Error('getter'); } });
  const hostile = [null, undefined, 0, NaN, 'LqaUrQimtgTe9iF3Knv8Ld', [], () => {}, Symbol('x'), 10n, trap, getter,
    Object.create(null), { ...signedCallback(), amount: '9'.repeat(1 << 20) }, { ...signedCallback(), signature: 'z'.repeat(64) },
    { ...signedCallback(), amount: Infinity }, { ...signedCallback(), amount: 10n ** 30n }];
  for (const payload of hostile) assert.equal(await verifyGatewayCallback(payload, GW_SECRET), false, inspect(payload).slice(0, 60));
});

test('gateway: a missing or empty secret is INVALID_ARGUMENT; a bad raw body is DECODE', async () => {
  for (const secret of [undefined, null, '', 42, Buffer.from(GW_SECRET)]) {
    await assert.rejects(verifyGatewayCallback(signedCallback(), secret), { name: 'StreamError', code: 'INVALID_ARGUMENT' });
  }
  for (const raw of ['', 'null', '{"payment_id":', '[]', '"x"', JSON.stringify({ ...CALLBACK, amount: { v: 1 } }), JSON.stringify(CALLBACK)]) {
    assert.throws(() => parseGatewayCallback(raw), { name: 'StreamError', code: 'DECODE' }, raw);
  }
  assert.throws(() => parseGatewayCallback(signedCallback()), { name: 'StreamError', code: 'INVALID_ARGUMENT' });
});

// ---- StreamPay webhooks ---------------------------------------------------------------------
const RAW = '{ "event_type": "PAYMENT_SUCCEEDED", "entity_type": "payment", "entity_id": "6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40",\n' +
  '  "status": "SUCCEEDED", "timestamp": "2026-11-21T10:00:00Z",\n  "data": { "amount": "12.345", "currency": "KWD", "amount_in_smallest_unit": 9007199254740993 } }';
const hmacHex = (secret, t, body) => createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
const header = (body = RAW, t = T, secret = WH_SECRET) => `t=${t},v1=${hmacHex(secret, t, body)}`;
const at = (nowSec, extra = {}) => ({ nowSec, ...extra });

/** Asserts `promise` rejects with exactly a StreamError of `code`, and returns it. */
async function rejection(promise, code) {
  let caught;
  await promise.then(() => assert.fail(`expected ${code}, it resolved`), (err) => { caught = err; });
  assert.ok(caught instanceof Error, `a real Error, got ${inspect(caught)}`);
  assert.equal(caught.name, 'StreamError');
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.retryable, false);
  return caught;
}

test('webhook: HMAC over "<t>.<raw body>" verifies and resolves the typed event', async () => {
  const expected = {
    eventType: 'PAYMENT_SUCCEEDED', entityType: 'payment', entityId: '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40',
    status: 'SUCCEEDED', timestamp: '2026-11-21T10:00:00Z',
    data: { amount: '12.345', currency: 'KWD', amount_in_smallest_unit: '9007199254740993' },
  };
  assert.deepEqual({ ...await verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T)) }, expected);
  assert.deepEqual({ ...await verifyStreamPayWebhook(Buffer.from(RAW), header(), WH_SECRET, at(T)) }, expected);
  // A view into a larger buffer is used byte for byte: only its own bytes.
  const padded = Buffer.from(`xxxx${RAW}yyyy`);
  const view = new Uint8Array(padded.buffer, padded.byteOffset + 4, padded.length - 8);
  assert.equal((await verifyStreamPayWebhook(view, header(), WH_SECRET, at(T))).eventType, 'PAYMENT_SUCCEEDED');
  const rotated = `t=${T},v1=${hmacHex('whsec_old', T, RAW)},v1=${hmacHex(WH_SECRET, T, RAW)}`;
  assert.equal((await verifyStreamPayWebhook(RAW, rotated, WH_SECRET, at(T))).eventType, 'PAYMENT_SUCCEEDED');
  const now = Math.floor(Date.now() / 1000);
  assert.equal((await verifyStreamPayWebhook(RAW, header(RAW, now), WH_SECRET)).eventType, 'PAYMENT_SUCCEEDED', 'default clock');
  const minimal = '{"event_type":"INVOICE_PAID"}';
  assert.deepEqual({ ...await verifyStreamPayWebhook(minimal, header(minimal), WH_SECRET, at(T)) }, { eventType: 'INVOICE_PAID', data: null });
});

test('webhook: the raw bytes are what is signed (non-ASCII, re-serialised, tampered bodies)', async () => {
  const utf8 = '{"event_type":"PAYMENT_SUCCEEDED","data":{"note":"Zahlung über 12,50 € ✓"}}';
  assert.equal((await verifyStreamPayWebhook(Buffer.from(utf8), header(utf8), WH_SECRET, at(T))).data.note, 'Zahlung über 12,50 € ✓');
  const reserialised = JSON.stringify(JSON.parse(RAW));
  assert.notEqual(reserialised, RAW);
  const err = await rejection(verifyStreamPayWebhook(reserialised, header(), WH_SECRET, at(T)), 'INVALID_SIGNATURE');
  assert.match(err.message, /no v1 signature .* matches/);
  const tampers = [['PAYMENT_SUCCEEDED', 'PAYMENT_REFUNDED'], ['"payment"', '"invoice"'], ['8c1a40', '8c1a41'],
    ['"SUCCEEDED"', '"FAILED"'], ['10:00:00Z', '10:00:01Z'], ['12.345', '12.346'], ['"KWD"', '"USD"'], ['993', '994'], ['\n', ' ']];
  for (const [from, to] of tampers) {
    const body = RAW.replace(from, to);
    assert.notEqual(body, RAW);
    await rejection(verifyStreamPayWebhook(body, header(), WH_SECRET, at(T)), 'INVALID_SIGNATURE');
  }
  await rejection(verifyStreamPayWebhook(RAW, header(RAW, T, 'whsec_wrong'), WH_SECRET, at(T)), 'INVALID_SIGNATURE');
  await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET + ' ', at(T)), 'INVALID_SIGNATURE');
  const moved = header().replace(`t=${T}`, `t=${T + 1}`);
  await rejection(verifyStreamPayWebhook(RAW, moved, WH_SECRET, at(T)), 'INVALID_SIGNATURE');
});

test('webhook: timestamps at the tolerance edge pass, one second beyond fails, past and future', async () => {
  const ok = async (nowSec, options) => (await verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(nowSec, options))).eventType;
  assert.equal(await ok(T + 300), 'PAYMENT_SUCCEEDED');
  assert.equal(await ok(T - 300), 'PAYMENT_SUCCEEDED');
  const stale = await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T + 301)), 'INVALID_SIGNATURE');
  assert.match(stale.message, /301 s old, beyond the 300 s tolerance/);
  const future = await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T - 301)), 'INVALID_SIGNATURE');
  assert.match(future.message, /301 s in the future/);
  assert.equal(await ok(T + 10, { toleranceSec: 10 }), 'PAYMENT_SUCCEEDED');
  assert.equal(await ok(T - 10, { toleranceSec: 10 }), 'PAYMENT_SUCCEEDED');
  await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T + 11, { toleranceSec: 10 })), 'INVALID_SIGNATURE');
  await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T - 11, { toleranceSec: 10 })), 'INVALID_SIGNATURE');
  await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET), 'INVALID_SIGNATURE'); // 2023 is long gone
});

test('webhook: malformed headers are INVALID_SIGNATURE and nothing else', async () => {
  const v1 = hmacHex(WH_SECRET, T, RAW);
  const cases = {
    't=': 't=', 'empty': '', 'missing (undefined)': undefined, 'null': null, 'a number': 42, 'an array': [header()],
    'missing v1': `t=${T}`, 'empty v1': `t=${T},v1=`, 'missing t': `v1=${v1}`, 'non-hex v1': `t=${T},v1=${'g'.repeat(64)}`,
    'short v1': `t=${T},v1=${v1.slice(2)}`, 'long v1': `t=${T},v1=${v1}00`, 'one bad v1 of two': `t=${T},v1=${v1},v1=xyz`,
    'non-numeric t': `t=abc,v1=${v1}`, 'negative t': `t=-${T},v1=${v1}`, 'fractional t': `t=${T}.5,v1=${v1}`,
    'duplicated t': `t=${T},t=${T},v1=${v1}`, 'two headers joined by Node': `${header()}, ${header()}`,
    'no "="': `t=${T},v1=${v1},junk`, '1 MB header': `${header()},${'v0='.padEnd(1 << 20, 'a')}`,
    'binary junk': '\u0000\uffff\ud800',
  };
  for (const [name, value] of Object.entries(cases)) {
    const err = await rejection(verifyStreamPayWebhook(RAW, value, WH_SECRET, at(T)), 'INVALID_SIGNATURE');
    assert.match(err.message, /x-webhook-signature header (is malformed|is missing)/, name);
    assert.ok(err.message.length < 200, `${name}: short message, header not echoed`);
  }
});

test('webhook: caller mistakes are INVALID_ARGUMENT; a verified non-event is DECODE', async () => {
  for (const secret of [undefined, '', 7, Buffer.from(WH_SECRET)]) {
    await rejection(verifyStreamPayWebhook(RAW, header(), secret, at(T)), 'INVALID_ARGUMENT');
  }
  for (const body of [JSON.parse(RAW), undefined, 42, [RAW]]) {
    const err = await rejection(verifyStreamPayWebhook(body, header(), WH_SECRET, at(T)), 'INVALID_ARGUMENT');
    assert.match(err.message, /rawBody must be the raw request body/);
  }
  for (const options of [{ toleranceSec: -1 }, { toleranceSec: NaN }, { toleranceSec: '300' }, { nowSec: Infinity }, { tolerance: 5 }, 'x']) {
    await rejection(verifyStreamPayWebhook(RAW, header(), WH_SECRET, options), 'INVALID_ARGUMENT');
  }
  for (const body of ['not json', '[1]', '{"data":{}}', '{"event_type":{}}']) {
    await rejection(verifyStreamPayWebhook(body, header(body), WH_SECRET, at(T)), 'DECODE');
  }
});

test('no error of either scheme shows a secret in its message, properties, String() or inspect()', async () => {
  const errors = [];
  const collect = (p) => p.then(() => assert.fail('expected a rejection'), (e) => errors.push(e));
  await collect(verifyStreamPayWebhook(RAW, header(RAW, T, 'whsec_wrong'), WH_SECRET, at(T)));
  await collect(verifyStreamPayWebhook(RAW, header(), WH_SECRET, at(T + 1000)));
  await collect(verifyStreamPayWebhook(RAW, `t=${T}`, WH_SECRET, at(T)));
  await collect(verifyStreamPayWebhook(RAW, `t=${T},v1=${WH_SECRET}`, WH_SECRET, at(T)));
  await collect(verifyStreamPayWebhook('nope', header('nope'), WH_SECRET, at(T)));
  await collect(verifyStreamPayWebhook(RAW, header(), WH_SECRET, { toleranceSec: -1 }));
  await collect(verifyStreamPayWebhook({}, header(), WH_SECRET, at(T)));
  await collect(verifyGatewayCallback(signedCallback(), { secret: GW_SECRET }));
  errors.push(...['{', JSON.stringify({ signature: GW_SECRET })].map((raw) => {
    try { parseGatewayCallback(raw); } catch (e) { return e; }
    return assert.fail('expected DECODE');
  }));
  assert.equal(errors.length, 10);
  for (const err of errors) {
    const props = Object.getOwnPropertyNames(err).map((k) => `${k}=${inspect(err[k])}`).join(' ');
    for (const text of [err.message, String(err), err.stack, props, inspect(err), JSON.stringify(err)]) {
      assert.ok(!text.includes(WH_SECRET) && !text.includes(GW_SECRET), `secret leaked: ${text}`);
    }
  }
});

test('many verifications at once stay independent', async () => {
  const bodies = Array.from({ length: 200 }, (_, i) => `{"event_type":"PAYMENT_SUCCEEDED","entity_id":"${i}"}`);
  const results = await Promise.allSettled(bodies.map((b, i) =>
    verifyStreamPayWebhook(b, i % 2 ? header(b) : header(b, T, 'whsec_forged'), WH_SECRET, at(T))));
  results.forEach((r, i) => {
    if (i % 2) assert.equal(r.value?.entityId, String(i));
    else assert.equal(r.reason?.code, 'INVALID_SIGNATURE');
  });
  assert.equal(await verifyGatewayCallback(signedCallback(), GW_SECRET), true, 'the module still works');
});

test('the declarations type the push exports precisely', () => {
  const dir = dirname(createRequire(import.meta.url).resolve('stream-payments/package.json'));
  const dts = readFileSync(join(dir, 'types/push.d.ts'), 'utf8');
  for (const signature of [
    'verifyGatewayCallback(payload: object, secretKey: string): Promise<boolean>',
    'parseGatewayCallback(rawBody: string | Uint8Array): GatewayCallback',
    'verifyStreamPayWebhook(rawBody: string | Uint8Array, signatureHeader: string, secret: string, options?: VerifyWebhookOptions | null): Promise<WebhookEvent>',
    'export interface GatewayCallback', 'export interface WebhookEvent', 'export interface VerifyWebhookOptions',
  ]) assert.ok(dts.includes(signature), signature);
});
