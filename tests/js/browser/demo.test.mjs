// The demo page (www/) in headless Chromium, against the mock API, with the package as installed
// by tests/scripts/test-package.sh (STREAM_SCRATCH); without it, the build in PKG_DIR or pkg/.
// Screenshots of each state go to tests/out/screenshots/ (TEST_OUT/screenshots when TEST_OUT is
// set). STREAM_DEMO_SCREENSHOT=docs/demo.png also writes the README's screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from '../../support/chromium.mjs';
import { startDemoStack } from '../../support/stacks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = join(resolve(root, process.env.TEST_OUT ?? 'tests/out'), 'screenshots');
const POLL = 'interval=200';
// Chromium logs every HTTP error answer as a console error; the error tests expect theirs.
const httpErrorLogs = (errors, status) => errors.filter((e) => !e.includes(`status of ${status}`));

let stack, mock, site, browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  stack = await startDemoStack({ paymentCount: 250 });
  ({ mock, server: site, browser } = stack);
});

after(() => stack?.close());

async function openPage(query = '', { width = 1000, height = 1200, before } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const errors = watchErrors(page);
  await before?.(page);
  await page.goto(`${site.url}/${query}`);
  return { page, errors };
}

const state = (page, value) => page.waitForSelector(`#pay-status[data-state="${value}"]`);
const shot = (page, name, options = {}) => page.screenshot({ path: join(shots, `${name}.png`), ...options });
const newPayment = (opts) => mock.state.createGatewayPayment({ amountUsd: '2.50', name: 'Test order', ...opts }).payment_id;

test('checkout: pending, then "Simulate payment" completes it live, without a reload', async () => {
  const id = mock.state.demoIds.pending;
  const { page, errors } = await openPage(`?${POLL}`);
  await state(page, 'pending');
  assert.equal(await page.textContent('#pay-name'), 'Demo payment');
  assert.equal(await page.textContent('#pay-fiat'), '1.00 USD · 1.00 EUR');
  // 1.00 USD of STRM at 24 decimals, rounded UP to 5 digits (the gateway truncates to 0.16638,
  // which would underpay); USDC like the fixture. tests/js/browser/checkout-amounts.test.mjs
  // checks every coin against the amount due.
  assert.deepEqual(await page.$$eval('.coin-amount', (els) => els.map((e) => e.textContent)), ['0.16639', '0.30770', '1.00']);
  assert.equal(await page.textContent('#pay-send-label'), 'Send at least');
  assert.equal(await page.textContent('#pay-send'), '0.16639 STRM');
  assert.equal(await page.textContent('#pay-address'), mock.state.gatewayPayment(id).payment.addresses[0].address);
  assert.ok(await page.$('#pay-qr svg'), 'a QR code of the address');
  assert.match(await page.textContent('#pay-countdown'), /^Expires in \d+:\d\d$/);
  assert.match(await page.textContent('#last-check'), /^Last checked /);
  assert.ok(await page.isVisible('#pay-progress'));
  await page.evaluate(() => { window.notReloaded = true; });
  await shot(page, 'checkout-pending');
  if (process.env.STREAM_DEMO_SCREENSHOT) await readmeScreenshot(page);

  const simulate = page.getByRole('button', { name: 'Simulate payment' });
  await simulate.focus();
  await page.keyboard.press('Enter'); // keyboard, as a person without a mouse would
  await state(page, 'completed');
  const { payment } = mock.state.gatewayPayment(id);
  assert.equal(await page.textContent('#pay-tx'), payment.transaction_hash);
  assert.equal(await page.textContent('#pay-signer'), 'demo-payer.testnet');
  assert.equal(await page.getAttribute('#pay-processed', 'datetime'), payment.processed_at);
  assert.equal(await page.getAttribute('#pay-return', 'href'), `${site.url}/`);
  assert.match(await page.textContent('#status-text'), /completed/i);
  assert.equal(await page.isVisible('#pay-progress'), false);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  await shot(page, 'checkout-completed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: a transaction hash published after completion is filled in when it comes', async () => {
  const id = newPayment({ hideTxPolls: 2 });
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await state(page, 'pending');
  mock.state.completeGatewayPayment(id, { transactionHash: 'LateHash111111111111111111111111111111111111' });
  await state(page, 'completed');
  await page.waitForFunction(() => document.getElementById('pay-tx').textContent.startsWith('LateHash'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: a payment that expires while watched ends as expired', async () => {
  const id = newPayment({ lifecycle: { pendingPolls: 2, then: 'expired' } }); // poll 3 sees it expired
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await state(page, 'pending');
  await state(page, 'expired');
  assert.match(await page.textContent('#status-text'), /expired/);
  assert.match(await page.textContent('#pay-countdown'), /^Expired at /);
  assert.equal(await page.isVisible('#pay-coins-wrap'), false, 'no address to pay to any more');
  assert.equal(await page.isDisabled('#sim-complete'), true);
  await shot(page, 'checkout-expired');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: the "Expire" control expires the payment on the mock', async () => {
  const id = newPayment();
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await state(page, 'pending');
  await page.getByRole('button', { name: 'Expire' }).click();
  await state(page, 'expired');
  assert.equal(mock.state.gatewayPayment(id).payment.reason, 'expired');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: an id the gateway does not know shows "Payment not found" with Retry', async () => {
  const { page, errors } = await openPage(`?payment=UnknownPayment00000000&${POLL}`);
  await state(page, 'error');
  assert.equal(await page.textContent('#pay-error-title'), 'Payment not found');
  assert.match(await page.textContent('#pay-error-text'), /does not know payment “UnknownPayment00000000”/);
  assert.match(await page.textContent('#pay-error-detail'), /NOT_FOUND · HTTP 404/);
  assert.ok(await page.isVisible('#pay-retry'));
  assert.equal(await page.isVisible('#pay-body'), false);
  await shot(page, 'checkout-not-found');

  // NOT_FOUND ends the wait: the page stops polling, so only Retry can bring it back once the
  // gateway knows the payment.
  const id = 'UnknownPayment00000000';
  const asked = mock.state.requests({ paymentId: id }).length;
  mock.state.createGatewayPayment({ id, amountUsd: '2.50', name: 'Found on retry' });
  await sleep(1_000); // five of the page's 200 ms intervals
  assert.equal(mock.state.requests({ paymentId: id }).length, asked, 'no poll after NOT_FOUND');
  assert.equal(await page.getAttribute('#pay-status', 'data-state'), 'error');
  await page.getByRole('button', { name: 'Retry' }).click();
  await state(page, 'pending');
  assert.equal(await page.textContent('#pay-name'), 'Found on retry');
  assert.equal(await page.isVisible('#pay-error'), false);
  assert.ok(mock.state.requests({ paymentId: id }).length > asked, 'Retry asked the gateway again');
  assert.deepEqual(httpErrorLogs(errors, 404), []);
  await page.close();
});

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Presses Retry (while the fault still lasts) and returns what the page shows right after, in the
 * same task as the click: Retry starts a fresh check, so the error box is gone and "last checked"
 * is cleared until that check answers. (The page's own poller never hides the box while failing.)
 */
function pressRetry(page) {
  return page.evaluate(() => {
    document.getElementById('pay-retry').click();
    return { errorHidden: document.getElementById('pay-error').hidden, lastCheck: document.getElementById('last-check').textContent };
  });
}

test('checkout: a 5xx streak is shown readably with Retry, and the page recovers once the gateway is back', async () => {
  const id = newPayment();
  const rule = mock.state.addFault({ paymentId: id, status: 503, times: 1_000_000 });
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await page.waitForSelector('#pay-error:not([hidden])');
  assert.equal(await page.textContent('#pay-error-title'), 'The payment service is having trouble');
  assert.match(await page.textContent('#pay-error-text'), /HTTP 503/);
  assert.match(await page.textContent('#pay-error-detail'), /^SERVER · HTTP 503/);
  // waitForPayment rides out 5xx: the page says so and keeps its poller going.
  assert.match(await page.textContent('#pay-error-text'), /keeps trying by itself/);
  assert.equal(await page.getAttribute('#pay-status', 'data-state'), 'loading', 'not given up');
  await shot(page, 'checkout-server-error');
  assert.ok(await page.isVisible('#pay-retry'), 'Retry is offered while the gateway fails');
  assert.deepEqual(await pressRetry(page), { errorHidden: true, lastCheck: '' });
  // The fresh check meets the same 503s: the box comes back, and the page still keeps trying.
  await page.waitForSelector('#pay-error:not([hidden])');
  const failedPolls = mock.state.requests({ paymentId: id }).length;
  mock.state.removeFault(rule);
  // Recovery by the page's own next check, with no click.
  await state(page, 'pending');
  assert.ok(mock.state.requests({ paymentId: id }).length > failedPolls);
  assert.equal(await page.isVisible('#pay-error'), false);
  assert.deepEqual(httpErrorLogs(errors, 503), []);
  await page.close();
});

test('checkout: the network being down is shown readably with Retry, and the page recovers', async () => {
  const id = newPayment();
  const cut = (route) => route.abort('internetdisconnected');
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`, {
    before: (p) => p.route(`${mock.url}/api/v1/payment/**`, cut),
  });
  await page.waitForSelector('#pay-error:not([hidden])');
  assert.equal(await page.textContent('#pay-error-title'), 'Can’t reach the payment service');
  assert.match(await page.textContent('#pay-error-detail'), /^NETWORK/);
  assert.match(await page.textContent('#last-check'), /no connection/);
  await shot(page, 'checkout-network-down');
  assert.ok(await page.isVisible('#pay-retry'), 'Retry is offered while the network is down');
  assert.deepEqual(await pressRetry(page), { errorHidden: true, lastCheck: '' });
  await page.waitForSelector('#pay-error:not([hidden])'); // still down: the box comes back
  await page.unroute(`${mock.url}/api/v1/payment/**`, cut);
  // Recovery by the page's own next check, with no click.
  await state(page, 'pending');
  assert.equal(await page.isVisible('#pay-error'), false);
  assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await page.close();
});

test('merchant view: pages through the mock\'s payments and filters by status', async () => {
  const kwd = mock.state.createStreamPayPayment({ amount: '12.345', currency: 'KWD', status: 'PENDING' });
  const total = await countPayments();
  const pages = Math.ceil(total / 10);
  const { page, errors } = await openPage(`?${POLL}`);
  await page.waitForSelector('#m-rows tr[data-id]');
  assert.equal(await page.textContent('#m-summary'), `Payments 1–10 of ${total}`);
  assert.equal(await page.textContent('#m-page'), `Page 1 of ${pages}`);
  assert.equal(await page.isDisabled('#m-prev'), true);
  const first = await rowIds(page);
  assert.equal(first.length, 10);
  await assertAmountsFormatted(page);

  await page.click('#m-next');
  await page.waitForFunction((p) => document.getElementById('m-page').textContent === `Page 2 of ${p}`, pages);
  assert.equal(await page.textContent('#m-summary'), `Payments 11–20 of ${total}`);
  const second = await rowIds(page);
  assert.equal(second.length, 10);
  assert.equal(second.filter((id) => first.includes(id)).length, 0, 'page 2 holds other payments');
  assert.equal(await page.isDisabled('#m-prev'), false);

  await page.selectOption('#m-status', 'SUCCEEDED');
  const succeeded = await countPayments('SUCCEEDED');
  await page.waitForFunction((n) => document.getElementById('m-summary').textContent === `Payments 1–${Math.min(n, 10)} of ${n} (status SUCCEEDED)`, succeeded);
  const statuses = await page.$$eval('#m-rows .pill', (els) => els.map((e) => e.textContent));
  assert.ok(statuses.length > 0);
  assert.deepEqual(new Set(statuses), new Set(['SUCCEEDED']));
  await assertAmountsFormatted(page);
  await shot(page.locator('#merchant'), 'merchant');

  // Search for the KWD payment: 3 decimals.
  await page.selectOption('#m-status', '');
  await page.fill('#m-search', kwd.id);
  await page.press('#m-search', 'Enter');
  await page.waitForFunction(() => document.getElementById('m-summary').textContent.startsWith('Payments 1–1 of 1 '));
  assert.equal(await page.textContent('#m-rows .amount'), '12.345 KWD');
  assert.deepEqual(errors, []);
  await page.close();
});

test('converter: 166389351081530800779973 at 24 decimals, 5 digits, trunc is 0.16638', async () => {
  const { page, errors } = await openPage(`?${POLL}`);
  await page.waitForSelector('#converter:not([hidden])');
  await page.fill('#c-units', '166389351081530800779973');
  await page.fill('#c-decimals', '24');
  await page.fill('#c-digits', '5');
  await page.selectOption('#c-rounding', 'trunc');
  assert.equal(await page.textContent('#c-display-out'), '0.16638');
  await page.selectOption('#c-rounding', 'halfUp');
  assert.equal(await page.textContent('#c-display-out'), '0.16639');
  await page.selectOption('#c-token', 'KWD');
  assert.equal(await page.inputValue('#c-decimals'), '3');
  await page.fill('#c-text', '12.345');
  assert.equal(await page.textContent('#c-units-out'), '12345');
  await page.fill('#c-text', '1e5');
  assert.match(await page.textContent('#c-parse-error'), /^INVALID_ARGUMENT: /);
  assert.equal(await page.textContent('#c-units-out'), '—');
  await page.fill('#c-text', '1.2345');
  assert.match(await page.textContent('#c-parse-error'), /^INVALID_ARGUMENT: /, 'too many digits without rounding');
  await page.check('#c-parse-round');
  assert.equal(await page.textContent('#c-units-out'), '1235', 'halfUp');
  assert.equal(await page.textContent('#c-parse-error'), '');
  await shot(page.locator('#converter'), 'converter');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page fits a 375 px wide phone screen', async () => {
  const { page, errors } = await openPage(`?payment=${newPayment()}&${POLL}`, { width: 375, height: 800 });
  await state(page, 'pending');
  await page.waitForSelector('#m-rows tr[data-id]');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no sideways scrolling');
  await shot(page, 'phone-375', { fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

async function countPayments(status) {
  const url = new URL('/api/v2/payments?limit=1', mock.url);
  if (status) url.searchParams.set('statuses', status);
  const body = await fetch(url, { headers: { 'x-api-key': mock.state.apiKeyHeader } }).then((r) => r.json());
  return body.pagination.total_count;
}

const rowIds = (page) => page.$$eval('#m-rows tr[data-id]', (rows) => rows.map((r) => r.dataset.id));

/** Every amount has exactly its currency's decimals: SAR 2, KWD 3, ... */
async function assertAmountsFormatted(page) {
  const digits = { SAR: 2, USD: 2, EUR: 2, GBP: 2, AED: 2, QAR: 2, KWD: 3, BHD: 3, OMR: 3 };
  for (const text of await page.$$eval('#m-rows .amount', (els) => els.map((e) => e.textContent))) {
    const [, frac, currency] = /^\d{1,3}(?:,\d{3})*\.(\d+) ([A-Z]{3})$/.exec(text) ?? [];
    assert.ok(currency in digits, `amount text ${text}`);
    assert.equal(frac.length, digits[currency], `amount text ${text}`);
  }
}

/** The README's picture: the checkout of a pending payment, small enough to commit. */
async function readmeScreenshot(page) {
  const path = resolve(root, process.env.STREAM_DEMO_SCREENSHOT);
  await page.setViewportSize({ width: 760, height: 1000 });
  await page.evaluate(() => document.getElementById('pay-copy').blur());
  await page.locator('#checkout').screenshot({ path });
  await page.setViewportSize({ width: 1000, height: 1200 });
}
