// Safety: hostile ids never reach the network, base URLs must be https unless loopback, the
// secret-holding StreamPayClient refuses browsers unless allowBrowser, and the API key never
// leaks into an error (message, properties, JSON, String, stack, util.inspect) or the client.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import {
  API_KEY, COMPLETED_ID, SP_FIXTURE_ID, T, assertStreamError, deadPort, rejection, runChild, startMock,
} from './helpers.mjs';

let mock;

before(async () => {
  mock = await startMock();
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

const HOSTILE_IDS = [
  'a/b', '../x', '..', 'a..b', './a', 'a?b=1', '?', 'a#frag', '#', '%2e%2e', 'a%2Fb', '%', 'a\u0000b',
  'a\nb', 'a\rb', 'a\tb', 'a\u007fb', 'a\u001bb', 'x'.repeat(1000), '', ' ', 'a b', 'é', 'a\\b', 'a;b',
  'a@b', 'http://evil.example/x', '\u202e', 'a\u2028b',
];
const NOT_STRINGS = [undefined, null, 42, {}, [], ['a'], true, () => 'a', Symbol('id'), 10n];

test('hostile ids are INVALID_ARGUMENT and no request is sent (gateway getPayment)', T, async () => {
  const c = new GatewayClient({ baseUrl: mock.url });
  for (const id of [...HOSTILE_IDS, ...NOT_STRINGS]) {
    const err = await rejection(() => c.getPayment(id));
    assertStreamError(err, { code: 'INVALID_ARGUMENT', retryable: false, status: undefined });
    assert.match(err.message, /paymentId/);
  }
  assert.equal(mock.state.requests().length, 0);
  assert.equal(mock.state.stats().requests, 0);
});

test('hostile ids are INVALID_ARGUMENT and no request is sent (StreamPay getPayment, list invoiceId)', T, async () => {
  const c = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url });
  for (const id of [...HOSTILE_IDS, ...NOT_STRINGS]) {
    assertStreamError(await rejection(() => c.getPayment(id)), { code: 'INVALID_ARGUMENT' });
  }
  for (const id of HOSTILE_IDS) {
    assertStreamError(await rejection(() => c.listPayments({ invoiceId: [id] })), { code: 'INVALID_ARGUMENT' });
  }
  assert.equal(mock.state.stats().requests, 0);
});

test('hostile client ids are INVALID_ARGUMENT for both POSTs; nothing is sent', T, async () => {
  const c = new GatewayClient({ baseUrl: mock.url });
  const request = { name: 'n', returnUrl: '/', amountUsd: '1' };
  for (const id of [...HOSTILE_IDS, ...NOT_STRINGS]) {
    assertStreamError(await rejection(() => c.createPaymentLink(id, request)), { code: 'INVALID_ARGUMENT' });
    assertStreamError(await rejection(() => c.createPayment(id, request)), { code: 'INVALID_ARGUMENT' });
  }
  assert.equal(mock.state.stats().requests, 0);
});

test('an id error message shows the bad id escaped, never raw control characters', T, async () => {
  const c = new GatewayClient({ baseUrl: mock.url });
  const err = await rejection(() => c.getPayment('ab\u0000\n\u001b[31mred'));
  assert.doesNotMatch(err.message, /[\u0000-\u001f\u007f]/);
  const long = await rejection(() => c.getPayment('y'.repeat(1000)));
  assert.ok(long.message.length < 300, long.message);
});

test('real ids still work next to the hostile ones', T, async () => {
  const g = new GatewayClient({ baseUrl: mock.url });
  const s = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url });
  assert.equal((await g.getPayment(COMPLETED_ID)).paymentId, COMPLETED_ID);
  assert.equal((await s.getPayment(SP_FIXTURE_ID)).id, SP_FIXTURE_ID);
});

test('a base URL must be https:// unless the host is loopback', T, async () => {
  const refused = [
    'http://example.com', 'http://streampayments.app', 'http://127.0.0.1.evil.com', 'http://10.0.0.1',
    'http://192.168.1.1:8080', 'http://[::2]', 'ftp://127.0.0.1', 'ws://127.0.0.1', 'file:///etc/passwd',
    'javascript:alert(1)', 'streampayments.app', '//streampayments.app', '', 'https://',
    'https://user:pw@streampayments.app', 'https://streampayments.app/?q=1', 'https://streampayments.app/#x',
    'https://stream payments.app', 'https://streampayments.app\n',
  ];
  for (const baseUrl of refused) {
    for (const make of [
      () => new GatewayClient({ baseUrl }),
      () => new GatewayClient({ baseUrl: 'https://streampayments.app', payBaseUrl: baseUrl }),
      () => new StreamPayClient({ apiKey: API_KEY, baseUrl }),
    ]) {
      assert.throws(make, (err) => {
        assertStreamError(err, { code: 'INVALID_ARGUMENT' });
        return true;
      }, JSON.stringify(baseUrl));
    }
  }
  const port = new URL(mock.url).port;
  for (const baseUrl of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}/`, 'https://streampayments.app']) {
    new GatewayClient({ baseUrl });
    new StreamPayClient({ apiKey: API_KEY, baseUrl });
  }
  const viaLocalhost = new GatewayClient({ baseUrl: `http://localhost:${port}/` });
  assert.equal((await viaLocalhost.getPayment(COMPLETED_ID)).status, 'completed');
  assert.equal(mock.state.requests()[0].path, `/api/v1/payment/${COMPLETED_ID}`, 'no double slash');
});

// --- StreamPayClient in a browser -----------------------------------------------------------

// What a browser's global looks like to the guard, faked in a child Node after the import: a page
// (a document, no server runtime), a page's worker (WorkerGlobalScope and a browser's user
// agent), and server look-alikes that must pass (a DOM double on Node, workerd's globals).
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const hideNode = "Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true });";
const userAgent = (ua) => `Object.defineProperty(globalThis, 'navigator', { value: { userAgent: ${JSON.stringify(ua)} }, configurable: true });`;
const GLOBALS = {
  'a page (document)': `globalThis.document = {}; ${hideNode}`,
  'a browser worker (WorkerGlobalScope, browser user agent)': `globalThis.WorkerGlobalScope = class {}; ${userAgent(CHROME_UA)} ${hideNode}`,
};
const SERVER_LOOKALIKES = {
  'Node with a DOM double (jsdom)': `globalThis.document = {}; ${userAgent(CHROME_UA)}`,
  'Node with WorkerGlobalScope': 'globalThis.WorkerGlobalScope = class {};',
  "workerd's globals (WorkerGlobalScope, Cloudflare-Workers)": `globalThis.WorkerGlobalScope = class {}; ${userAgent('Cloudflare-Workers')} ${hideNode}`,
};

async function inFakeGlobal(setup, body) {
  const result = await runChild(`
    const { StreamPayClient } = await import('stream-payments');
    const { stdout, env } = process;
    const out = (v) => stdout.write(JSON.stringify(v) + '\\n');
    const url = env.MOCK_URL, apiKey = env.API_KEY;
    ${setup}
    ${body}
  `, { MOCK_URL: mock.url, API_KEY }, 8000);
  assert.equal(result.killed, false);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

for (const [what, setup] of Object.entries(GLOBALS)) {
  test(`StreamPayClient refuses to run in ${what} unless allowBrowser: true`, T, async () => {
    const out = await inFakeGlobal(setup, `
      const res = {};
      try { new StreamPayClient({ apiKey, baseUrl: url }); res.plain = 'constructed'; }
      catch (e) { res.plain = { name: e.name, code: e.code, message: e.message, isError: e instanceof Error }; }
      try { new StreamPayClient({ apiKey, baseUrl: url, allowBrowser: false }); res.no = 'constructed'; }
      catch (e) { res.no = e.code; }
      const c = new StreamPayClient({ apiKey, baseUrl: url, allowBrowser: true });
      res.allowed = (await c.getPayment('${SP_FIXTURE_ID}')).currentStatus;
      out(res);
    `);
    assert.equal(out.plain.name, 'StreamError');
    assert.equal(out.plain.code, 'INVALID_ARGUMENT');
    assert.equal(out.plain.isError, true);
    assert.match(out.plain.message, /allowBrowser/);
    assert.ok(!out.plain.message.includes(API_KEY));
    assert.equal(out.no, 'INVALID_ARGUMENT');
    assert.equal(out.allowed, 'SUCCEEDED');
    assert.equal(mock.state.requests().length, 1, 'only the allowed client sent a request');
  });
}

for (const [what, setup] of Object.entries(SERVER_LOOKALIKES)) {
  test(`StreamPayClient is not refused on a server: ${what}`, T, async () => {
    const out = await inFakeGlobal(setup, `
      const c = new StreamPayClient({ apiKey, baseUrl: url });
      out({ status: (await c.getPayment('${SP_FIXTURE_ID}')).currentStatus });
    `);
    assert.deepEqual(out, { status: 'SUCCEEDED' });
  });
}

test('in plain Node StreamPayClient needs no allowBrowser; allowBrowser must be a boolean', T, () => {
  new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url });
  new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, allowBrowser: false });
  assert.throws(() => new StreamPayClient({ apiKey: API_KEY, allowBrowser: 'yes' }), (e) => e.code === 'INVALID_ARGUMENT');
});

// --- the API key never leaks ----------------------------------------------------------------

const SECRET_PAIR = 'live-key-7Q2:sk_live_ZX81superSecretValue';
const SECRET = Buffer.from(SECRET_PAIR).toString('base64');
const NEEDLES = [SECRET, SECRET_PAIR, 'sk_live_ZX81superSecretValue', SECRET.slice(8, 32)];

/** Every way an error (or a client) could be shown, logged or serialised. */
function renderings(value) {
  const own = value && typeof value === 'object'
    ? Object.getOwnPropertyNames(value).map((k) => {
      try {
        return `${k}=${inspect(value[k], { depth: 10 })}`;
      } catch {
        return k;
      }
    })
    : [];
  let json = '';
  try {
    json = JSON.stringify(value);
  } catch {}
  let str = '';
  try {
    str = String(value);
  } catch {}
  return [
    ...own, json ?? '', str, value?.stack ?? '', value?.message ?? '',
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    `${inspect(value?.body, { depth: Infinity })}`,
  ];
}

function assertNoSecret(value, what) {
  for (const text of renderings(value)) {
    for (const needle of NEEDLES) {
      assert.ok(!text.includes(needle), `${what}: the secret shows in ${JSON.stringify(text.slice(0, 300))}`);
    }
  }
}

test('the API key never appears in any error or in the client', T, async () => {
  const client = new StreamPayClient({ apiKey: SECRET, baseUrl: mock.url, maxRetries: 0, timeoutMs: 300 });
  assertNoSecret(client, 'the client');
  const errors = {};
  // 401: the mock does not know this key.
  errors.unauthorized = await rejection(() => client.getPayment(SP_FIXTURE_ID));
  assert.equal(errors.unauthorized.code, 'UNAUTHORIZED');
  // Network: nothing listens.
  const dead = new StreamPayClient({ apiKey: SECRET, baseUrl: `http://127.0.0.1:${await deadPort()}`, maxRetries: 0 });
  errors.network = await rejection(() => dead.listPayments());
  assert.equal(errors.network.code, 'NETWORK');
  // Timeout: a stalled body.
  mock.state.addFault({ path: '/api/v2/payments', kind: 'stall', stallMs: 5000 });
  errors.timeout = await rejection(() => client.listPayments());
  assert.equal(errors.timeout.code, 'TIMEOUT');
  // Validation, before sending.
  errors.id = await rejection(() => client.getPayment('../etc/passwd'));
  errors.limit = await rejection(() => client.listPayments({ limit: 1000 }));
  errors.options = await rejection(() => client.getPayment(SP_FIXTURE_ID, { signal: SECRET }));
  // Other answers.
  for (const status of [403, 422, 500]) {
    mock.state.addFault({ paymentId: SP_FIXTURE_ID, status, times: 1 });
    errors[status] = await rejection(() => client.getPayment(SP_FIXTURE_ID));
  }
  mock.state.addFault({ paymentId: SP_FIXTURE_ID, kind: 'truncated', times: 1 });
  errors.decode = await rejection(() => new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url }).getPayment(SP_FIXTURE_ID));
  // Construction errors that see the key.
  for (const [name, options] of Object.entries({
    badBase: { apiKey: SECRET, baseUrl: 'http://example.com' },
    credsInBase: { apiKey: SECRET, baseUrl: `https://u:${SECRET}@example.com` },
    credsInHttpBase: { apiKey: SECRET, baseUrl: `http://u:${SECRET}@example.com/?x` },
    unknownOption: { apiKey: SECRET, apiSecret: SECRET },
    badHeader: { apiKey: SECRET, headers: { 'bad name': SECRET } },
    badHeaderValue: { apiKey: SECRET, headers: { 'x-other': SECRET + '\n' } },
    controlInKey: { apiKey: SECRET + '\u0001' },
    nonAsciiKey: { apiKey: SECRET + 'ключ', baseUrl: mock.url },
    spaceInKey: { apiKey: `${SECRET} x`, baseUrl: mock.url },
  })) {
    try {
      const c = new StreamPayClient(options);
      errors[name] = await rejection(() => c.getPayment(SP_FIXTURE_ID));
    } catch (err) {
      errors[name] = err;
    }
  }
  for (const what of ['nonAsciiKey', 'spaceInKey', 'controlInKey', 'credsInBase', 'badBase']) {
    assert.equal(errors[what].code, 'INVALID_ARGUMENT', `${what}: ${errors[what].message}`);
  }
  for (const [what, err] of Object.entries(errors)) {
    assert.ok(err instanceof Error, `${what}: ${err}`);
    assert.equal(err.name, 'StreamError', `${what}: ${err}`);
    assertNoSecret(err, what);
  }
});

test('the key in a custom fetch failure does not leak either', T, async () => {
  const client = new StreamPayClient({
    apiKey: SECRET,
    baseUrl: mock.url,
    maxRetries: 0,
    fetch: (_url, init) => Promise.reject(new TypeError(`refused header x-api-key: ${new Headers(init.headers).get('x-api-key')}`)),
  });
  const err = await rejection(() => client.getPayment(SP_FIXTURE_ID));
  assertStreamError(err, { code: 'NETWORK' });
  assertNoSecret(err, 'fetch rejection');
});

test('a redirect never carries the API key to another host', T, async () => {
  const elsewhere = await startMock();
  try {
    const target = `${elsewhere.url}/api/v2/payments/${SP_FIXTURE_ID}`;
    for (const status of [301, 302, 307, 308]) {
      mock.state.reset();
      mock.state.addFault({ paymentId: SP_FIXTURE_ID, status, body: '', headers: { location: target } });
      const c = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
      const outcome = await c.getPayment(SP_FIXTURE_ID).then(() => 'resolved', (e) => e);
      assert.equal(outcome.name, 'StreamError', `${status}: ${outcome}`);
      assert.equal(outcome.retryable, false, `${status}: ${outcome.code}`);
      assert.match(outcome.message, /redirect/);
      const leaked = elsewhere.state.requests().filter((r) => r.headers['x-api-key']);
      assert.equal(leaked.length, 0, `${status}: the key went to ${elsewhere.url}`);
    }
    // The public gateway client holds no credential: it follows a redirect as fetch does.
    mock.state.addFault({ paymentId: COMPLETED_ID, status: 302, body: '', headers: { location: `${elsewhere.url}/api/v1/payment/${COMPLETED_ID}` } });
    const p = await new GatewayClient({ baseUrl: mock.url }).getPayment(COMPLETED_ID);
    assert.equal(p.status, 'completed');
    assert.equal(elsewhere.state.requests({ paymentId: COMPLETED_ID }).length, 1);
  } finally {
    await elsewhere.close();
  }
});
