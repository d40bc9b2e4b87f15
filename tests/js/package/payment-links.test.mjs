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
/** A seeded product a link can sell (`items` is required by CreatePaymentLinkDto). */
const items = () => [{ productId: [...mock.state.resources.products.values()].find((p) => p.type !== 'METERED' && p.is_active).id }];

test('create -> get -> list finds it -> set status', async () => {
  const link = await client.createPaymentLink({
    name: 'Gym membership',
    items: items(),
    maxNumberOfPayments: 3,
    customFields: { fooBar: 1 },
  });
  assert.match(link.id, /^[0-9a-f-]{36}$/);
  assert.equal(link.name, 'Gym membership');
  assert.equal(link.status, 'ACTIVE');
  assert.equal(link.url, `${mock.url}/links/${link.id}`);
  assert.ok(Date.parse(link.createdAt), 'unknown fields are kept, camelCased');
  assert.equal(link.maxNumberOfPayments, 3);
  assert.match(link.amount, /^\d+\.\d+$/, 'amounts are decimal strings');

  // On the wire: keys snake_cased at every depth.
  const stored = mock.state.paymentLink(link.id);
  assert.equal(stored.max_number_of_payments, 3);
  assert.equal(stored.maxNumberOfPayments, undefined);
  assert.deepEqual(stored.custom_fields, { foo_bar: 1 });
  assert.equal(stored.items[0].product_id, items()[0].productId);

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
  await assert.rejects(client.createPaymentLink({ items: items() }), (err) => {
    assert.equal(err.code, 'INVALID_ARGUMENT');
    assert.match(err.message, /name/);
    return true;
  });
  await assert.rejects(client.createPaymentLink({ name: '  ', items: items() }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink({ name: 'x' }), { code: 'INVALID_ARGUMENT', message: 'items is required' });
  await assert.rejects(client.createPaymentLink({ name: 'x', items: [{}] }), { code: 'INVALID_ARGUMENT', message: 'items[0].productId is required' });
  await assert.rejects(client.createPaymentLink({ name: 'x', items: items(), maxUses: 1, max_uses: 2 }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.setPaymentLinkStatus(id, { deactivateMessage: 'no status' }), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink('Gym'), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.createPaymentLink(null), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.getPaymentLink('../payments'), { code: 'INVALID_ARGUMENT' });
  await assert.rejects(client.listPaymentLinks({ statuses: [1] }), { code: 'INVALID_ARGUMENT' });
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
  await assert.rejects(retrying.createPaymentLink({ name: 'Once only', items: items() }), { code: 'SERVER', status: 503 });
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
