// The demo checkout never asks a payer for too little: for every coin of the documented example
// (the gateway fixture, served by the mock as pending) and of random payments from the mock, the
// amount the page asks for is >= the amount due, compared exactly as BigInt smallest units, and
// "Copy exact amount" copies the exact amount in full. Everything here is computed from the wire
// objects with BigInt, independently of the package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from '../../support/chromium.mjs';
import { startDemoStack } from '../../support/stacks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// The documented example, as the repository keeps it (the mock serves the same file).
const FIXTURE_FILE = join(root, 'pkg/mock/fixtures/gateway-payment-completed.json');
const FIXTURE_ID = 'LqaUrQimtgTe9iF3Knv8Ld';
/** Decimals per token, from the API docs: STRM and NEAR 24; the fixture's (and the mock's) USDC has 1.00 = 10^17 units. */
const DECIMALS = { STRM: 24, NEAR: 24, USDC: 17 };
const PENDING = { pendingMs: 600_000 };

let stack, mock, site, browser;

before(async () => {
  stack = await startDemoStack({ paymentCount: 10 });
  ({ mock, server: site, browser } = stack);
});

after(() => stack?.close());

/** "1,234.5678" at `decimals` -> smallest units as a BigInt (exact; fails on more digits than decimals). */
function toUnits(text, decimals) {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(text);
  assert.ok(m, `an amount: ${JSON.stringify(text)}`);
  const frac = m[2] ?? '';
  assert.ok(frac.length <= decimals, `${text} has at most ${decimals} fraction digits`);
  return BigInt(m[1].replaceAll(',', '') + frac.padEnd(decimals, '0'));
}

/**
 * Opens the checkout of `id` and checks every coin the page offers against `coins` (the wire
 * objects). navigator.clipboard is replaced by a recorder, so the copied text can be read back.
 */
async function checkCoins(id, coins) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.copied = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t) => { window.copied.push(t); } } });
  });
  // The fixture's coin icons live on the real gateway; this machine is offline.
  await page.route('https://pay.streampayments.app/**', (r) => r.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }));
  await page.goto(`${site.url}/?payment=${encodeURIComponent(id)}&interval=60000`);
  await page.waitForSelector('#pay-status[data-state="pending"]');
  const listed = await page.$$eval('.coin-amount', (els) => els.map((e) => e.textContent));
  assert.equal(listed.length, coins.length, `${id}: one entry per coin`);
  const seen = [];
  for (const [i, coin] of coins.entries()) {
    const decimals = DECIMALS[coin.token];
    assert.ok(decimals, `known decimals for ${coin.token}`);
    const due = BigInt(coin.amount);
    await page.check(`input[name="coin"][value="${i}"]`);
    const send = await page.textContent('#pay-send');
    const [shownText, token] = send.split(' ');
    assert.equal(token, coin.token);
    const shown = toUnits(shownText, decimals);
    assert.ok(shown >= due, `${id} ${coin.token}: asks ${shownText} (${shown}) >= due ${due}`);
    assert.ok(toUnits(listed[i], decimals) >= due, `${id} ${coin.token}: the list shows ${listed[i]} >= due`);
    assert.equal(listed[i], shownText, 'the list and the deposit box agree');
    // Rounded up by less than one unit of the last digit shown.
    const step = 10n ** BigInt(decimals - (shownText.split('.')[1]?.length ?? 0));
    assert.ok(shown - due < step, `${id} ${coin.token}: ${shownText} is the least such amount at its digits`);

    // The page says which is which, and the copy button copies the exact amount in full.
    const label = await page.textContent('#pay-send-label');
    if (shown > due) {
      assert.equal(label, 'Send at least');
      assert.match(await page.textContent('#pay-exact'), /Rounded up .* Exact amount due: /);
      assert.equal(toUnits(await page.textContent('#pay-exact-amount'), decimals), due);
    } else {
      assert.equal(label, 'Send exactly');
    }
    await page.click('#pay-copy-amount');
    const copied = await page.waitForFunction((n) => window.copied.length === n && window.copied.at(-1), i + 1);
    const copiedText = await copied.jsonValue();
    assert.doesNotMatch(copiedText, /,/, 'no grouping in the copied amount');
    assert.equal(toUnits(copiedText, decimals), due, `${id} ${coin.token}: copied ${copiedText} is exactly ${due}`);
    assert.equal(await page.textContent('#pay-copied'), 'Copied the exact amount.');
    seen.push({ token: coin.token, shownText, roundedUp: shown > due });
  }
  assert.deepEqual(errors, []);
  await page.close();
  return seen;
}

test('the documented example: every coin asked for is >= its amount, and the exact amount is copied', { timeout: 60_000 }, async () => {
  const fixture = JSON.parse(readFileSync(FIXTURE_FILE, 'utf8'));
  assert.equal(fixture.payment_id, FIXTURE_ID);
  // The fixture is a completed payment; served as pending (the page only offers coins then).
  const expiry = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, '+00:00');
  mock.state.addFault({ paymentId: FIXTURE_ID, kind: 'patch', patch: { status: 'pending', expiry_at: expiry }, times: Infinity });
  const seen = await checkCoins(FIXTURE_ID, fixture.addresses);
  // The gateway's own displayAmount, 0.16638, would underpay; the page asks for 0.16639.
  assert.deepEqual(seen, [
    { token: 'NEAR', shownText: '0.16639', roundedUp: true },
    { token: 'USDC', shownText: '1.00', roundedUp: false },
  ]);
  mock.state.clearFaults();
});

test('random payments from the mock: every coin asked for is >= its amount', { timeout: 180_000 }, async () => {
  // Fiat-priced payments as the mock's bulk generator makes them, and raw STRM amounts with
  // every digit random (seeded, so a failure reproduces).
  const ids = mock.state.createGatewayPayments(4, { pendingMs: [600_000, 600_000], seed: 11 });
  let x = 0x2545f491n;
  const next = () => (x = (x * 6364136223846793005n + 1442695040888963407n) % (1n << 64n));
  for (let i = 0; i < 4; i++) {
    const strmUnits = (next() * next()) % 10n ** BigInt(20 + i * 2) + 1n;
    ids.push(mock.state.createGatewayPayment({ strmUnits: strmUnits.toString(), lifecycle: PENDING }).payment_id);
  }
  let roundedUp = 0;
  for (const id of ids) {
    const { payment } = mock.state.gatewayPayment(id);
    assert.equal(payment.status, 'pending');
    const seen = await checkCoins(id, payment.addresses);
    roundedUp += seen.filter((s) => s.roundedUp).length;
  }
  assert.ok(roundedUp >= ids.length, `most 24-decimal amounts need rounding up (${roundedUp} did)`);
});
