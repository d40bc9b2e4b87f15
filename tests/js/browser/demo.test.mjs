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
// The element's fastest pace (its poll-interval floor).
const POLL = 'interval=2000';
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

/** Waits until the page's <stream-checkout> shows `value` (its `status`). */
const state = (page, value) => page.waitForFunction((v) => document.getElementById('pay')?.status === v, value, { timeout: 20_000 });
/** Text of the checkout element's part `name` (inside its shadow root). */
const part = (page, name) => page.evaluate((n) => document.getElementById('pay').shadowRoot.querySelector(`[part~="${n}"]`).textContent, name);
const shot = (page, name, options = {}) => page.screenshot({ path: join(shots, `${name}.png`), ...options });
const newPayment = (opts) => mock.state.createGatewayPayment({ amountUsd: '2.50', name: 'Test order', ...opts }).payment_id;

test('checkout: the page\'s <stream-checkout> shows the pending payment; "Simulate payment" completes it live', async () => {
  const id = mock.state.demoIds.pending;
  const { page, errors } = await openPage(`?${POLL}`);
  await state(page, 'pending');
  assert.deepEqual(await page.evaluate(() => {
    const el = document.getElementById('pay');
    return [el.localName, el.paymentId, el.pollInterval, el.payment.name];
  }), ['stream-checkout', id, 2000, 'Demo payment']);
  // 1.00 USD of STRM at 24 decimals, rounded UP to 5 digits (the gateway truncates to 0.16638,
  // which would underpay). tests/js/browser/checkout-amounts.test.mjs checks every coin.
  assert.equal(await part(page, 'amount'), '0.16639 STRM');
  assert.equal(await part(page, 'address'), mock.state.gatewayPayment(id).payment.addresses[0].address);
  assert.match(await part(page, 'timer'), /^Expires in \d+:\d\d$/);
  assert.equal(await page.evaluate(() => typeof window.startCheckout), 'undefined');
  await page.evaluate(() => { window.notReloaded = true; });
  await shot(page, 'checkout-pending');
  if (process.env.STREAM_DEMO_SCREENSHOT) await readmeScreenshot(page);

  const simulate = page.getByRole('button', { name: 'Simulate payment' });
  await simulate.focus();
  await page.keyboard.press('Enter'); // keyboard, as a person without a mouse would
  await state(page, 'completed');
  assert.equal(await page.textContent('#sim-result'), 'The mock marked the payment as paid.');
  assert.equal(await simulate.isDisabled(), true, 'nothing left to simulate');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  await shot(page, 'checkout-completed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: "Expire" expires the payment on the mock, and the checkout hides its address', async () => {
  const id = newPayment();
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await state(page, 'pending');
  await page.getByRole('button', { name: 'Expire' }).click();
  await state(page, 'expired');
  assert.equal(mock.state.gatewayPayment(id).payment.reason, 'expired');
  assert.equal(await page.evaluate(() => document.getElementById('pay').shadowRoot.querySelector('[part=address]').checkVisibility()), false);
  await shot(page, 'checkout-expired');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkout: the id picker and "New payment" switch the checkout to another payment', async () => {
  const { page, errors } = await openPage(`?payment=${newPayment()}&${POLL}`);
  await state(page, 'pending');
  await page.fill('#pick-id', 'UnknownPayment00000000');
  await page.getByRole('button', { name: 'Open' }).click();
  await state(page, 'error');
  assert.match(await part(page, 'error'), /NOT_FOUND \(HTTP 404\)/);
  assert.match(page.url(), /payment=UnknownPayment00000000/);
  await shot(page, 'checkout-not-found');
  await page.getByRole('button', { name: 'New payment' }).click();
  await state(page, 'pending');
  const id = await page.evaluate(() => document.getElementById('pay').paymentId);
  assert.equal(mock.state.gatewayPayment(id).payment.name, 'Demo order');
  assert.equal(await page.inputValue('#pick-id'), id);
  assert.deepEqual(httpErrorLogs(errors, 404), []);
  await page.close();
});

test('checkout: a 5xx streak keeps the payment on screen, says it is reconnecting, and recovers', async () => {
  const id = newPayment();
  const { page, errors } = await openPage(`?payment=${id}&${POLL}`);
  await state(page, 'pending');
  const rule = mock.state.addFault({ paymentId: id, status: 503, times: 1_000_000 });
  await page.evaluate(() => document.getElementById('pay').refresh());
  await page.waitForFunction(() => !document.getElementById('pay').shadowRoot.querySelector('.note').hidden);
  assert.equal(await page.evaluate(() => document.getElementById('pay').status), 'pending', 'not given up');
  await shot(page, 'checkout-server-error');
  mock.state.removeFault(rule);
  await page.evaluate(() => document.getElementById('pay').refresh());
  await page.waitForFunction(() => document.getElementById('pay').shadowRoot.querySelector('.note').hidden);
  assert.deepEqual(httpErrorLogs(errors, 503), []);
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
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator('#checkout').screenshot({ path });
  await page.setViewportSize({ width: 1000, height: 1200 });
}
