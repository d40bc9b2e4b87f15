// waitForPayment in headless Chromium: a checkout page waits for a payment the mock completes,
// and slows down while the page is hidden (seen in the mock's request log, not on a clock).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../../support/static-server.mjs';
import { launchChromium, watchErrors } from '../../support/chromium.mjs';
import { startMockServer } from '../../../pkg/mock/server.mjs';
import { startWait as startWaitAt, until } from '../../support/page-wait.mjs';

const scratch = process.env.STREAM_SCRATCH;
let server, browser, mock;

const polls = (id) => mock.state.requests({ paymentId: id, method: 'GET' });

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site-wait');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>wait</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "stream-payments": "/node_modules/stream-payments/web/index.js" } }</script>
<output id="out">loading</output>
<script type="module">
  import * as sp from 'stream-payments';
  window.sp = sp;
  document.getElementById('out').textContent = 'ready';
</script>`);
  server = await startStaticServer({ '/node_modules/': join(scratch, 'node_modules'), '/': site });
  mock = await startMockServer({ port: 0, apiKey: 'test-key:test-secret', seed: 1, paymentCount: 10 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mock?.close();
});

const startWait = (page, id, options) => startWaitAt(page, mock.url, id, options);

async function openPage() {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.getElementById('out').textContent === 'ready');
  return { page, errors };
}

test('a page waits for a payment the mock completes', async () => {
  const { page, errors } = await openPage();
  const id = mock.state.createGatewayPayment({ amountUsd: '1.00' }).payment_id;
  await startWait(page, id, { intervalMs: 10, maxIntervalMs: 50 });
  await until(() => polls(id).length >= 3, 'the page to poll');
  mock.state.completeGatewayPayment(id);
  assert.deepEqual(await page.evaluate(() => window.outcome), { status: 'completed', paymentId: id });
  assert.deepEqual(await page.evaluate(() => window.seen), ['pending', 'completed']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hidden page polls at maxIntervalMs and polls at once when visible again', async () => {
  const { page, errors } = await openPage();
  const id = mock.state.createGatewayPayment({ amountUsd: '2.00' }).payment_id;
  const maxIntervalMs = 2000;
  await startWait(page, id, { intervalMs: 10, maxIntervalMs });
  await until(() => polls(id).length >= 3, 'visible polling');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const hiddenFrom = polls(id).length;
  await until(() => polls(id).length >= hiddenFrom + 2, 'two polls while hidden');
  // Shown right after a hidden poll: the next hidden one is at least 0.8 x maxIntervalMs away.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const [a, b] = polls(id).slice(hiddenFrom, hiddenFrom + 2);
  // Jitter takes at most 20% off: a gap of the slow pace, not of the 10 ms interval.
  assert.ok(b.time - a.time >= maxIntervalMs * 0.75, `hidden gap ${b.time - a.time} ms`);
  await until(() => polls(id).length > hiddenFrom + 2, 'a poll on becoming visible');
  const c = polls(id)[hiddenFrom + 2];
  // The hidden pace would poll no sooner than 1.6 s after b; a poll before that is the one
  // becoming visible caused (it comes within milliseconds; 1.6 s is the margin for load).
  assert.ok(c.time - b.time < maxIntervalMs * 0.8, `shown: the next poll came ${c.time - b.time} ms after the last hidden one, not at once`);
  mock.state.completeGatewayPayment(id);
  assert.deepEqual(await page.evaluate(() => window.outcome), { status: 'completed', paymentId: id });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page hidden from the start waits the slow pace until it becomes visible', async () => {
  const { page, errors } = await openPage();
  const id = mock.state.createGatewayPayment({ amountUsd: '3.00' }).payment_id;
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
  // Hidden, the next poll is at least 48 s away: a second poll within the 10 s `until` limit
  // can only come from the visibilitychange.
  await startWait(page, id, { intervalMs: 10, maxIntervalMs: 60_000 });
  await until(() => polls(id).length === 1, 'the first poll');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until(() => polls(id).length >= 2, 'a poll on becoming visible');
  mock.state.completeGatewayPayment(id);
  assert.deepEqual(await page.evaluate(() => window.outcome), { status: 'completed', paymentId: id });
  assert.deepEqual(errors, []);
  await page.close();
});
