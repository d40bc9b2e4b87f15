// StreamPay payment links through the installed package against the mock: create -> get ->
// list -> set status, argument checks before sending, POST/PATCH never retried, 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { StreamPayClient } from 'stream-payments';

const { startMockServer } = await import(`${process.env.STREAM_ROOT}/pkg/mock/server.mjs`);
const KEY = Buffer.from('test-key:test-secret').toString('base64');
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
let mock, client;

before(async () => {
  mock = await startMockServer();
  client = new StreamPayClient({ baseUrl: mock.url, apiKey: KEY });
});
after(() => mock.close());

const logged = (filter) => mock.state.requests(filter);

test('create -> get -> list finds it -> set status', async () => {
  // The API's CreatePaymentLinkDto: a name and the items (products) the link sells.
  const product = [...mock.state.resources.products.values()]
    .find((p) => p.is_active && p.prices.some((x) => x.currency === 'SAR'));
  const link = await client.createPaymentLink({
    name: 'Gym membership',
    currency: 'SAR',
    items: [{ productId: product.id, quantity: 2, allowCustomQuantity: true }],
    maxNumberOfPayments: 3,
    customMetadata: { fooBar: 1, deep: { innerKey: 'x' } },
  });
  assert.match(link.id, /^[0-9a-f-]{36}$/);
  assert.equal(link.name, 'Gym membership');
  assert.equal(link.status, 'ACTIVE');
  assert.equal(link.maxNumberOfPayments, 3);
  assert.equal(typeof link.amount, 'string', 'amounts are exact strings');
  // camelCase at every depth in the answer, snake_case at every depth on the wire.
  assert.deepEqual(link.customMetadata, { fooBar: 1, deep: { innerKey: 'x' } });
  assert.equal(link.items[0].productId, product.id);
  const [sent] = logged({ method: 'POST' });
  assert.deepEqual(JSON.parse(sent.body), {
    name: 'Gym membership',
    currency: 'SAR',
    items: [{ product_id: product.id, quantity: 2, allow_custom_quantity: true }],
    max_number_of_payments: 3,
    custom_metadata: { foo_bar: 1, deep: { inner_key: 'x' } },
  });

  assert.deepEqual(await client.getPaymentLink(link.id), link);

  const page = await client.listPaymentLinks({ statuses: ['ACTIVE'], limit: 100 });
  assert.ok(page.data.some((l) => l.id === link.id));
  assert.equal(typeof page.pagination.totalCount, 'number');
  assert.equal(page.pagination.currentPage, 1);
  const none = await client.listPaymentLinks({ statuses: ['INACTIVE', 'COMPLETED'] });
  assert.ok(!none.data.some((l) => l.id === link.id));
  const [query] = logged({ path: '/api/v2/payment_links', method: 'GET' }).slice(-1);
  assert.deepEqual(query.query.statuses, ['INACTIVE', 'COMPLETED'], 'statuses as repeated keys');

  const done = await client.setPaymentLinkStatus(link.id, 'COMPLETED');
  assert.equal(done.id, link.id);
  assert.equal(done.status, 'COMPLETED');
  assert.equal(mock.state.paymentLink(link.id).status, 'COMPLETED');
  assert.equal(logged({ paymentId: link.id, method: 'PATCH' }).length, 1);
  const completed = await client.listPaymentLinks({ statuses: ['COMPLETED'] });
  assert.deepEqual(completed.data.map((l) => l.id), [link.id]);
});

test('a bad status, a missing name or a bad id is INVALID_ARGUMENT before sending', async () => {
  const { id } = mock.state.createPaymentLink({ name: 'Checked' });
  const since = mock.state.seq;
  await assert.rejects(client.setPaymentLinkStatus(id, 'DONE'), (err) => {
    assert.equal(err.name, 'StreamError');
    assert.equal(err.code, 'INVALID_ARGUMENT');
    assert.match(err.message, /INACTIVE, ACTIVE, COMPLETED/);
    return true;
  });
  await assert.rejects(client.setPaymentLinkStatus(id, 'active'), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.setPaymentLinkStatus(id), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink({ amount: '1.00' }), (err) => {
    assert.equal(err.code, 'INVALID_ARGUMENT');
    assert.match(err.message, /name/);
    return true;
  });
  await assert.rejects(client.createPaymentLink({ name: '  ' }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink({ name: 'x', amount: 1n }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink({ name: 'x', maxUses: 1, max_uses: 2 }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink('Gym'), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink(null), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.getPaymentLink('../payments'), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.listPaymentLinks({ statuses: 'ACTIVE' }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.listPaymentLinks({ limit: 101 }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.listPaymentLinks({ status: ['ACTIVE'] }), { code: 'INVALID_ARGUMENT' });
  assert.deepEqual(logged({ since }), [], 'nothing was sent');
  assert.equal(mock.state.paymentLink(id).status, 'ACTIVE');
});

test('POST and PATCH are never retried after a 503; GET is', async () => {
  const retrying = new StreamPayClient({ baseUrl: mock.url, apiKey: KEY, maxRetries: 5 });
  const path = '/api/v2/payment_links';
  const rule = mock.state.addFault({ path, method: 'POST', status: 503, times: 5 });
  const since = mock.state.seq;
  // A valid body (items are required, checked before sending), so the POST does go out.
  const productId = [...mock.state.resources.products.values()].find((p) => p.is_active).id;
  await assert.rejects(retrying.createPaymentLink({ name: 'Once only', items: [{ productId }] }), { code: 'SERVER', status: 503 });
  assert.equal(logged({ path, method: 'POST', since }).length, 1);
  mock.state.removeFault(rule);

  const { id } = mock.state.createPaymentLink({ name: 'Patch once' });
  const statusPath = `${path}/${id}/status`;
  const patchRule = mock.state.addFault({ path: statusPath, status: 503, times: 5 });
  await assert.rejects(retrying.setPaymentLinkStatus(id, 'INACTIVE'), { code: 'SERVER', status: 503 });
  assert.equal(logged({ path: statusPath, since }).length, 1);
  assert.equal(mock.state.paymentLink(id).status, 'ACTIVE');
  mock.state.removeFault(patchRule);

  mock.state.addFault({ path: `${path}/${id}`, status: 503, times: 1 });
  assert.equal((await retrying.getPaymentLink(id)).id, id);
  assert.equal(logged({ path: `${path}/${id}`, since }).length, 2);
});

test('an unknown link is NOT_FOUND with the domain code in the message', async () => {
  await assert.rejects(client.getPaymentLink(UNKNOWN_UUID), (err) => {
    assert.equal(err.code, 'NOT_FOUND');
    assert.equal(err.status, 404);
    assert.equal(err.retryable, false);
    assert.match(err.message, /PAYMENT_LINK_NOT_FOUND/);
    assert.ok(err.requestId);
    assert.equal(err.body.code, 'PAYMENT_LINK_NOT_FOUND');
    return true;
  });
  await assert.rejects(client.setPaymentLinkStatus(UNKNOWN_UUID, 'ACTIVE'), { code: 'NOT_FOUND', status: 404 });
});
