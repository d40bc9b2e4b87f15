// The clients in headless Chromium: a page with no bundler imports the installed web build
// through an import map and talks to the mock on another 127.0.0.1 port (CORS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchErrors } from '../../support/chromium.mjs';
import { startPageStack } from '../../support/stacks.mjs';

const scratch = process.env.STREAM_SCRATCH;
let stack, server, browser, mock;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site-clients');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>clients</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "stream-payments": "/node_modules/stream-payments/web/index.js" } }</script>
<output id="out">loading</output>
<script type="module">
  import { GatewayClient, StreamPayClient } from 'stream-payments';
  const mockUrl = new URL(location.href).searchParams.get('mock');
  const describe = (e) => ({ isError: e instanceof Error, name: e.name, code: e.code, status: e.status,
    retryable: e.retryable, requestId: e.requestId, body: e.body, message: e.message });
  const result = {};
  try {
    const gateway = new GatewayClient({ baseUrl: mockUrl, maxRetries: 0 });
    result.completed = await gateway.getPayment('LqaUrQimtgTe9iF3Knv8Ld');
    try { await gateway.getPayment('NoSuchPayment0000000001'); result.missing = 'resolved'; }
    catch (e) { result.missing = describe(e); }
    try { await gateway.getPayment('../x'); result.hostile = 'resolved'; }
    catch (e) { result.hostile = describe(e); }
    try { new StreamPayClient({ apiKey: 'dGVzdC1rZXk6dGVzdC1zZWNyZXQ=', baseUrl: mockUrl }); result.streampay = 'constructed'; }
    catch (e) { result.streampay = describe(e); }
    const allowed = new StreamPayClient({ apiKey: 'dGVzdC1rZXk6dGVzdC1zZWNyZXQ=', baseUrl: mockUrl, allowBrowser: true });
    result.allowed = (await allowed.getPayment('6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40')).amountInSmallestUnit;
    try { await allowed.getPayment('0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083'); result.redirect = 'resolved'; }
    catch (e) { result.redirect = describe(e); }
    const controller = new AbortController();
    const reason = { why: 'left' };
    const call = gateway.getPayment('DemoPending000000000001', { signal: controller.signal });
    controller.abort(reason);
    try { await call; result.aborted = 'resolved'; } catch (e) { result.aborted = e === reason; }
  } catch (e) {
    result.unexpected = String(e && e.stack || e);
  }
  document.getElementById('out').textContent = JSON.stringify(result);
</script>`);
  stack = await startPageStack(scratch, site);
  ({ mock, server, browser } = stack);
});

after(() => stack?.close());

test('GatewayClient and StreamPayClient in Chromium, against the mock over CORS', { timeout: 30_000 }, async () => {
  // A redirect must not carry the key anywhere: the page's StreamPayClient refuses to follow it.
  mock.state.addFault({
    paymentId: '0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083', status: 302, body: '',
    headers: { location: `${mock.url}/api/v2/payments/6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40?redirected=1` },
  });
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?mock=${encodeURIComponent(mock.url)}`);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading');
  const result = JSON.parse(await page.textContent('#out'));
  assert.equal(result.unexpected, undefined);

  // The completed fixture, decoded exactly as in Node.
  const p = result.completed;
  assert.equal(p.paymentId, 'LqaUrQimtgTe9iF3Knv8Ld');
  assert.equal(p.status, 'completed');
  assert.equal(p.amount, '166389351081530800779973');
  assert.equal(p.displayAmountUsd, '1.00');
  assert.equal(p.transactionHash, '9HKiSMrjFvmT1Pb7bTCZ8XPUQukRfSyQ58WJCmfXyWgX');
  assert.deepEqual(p.addresses.map((c) => [c.token, c.decimals, c.decimalsSource, c.formattedAmount]), [
    ['NEAR', 24, 'registry', '0.166389351081530800779973'],
    ['USDC', 17, 'inferred', '1'],
  ]);

  // A 404 is a StreamError NOT_FOUND, with the request id the mock exposes through CORS.
  const missing = result.missing;
  assert.equal(missing.isError, true);
  assert.equal(missing.name, 'StreamError');
  assert.equal(missing.code, 'NOT_FOUND');
  assert.equal(missing.status, 404);
  assert.equal(missing.retryable, false);
  assert.equal(missing.body.error, 'not_found');
  const logged = mock.state.requests({ path: '/api/v1/payment/NoSuchPayment0000000001', method: 'GET' });
  assert.equal(logged.length, 1);
  assert.equal(missing.requestId, logged[0].requestId);

  assert.equal(result.hostile.code, 'INVALID_ARGUMENT');

  // StreamPayClient holds a secret: refused in a page unless allowBrowser.
  assert.equal(result.streampay.isError, true);
  assert.equal(result.streampay.name, 'StreamError');
  assert.equal(result.streampay.code, 'INVALID_ARGUMENT');
  assert.match(result.streampay.message, /allowBrowser/);
  assert.equal(result.allowed, '11500');

  assert.equal(result.redirect.name, 'StreamError');
  assert.equal(result.redirect.retryable, false);
  assert.match(result.redirect.message, /redirect/);
  assert.equal(mock.state.requests().filter((r) => r.query.redirected).length, 0, 'the redirect was not followed');

  assert.equal(result.aborted, true, 'an abort rejects with signal.reason in the browser too');
  // The only console error allowed is Chromium's own line for the 404 response.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});
