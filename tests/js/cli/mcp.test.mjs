// `stream-payments mcp`: the installed bin driven by an MCP client of the same SDK, over stdio and
// over Streamable HTTP, against mocks started here. tools/list and its schemas, a merchant flow
// with the mock's exact amounts, every tool called, errors as isError results (and a mutating
// call never retried), keys from the environment or per HTTP session, and no key in any output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { API_KEY, KEY_PAIR, assertNoSecretPrinted, assertUsageError, cli, mockModule, outputs } from './helpers.mjs';
import { callOk, connectHttp, connectStdio, startHttpServer, startKeyRouter } from './mcp-clients.mjs';
import { amountCount, amountKeys, assertAmountsAreStrings } from '../package/amount-fields.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('../../node_modules/ajv/dist/2020.js');
const addFormats = require('../../node_modules/ajv-formats/dist/index.js');
const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

// The official server's tools that the API description has (its send_invoice and void_invoice
// call endpoints the description does not have), with their parameter names.
const OFFICIAL = {
  list_payments: ['page', 'limit', 'statuses', 'invoice_id', 'search_term', 'from_date', 'to_date'],
  get_payment: ['payment_id'],
  mark_payment_as_paid: ['payment_id', 'payment_method', 'note'],
  refund_payment: ['payment_id', 'refund_reason', 'refund_note', 'allow_refund_multiple_related_payments'],
  create_payment_link: ['name', 'items', 'description', 'currency', 'coupons', 'valid_until', 'max_number_of_payments', 'confirmation_message',
    'payment_methods', 'custom_fields', 'success_redirect_url', 'failure_redirect_url', 'organization_consumer_id', 'custom_metadata', 'contact_information_type'],
  list_payment_links: ['page', 'limit', 'statuses', 'from_date', 'to_date'],
  get_payment_link: ['payment_link_id'],
  deactivate_payment_link: ['payment_link_id', 'deactivate_message'],
  create_customer: ['name', 'phone_number', 'email', 'external_id', 'iban', 'alias', 'comment', 'preferred_language', 'communication_methods'],
  list_customers: ['page', 'limit'],
  get_customer: ['customer_id'],
  update_customer: ['customer_id', 'name', 'phone_number', 'email', 'external_id', 'iban', 'alias', 'comment', 'preferred_language', 'communication_methods'],
  delete_customer: ['customer_id'],
  // The official create_product also takes `currency` and `is_price_inclusive_of_vat`, which it folds
  // into `prices`; here `prices` is the description's own field.
  create_product: ['name', 'type', 'price', 'description', 'is_price_exempt_from_vat', 'recurring_interval', 'recurring_interval_count'],
  list_products: ['page', 'limit', 'type', 'active', 'currency'],
  get_product: ['product_id'],
  update_product: ['product_id', 'name', 'description', 'is_active'],
  archive_product: ['product_id'],
  create_coupon: ['name', 'discount_value', 'is_percentage', 'currency', 'is_active'],
  list_coupons: ['page', 'limit', 'active', 'is_percentage'],
  get_coupon: ['coupon_id'],
  deactivate_coupon: ['coupon_id'],
  // The official accept_mada, accept_visa, ... are the description's `payment_methods` object here.
  create_invoice: ['customer_id', 'items', 'scheduled_on', 'description', 'currency', 'notify_consumer', 'coupons'],
  list_invoices: ['page', 'limit', 'organization_consumer_id', 'statuses', 'payment_statuses', 'from_date', 'to_date'],
  get_invoice: ['invoice_id'],
  list_api_endpoints: ['tag', 'method', 'search'],
  get_api_endpoint: ['path', 'method'],
  search_api_endpoints: ['query'],
};
const REST = [
  'get_account', 'add_product_price', 'update_product_price', 'delete_product_price', 'update_coupon', 'delete_coupon', 'update_invoice',
  'auto_charge_payment', 'set_payment_link_status', 'list_subscriptions', 'get_subscription', 'create_subscription', 'update_subscription',
  'cancel_subscription', 'freeze_subscription', 'list_subscription_freezes', 'update_subscription_freeze', 'delete_subscription_freeze',
  'record_metered_usage', 'create_metered_subscription', 'list_metered_subscriptions', 'deactivate_metered_subscription', 'get_gateway_payment',
];
const ALL_TOOLS = [...Object.keys(OFFICIAL), ...REST].sort();

const KEY_A = Buffer.from('mcp-org-a-key-61c2:mcp-org-a-secret-0f93').toString('base64');
const KEY_B = Buffer.from('mcp-org-b-key-7d40:mcp-org-b-secret-a2e8').toString('base64');
const MORE_SECRETS = [KEY_A, KEY_B, 'mcp-org-a-secret-0f93', 'mcp-org-b-secret-a2e8'];

let mock;
let env;
let stdio;
let tools;
const called = new Set();
// Every tool's result keeps the amount rule (issue 23): amounts as strings at every depth.
const isAmount = amountKeys(JSON.parse(readFileSync(new URL('../../../src/api/streampay-openapi.json', import.meta.url), 'utf8')));
let amountsSeen = 0;

/** callOk that first checks the arguments against the tool's own input schema. */
async function call(name, args = {}, client = stdio.client) {
  const tool = tools.find((t) => t.name === name);
  const validate = ajv.compile(tool.inputSchema);
  assert.ok(validate(args), `${name} arguments fit its schema: ${ajv.errorsText(validate.errors)}`);
  called.add(name);
  const result = await callOk(client, name, args);
  assertAmountsAreStrings(result, isAmount, name);
  amountsSeen += amountCount(result, isAmount);
  return result;
}

async function callError(name, args) {
  called.add(name);
  const result = await stdio.client.callTool({ name, arguments: args });
  assert.equal(result.isError, true, `${name} answers isError: ${JSON.stringify(result)}`);
  assert.match(result.content[0].text, new RegExp(`^${result.structuredContent.error.code}`));
  return result.structuredContent.error;
}

before(async () => {
  mock = await mockModule.startMock({ apiKey: API_KEY, seed: 3, paymentCount: 40 });
  env = { STREAM_GATEWAY_URL: mock.gatewayUrl, STREAMPAY_URL: mock.streampayUrl, STREAMPAY_API_KEY: API_KEY };
  stdio = await connectStdio({ env });
  tools = (await stdio.client.listTools()).tools;
});
after(async () => {
  await stdio?.close();
  await mock?.close();
});

test('tools/list: the official tools with their parameter names, the rest of the API, valid JSON Schemas, annotations', async () => {
  assert.deepEqual(tools.map((t) => t.name).sort(), ALL_TOOLS);
  for (const [name, params] of Object.entries(OFFICIAL)) {
    const properties = Object.keys(tools.find((t) => t.name === name).inputSchema.properties);
    for (const p of params) assert.ok(properties.includes(p), `${name} takes ${p} (it takes ${properties.join(', ')})`);
  }
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', t.name);
    assert.doesNotThrow(() => ajv.compile(t.inputSchema), `${t.name}: a valid JSON Schema`);
    assert.ok(t.description.length > 20, `${t.name} has a description`);
    const reads = /^(get|list|search)_/.test(t.name);
    assert.equal(t.annotations.readOnlyHint, reads, `${t.name} readOnlyHint`);
    if (reads) assert.equal(t.annotations.destructiveHint, false, t.name);
  }
  const refund = tools.find((t) => t.name === 'refund_payment');
  assert.deepEqual(refund.inputSchema.required, ['payment_id', 'refund_reason']);
  assert.deepEqual(refund.inputSchema.properties.refund_reason.enum, ['REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT', 'OTHER']);
  assert.deepEqual(
    { destructive: refund.annotations.destructiveHint, idempotent: refund.annotations.idempotentHint },
    { destructive: true, idempotent: false },
  );
  const create = tools.find((t) => t.name === 'create_customer').annotations;
  assert.deepEqual([create.destructiveHint, create.idempotentHint], [false, false]);
  const remove = tools.find((t) => t.name === 'delete_customer').annotations;
  assert.deepEqual([remove.destructiveHint, remove.idempotentHint], [true, true]);
  // Amounts are strings in every schema: a decimal field never takes a JSON number.
  const coupon = tools.find((t) => t.name === 'create_coupon').inputSchema.properties.discount_value;
  assert.equal(coupon.type, 'string');
  assert.equal(ajv.validate(coupon, 5), false);
});

test('resource stream://docs/openapi: the description the tools come from', async () => {
  const { resources } = await stdio.client.listResources();
  assert.deepEqual(resources.map((r) => r.uri), ['stream://docs/openapi']);
  const { contents } = await stdio.client.readResource({ uri: 'stream://docs/openapi' });
  const spec = JSON.parse(contents[0].text);
  assert.equal(contents[0].mimeType, 'application/json');
  assert.ok(spec.paths['/api/v2/payments/{payment_id}/refund'].post);
  await assert.rejects(stdio.client.readResource({ uri: 'stream://docs/nothing' }), /no resource stream:\/\/docs\/nothing/);
});

test('a merchant flow over stdio: the mock\'s exact amounts, as strings', async () => {
  const customer = await call('create_customer', { name: 'Noura Test', email: 'noura@example.sa', preferred_language: 'AR' });
  assert.equal((await call('get_customer', { customer_id: customer.id })).email, 'noura@example.sa');
  const product = await call('create_product', { name: 'Tea ceremony', type: 'ONE_OFF', price: '115.00' });
  assert.deepEqual(product.prices.map((p) => [p.currency, p.amount]), [['SAR', '115.00']]);
  const link = await call('create_payment_link', { name: 'Tea for three', items: [{ product_id: product.id, quantity: 3 }], organization_consumer_id: customer.id });
  assert.deepEqual([link.amount, link.currency], ['345.00', 'SAR']);
  assert.equal((await call('get_payment_link', { payment_link_id: link.id })).amount, '345.00');

  const page = await call('list_payments', { limit: 5, statuses: ['SUCCEEDED'] });
  assert.equal(page.data.length, 5);
  for (const p of page.data) {
    assert.equal(p.currentStatus, 'SUCCEEDED');
    assert.equal(p.amount, mock.streamPayPayment(p.id).payment.amount, 'the exact decimal the mock holds');
    assert.equal(typeof p.amountInSmallestUnit, 'string');
  }
  const fixture = await call('get_payment', { payment_id: mock.ids.streamPayPayment });
  assert.deepEqual([fixture.amount, fixture.amountInSmallestUnit, fixture.currency], ['115.00', '11500', 'SAR']);

  const { id } = mock.createStreamPayPayment({ amount: '12.345', currency: 'KWD', status: 'PENDING' });
  await call('mark_payment_as_paid', { payment_id: id, payment_method: 'CASH', note: 'paid at the desk' });
  assert.equal((await call('get_payment', { payment_id: id })).currentStatus, 'SUCCEEDED');
  const refunded = await call('refund_payment', { payment_id: id, refund_reason: 'REQUESTED_BY_CUSTOMER' });
  assert.deepEqual([refunded.currentStatus, refunded.amount, refunded.amountInSmallestUnit, refunded.currency], ['REFUNDED', '12.345', '12345', 'KWD']);

  // The gateway's coins: smallest units exact, and the display form the client computes.
  const gateway = await call('get_gateway_payment', { payment_id: mock.ids.gatewayCompleted });
  const near = gateway.addresses.find((c) => c.token === 'NEAR');
  assert.deepEqual([near.amount, near.formattedAmount], ['166389351081530800779973', '0.166389351081530800779973']);
});

test('every tool is called, each with arguments its schema accepts, and answers without isError', async () => {
  const first = async (name, args, pick = () => true) => (await call(name, args)).data.find(pick);
  const customer = await first('list_customers', { limit: 1 });
  const products = (await call('list_products', { limit: 100, active: true })).data;
  const oneOff = products.find((p) => p.type === 'ONE_OFF' && !p.prices.some((x) => x.currency === 'KWD'));
  const recurring = products.find((p) => p.type === 'RECURRING');
  const metered = products.find((p) => p.type === 'METERED');
  const future = '2027-01-15T09:00:00+03:00';

  await call('get_account');
  await call('update_customer', { customer_id: customer.id, comment: 'VIP' });
  const extra = await call('create_customer', { name: 'To be deleted' });
  await call('delete_customer', { customer_id: extra.id });

  await call('get_product', { product_id: oneOff.id });
  await call('update_product', { product_id: oneOff.id, description: 'Now with mint' });
  const price = await call('add_product_price', { product_id: oneOff.id, currency: 'KWD', amount: '9.500' });
  assert.equal(price.amount, '9.500');
  const newer = await call('update_product_price', { product_id: oneOff.id, price_id: price.id, amount: '9.750' });
  await call('delete_product_price', { product_id: oneOff.id, price_id: newer.id });
  const spare = await call('create_product', { name: 'Spare', type: 'ONE_OFF', price: '1.00' });
  await call('archive_product', { product_id: spare.id });

  const coupon = await call('create_coupon', { name: 'MCP10', discount_value: '10', is_percentage: true });
  await call('get_coupon', { coupon_id: coupon.id });
  await call('list_coupons', { limit: 2, active: true });
  await call('update_coupon', { coupon_id: coupon.id, name: 'MCP12', discount_value: '12' });
  assert.equal((await call('deactivate_coupon', { coupon_id: coupon.id })).isActive, false);
  await call('delete_coupon', { coupon_id: coupon.id });

  const methods = { mada: true, visa: true, mastercard: true, amex: false, bank_transfer: false, installment: false };
  const invoice = await call('create_invoice', { customer_id: customer.id, items: [{ product_id: oneOff.id, quantity: 2 }], payment_methods: methods, scheduled_on: future });
  await call('get_invoice', { invoice_id: invoice.id });
  await call('update_invoice', { invoice_id: invoice.id, scheduled_on: '2027-01-20T09:00:00+03:00' });
  await call('list_invoices', { limit: 2, currencies: ['SAR'], organization_consumer_id: customer.id });

  const pending = mock.createStreamPayPayment({ amount: '20.00', status: 'PENDING', invoiceId: '00000000-0000-4000-8000-000000000001' }); // auto-charge pays a payment of an invoice
  await call('auto_charge_payment', { payment_id: pending.id });

  await call('list_payment_links', { limit: 2, statuses: ['ACTIVE'] });
  const link = await call('create_payment_link', { name: 'Short-lived', items: [{ product_id: oneOff.id }] });
  assert.equal((await call('deactivate_payment_link', { payment_link_id: link.id, deactivate_message: 'sold out' })).status, 'INACTIVE');
  assert.equal((await call('set_payment_link_status', { payment_link_id: link.id, status: 'ACTIVE' })).status, 'ACTIVE');

  const sub = await call('create_subscription', { organization_consumer_id: customer.id, items: [{ product_id: recurring.id, quantity: 1 }], period_start: future });
  await call('get_subscription', { subscription_id: sub.id });
  await call('update_subscription', { subscription_id: sub.id, items: [{ product_id: recurring.id, quantity: 2 }], coupons: [] });
  const freeze = await call('freeze_subscription', { subscription_id: sub.id, freeze_start_datetime: '2027-02-01T00:00:00+03:00', freeze_end_datetime: '2027-02-10T00:00:00+03:00' });
  await call('list_subscription_freezes', { subscription_id: sub.id });
  await call('update_subscription_freeze', { subscription_id: sub.id, freeze_id: freeze.id, freeze_start_datetime: '2027-02-02T00:00:00+03:00', freeze_end_datetime: '2027-02-12T00:00:00+03:00' });
  await call('delete_subscription_freeze', { subscription_id: sub.id, freeze_id: freeze.id });
  await call('list_subscriptions', { limit: 2, currencies: ['SAR'], sort_direction: 'asc' });
  assert.equal((await call('cancel_subscription', { subscription_id: sub.id })).status, 'CANCELED');

  const metering = await call('create_metered_subscription', { product_id: metered.id, organization_consumer_id: customer.id });
  await call('list_metered_subscriptions', { limit: 2 });
  await call('record_metered_usage', { records: [{ product_id: metered.id, organization_consumer_id: customer.id, usage_amount: '3.5', idempotency_key: 'mcp-test-1' }] });
  await call('deactivate_metered_subscription', { subscription_id: metering.id });

  const listed = await call('list_api_endpoints', { tag: 'Payments' });
  assert.ok(listed.endpoints.some((e) => e.path === '/api/v2/payments/{payment_id}/refund' && e.tools.includes('refund_payment')));
  const endpoint = await call('get_api_endpoint', { path: '/api/v2/payments/{payment_id}', method: 'GET' });
  assert.deepEqual(endpoint.tools, ['get_payment']);
  assert.equal((await call('search_api_endpoints', { query: 'freeze' })).count, 4);

  assert.deepEqual([...called].sort(), ALL_TOOLS, 'every tool was called');
  assert.ok(amountsSeen > 20, `the tools answered amounts (${amountsSeen}), every one a string`);
});

test('errors are isError results with code, status and streamCode; a 503 on a mutating tool is sent once', async () => {
  const missing = await callError('get_payment', { payment_id: '00000000-0000-4000-8000-000000000000' });
  assert.deepEqual([missing.code, missing.status, missing.streamCode], ['NOT_FOUND', 404, 'PAYMENT_NOT_FOUND']);
  const invalid = await callError('create_customer', { name: 'Bad email', email: 'not-an-email' });
  assert.deepEqual([invalid.code, invalid.status], ['VALIDATION', 422]);
  assert.equal(invalid.body.detail[0].loc.join('.'), 'body.email');

  const { id } = mock.createStreamPayPayment({ amount: '50.00', status: 'PENDING' });
  const path = `/api/v2/payments/${id}/mark-paid`;
  mock.injectFault({ path, method: 'POST', status: 503, times: 3 });
  const down = await callError('mark_payment_as_paid', { payment_id: id, payment_method: 'CASH' });
  assert.deepEqual([down.code, down.status], ['SERVER', 503]);
  assert.equal(mock.requests({ path }).length, 1, 'the mock saw one request: no retry');
  mock.clearFaults();
  // A read is retried by the client as usual: one 503, then the answer.
  mock.injectFault({ path: `/api/v2/payments/${id}`, method: 'GET', status: 503, headers: { 'retry-after': '0' } });
  assert.equal((await callOk(stdio.client, 'get_payment', { payment_id: id })).currentStatus, 'PENDING');
  assert.deepEqual(mock.requests({ path: `/api/v2/payments/${id}` }).map((r) => r.status), [503, 200]);

  const before = mock.requests().length;
  assert.equal((await callError('refund_payment', { payment_id: id, reason: 'typo' })).code, 'INVALID_ARGUMENT');
  assert.equal((await callError('no_such_tool', {})).code, 'INVALID_ARGUMENT');
  assert.equal((await callError('get_api_endpoint', { path: '/api/v2/nothing' })).code, 'NOT_FOUND');
  assert.equal(mock.requests().length, before, 'bad arguments are refused before any request');
});

test('keys over stdio: STREAM_API_KEY and --api-key-env too; none is a usage error; --help shows no key', async () => {
  const official = await connectStdio({ env: { ...env, STREAMPAY_API_KEY: '', STREAM_API_KEY: API_KEY } });
  assert.equal((await callOk(official.client, 'get_payment', { payment_id: mock.ids.streamPayPayment })).amount, '115.00');
  await official.close();
  const named = await connectStdio({ env: { ...env, STREAMPAY_API_KEY: '', SHOP_KEY: API_KEY }, args: ['--api-key-env', 'SHOP_KEY'] });
  assert.equal((await callOk(named.client, 'get_account')).organization.nameEn, 'Example Club');
  await named.close();
  const wrong = await connectStdio({ env: { ...env, STREAMPAY_API_KEY: Buffer.from('mcp-wrong:key-0000').toString('base64') } });
  const denied = await wrong.client.callTool({ name: 'get_account', arguments: {} });
  assert.deepEqual([denied.isError, denied.structuredContent.error.code, denied.structuredContent.error.status], [true, 'UNAUTHORIZED', 401]);
  await wrong.close();

  assertUsageError(await cli(['mcp'], { env: { STREAMPAY_URL: mock.url } }), /no StreamPay key: set STREAMPAY_API_KEY/);
  assertUsageError(await cli(['mcp', '--api-key-env', 'NOT_SET_HERE'], { env }), /NOT_SET_HERE/);
  assertUsageError(await cli(['mcp', '--port', '8000'], { env }), /--http/);
  const help = await cli(['mcp', '--help'], { env });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--http/);
  assert.match((await cli(['--help'], { env })).stdout, /^ {2}mcp /m);
  // stdin closing after the last request: every answer is still written, then exit 0.
  const lines = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_payment', arguments: { payment_id: mock.ids.streamPayPayment } } },
  ];
  const piped = await cli(['mcp'], { env, input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n' });
  assert.equal(piped.code, 0, piped.stderr);
  const answers = piped.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(answers.map((a) => a.id), [1, 2]);
  assert.equal(answers[1].result.structuredContent.amount, '115.00');
});

test('HTTP: 401 without a Bearer; two sessions with different keys each see only their own data', async () => {
  const mockA = await mockModule.startMock({ apiKey: KEY_A, seed: 5, paymentCount: 5 });
  const mockB = await mockModule.startMock({ apiKey: KEY_B, seed: 6, paymentCount: 5 });
  const router = await startKeyRouter([mockA, mockB]);
  const server = await startHttpServer({ env: { STREAMPAY_URL: router.url, STREAM_GATEWAY_URL: mockA.url } });
  try {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    const post = (headers, body = initialize) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(body) });
    const anonymous = await post({});
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate'), /^Bearer /);
    outputs.push({ args: ['mcp --http (401)'], stdout: await anonymous.text(), stderr: '' });

    const a = await connectHttp(server.url, KEY_A);
    const b = await connectHttp(server.url, KEY_B);
    assert.equal((await a.client.listTools()).tools.length, ALL_TOOLS.length);
    await callOk(a.client, 'create_customer', { name: 'Only In A' });
    await callOk(b.client, 'create_customer', { name: 'Only In B' });
    // Interleaved, at the same time: each answer comes from its own key's organisation.
    const pages = await Promise.all(Array.from({ length: 8 }, (_, i) => callOk(i % 2 ? b.client : a.client, 'list_customers', { search_term: 'Only In' })));
    pages.forEach((page, i) => assert.deepEqual(page.data.map((c) => c.name), [i % 2 ? 'Only In B' : 'Only In A']));
    assert.equal(mockA.requests({ path: '/api/v2/consumers' }).length, 5);
    assert.equal(mockB.requests({ path: '/api/v2/consumers' }).length, 5);

    // A session answers only its own key; an unknown session is gone.
    const hijack = await post({ authorization: `Bearer ${KEY_B}`, 'mcp-session-id': a.sessionId, 'mcp-protocol-version': '2025-06-18' }, { jsonrpc: '2.0', id: 9, method: 'tools/list' });
    assert.equal(hijack.status, 403);
    const unknown = await post({ authorization: `Bearer ${KEY_A}`, 'mcp-session-id': 'no-such-session' }, { jsonrpc: '2.0', id: 9, method: 'tools/list' });
    assert.equal(unknown.status, 404);
    outputs.push({ args: ['mcp --http (403, 404)'], stdout: (await hijack.text()) + (await unknown.text()), stderr: '' });
    assert.equal((await callOk(a.client, 'get_gateway_payment', { payment_id: mockA.ids.gatewayCompleted })).status, 'completed');
    await a.close();
    await b.close();
    assert.match(server.run.stderr(), /session [0-9a-f]{8} closed/);
  } finally {
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.stderr);
    await router.close();
    await mockA.close();
    await mockB.close();
  }
});

test('README: the tool list is the one tools/list gives', () => {
  const rows = tools.map((t) => `| \`${t.name}\` | ${t.title} | ${t.annotations.readOnlyHint ? 'reads' : t.annotations.destructiveHint ? 'changes' : 'adds'} |`);
  const expected = ['<!-- mcp-tools: generated from tools/list by tests/js/cli/mcp.test.mjs (MCP_README_WRITE=1 rewrites it) -->', '| tool | what | data |', '|---|---|---|', ...rows, '<!-- /mcp-tools -->'].join('\n');
  const readme = readFileSync(README, 'utf8');
  const block = /<!-- mcp-tools:[^]*?<!-- \/mcp-tools -->/;
  if (process.env.MCP_README_WRITE) writeFileSync(README, readme.replace(block, expected));
  assert.equal(readFileSync(README, 'utf8').match(block)?.[0], expected);
});

test('no key in anything the servers printed or answered', () => {
  assertNoSecretPrinted();
  for (const { stdout, stderr } of outputs) {
    for (const secret of [...MORE_SECRETS, API_KEY, KEY_PAIR]) assert.ok(!stdout.includes(secret) && !stderr.includes(secret), 'a key in MCP output');
  }
});
