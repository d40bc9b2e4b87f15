// The command line's --json output keeps the amount rule (it prints what the package decoded):
// get and list payments from StreamPay and the gateway, watch's NDJSON, on the mock's answers and on
// an answer whose amounts are JSON numbers nested where the crate models nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { API_KEY, cli, mockModule } from './helpers.mjs';
import { amountCount, amountKeys, assertAmountsAreStrings } from '../package/amount-fields.mjs';

const description = JSON.parse(await readFile(new URL('../../../src/api/streampay-openapi.json', import.meta.url), 'utf8'));
const isAmount = amountKeys(description, ['displayAmount', 'displayAmountUsd', 'displayAmountEur', 'formattedAmount']);

let mock;
let env;
before(async () => {
  mock = await mockModule.startMock({ apiKey: API_KEY, seed: 5, paymentCount: 12 });
  env = { STREAM_GATEWAY_URL: mock.gatewayUrl, STREAMPAY_URL: mock.streampayUrl, STREAMPAY_API_KEY: API_KEY };
});
after(() => mock?.close());

/** Runs the CLI, expects exit 0; every JSON document it printed (one, or NDJSON lines). */
async function jsonOf(args) {
  const r = await cli(args, { env });
  assert.equal(r.code, 0, r.stderr);
  const text = r.stdout.trim();
  return text.startsWith('{\n') ? [JSON.parse(text)] : text.split('\n').map((l) => JSON.parse(l));
}

test('get, list payments and watch --json: every amount a string', async () => {
  const outputs = [
    ...(await jsonOf(['get', mock.ids.streamPayPayment, '--streampay', '--json'])),
    ...(await jsonOf(['list', 'payments', '--limit', '12', '--json'])),
    ...(await jsonOf(['get', mock.ids.gatewayCompleted, '--json'])),
    ...(await jsonOf(['watch', mock.ids.gatewayCompleted, '--json', '--interval', '20ms'])),
  ];
  for (const [i, value] of outputs.entries()) assertAmountsAreStrings(value, isAmount, `output ${i}`);
  assert.ok(amountCount(outputs, isAmount) > 30, 'the outputs held amounts');
});

test('get --streampay --json: numbers nested in fields nobody models come out as strings', async () => {
  const id = mock.ids.streamPayPayment;
  const payment = { ...mock.streamPayPayment(id).payment };
  payment.amount_in_smallest_unit = 11500;
  payment.invoice = { total_amount_in_smallest_unit: 11500, items: [{ quantity: 2, product: { prices: [{ amount: 57.5, amount_in_smallest_unit: 5750 }] } }] };
  mock.injectFault({ path: `/api/v2/payments/${id}`, method: 'GET', status: 200, body: payment });
  const [out] = await jsonOf(['get', id, '--streampay', '--json']);
  assertAmountsAreStrings(out, isAmount, 'get --streampay --json');
  assert.equal(out.amountInSmallestUnit, '11500');
  assert.deepEqual(out.invoice, { totalAmountInSmallestUnit: '11500', items: [{ quantity: 2, product: { prices: [{ amount: '57.5', amountInSmallestUnit: '5750' }] } }] });
});
