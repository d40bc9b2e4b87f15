// <stream-checkout> (stream-payments/element, installed from the tarball, no bundler) in headless
// Chromium against the mock: every state in light, dark and Arabic with a screenshot each (under
// tests/out/screenshots/element/, not committed), what each state shows and hides, and each event
// fired exactly once where it should be. Each state also passes an axe-core audit (WCAG 2.2 A/AA
// rules, colour contrast included) with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, mount, openElementPage, openWithPayment, partText, shotsDir, startElementStack, unexpected, waitStatus } from '../../support/element-page.mjs';
import { until } from '../../support/page-wait.mjs';

let stack, mock;

before(async () => {
  stack = await startElementStack();
  ({ mock } = stack);
});

after(() => stack?.close());

const VARIANTS = [
  { name: 'light', attributes: { theme: 'light' }, documentLang: 'en' },
  { name: 'dark', attributes: { theme: 'dark' }, documentLang: 'en' },
  { name: 'ar', attributes: { theme: 'light' }, documentLang: 'ar' },
];
const newPayment = (opts) => mock.state.createGatewayPayment({ amountUsd: '2.50', name: 'Test order', ...opts }).payment_id;
const polls = (id) => mock.state.requests({ paymentId: id, method: 'GET' }).length;
const refresh = (page) => page.evaluate(() => document.getElementById('el').refresh());
const AXE = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

/** Screenshot of the element in `state`, then an axe audit of the page: no violation. */
async function shot(page, state, variant) {
  await page.locator('#el').screenshot({ path: join(shotsDir, `${state}-${variant}.png`) });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`);
  });
  assert.deepEqual(violations, [], `axe in ${state} (${variant})`);
}
/** Which parts are visible, by name. */
const visibleParts = (page) => page.evaluate(() => [...document.getElementById('el').shadowRoot.querySelectorAll('[part]')]
  .filter((e) => e.checkVisibility()).map((e) => e.getAttribute('part')));
const title = (page) => page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('h2').textContent);
const ALWAYS = ['base', 'status'];
const PAYING = ['base', 'status', 'timer', 'coins', 'qr', 'amount', 'exact-amount', 'copy-amount', 'address', 'copy-address'];

for (const variant of VARIANTS) {
  test(`every state, ${variant.name}: loading, pending, reconnecting, completed, expired, not_found, error`, { timeout: 120_000 }, async () => {
    const { page, errors } = await openElementPage(stack);
    await page.setViewportSize({ width: 720, height: 900 });
    const ar = variant.name === 'ar';
    const show = (attrs) => mount(page, { 'api-base': mock.url, ...variant.attributes, ...attrs }, variant);

    // loading: the first poll is held by the mock.
    const slow = newPayment();
    mock.state.addFault({ paymentId: slow, kind: 'stall', stallMs: 30_000 });
    await show({ 'payment-id': slow });
    await until(() => polls(slow) === 1, 'the first poll');
    assert.equal(await page.evaluate(() => document.getElementById('el').status), 'loading');
    assert.equal(await title(page), ar ? 'جارٍ تحميل الدفعة…' : 'Loading the payment…');
    assert.deepEqual(await visibleParts(page), ALWAYS);
    await shot(page, 'loading', variant.name);

    // pending
    const id = newPayment();
    await show({ 'payment-id': id });
    await waitStatus(page, 'pending');
    const wire = mock.state.gatewayPayment(id).payment;
    assert.deepEqual(await visibleParts(page), PAYING);
    assert.equal(await partText(page, 'address'), wire.addresses[0].address);
    assert.equal(await partText(page, 'amount'), '0.41598 STRM');
    assert.match(await partText(page, 'timer'), ar ? /^تنتهي الصلاحية خلال \d+:\d\d$/ : /^Expires in \d+:\d\d$/);
    const layout = await page.evaluate(() => {
      const base = document.getElementById('el').shadowRoot.querySelector('[part=base]');
      const bdis = [...base.querySelectorAll('bdi')];
      return { dir: base.dir, lang: base.lang, ltr: bdis.every((b) => b.dir === 'ltr'), computed: getComputedStyle(base).direction };
    });
    assert.deepEqual(layout, { dir: ar ? 'rtl' : 'ltr', lang: variant.documentLang, ltr: true, computed: ar ? 'rtl' : 'ltr' });
    await shot(page, 'pending', variant.name);

    // reconnecting: 5xx answers keep the payment on screen and polling on.
    const fault = mock.state.addFault({ paymentId: id, kind: 'status', status: 503, times: Infinity });
    await refresh(page);
    await page.waitForFunction(() => document.getElementById('el').error?.code === 'SERVER');
    assert.equal(await page.evaluate(() => document.getElementById('el').status), 'pending');
    assert.deepEqual(await visibleParts(page), PAYING, 'the last payment stays on screen');
    assert.match(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('.note').textContent),
      ar ? /^جارٍ إعادة الاتصال/ : /^Reconnecting/);
    await shot(page, 'reconnecting', variant.name);
    mock.state.removeFault(fault);
    await refresh(page);
    await page.waitForFunction(() => document.getElementById('el').shadowRoot.querySelector('.note').hidden);

    // completed
    mock.state.completeGatewayPayment(id);
    await refresh(page);
    await waitStatus(page, 'completed');
    assert.deepEqual(await visibleParts(page), ALWAYS);
    assert.equal(await title(page), ar ? 'تم استلام الدفعة' : 'Payment received');
    assert.equal(await page.locator('#el').getByText(ar ? 'شكرًا لك' : 'Thank you').count(), 1, 'the paid slot\'s default');
    await shot(page, 'completed', variant.name);

    // expired: the gateway's not_found with reason "expired"
    const late = newPayment();
    await show({ 'payment-id': late });
    await waitStatus(page, 'pending');
    mock.state.expireGatewayPayment(late);
    await refresh(page);
    await waitStatus(page, 'expired');
    assert.deepEqual(await visibleParts(page), ALWAYS, 'no address, QR or copy button for an expired payment');
    await shot(page, 'expired', variant.name);

    // not_found: the gateway answers not_found with no reason
    const gone = newPayment();
    mock.state.forgetGatewayPayment(gone);
    await show({ 'payment-id': gone });
    await waitStatus(page, 'not_found');
    assert.deepEqual(await visibleParts(page), ALWAYS);
    await shot(page, 'not_found', variant.name);

    // error: an id the gateway does not know (HTTP 404)
    await show({ 'payment-id': 'NoSuchPayment000000001' });
    await waitStatus(page, 'error');
    assert.deepEqual(await visibleParts(page), [...ALWAYS, 'error', 'retry']);
    assert.match(await partText(page, 'error'), /NOT_FOUND \(HTTP 404\)/);
    assert.equal(await partText(page, 'retry'), ar ? 'إعادة المحاولة' : 'Retry');
    await shot(page, 'error', variant.name);

    assert.deepEqual(unexpected(errors), []);
    mock.state.clearFaults();
    await page.close();
  });
}

test('events: each fired once where it should be, bubbling and composed; paid stops polling', { timeout: 60_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack);
  mock.state.completeGatewayPayment(id);
  await refresh(page);
  await waitStatus(page, 'completed');
  const settled = polls(id);
  // Settled: refresh() and more time poll no more, and nothing fires again.
  await refresh(page);
  await refresh(page);
  const list = await events(page);
  const summary = list.map((e) => [e.type, e.previous ?? '', e.status ?? e.paymentStatus ?? '']);
  assert.deepEqual(summary, [
    ['stream-ready', '', 'pending'],
    ['stream-status-change', 'loading', 'pending'],
    ['stream-status-change', 'pending', 'completed'],
    ['stream-paid', '', 'completed'],
  ]);
  assert.ok(list.every((e) => e.bubbles && e.composed && e.id === 'el' && e.paymentId === id));
  assert.equal(polls(id), settled, 'no poll after completion');

  // The expired payment: stream-expired once; a forgotten one too; an error: stream-error once.
  const late = newPayment();
  await mount(page, { 'payment-id': late, 'api-base': mock.url });
  await waitStatus(page, 'pending');
  mock.state.expireGatewayPayment(late);
  await refresh(page);
  await waitStatus(page, 'expired');
  await refresh(page);
  assert.deepEqual((await events(page)).map((e) => e.type),
    ['stream-ready', 'stream-status-change', 'stream-status-change', 'stream-expired']);

  await mount(page, { 'payment-id': 'NoSuchPayment000000002', 'api-base': mock.url });
  await waitStatus(page, 'error');
  const failed = await events(page);
  assert.deepEqual(failed.map((e) => [e.type, e.status ?? e.error?.code]), [['stream-status-change', 'error'], ['stream-error', 'NOT_FOUND']]);
  assert.deepEqual(failed[1].error, { name: 'StreamError', code: 'NOT_FOUND', status: 404, isError: true });

  // Retry polls again (and fails again, once more).
  await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[part=retry]').click());
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'stream-error').length === 2);
  assert.deepEqual((await events(page)).slice(2).map((e) => [e.type, e.status ?? e.error?.code]),
    [['stream-status-change', 'loading'], ['stream-status-change', 'error'], ['stream-error', 'NOT_FOUND']]);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('a 5xx streak: stream-error once for the streak, the payment stays, and polling goes on to completion', { timeout: 60_000 }, async () => {
  const { page, errors, id } = await openWithPayment(stack);
  const fault = mock.state.addFault({ paymentId: id, kind: 'status', status: 500, times: Infinity });
  const before = polls(id);
  // Three refreshes during the streak: each a new wait, the streak one and the same.
  for (let i = 1; i <= 3; i++) {
    await refresh(page);
    await until(() => polls(id) >= before + i, `failed poll ${i}`);
    await page.waitForFunction(() => !document.getElementById('el').shadowRoot.querySelector('.note').hidden);
  }
  mock.state.removeFault(fault);
  mock.state.completeGatewayPayment(id);
  await refresh(page);
  await waitStatus(page, 'completed');
  const list = (await events(page)).map((e) => [e.type, e.error?.code ?? e.status ?? '']);
  assert.deepEqual(list, [
    ['stream-ready', ''], ['stream-status-change', 'pending'], ['stream-error', 'SERVER'],
    ['stream-status-change', 'completed'], ['stream-paid', ''],
  ]);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('coins: the coin attribute is shown first; picking another fires stream-coin-change and shows its amount', async () => {
  const { page, errors, id } = await openWithPayment(stack, { coin: 'usdc' });
  assert.equal(await partText(page, 'amount'), '2.50 USDC');
  assert.equal(await partText(page, 'copy-address'), 'Copy USDC deposit address');
  await page.locator('#el').getByRole('radio', { name: /NEAR/ }).check();
  assert.equal(await partText(page, 'amount'), '0.76924 NEAR');
  assert.deepEqual((await events(page)).filter((e) => e.type === 'stream-coin-change').map((e) => e.token), ['NEAR']);
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});
