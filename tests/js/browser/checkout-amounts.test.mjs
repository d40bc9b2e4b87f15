// <stream-checkout> never asks a payer for too little: for every coin of the documented example
// (the gateway fixture, served by the mock as pending) and of 200 random mock payments, the amount
// the element shows is >= the amount due and the least such amount at its digits, and "Copy exact
// amount" copies exactly the amount due (plain digits and `.`), compared as BigInt smallest units.
// Everything here is computed from the wire objects with BigInt, independently of the package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mount, openElementPage, startElementStack, unexpected, waitStatus } from '../../support/element-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// The documented example, as the repository keeps it (the mock serves the same file).
const FIXTURE_FILE = join(root, 'pkg/mock/fixtures/gateway-payment-completed.json');
const FIXTURE_ID = 'LqaUrQimtgTe9iF3Knv8Ld';
/** Decimals per token, from the API docs: STRM and NEAR 24; the fixture's (and the mock's) USDC has 1.00 = 10^17 units. */
const DECIMALS = { STRM: 24, NEAR: 24, USDC: 17 };
const PENDING = { pendingMs: 3_600_000 };

let stack, mock, page, errors;

before(async () => {
  stack = await startElementStack();
  ({ mock } = stack);
  ({ page, errors } = await openElementPage(stack));
  await mount(page, { 'api-base': mock.url, 'payment-id': 'DemoPending000000000001' });
  await waitStatus(page, 'pending');
});

after(async () => {
  await page?.close();
  await stack?.close();
});

/** "1,234.5678" at `decimals` -> smallest units as a BigInt (exact; fails on more digits than decimals). */
function toUnits(text, decimals) {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(text);
  assert.ok(m, `an amount: ${JSON.stringify(text)}`);
  const frac = m[2] ?? '';
  assert.ok(frac.length <= decimals, `${text} has at most ${decimals} fraction digits`);
  return BigInt(m[1].replaceAll(',', '') + frac.padEnd(decimals, '0'));
}

/**
 * Shows payment `id` in the element and, coin by coin, picks it (clicking its radio), reads the
 * amount shown, the list entry and the label, and presses "Copy exact amount".
 */
function readCoins(id) {
  return page.evaluate(async (id) => {
    const el = document.getElementById('el');
    el.paymentId = id;
    await new Promise((ok, fail) => {
      const shown = () => el.payment?.paymentId === id && el.status === 'pending';
      el.addEventListener('stream-ready', function ready() { if (shown()) { el.removeEventListener('stream-ready', ready); ok(); } });
      setTimeout(() => fail(new Error(`${id} not shown as pending (${el.status})`)), 10_000);
    });
    const root = el.shadowRoot;
    const part = (name) => root.querySelector(`[part~="${name}"]`);
    const out = [];
    for (const radio of root.querySelectorAll('[part=coins] input')) {
      radio.click();
      const copied = new Promise((ok) => el.addEventListener('stream-copy', (e) => ok(e.detail), { once: true }));
      part('copy-amount').click();
      const { what, text } = await copied;
      out.push({
        token: radio.value,
        listed: radio.parentElement.querySelector('bdi').textContent,
        shown: part('amount').textContent,
        label: part('amount').previousElementSibling.textContent,
        exactShown: part('exact-amount').checkVisibility() ? part('exact-amount').querySelector('bdi').textContent : null,
        what,
        copied: text,
        clipboard: await navigator.clipboard.readText(),
      });
    }
    return out;
  }, id);
}

/** Checks what the element showed and copied for each coin against the wire objects. */
async function checkCoins(id, coins) {
  const read = await readCoins(id);
  assert.deepEqual(read.map((r) => r.token), coins.map((c) => c.token), `${id}: one entry per coin, in order`);
  return read.map((r, i) => {
    const decimals = DECIMALS[r.token];
    assert.ok(decimals, `known decimals for ${r.token}`);
    const due = BigInt(coins[i].amount);
    const [shownText, token] = r.shown.split(' ');
    assert.equal(token, r.token);
    const shown = toUnits(shownText, decimals);
    assert.ok(shown >= due, `${id} ${token}: asks ${shownText} (${shown}) >= due ${due}`);
    assert.equal(r.listed, shownText, 'the coin list and the amount agree');
    // Rounded up by less than one unit of the last digit shown.
    const step = 10n ** BigInt(decimals - (shownText.split('.')[1]?.length ?? 0));
    assert.ok(shown - due < step, `${id} ${token}: ${shownText} is the least such amount at its digits`);
    assert.equal(r.label, shown > due ? 'Send at least' : 'Send exactly');
    if (shown > due) assert.equal(toUnits(r.exactShown, decimals), due, 'the exact amount is on screen too');
    assert.equal(r.what, 'amount');
    assert.match(r.copied, /^\d+(\.\d+)?$/, 'plain ASCII digits and "."');
    assert.equal(toUnits(r.copied, decimals), due, `${id} ${token}: copied ${r.copied} is exactly ${due}`);
    assert.equal(r.clipboard, r.copied, 'the clipboard holds what the event says');
    return { token, shownText, roundedUp: shown > due };
  });
}

test('the documented example: every coin asked for is >= its amount, and the exact amount is copied', { timeout: 60_000 }, async () => {
  const fixture = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8'));
  assert.equal(fixture.payment_id, FIXTURE_ID);
  // The fixture is a completed payment; served as pending (the element only offers coins then).
  const expiry = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, '+00:00');
  mock.state.addFault({ paymentId: FIXTURE_ID, kind: 'patch', patch: { status: 'pending', expiry_at: expiry }, times: Infinity });
  const seen = await checkCoins(FIXTURE_ID, fixture.addresses);
  // The gateway's own displayAmount, 0.16638, would underpay; the element asks for 0.16639.
  assert.deepEqual(seen, [
    { token: 'NEAR', shownText: '0.16639', roundedUp: true },
    { token: 'USDC', shownText: '1.00', roundedUp: false },
  ]);
  mock.state.clearFaults();
  assert.deepEqual(unexpected(errors), []);
});

test('200 random mock payments: every coin asked for is >= its amount, every copy exact', { timeout: 300_000 }, async () => {
  // 100 fiat-priced payments as the mock's bulk generator makes them, and 100 raw STRM amounts
  // with every digit random (seeded, so a failure reproduces).
  const ids = mock.state.createGatewayPayments(100, { pendingMs: [3_600_000, 3_600_000], seed: 11 });
  let x = 0x2545f491n;
  const next = () => (x = (x * 6364136223846793005n + 1442695040888963407n) % (1n << 64n));
  for (let i = 0; i < 100; i++) {
    const strmUnits = (next() * next()) % 10n ** BigInt(18 + (i % 12)) + 1n;
    ids.push(mock.state.createGatewayPayment({ strmUnits: strmUnits.toString(), lifecycle: PENDING }).payment_id);
  }
  let roundedUp = 0;
  for (const id of ids) {
    const { payment } = mock.state.gatewayPayment(id);
    assert.equal(payment.status, 'pending');
    roundedUp += (await checkCoins(id, payment.addresses)).filter((s) => s.roundedUp).length;
  }
  assert.ok(roundedUp >= ids.length, `most 24-decimal amounts need rounding up (${roundedUp} did)`);
  assert.deepEqual(unexpected(errors), []);
});
