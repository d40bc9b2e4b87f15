// The gateway's answers keep the amount rule too: every operation of GatewayClient, on the mock's
// own answers and on answers whose every amount is a JSON number (the documented ones, the coins',
// and amounts nested in fields the crate does not model), gives strings with every digit.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { GatewayClient } from 'stream-payments';
import { COMPLETED_ID, startMock, T } from './helpers.mjs';
import { amountKeys, checkingAmounts } from './amount-fields.mjs';

const root = process.env.STREAM_ROOT;
const { stringify } = await import(`${root}/pkg/mock/http.mjs`);
// The gateway's documented amounts (gateway-v1.md) besides the names the StreamPay description gives.
const isAmount = amountKeys(JSON.parse(await readFile(`${root}/src/api/streampay-openapi.json`, 'utf8')),
  ['displayAmount', 'displayAmountUsd', 'displayAmountEur', 'formattedAmount']);
const answered = new Map();
const REQUEST = { name: 'Order 7', returnUrl: 'https://shop.example/done', amountUsd: '1.00' };

let mock, client;
before(async () => {
  mock = await startMock();
  client = checkingAmounts(new GatewayClient({ baseUrl: mock.url, maxRetries: 0 }), isAmount, answered);
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

/** A payment whose every amount is a JSON number (BigInt: bare digits past 2^53). */
const numericPayment = () => ({
  payment_id: 'NumericAmounts00000001',
  status: 'pending',
  amount: 166389351081530800779973n,
  display_amount: 0.16638,
  display_amount_usd: 1,
  display_amount_eur: 0.92,
  addresses: [
    { token: 'USDC', amount: 1000000, displayAmount: 1, blockchain: 'Solana' },
    { token: 'NEAR', amount: 166389351081530800779973n, displayAmount: 0.16638 },
  ],
  settlement: { fee_in_smallest_unit: 2500, lines: [{ unit_price: 0.5, quantity: 2 }] },
});

test('the mock\'s own answers: getPayment, createPayment, createPaymentLink', T, async () => {
  const p = await client.getPayment(COMPLETED_ID);
  assert.equal(p.addresses[0].amount, '166389351081530800779973');
  await client.createPayment('shop-2', REQUEST);
  await client.createPaymentLink('shop-1', REQUEST);
  assert.deepEqual([...answered.keys()].sort(), ['createPayment', 'createPaymentLink', 'getPayment']);
  assert.ok(answered.get('getPayment') > 0);
});

test('every amount a number on the wire is a string with its digits, at every depth', T, async () => {
  const wire = stringify(numericPayment());
  const check = (p) => {
    assert.deepEqual([p.amount, p.displayAmount, p.displayAmountUsd, p.displayAmountEur], ['166389351081530800779973', '0.16638', '1', '0.92']);
    assert.deepEqual(p.addresses.map((c) => [c.amount, c.displayAmount]), [['1000000', '1'], ['166389351081530800779973', '0.16638']]);
    assert.deepEqual(p.settlement, { feeInSmallestUnit: '2500', lines: [{ unitPrice: '0.5', quantity: 2 }] });
  };
  mock.state.addFault({ path: '/api/v1/payment/NumericAmounts00000001', method: 'GET', status: 200, body: numericPayment() });
  check(await client.getPayment('NumericAmounts00000001'));
  mock.state.addFault({ path: '/api/v1/payment/shop-3', method: 'POST', status: 200, body: numericPayment() });
  check(await client.createPayment('shop-3', REQUEST));
  mock.state.addFault({ path: '/api/v1/payment/shop-3/page', method: 'POST', status: 200, body: { paymentID: 'p1', url: 'https://pay.example/p1', quote: { amount: 5, total_amount: 5.25 } } });
  const link = await client.createPaymentLink('shop-3', REQUEST);
  assert.deepEqual(link.quote, { amount: '5', totalAmount: '5.25' });
  assert.match(wire, /"amount":166389351081530800779973,/, 'the wire has numbers');
});
