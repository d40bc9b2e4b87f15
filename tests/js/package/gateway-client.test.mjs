// GatewayClient against the mock gateway: the documented responses decode field for field,
// amounts stay exact strings, unknown fields and statuses survive, options are honoured.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient } from 'stream-payments';
import { COMPLETED_ID, EXPIRED_ID, PENDING_ID, T, assertStreamError, rejection, startMock,
} from './helpers.mjs';

let mock, client;

before(async () => {
  mock = await startMock();
  client = new GatewayClient({ baseUrl: mock.url, maxRetries: 0 });
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

test('the documented completed payment decodes field for field, camelCase, amounts exact', T, async () => {
  const p = await client.getPayment(COMPLETED_ID);
  const coin = { blockchain: 'Solana', address: '3659c6cf5c8138163330b9059148b62f405c7676b92e79562360b5853d5c55e5' };
  assert.deepEqual(p, {
    paymentId: COMPLETED_ID,
    network: 'mainnet',
    status: 'completed',
    address: '3659c6cf5c8138163330b9059148b62f405c7676b92e79562360b5853d5c55e5',
    addresses: [
      {
        ...coin,
        contract: 'wrap.strm',
        token: 'NEAR',
        amount: '166389351081530800779973',
        displayAmount: '0.16638',
        decimals: 24,
        decimalsSource: 'registry',
        formattedAmount: '0.166389351081530800779973',
        icon: 'https://pay.streampayments.app/img/currencies/near.svg',
      },
      {
        ...coin,
        contract: 'usdc',
        token: 'USDC',
        amount: '100000000000000000',
        displayAmount: '1.00',
        decimals: 17,
        decimalsSource: 'inferred',
        formattedAmount: '1',
        icon: 'https://pay.streampayments.app/img/currencies/usn.svg',
      },
    ],
    amount: '166389351081530800779973',
    name: 'Demo payment',
    description: '',
    displayAmountUsd: '1.00',
    displayAmountEur: '1.00',
    displayAmount: '0.16638',
    returnUrl: '/',
    expiryAt: '2022-08-10T22:01:19+00:00',
    createdAt: '2022-08-10T21:51:19+00:00',
    processedAt: '2022-08-10T21:52:40+00:00',
    transactionHash: '9HKiSMrjFvmT1Pb7bTCZ8XPUQukRfSyQ58WJCmfXyWgX',
    signerId: 'mazanax.STRM',
  });
  for (const c of p.addresses) assert.equal(typeof c.amount, 'string');
});

test('the documented expired payment decodes: not_found, reason expired, no coins', T, async () => {
  const p = await client.getPayment(EXPIRED_ID);
  assert.deepEqual(p, {
    paymentId: EXPIRED_ID,
    status: 'not_found',
    reason: 'expired',
    addresses: [],
    expiryAt: '2022-09-08T12:35:03+00:00',
    returnUrl: 'https://stream.finance',
    createdAt: '2022-09-08T12:25:03+00:00',
  });
});

test('a pending demo payment: every coin carries decimals and an exact formattedAmount', T, async () => {
  const p = await client.getPayment(PENDING_ID);
  assert.equal(p.status, 'pending');
  assert.equal(p.localCurrency, 'usd');
  const byToken = Object.fromEntries(p.addresses.map((c) => [c.token, c]));
  assert.deepEqual(Object.keys(byToken).sort(), ['NEAR', 'STRM', 'USDC']);
  for (const token of ['STRM', 'NEAR']) {
    const c = byToken[token];
    assert.equal(c.decimals, 24);
    assert.equal(c.decimalsSource, 'registry');
    assert.match(c.amount, /^\d+$/);
    // formattedAmount is the amount at 24 decimals with every digit; the gateway's own
    // displayAmount is that value truncated to 5 places.
    const digits = c.amount.padStart(25, '0');
    const full = `${BigInt(digits.slice(0, -24))}.${digits.slice(-24)}`.replace(/\.?0+$/, '');
    assert.equal(c.formattedAmount, full);
    const [int, frac = ''] = full.split('.');
    assert.equal(c.displayAmount, `${int}.${frac.padEnd(5, '0').slice(0, 5)}`);
  }
  assert.equal(byToken.USDC.displayAmount, '1.00');
  assert.equal(byToken.USDC.formattedAmount, '1');
  assert.equal(byToken.USDC.decimalsSource, 'inferred');
});

test('unknown fields are kept (camelCased) and an unknown status still decodes', T, async () => {
  mock.state.addFault({
    paymentId: COMPLETED_ID,
    kind: 'patch',
    patch: { status: 'refunding', brand_new_field: { nested_key: [1, 'two'] }, risk_score: 7 },
  });
  const p = await client.getPayment(COMPLETED_ID);
  assert.equal(p.status, 'refunding');
  // camelCase at every depth, also inside objects the package does not model.
  assert.deepEqual(p.brandNewField, { nestedKey: [1, 'two'] });
  assert.equal(p.riskScore, 7);
  assert.equal(p.addresses[0].formattedAmount, '0.166389351081530800779973');
});

test('amounts sent as bare JSON numbers keep every digit (never through a JS float)', T, async () => {
  mock.state.addFault({
    paymentId: COMPLETED_ID,
    kind: 'patch',
    patch: {
      amount: 166389351081530800779973n,
      display_amount_usd: 12345678901234567890n,
      addresses: [{ token: 'NEAR', amount: 166389351081530800779973n, displayAmount: '0.16638' }],
    },
  });
  const p = await client.getPayment(COMPLETED_ID);
  assert.equal(p.amount, '166389351081530800779973');
  assert.equal(p.displayAmountUsd, '12345678901234567890');
  assert.equal(p.addresses[0].amount, '166389351081530800779973');
  assert.equal(p.addresses[0].formattedAmount, '0.166389351081530800779973');
});

test('an unknown coin token keeps its amount and gets decimals inferred from displayAmount', T, async () => {
  mock.state.addFault({
    paymentId: COMPLETED_ID,
    kind: 'patch',
    patch: {
      addresses: [
        { token: 'ZZZ', amount: '123456789', displayAmount: '1.23456789', chain_id: 'x' },
        { token: 'QQQ', amount: '5' },
      ],
    },
  });
  const [zzz, qqq] = (await client.getPayment(COMPLETED_ID)).addresses;
  assert.equal(zzz.amount, '123456789');
  assert.equal(zzz.decimals, 8);
  assert.equal(zzz.decimalsSource, 'inferred');
  assert.equal(zzz.formattedAmount, '1.23456789');
  assert.equal(zzz.chainId, 'x');
  assert.equal(qqq.amount, '5');
  assert.equal(qqq.decimals, undefined);
  assert.equal(qqq.formattedAmount, undefined);
});

test('createPaymentLink posts the documented body to payBaseUrl (defaults to baseUrl)', T, async () => {
  const link = await client.createPaymentLink('shop-1', {
    name: 'Order 7',
    returnUrl: 'https://shop.example/done',
    description: 'two books',
    amountUsd: '12.50',
  });
  assert.equal(typeof link.url, 'string');
  assert.ok(link.url.startsWith(mock.url + '/pay/'), link.url);
  const [req] = mock.state.requests({ method: 'POST' });
  assert.equal(req.path, '/api/v1/payment/shop-1/page');
  assert.equal(req.headers['content-type'], 'application/json');
  const id = link.paymentId ?? link.paymentID;
  assert.equal(typeof id, 'string', JSON.stringify(link));
  // The created payment is real: reading it shows the amount that was asked for.
  const p = await client.getPayment(id);
  assert.equal(p.status, 'pending');
  assert.equal(p.displayAmountUsd, '12.50');
  assert.equal(p.name, 'Order 7');
});

test('createPayment returns a payment object; an unapproved shop gets FORBIDDEN', T, async () => {
  const p = await client.createPayment('shop-2', { name: 'Manual', returnUrl: '/', amountEur: '3.00' });
  assert.equal(p.status, 'pending');
  assert.equal(p.displayAmountEur, '3.00');
  assert.ok(p.addresses.length > 0);
  const err = await rejection(() =>
    client.createPayment('unapproved-shop', { name: 'Manual', returnUrl: '/', amountEur: '3.00' }));
  assertStreamError(err, { code: 'FORBIDDEN', status: 403, retryable: false });
});

test('a bad create request is INVALID_ARGUMENT and nothing is sent', T, async () => {
  const bad = [
    { name: 'x', returnUrl: '/' },
    { name: 'x', returnUrl: '/', amountUsd: '1', amountEur: '1' },
    { name: '', returnUrl: '/', amountUsd: '1' },
    { name: 'x', returnUrl: '/', amountUsd: '1e5' },
    { name: 'x', returnUrl: '/', amountUsd: '1', extra: true },
  ];
  for (const request of bad) {
    const err = await rejection(() => client.createPaymentLink('shop', request));
    assertStreamError(err, { code: 'INVALID_ARGUMENT' });
  }
  assert.equal(mock.state.requests().length, 0);
});

test('payBaseUrl sends creations to another host than status reads', T, async () => {
  const pay = await startMock();
  try {
    const c = new GatewayClient({ baseUrl: mock.url, payBaseUrl: pay.url });
    await c.createPaymentLink('shop', { name: 'n', returnUrl: '/', amount: '1.5' });
    await c.getPayment(COMPLETED_ID);
    assert.equal(pay.state.requests().length, 1);
    assert.equal(pay.state.requests()[0].method, 'POST');
    assert.equal(mock.state.requests().length, 1);
    assert.equal(mock.state.requests()[0].method, 'GET');
  } finally {
    await pay.close();
  }
});

test('an injected fetch is used for every request', T, async () => {
  const calls = [];
  const fetch = (url, init) => {
    calls.push({ url: String(url), method: init?.method });
    return globalThis.fetch(url, init);
  };
  const c = new GatewayClient({ baseUrl: mock.url, fetch });
  const p = await c.getPayment(COMPLETED_ID);
  assert.equal(p.paymentId, COMPLETED_ID);
  await c.createPaymentLink('shop', { name: 'n', returnUrl: '/', amountUsd: '1' });
  assert.deepEqual(calls, [
    { url: `${mock.url}/api/v1/payment/${COMPLETED_ID}`, method: 'GET' },
    { url: `${mock.url}/api/v1/payment/shop/page`, method: 'POST' },
  ]);
  assert.equal(mock.state.requests().length, 2);
});

test('an injected fetch that returns a canned Response needs no network at all', T, async () => {
  let n = 0;
  const body = JSON.stringify({ payment_id: 'Canned', status: 'pending', addresses: [], extra_thing: 1 });
  const c = new GatewayClient({
    baseUrl: 'https://streampayments.app',
    fetch: async () => {
      n++;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  assert.deepEqual(await c.getPayment('Canned'), {
    paymentId: 'Canned', status: 'pending', addresses: [], extraThing: 1,
  });
  assert.equal(n, 1);
});

test('extra headers are sent with every request; accept is application/json', T, async () => {
  const c = new GatewayClient({ baseUrl: mock.url, headers: { 'x-trace-id': 'trace-42', 'X-Shop': 'nine' } });
  await c.getPayment(COMPLETED_ID);
  await c.createPaymentLink('shop', { name: 'n', returnUrl: '/', amountUsd: '1' });
  const reqs = mock.state.requests();
  assert.equal(reqs.length, 2);
  for (const r of reqs) {
    assert.equal(r.headers['x-trace-id'], 'trace-42');
    assert.equal(r.headers['x-shop'], 'nine');
    assert.equal(r.headers.accept, 'application/json');
  }
});

test('bad options are INVALID_ARGUMENT at construction', T, () => {
  const cases = [
    { baseUrl: 42 },
    { timeoutMs: -1 },
    { timeoutMs: 1.5 },
    { maxRetries: 'two' },
    { headers: { 'bad name': 'x' } },
    { headers: { 'x-ok': 'line\nbreak' } },
    { headers: { 'x-ok': 5 } },
    { headers: { 'x-ok': 'ключ' } },
    { headers: { 'x-ok': 'tab\u0001' } },
    { fetch: 'not a function' },
    { unknownOption: true },
  ];
  for (const options of cases) {
    assert.throws(() => new GatewayClient({ baseUrl: mock.url, ...options }), (err) => {
      assertStreamError(err, { code: 'INVALID_ARGUMENT' });
      return true;
    }, JSON.stringify(options));
  }
  assert.equal(mock.state.requests().length, 0);
});

test('many concurrent calls on one client all settle correctly', T, async () => {
  const ids = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? COMPLETED_ID : i % 3 === 1 ? EXPIRED_ID : 'NoSuchPayment0000000001'));
  const results = await Promise.all(ids.map((id) => client.getPayment(id).then((p) => p.status, (e) => e.code)));
  assert.deepEqual(results, ids.map((id) => (id === COMPLETED_ID ? 'completed' : id === EXPIRED_ID ? 'not_found' : 'NOT_FOUND')));
  assert.equal(mock.state.requests().length, 60);
});

test('the client keeps working after failures', T, async () => {
  await rejection(() => client.getPayment('NoSuchPayment0000000001'));
  await rejection(() => client.getPayment('a/b'));
  assert.throws(() => new GatewayClient({ baseUrl: 'http://example.com' }));
  assert.equal((await client.getPayment(COMPLETED_ID)).status, 'completed');
});
