// <stream-checkout> by keyboard alone (every control reachable and named, copy with Enter, coins
// with the arrow keys, Retry), focus moved only when the focused control disappears, the axe
// audit seeing inside the element (a bad colour override is caught), and the page served with
// the strict Content-Security-Policy of issue 17.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, mount, openElementPage, openWithPayment, startCspFront, startElementStack, unexpected, waitStatus } from '../../support/element-page.mjs';
import { watchErrors } from '../../support/chromium.mjs';

const AXE = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
let stack, mock;

before(async () => {
  stack = await startElementStack();
  ({ mock } = stack);
});

after(() => stack?.close());

const newPayment = () => mock.state.createGatewayPayment({ amountUsd: '2.50' }).payment_id;
/** The focused control inside the element: its role-ish tag, part and accessible text. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement?.shadowRoot?.activeElement;
  if (!el) return document.activeElement?.tagName ?? null;
  const name = el.labels?.[0]?.textContent ?? el.textContent;
  return `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} ${el.getAttribute('part') ?? ''} ${name}`.replace(/\s+/g, ' ').trim();
});

test('keyboard only: every control reachable in order and named; Enter copies; arrows pick a coin', { timeout: 60_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack);
  const wire = mock.state.gatewayPayment(id).payment;
  await page.evaluate(() => document.body.focus());
  const order = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused(page));
  }
  assert.deepEqual(order, [
    'input[radio] STRM 0.41598',
    'button[button] copy-amount Copy exact STRM amount',
    'button[button] copy-address Copy STRM deposit address',
    'BODY',
  ]);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.events.some((e) => e.type === 'stream-copy'));
  const copy = (await events(page)).find((e) => e.type === 'stream-copy');
  assert.deepEqual([copy.what, copy.text], ['address', wire.addresses[0].address]);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), wire.addresses[0].address);
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[role=status]').textContent), 'Copied');

  // Back to the coins: arrow keys move the choice, as in any radio group.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'input[radio] NEAR 0.76924');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'button[button] copy-amount Copy exact NEAR amount');
  const names = await page.locator('#el').getByRole('button').allTextContents();
  assert.deepEqual(names, ['Copy exact NEAR amount', 'Copy NEAR deposit address']);
  assert.equal(await page.locator('#el').getByRole('img', { name: 'QR code of the NEAR deposit address' }).count(), 1);
  assert.equal(await page.locator('#el').getByRole('timer').count(), 1);
  assert.equal(await page.locator('#el').getByRole('status').count(), 1);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('focus moves only when the focused control disappears: payment received while on Copy', { timeout: 60_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack);
  await page.locator('#el').getByRole('button', { name: 'Copy STRM deposit address' }).focus();
  // A change that keeps the button (another language) leaves focus where it is.
  await page.evaluate(() => { document.getElementById('el').strings = { pendingDetail: 'Still waiting.' }; });
  assert.equal(await focused(page), 'button[button] copy-address Copy STRM deposit address');
  mock.state.completeGatewayPayment(id);
  await page.evaluate(() => document.getElementById('el').refresh());
  await waitStatus(page, 'completed');
  assert.match(await focused(page), /^div status Payment received/);
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[role=status]').textContent), 'Payment received');

  // Error state: Retry is reachable and works from the keyboard.
  await mount(page, { 'payment-id': 'NoSuchPayment000000003', 'api-base': mock.url });
  await waitStatus(page, 'error');
  await page.evaluate(() => document.body.focus());
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'button[button] retry Retry');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'stream-error').length === 2);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('the axe audit sees inside the element: a page\'s low-contrast override is a violation', { timeout: 60_000 }, async () => {
  const { page } = await openElementPage(stack);
  await mount(page, { 'payment-id': newPayment(), 'api-base': mock.url, theme: 'light' });
  await waitStatus(page, 'pending');
  await page.addScriptTag({ path: AXE });
  const audit = () => page.evaluate(async () => (await window.axe.run(document, { runOnly: ['color-contrast'] })).violations.length);
  assert.equal(await audit(), 0);
  await page.evaluate(() => document.getElementById('el').style.setProperty('--stream-color-text', '#d0d0d0'));
  assert.ok((await audit()) > 0, 'grey on white is caught inside the shadow root');
  await page.close();
});

test('a page with a strict CSP (no inline script or style, wasm-unsafe-eval) runs it unchanged', { timeout: 60_000 }, async () => {
  const page = await stack.browser.context.newPage();
  const errors = watchErrors(page);
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${mock.url}`;
  // Served by a real server (a page fulfilled by Playwright may not reach 127.0.0.1 at all).
  const front = await startCspFront(stack, csp);
  const id = newPayment();
  await page.goto(`${front.url}/csp.html?api=${encodeURIComponent(mock.url)}&payment=${id}`);
  await waitStatus(page, 'pending');
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelectorAll('svg path').length), 1, 'the QR code is drawn');
  mock.state.completeGatewayPayment(id);
  await page.evaluate(() => document.getElementById('el').refresh());
  await waitStatus(page, 'completed');
  assert.deepEqual(await page.evaluate(() => window.events), ['stream-ready', 'stream-paid']);
  // The policy is really in force: an inline style is refused (and reported as an error).
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{color:red}' })));
  await page.waitForFunction(() => getComputedStyle(document.body).color !== 'rgb(255, 0, 0)');
  // The page has no favicon (a 404); nothing else may fail but the test's own inline style.
  const refused = errors.filter((e) => !e.includes('status of 404'));
  assert.equal(refused.length, 1, refused.join('\n'));
  assert.match(refused[0], /inline style violates the following Content Security Policy directive 'style-src 'self''/);
  await page.close();
  await front.close();
});

test('theme: auto (the default) follows prefers-color-scheme; light and dark are fixed; the QR stays black on white', { timeout: 60_000 }, async () => {
  const { page } = await openWithPayment(stack);
  const colours = () => page.evaluate(() => {
    const root = document.getElementById('el').shadowRoot;
    const qr = root.querySelector('[part=qr] svg');
    return [getComputedStyle(root.querySelector('[part=base]')).backgroundColor,
      qr.querySelector('rect').getAttribute('fill'), qr.querySelector('path').getAttribute('fill')];
  });
  const LIGHT = 'rgb(255, 255, 255)';
  const DARK = 'rgb(22, 24, 29)';
  const seen = [];
  for (const [scheme, theme] of [['light', null], ['dark', null], ['dark', 'light'], ['light', 'dark'], ['dark', 'auto']]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((t) => { document.getElementById('el').theme = t; }, theme);
    seen.push(await colours());
  }
  assert.deepEqual(seen.map(([base]) => base), [LIGHT, DARK, LIGHT, DARK, DARK]);
  assert.ok(seen.every(([, back, modules]) => back === '#fff' && modules === '#000'));
  await page.close();
});
