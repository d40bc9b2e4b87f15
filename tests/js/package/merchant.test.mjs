// Merchant operations of StreamPayClient against the mock: mark paid, refund, the
// "paid together" refusal, enum checks before sending, POSTs never retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { StreamPayClient } from 'stream-payments';

const { startMockServer } = await import(`${process.env.STREAM_ROOT}/pkg/mock/server.mjs`);
const KEY = Buffer.from('test-key:test-secret').toString('base64');
let mock, client;

before(async () => {
  mock = await startMockServer();
  client = new StreamPayClient({ baseUrl: mock.url, apiKey: KEY });
});
after(() => mock.close());

const pending = () => mock.state.createStreamPayPayment({ amount: '50.00', currency: 'SAR', status: 'PENDING' }).id;
const posts = (id) => mock.state.requests({ paymentId: id, method: 'POST' });
/**
 * The JSON body the mock received (its request log keeps the raw text) is exactly `expected`.
 * `defaults` are fields the API defaults the same way when they are left out (documented
 * `allow_refund_multiple_related_payments?=false`): sent with that value or not sent, both fine.
 */
function assertSent(entry, expected, defaults = {}) {
  assert.equal(entry.headers['content-type'], 'application/json');
  assert.equal(typeof entry.body, 'string', 'the mock read a body');
  const sent = JSON.parse(entry.body);
  for (const [key, value] of Object.entries(defaults)) {
    if (key in sent && !(key in expected)) {
      assert.deepEqual(sent[key], value, `${key} in ${entry.body}`);
      delete sent[key];
    }
  }
  assert.deepEqual(sent, expected, entry.body);
}
const REFUND_DEFAULTS = { allow_refund_multiple_related_payments: false };

test('markPaymentAsPaid sends the snake_case body and returns the answer', async () => {
  const id = pending();
  // The API answers mark-paid with an empty object; the payment itself is read with getPayment.
  const answer = await client.markPaymentAsPaid(id, { paymentMethod: 'CASH', note: 'paid at the till' });
  assert.deepEqual(answer, {});
  assert.equal((await client.getPayment(id)).currentStatus, 'SUCCEEDED');
  assert.equal(posts(id).length, 1);
  assertSent(posts(id)[0], { payment_method: 'CASH', note: 'paid at the till' });
});

test('an undocumented paymentMethod is refused before sending, naming the allowed values', async () => {
  const id = pending();
  await assert.rejects(client.markPaymentAsPaid(id, { paymentMethod: 'MADA' }), (err) => {
    assert.equal(err.name, 'StreamError');
    assert.equal(err.code, 'INVALID_ARGUMENT');
    assert.match(err.message, /CASH, BANK_TRANSFER, CARD, QURRAH/);
    return true;
  });
  await assert.rejects(client.refundPayment(id, { refundReason: 'because' }), { code: 'INVALID_ARGUMENT' });
  assert.equal(posts(id).length, 0);
});

test('marking a finalised payment paid is a CONFLICT with the domain code in the message', async () => {
  const id = pending();
  await client.markPaymentAsPaid(id, { paymentMethod: 'BANK_TRANSFER' });
  await assert.rejects(client.markPaymentAsPaid(id, { paymentMethod: 'CASH' }), (err) => {
    assert.equal(err.code, 'CONFLICT');
    assert.equal(err.status, 409);
    assert.match(err.message, /PAYMENT_/);
    assert.ok(err.requestId);
    return true;
  });
});

test('a 422 from the API is VALIDATION with the field messages', async () => {
  const id = pending();
  mock.state.addFault({ path: `/api/v2/payments/${id}/mark-paid`, status: 422, times: 1 });
  await assert.rejects(client.markPaymentAsPaid(id, { paymentMethod: 'CASH' }), (err) => {
    assert.equal(err.code, 'VALIDATION');
    assert.equal(err.status, 422);
    assert.ok(Array.isArray(err.body.detail), 'the parsed body is kept');
    return true;
  });
});

test('refunding a payment paid together with others carries the related ids, then refunds all', async () => {
  const [group] = mock.state.streamPayGroups().filter((g) =>
    g.payment_ids.every((id) => ['SUCCEEDED', 'SETTLED'].includes(mock.state.streamPayPayment(id).payment.current_status)));
  assert.ok(group, 'the mock has a refundable group');
  const [first] = group.payment_ids;
  await assert.rejects(client.refundPayment(first, { refundReason: 'DUPLICATE' }), (err) => {
    assert.equal(err.code, 'CONFLICT');
    assert.equal(err.status, 400);
    assert.deepEqual([...err.paymentIds].sort(), [...group.payment_ids].sort());
    assert.match(err.totalAmount, /^\d+\.\d+$/);
    assert.match(err.message, /allowRefundMultipleRelatedPayments/);
    return true;
  });
  assertSent(posts(first).at(-1), { refund_reason: 'DUPLICATE' }, REFUND_DEFAULTS);
  const refunded = await client.refundPayment(first, {
    refundReason: 'DUPLICATE', refundNote: 'double charge', allowRefundMultipleRelatedPayments: true,
  });
  assert.equal(refunded.currentStatus, 'REFUNDED');
  assert.equal(posts(first).length, 2);
  assertSent(posts(first)[1], {
    refund_reason: 'DUPLICATE', refund_note: 'double charge', allow_refund_multiple_related_payments: true,
  }, REFUND_DEFAULTS);
  for (const id of group.payment_ids) assert.equal(mock.state.streamPayPayment(id).payment.current_status, 'REFUNDED');
});

test('POSTs are never retried, even after a 503', async () => {
  const id = pending();
  mock.state.addFault({ path: `/api/v2/payments/${id}/mark-paid`, status: 503, times: 5 });
  const retrying = new StreamPayClient({ baseUrl: mock.url, apiKey: KEY, maxRetries: 5 });
  await assert.rejects(retrying.markPaymentAsPaid(id, { paymentMethod: 'CASH' }), { code: 'SERVER', status: 503 });
  assert.equal(posts(id).length, 1);
});
