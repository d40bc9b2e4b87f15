// get, list payments, amount, --help and usage errors: each run as a real subprocess against a
// mock started here (startMock on a free port), table and --json output, exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { API_KEY, KEY_PAIR, SCRATCH, assertNoSecretPrinted, assertUsageError, cli, cleanEnv, closedPort, mockModule } from './helpers.mjs';

let mock;
let env;
before(async () => {
  mock = await mockModule.startMock({ apiKey: API_KEY, seed: 3, paymentCount: 40 });
  env = { STREAM_GATEWAY_URL: mock.gatewayUrl, STREAMPAY_URL: mock.streampayUrl, STREAMPAY_API_KEY: API_KEY };
});
after(() => mock?.close());

test('get: a gateway payment as a table, exact coin amounts; --json is the package object', async () => {
  const table = await cli(['get', mock.ids.gatewayCompleted], { env });
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /^payment\s+LqaUrQimtgTe9iF3Knv8Ld$/m);
  assert.match(table.stdout, /^status\s+completed$/m);
  assert.match(table.stdout, /^NEAR\s+0\.166389351081530800779973\s+24\s/m);
  const json = await cli(['get', mock.ids.gatewayCompleted, '--json'], { env });
  assert.equal(json.code, 0);
  const payment = JSON.parse(json.stdout);
  assert.equal(payment.paymentId, 'LqaUrQimtgTe9iF3Knv8Ld');
  assert.equal(payment.addresses[0].amount, '166389351081530800779973');
  const expired = await cli(['get', mock.ids.gatewayExpired, '--base-url', mock.url]);
  assert.match(expired.stdout, /^status\s+not_found \(expired\)$/m);
});

test('get --streampay: with the key from the environment or --api-key', async () => {
  const fromEnv = await cli(['get', mock.ids.streamPayPayment, '--streampay'], { env });
  assert.equal(fromEnv.code, 0, fromEnv.stderr);
  assert.match(fromEnv.stdout, /^amount\s+115\.00 SAR$/m);
  const fromOption = await cli(['get', mock.ids.streamPayPayment, '--streampay', '--json', '--api-key', API_KEY, '--base-url', mock.url]);
  assert.equal(JSON.parse(fromOption.stdout).currentStatus, 'SUCCEEDED');
});

test('API errors: one line on stderr, exit 1; the package refusing an id is a usage error (2)', async () => {
  const missing = await cli(['get', 'NoSuchPayment000000001'], { env });
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /^stream-payments: NOT_FOUND: .*\(HTTP 404, request [0-9a-f-]+\)\n$/);
  const wrongKey = await cli(['get', mock.ids.streamPayPayment, '--streampay', '--api-key', Buffer.from('cli-wrong:key-value').toString('base64')], { env });
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /^stream-payments: UNAUTHORIZED: /);
  assertUsageError(await cli(['get', 'not an id!'], { env }), /INVALID_ARGUMENT: paymentId/);
  assertUsageError(await cli(['get', mock.ids.streamPayPayment, '--streampay'], { env: { STREAMPAY_URL: mock.url } }), /STREAMPAY_API_KEY/);
  const down = await cli(['get', mock.ids.gatewayPending, '--base-url', `http://127.0.0.1:${await closedPort()}`, '--request-timeout', '5s'], { env: {} });
  assert.equal(down.code, 1);
  assert.match(down.stderr, /^stream-payments: (NETWORK|TIMEOUT): /);
});

test('list payments: a table with the page line, --json the page; filters reach the API', async () => {
  const table = await cli(['list', 'payments', '--limit', '5', '--status', 'succeeded', '--status', 'REFUNDED'], { env });
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trim().split('\n');
  assert.match(lines[0], /^ID\s+STATUS\s+AMOUNT\s+CURRENCY\s+METHOD\s+SCHEDULED ON$/);
  const rows = lines.slice(1, lines.indexOf(''));
  assert.ok(rows.length >= 1 && rows.length <= 5, table.stdout);
  for (const row of rows) assert.match(row, /^[0-9a-f-]{36}\s+(SUCCEEDED|REFUNDED)\s+\d+\.\d+\s+[A-Z]{3}\s/);
  assert.match(table.stdout, /\npage 1 of \d+, \d+ payments/);
  const [last] = mock.requests({ path: '/api/v2/payments' }).slice(-1);
  assert.deepEqual(last.query, { limit: '5', statuses: ['SUCCEEDED', 'REFUNDED'] });

  const json = await cli(['list', 'payments', '--limit', '3', '--page', '2', '--json'], { env });
  const page = JSON.parse(json.stdout);
  assert.equal(page.data.length, 3);
  assert.equal(page.pagination.currentPage, 2);
  assert.equal(page.pagination.totalCount, 42);
});

test('amount: exact formatting and parsing from the shell', async () => {
  const shortened = await cli(['amount', '166389351081530800779973', '--token', 'STRM', '--digits', '5', '--rounding', 'ceil']);
  assert.deepEqual([shortened.code, shortened.stdout], [0, '0.16639\n']);
  const full = await cli(['amount', '166389351081530800779973', '--token', 'NEAR']);
  assert.equal(full.stdout, '0.166389351081530800779973\n');
  const parsed = await cli(['amount', '--parse', '12.345', '--token', 'KWD', '--json']);
  assert.deepEqual(JSON.parse(parsed.stdout), { input: '12.345', token: 'KWD', decimals: 3, result: '12345' });
  const negative = await cli(['amount', '--decimals', '2', '--grouping', '--', '-123456789']);
  assert.equal(negative.stdout, '-1,234,567.89\n');
  assertUsageError(await cli(['amount', '--parse', '12.3456', '--token', 'KWD']), /fraction digits/);
  assertUsageError(await cli(['amount', '12x', '--token', 'SAR']));
  assertUsageError(await cli(['amount', '1', '--token', 'NOPE']), /unknown token "NOPE"/);
  assertUsageError(await cli(['amount', '1', '--token', 'SAR', '--rounding', 'up']), /--rounding must be one of/);
  assertUsageError(await cli(['amount', '1']), /--token or --decimals/);
});

test('--help on every command: usage on stdout, exit 0', async () => {
  for (const args of [['--help'], ['mock', '--help'], ['get', '--help'], ['list', '--help'], ['watch', '--help'],
    ['webhook', '--help'], ['webhook', 'trigger', '--help'], ['webhook', 'verify', '-h'], ['amount', '--help']]) {
    const r = await cli(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /^Usage: stream-payments/, args.join(' '));
    assert.equal(r.stderr, '');
  }
});

test('unknown commands, options and bad values: one line, exit 2', async () => {
  assertUsageError(await cli([]), /no command/);
  assertUsageError(await cli(['refund']), /unknown command "refund"/);
  assertUsageError(await cli(['get', 'X', '--colour']), /Unknown option '--colour'/);
  assertUsageError(await cli(['get']), /missing argument/);
  assertUsageError(await cli(['get', 'a', 'b']), /unexpected argument "b"/);
  assertUsageError(await cli(['list', 'invoices'], { env }), /only "payments"/);
  assertUsageError(await cli(['list', 'payments', '--limit', '500'], { env }), /--limit must be a whole number from 1 to 100/);
  assertUsageError(await cli(['list', 'payments', '--status', 'PAID'], { env }), /not a StreamPay status/);
  assertUsageError(await cli(['list', 'payments', '--order', 'up'], { env }), /--order must be one of asc, desc/);
  assertUsageError(await cli(['watch', mock.ids.gatewayPending, '--timeout', 'soon']), /--timeout must be a duration/);
  assertUsageError(await cli(['mock', '--port', '70000']), /--port must be a whole number from 0 to 65535/);
  assertUsageError(await cli(['webhook', 'resend']), /unknown webhook command/);
  // A secret given to a command that has no such option is still not echoed.
  assertUsageError(await cli(['amount', '1', '--token', 'SAR', '--api-key', API_KEY]), /Unknown option '--api-key'/);
  assertUsageError(await cli(['amount', `--secret=${KEY_PAIR}`]));
});

test('--verbose shows each request (method, URL, status), never the key', async () => {
  const r = await cli(['get', mock.ids.streamPayPayment, '--streampay', '--verbose'], { env });
  assert.equal(r.code, 0);
  assert.match(r.stderr, new RegExp(`^GET ${mock.url}/api/v2/payments/${mock.ids.streamPayPayment} -> 200 \\(\\d+ ms\\)$`, 'm'));
  const logged = mock.requests({ paymentId: mock.ids.streamPayPayment }).at(-1);
  assert.equal(logged.headers['x-api-key'], '[redacted]', 'the mock saw a key (and keeps it out of its log)');
});

test('npx stream-payments, in the project that installed the package', { skip: !SCRATCH && 'needs the packed package installed (tests/scripts/test-package.sh)' }, async () => {
  const { stdout } = await promisify(execFile)('npx', ['--no-install', 'stream-payments', 'amount', '1500', '--token', 'SAR'], { cwd: SCRATCH, env: cleanEnv() });
  assert.equal(stdout, '15\n');
});

test('no key or secret in any output of this file', () => assertNoSecretPrinted());
