// The package in a runtime other than this machine's Node (Bun, Deno): run from the scratch
// project, so the import below resolves the installed package through its `exports` as the
// runtime's own resolver chooses. Checks itself; prints one JSON line of what it saw for the
// harness (runtimes.test.mjs) to compare, and exits non-zero at the first failed check.
import * as sp from 'stream-payments';

const env = globalThis.process?.env ?? globalThis.Deno.env.toObject();
const { MOCK_URL, API_KEY, WH_SECRET, WH_BODY, WH_HEADER } = env;
const COMPLETED_ID = 'LqaUrQimtgTe9iF3Knv8Ld';
const SP_FIXTURE_ID = '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
}

async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

function checkStreamError(err, code) {
  check(err instanceof Error, `an Error, got ${err}`);
  check(err.name === 'StreamError', `name StreamError, got ${err.name}`);
  check(err.code === code, `code ${code}, got ${err.code}: ${err.message}`);
  check(typeof err.retryable === 'boolean', 'retryable is a boolean');
  // The runtime class arrives with the new JS shell; where it is exported it must match.
  if (typeof sp.StreamError === 'function') check(err instanceof sp.StreamError, 'instanceof StreamError');
}

async function hmacHex(secret, message) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

const seen = {};

// Amounts, exact.
seen.formatted = sp.formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5, rounding: 'ceil' });
check(seen.formatted === '0.16639', `ceil to 5 places, got ${seen.formatted}`);
check(sp.formatUnits(123456789n, 6) === '123.456789', 'bigint in');
seen.parsed = sp.parseUnits('1234.5', 24);
check(seen.parsed === '1234500000000000000000000000', `parseUnits, got ${seen.parsed}`);
checkStreamError(await rejection((async () => sp.parseUnits('1.2.3', 6))()), 'INVALID_ARGUMENT');

// The gateway against the mock.
const gateway = new sp.GatewayClient({ baseUrl: MOCK_URL, maxRetries: 0 });
const payment = await gateway.getPayment(COMPLETED_ID);
seen.gatewayPaymentId = payment.paymentId;
seen.gatewayStatus = payment.status;
checkStreamError(await rejection(gateway.getPayment('NoSuchPayment000000000')), 'NOT_FOUND');

// The deadline ends a body that stalls midway through the runtime's own fetch: its signal aborts
// the read (the shell races only an injected fetch). The stall outlasts the harness's limit for
// this whole script, so a runtime whose fetch ignored the signal would not finish.
await fetch(`${MOCK_URL}/__mock/faults`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ paymentId: COMPLETED_ID, kind: 'stall', stallMs: 600_000 }),
});
const stalled = await rejection(new sp.GatewayClient({ baseUrl: MOCK_URL, maxRetries: 0, timeoutMs: 300 }).getPayment(COMPLETED_ID));
checkStreamError(stalled, 'TIMEOUT');
seen.stalledBody = stalled.code;

// StreamPay against the mock; a server runtime is not refused as a browser.
const streampay = new sp.StreamPayClient({ apiKey: API_KEY, baseUrl: MOCK_URL, maxRetries: 0 });
const merchantPayment = await streampay.getPayment(SP_FIXTURE_ID);
seen.streamPayPaymentId = merchantPayment.id;
checkStreamError(await rejection(streampay.getPayment(UNKNOWN_UUID)), 'NOT_FOUND');
const wrongKey = new sp.StreamPayClient({ apiKey: btoa('test-key:wrong'), baseUrl: MOCK_URL, maxRetries: 0 });
checkStreamError(await rejection(wrongKey.getPayment(SP_FIXTURE_ID)), 'UNAUTHORIZED');
new sp.StreamPayClient({ apiKey: API_KEY }); // the default https base URL; no request is made

// A StreamPay webhook signed by the harness with node:crypto, and one signed here with WebCrypto.
const fromHarness = await sp.verifyStreamPayWebhook(WH_BODY, WH_HEADER, WH_SECRET);
seen.webhookEventType = fromHarness.eventType;
const t = Math.floor(Date.now() / 1000);
const body = JSON.stringify({ event_type: 'PAYMENT_FAILED', entity_id: 'e-1', data: { n: 1 } });
const header = `t=${t},v1=${await hmacHex(WH_SECRET, `${t}.${body}`)}`;
const fromHere = await sp.verifyStreamPayWebhook(new TextEncoder().encode(body), header, WH_SECRET);
check(fromHere.eventType === 'PAYMENT_FAILED' && fromHere.entityId === 'e-1', 'WebCrypto-signed event');
checkStreamError(await rejection(sp.verifyStreamPayWebhook(body + ' ', header, WH_SECRET)), 'INVALID_SIGNATURE');
checkStreamError(await rejection(sp.verifyStreamPayWebhook(body, header, `${WH_SECRET}x`)), 'INVALID_SIGNATURE');

console.log(JSON.stringify(seen));
