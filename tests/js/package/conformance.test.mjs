// Every answer the description allows decodes through the installed package (issue 19): the five
// operations whose answer schema is `{}` take any JSON value (`null` stays `null`; an empty body or
// a 204 is `null`), every list takes pagination integers of any sign and size as they came, and
// listAll* follows has_next_page and the items alone, ending on an empty page.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { StreamPayClient } from 'stream-payments';
import { API_KEY, UNKNOWN_UUID, assertStreamError, rejection, startMock, T } from './helpers.mjs';

const root = process.env.STREAM_ROOT;
const { operations } = JSON.parse(await readFile(`${root}/src/api/streampay-operations.json`, 'utf8'));
const anyJson = operations.filter((o) => !o.response.schema && !o.response.list);
const lists = operations.filter((o) => o.response.list);
const pathOf = (o) => o.path.replace(/\{\w+\}/g, UNKNOWN_UUID);
const idArgs = (o) => o.pathParams.map(() => UNKNOWN_UUID);

let mock, client;
before(async () => {
  mock = await startMock({ paymentCount: 30 });
  client = new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

test('the five {} answers: any JSON value as sent, null kept, an empty body or a 204 is null', T, async () => {
  assert.deepEqual(anyJson.map((o) => o.name), ['deleteConsumer', 'deleteProduct', 'deleteProductPrice', 'deleteCoupon', 'deleteSubscriptionFreeze']);
  const answers = [
    [{ status: 200, body: null }, null],
    [{ kind: 'empty', status: 200 }, null],
    [{ kind: 'empty', status: 204 }, null],
    [{ status: 200, body: true }, true],
    [{ status: 200, body: 'deleted' }, 'deleted'],
    [{ status: 200, body: 9007199254740993n }, '9007199254740993'],
    [{ status: 200, body: [{ deleted_at: 1 }] }, [{ deletedAt: 1 }]],
    [{ status: 200, body: { is_deleted: true } }, { isDeleted: true }],
  ];
  for (const o of anyJson) {
    for (const [fault, expected] of answers) {
      mock.state.addFault({ path: pathOf(o), method: o.method, ...fault });
      assert.deepEqual(await client[o.name](...idArgs(o)), expected, `${o.name} ${JSON.stringify(fault, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
    }
  }
});

test('an answer the description makes an object still refuses null and an empty body', T, async () => {
  const o = operations.find((x) => x.name === 'getConsumer');
  for (const fault of [{ status: 200, body: null }, { kind: 'empty', status: 200 }]) {
    mock.state.addFault({ path: pathOf(o), method: 'GET', ...fault });
    assertStreamError(await rejection(() => client.getConsumer(UNKNOWN_UUID)), { code: 'DECODE', status: 200 });
  }
});

test('every list: pagination integers of any sign and size pass through as they came, items kept', T, async () => {
  assert.equal(lists.length, 9);
  for (const o of lists) {
    for (const [sent, seen] of [[-1, -1], [0, 0], [-9007199254740993n, '-9007199254740993'], [18446744073709551616n, '18446744073709551616']]) {
      const body = { data: [{ id: UNKNOWN_UUID, current_status: 'PENDING', status: 'ACTIVE', url: 'https://x' }], pagination: { total_count: sent, max_page: sent, current_page: sent, limit: sent, has_next_page: true, has_previous_page: false } };
      mock.state.addFault({ path: pathOf(o), method: 'GET', status: 200, body });
      const page = await client[o.name](...idArgs(o));
      assert.equal(page.data.length, 1, `${o.name} ${sent}`);
      assert.equal(page.data[0].id, UNKNOWN_UUID);
      assert.deepEqual(page.pagination, { totalCount: seen, maxPage: seen, currentPage: seen, limit: seen, hasNextPage: true, hasPreviousPage: false }, `${o.name} ${sent}`);
    }
  }
});

test('listAll* asks for the page after the one it asked for, whatever current_page says', T, async () => {
  const total = (await client.listPayments({ limit: 1 })).pagination.totalCount;
  mock.state.addFault({ path: '/api/v2/payments', method: 'GET', status: 200, body: { data: [{ id: UNKNOWN_UUID, current_status: 'PENDING' }], pagination: { current_page: -7, has_next_page: true } } });
  const ids = [];
  for await (const p of client.listAllPayments({ limit: 10 })) ids.push(p.id);
  const pages = mock.state.requests({ method: 'GET' }).map((r) => new URLSearchParams(r.search).get('page'));
  assert.equal(total, 32);
  assert.deepEqual(pages, [null, '1', '2', '3', '4'], 'the count (no page given), then pages 1 to 4 of the walk');
  assert.equal(ids[0], UNKNOWN_UUID);
  assert.equal(ids.length, 1 + (total - 10), 'the faked first page, then the real pages 2 to 4');
});

test('listAll* ends on an empty page even when it says another follows', T, async () => {
  for (const o of lists) {
    mock.state.clearRequests();
    mock.state.addFault({ path: pathOf(o), method: 'GET', status: 200, probability: 1, body: { data: [], pagination: { current_page: 1, has_next_page: true } } });
    const items = [];
    for await (const x of client[o.listAll](...idArgs(o))) {
      items.push(x);
      if (items.length > 5) break;
    }
    assert.deepEqual(items, [], o.listAll);
    assert.equal(mock.state.requests({ path: pathOf(o) }).length, 1, `${o.listAll}: one request`);
    mock.state.clearFaults();
  }
});
