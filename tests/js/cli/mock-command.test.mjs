// stream-payments mock: prints its URLs and key, serves both APIs to the package's clients, and
// stops cleanly (exit 0) on Ctrl-C or SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, assertNoSecretPrinted, mockModule, packageModule, startCli, until } from './helpers.mjs';

const { GatewayClient, StreamPayClient } = packageModule;

/** Starts `stream-payments mock ...` and waits for its first output. */
async function startMockCommand(args) {
  const run = startCli(['mock', ...args]);
  await until(() => run.stdout().includes('\n') || run.child.exitCode !== null, 'the mock command to print');
  return run;
}

async function stop(run, signal) {
  run.child.kill(signal);
  const result = await Promise.race([run.done, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  if (!result) run.child.kill('SIGKILL');
  assert.ok(result, `the mock command still runs 10 s after ${signal}`);
  return result;
}

test('--json: one line with the URLs and the default test key; the clients work against it; Ctrl-C exits 0', async () => {
  const run = await startMockCommand(['--json', '--seed', '7']);
  const info = JSON.parse(run.stdout().split('\n')[0]);
  assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(info.gatewayUrl, info.url);
  assert.equal(info.streampayUrl, info.url);
  assert.equal(info.apiKey, mockModule.DEFAULT_API_KEY);
  assert.equal(info.seed, 7);
  const payment = await new GatewayClient({ baseUrl: info.gatewayUrl }).getPayment('LqaUrQimtgTe9iF3Knv8Ld');
  assert.equal(payment.status, 'completed');
  const page = await new StreamPayClient({ apiKey: info.apiKey, baseUrl: info.streampayUrl }).listPayments({ limit: 1 });
  assert.equal(page.pagination.totalCount, 252);
  const result = await stop(run, 'SIGINT');
  assert.deepEqual([result.code, result.signal], [0, null]);
  await assert.rejects(fetch(`${info.url}/__mock/health`), 'nothing listens any more');
});

test('the same seed serves the same data as startMock with that seed', async () => {
  const run = await startMockCommand(['--json', '--seed', '5', '--count', '20']);
  const info = JSON.parse(run.stdout().split('\n')[0]);
  const inProcess = await mockModule.startMock({ seed: 5, paymentCount: 20 });
  try {
    const list = (url) => new StreamPayClient({ apiKey: mockModule.DEFAULT_API_KEY, baseUrl: url }).listPayments({ limit: 100 });
    assert.deepEqual((await list(info.url)).data, (await list(inProcess.url)).data);
  } finally {
    await inProcess.close();
    await stop(run, 'SIGTERM');
  }
});

test('as a table: URLs, key and the export line; a key given with --api-key is used but never printed', async () => {
  const plain = await startMockCommand([]);
  await until(() => plain.stdout().includes('export '), 'the export line');
  assert.match(plain.stdout(), /^gateway\s+http:\/\/127\.0\.0\.1:\d+$/m);
  assert.match(plain.stdout(), new RegExp(`^export STREAM_GATEWAY_URL=\\S+ STREAMPAY_URL=\\S+ STREAMPAY_API_KEY=${mockModule.DEFAULT_API_KEY}$`, 'm'));
  const stopped = await stop(plain, 'SIGINT');
  assert.equal(stopped.code, 0);
  assert.match(stopped.stderr, /mock stopped \(SIGINT\)/);

  const run = await startMockCommand(['--api-key', API_KEY, '--json']);
  const info = JSON.parse(run.stdout().split('\n')[0]);
  assert.equal(info.apiKey, null);
  const payment = await new StreamPayClient({ apiKey: API_KEY, baseUrl: info.url }).getPayment('6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40');
  assert.equal(payment.currentStatus, 'SUCCEEDED');
  assert.equal((await stop(run, 'SIGINT')).code, 0);
});

test('no key or secret in any output of this file', () => assertNoSecretPrinted());
