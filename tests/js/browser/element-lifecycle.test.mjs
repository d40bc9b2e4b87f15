// <stream-checkout>'s life in a page: bad attributes make no request, a new payment-id restarts
// cleanly, removal stops every timer and request (on Playwright's fake clock, so ten polling
// intervals pass at once), putting it back resumes, the countdown at zero only polls, two copies
// of the package on one page, properties set before the definition, `strings`, and the manifest
// (custom-elements.json) against what the element really has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { events, mount, openElementPage, openWithPayment, partText, startElementStack, unexpected, waitStatus } from '../../support/element-page.mjs';
import { until } from '../../support/page-wait.mjs';

let stack, mock;

before(async () => {
  stack = await startElementStack();
  ({ mock } = stack);
});

after(() => stack?.close());

const newPayment = (opts) => mock.state.createGatewayPayment({ amountUsd: '2.50', ...opts }).payment_id;
const gatewayRequests = () => mock.state.requests({ pathPrefix: '/api/v1/payment/' }).length;
/** The slowest pace of the element's schedule: the client's default `maxIntervalMs`. */
const MAX_INTERVAL_MS = 15_000;

/** Advances the page's fake clock by `ms`, a second at a time, letting each poll's answer land. */
async function advance(page, ms) {
  for (let done = 0; done < ms; done += 1000) {
    await page.clock.runFor(1000);
    // Real time (the page's timers are fake) for the poll that the step started to land.
    await new Promise((ok) => setTimeout(ok, 15));
  }
}

test('bad attributes: the error state and no request', { timeout: 60_000 }, async () => {
  const { page, errors } = await openElementPage(stack);
  const cases = [
    [{}, 'no payment-id'],
    [{ 'payment-id': '' }, 'an empty payment-id'],
    [{ 'payment-id': '../../admin' }, 'a path in the payment-id'],
    [{ 'payment-id': 'a b' }, 'a space in the payment-id'],
    [{ 'payment-id': 'x'.repeat(500) }, 'a payment-id far too long'],
    [{ 'payment-id': 'DemoPending000000000001', 'api-base': 'http://gateway.example' }, 'http: on a remote host'],
    [{ 'payment-id': 'DemoPending000000000001', 'api-base': 'ftp://127.0.0.1' }, 'not http(s)'],
    [{ 'payment-id': 'DemoPending000000000001', 'api-base': 'not a url' }, 'not a URL'],
  ];
  for (const [attributes, what] of cases) {
    const before = gatewayRequests();
    await mount(page, attributes);
    await waitStatus(page, 'error');
    const seen = await events(page);
    assert.deepEqual(seen.map((e) => [e.type, e.error?.code ?? e.status]), [['stream-status-change', 'error'], ['stream-error', 'INVALID_ARGUMENT']], what);
    assert.equal(gatewayRequests(), before, `${what}: no request`);
    assert.ok(await partText(page, 'retry'), `${what}: a Retry button`);
  }
  // A bad poll-interval falls back to the 2000 ms floor; a bad theme to auto.
  const pace = await page.evaluate(() => ['abc', '10', '-5', '5000', '1e99'].map((v) => {
    const el = document.createElement('stream-checkout');
    el.setAttribute('poll-interval', v);
    return el.pollInterval;
  }));
  assert.deepEqual(pace, [2000, 2000, 2000, 5000, 3_600_000]);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('a new payment-id restarts cleanly: no event from the old payment afterwards', { timeout: 60_000 }, async () => {
  const { page, errors } = await openElementPage(stack);
  const first = newPayment();
  const second = newPayment();
  await mount(page, { 'payment-id': first, 'api-base': mock.url });
  await waitStatus(page, 'pending');
  // The old payment's poll is held by the mock while the id changes; it must land unheard.
  mock.state.addFault({ paymentId: first, kind: 'delay', delayMs: 300 });
  await page.evaluate(() => document.getElementById('el').refresh());
  await until(() => mock.state.requests({ paymentId: first }).length === 2, 'the held poll');
  mock.state.completeGatewayPayment(first);
  await page.evaluate((id) => { window.events.length = 0; document.getElementById('el').paymentId = id; }, second);
  await waitStatus(page, 'pending');
  // No event can say "nothing came": the held answer (300 ms) has this long to be (wrongly) heard.
  await new Promise((ok) => setTimeout(ok, 400));
  const seen = await events(page);
  assert.deepEqual(seen.map((e) => [e.type, e.paymentId ?? '']), [
    ['stream-status-change', ''], ['stream-ready', second], ['stream-status-change', second],
  ]);
  assert.equal(seen[0].status, 'loading');
  assert.ok(!seen.some((e) => e.type === 'stream-paid'), 'the old payment\'s completion is not heard');
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('removal stops every timer and request for 10 polling intervals; putting it back resumes', { timeout: 120_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack, {}, { payment: { expiresInMs: 3_600_000 }, before: (p) => p.clock.install() });
  const polls = () => mock.state.requests({ paymentId: id }).length;
  const start = polls();
  await advance(page, 2 * MAX_INTERVAL_MS);
  assert.ok(polls() >= start + 2, `it polls while connected (${polls() - start} polls)`);

  await page.evaluate(() => { window.removed = document.getElementById('el'); window.removed.remove(); });
  const atRemoval = polls();
  await advance(page, 10 * MAX_INTERVAL_MS);
  assert.equal(polls(), atRemoval, 'no request in 10 polling intervals after removal');
  const timerText = () => page.evaluate(() => window.removed.shadowRoot.querySelector('[part=timer]').textContent);
  const frozen = await timerText();
  await advance(page, 3000);
  assert.equal(await timerText(), frozen, 'the countdown stopped too');

  await page.evaluate(() => document.getElementById('host').append(window.removed));
  await until(() => polls() > atRemoval, 'a poll once it is back');
  await advance(page, 2 * MAX_INTERVAL_MS);
  assert.ok(polls() >= atRemoval + 2, 'polling resumed');
  assert.notEqual(await timerText(), frozen, 'the countdown resumed');
  assert.deepEqual((await events(page)).map((e) => e.type), ['stream-ready', 'stream-status-change'], 'no event repeats on re-insertion');
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('the countdown at zero polls once more, and only the gateway\'s answer makes it expired', { timeout: 120_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack, {}, { payment: { expiresInMs: 6 * 60_000, autoExpire: false }, before: (p) => p.clock.install() });
  const live = () => page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[role=status]').textContent.trim());
  await advance(page, 61_000);
  assert.equal(await live(), '5 minutes left');
  await advance(page, 4 * 60_000);
  assert.equal(await live(), '1 minute left');
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[part=timer]').getAttribute('aria-live')), 'off');
  // Past zero the device's clock says expired, the gateway still says pending: pending it stays.
  const before = mock.state.requests({ paymentId: id }).length;
  await advance(page, 62_000);
  assert.equal(await partText(page, 'timer'), 'Time is up: checking with the gateway…');
  assert.ok(mock.state.requests({ paymentId: id }).length > before, 'it polled at zero');
  assert.equal(await page.evaluate(() => document.getElementById('el').status), 'pending');
  mock.state.expireGatewayPayment(id);
  await advance(page, 2 * MAX_INTERVAL_MS);
  await waitStatus(page, 'expired');
  assert.equal(await live(), 'Payment expired');
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('two copies of the package on one page: neither throws, the first definition stays', { timeout: 60_000 }, async () => {
  const page = await stack.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${stack.server.url}/two-copies.html`);
  const loaded = await page.evaluate(() => window.loaded);
  assert.deepEqual(loaded, [{ defines: true }, { defines: false }]);
  const id = newPayment();
  await page.evaluate(([id, api]) => {
    const el = Object.assign(document.createElement('stream-checkout'), { id: 'el', apiBase: api, paymentId: id });
    document.querySelector('main').append(el);
  }, [id, mock.url]);
  await waitStatus(page, 'pending');
  assert.deepEqual(errors, []);
  await page.close();
});

test('properties set before the definition are kept; strings override any text; lang and dir', { timeout: 60_000 }, async () => {
  const page = await stack.browser.context.newPage();
  await page.goto(`${stack.server.url}/index.html?defer`);
  const id = newPayment();
  // The element exists (not yet defined) with properties set; then the module defines it.
  await page.evaluate(([id, api]) => {
    const el = document.createElement('stream-checkout');
    el.id = 'el';
    Object.assign(el, { paymentId: id, apiBase: api, coin: 'NEAR', strings: { copyAddress: 'Copy the {token} address', pending: 'Pay now' } });
    document.getElementById('host').append(el);
  }, [id, mock.url]);
  await page.evaluate(() => window.defineNow());
  await page.waitForFunction(() => window.pageReady === true);
  await waitStatus(page, 'pending');
  assert.equal(await partText(page, 'copy-address'), 'Copy the NEAR address');
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('h2').textContent), 'Pay now');
  assert.equal(await page.evaluate(() => document.getElementById('el').getAttribute('payment-id')), id, 'reflected to the attribute');
  const dirs = await page.evaluate(() => {
    const el = document.getElementById('el');
    const base = () => el.shadowRoot.querySelector('[part=base]');
    const out = [];
    el.lang = 'ar';
    out.push([base().lang, base().dir]);
    el.dir = 'ltr';
    out.push([base().lang, base().dir]);
    el.removeAttribute('dir');
    el.removeAttribute('lang');
    out.push([base().lang, base().dir]);
    return out;
  });
  assert.deepEqual(dirs, [['ar', 'rtl'], ['ar', 'ltr'], ['en', 'ltr']]);
  await page.close();
});

test('custom-elements.json names what the element really has', { timeout: 60_000 }, async () => {
  const dir = join(process.env.STREAM_SCRATCH, 'node_modules/stream-payments');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(dir, pkg.customElements), 'utf8'));
  const [declaration] = manifest.modules[0].declarations;
  assert.equal(declaration.tagName, 'stream-checkout');
  const { page } = await openElementPage(stack);
  const id = newPayment();
  await mount(page, { 'payment-id': id, 'api-base': mock.url });
  await waitStatus(page, 'pending');
  const real = await page.evaluate(() => {
    const el = document.getElementById('el');
    const root = el.shadowRoot;
    return {
      attributes: el.constructor.observedAttributes,
      parts: [...new Set([...root.querySelectorAll('[part]')].map((e) => e.getAttribute('part')))],
      slots: [...root.querySelectorAll('slot')].map((s) => s.name),
      css: [...root.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n'),
      inlineStyle: root.querySelectorAll('style, [style]').length,
    };
  });
  const sorted = (list) => [...list].sort();
  assert.deepEqual(sorted(declaration.attributes.map((a) => a.name)), sorted(real.attributes));
  assert.deepEqual(sorted(declaration.cssParts.map((p) => p.name)), sorted(real.parts));
  assert.deepEqual(sorted(declaration.slots.map((s) => s.name)), sorted(real.slots));
  for (const { name } of declaration.cssProperties) assert.ok(real.css.includes(`var(${name}`), `${name} is used`);
  assert.equal(real.inlineStyle, 0, 'no <style> element or style attribute');
  const fired = readFileSync(join(dir, 'element/index.js'), 'utf8');
  for (const { name } of declaration.events) assert.ok(fired.includes(`"${name}"`), `${name} is fired`);
  await page.close();
});
