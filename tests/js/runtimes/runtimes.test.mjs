// The installed package in the JavaScript runtimes merchants deploy to besides this machine's
// Node: Bun, Deno, the current Node LTS and Cloudflare's workerd, each against the mock on
// 127.0.0.1 started here. Run by tests/scripts/test-runtimes.sh with STREAM_SCRATCH set to the
// scratch project holding the packed package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_KEY, MOCK_KEY_PAIR, startMockServer } from '../../support/mock-server.mjs';
import { freePort, run, start, waitForPort, webhookSignature } from './processes.mjs';
import { bundleWorker } from './workerd/bundle.mjs';
import { NODE_LINES } from './node-lines.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const bin = join(root, 'tests/runtimes/node_modules');
const RUNTIMES = {
  node26: join(bin, 'node26/bin/node'),
  bun: join(bin, '.bin/bun'),
  deno: join(bin, '@deno/linux-x64-glibc/deno'),
  workerd: join(bin, '.bin/workerd'),
};
const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
assert.ok(scratch, 'STREAM_SCRATCH names the scratch project (set by tests/scripts/test-runtimes.sh)');
const work = join(scratch, 'runtimes');

const WH_SECRET = 'whsec_runtimes_do-not-leak_4b1e';
const COMPLETED_ID = 'LqaUrQimtgTe9iF3Knv8Ld';
const SP_FIXTURE_ID = '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40';
const T = { timeout: 120_000 };

let mock;
before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(here, 'smoke.mjs'), join(work, 'smoke.mjs'));
  mock = await startMockServer({ apiKey: MOCK_KEY_PAIR, seed: 1, paymentCount: 10 });
});
after(async () => {
  await mock?.close();
});

/** A webhook body and its header signed now with node:crypto, for the child to verify. */
function signedWebhook() {
  const body = JSON.stringify({ event_type: 'PAYMENT_SUCCEEDED', entity_type: 'payment', entity_id: SP_FIXTURE_ID, data: { amount: '12.345' } });
  return { body, header: webhookSignature(WH_SECRET, Math.floor(Date.now() / 1000), body) };
}

/** Runs smoke.mjs in a runtime from the scratch project and returns what it saw. */
async function smoke(command, args) {
  const { body, header } = signedWebhook();
  const env = { MOCK_URL: mock.url, API_KEY, WH_SECRET, WH_BODY: body, WH_HEADER: header, NO_COLOR: '1' };
  const r = await run(command, [...args, join(work, 'smoke.mjs')], { cwd: scratch, env, limitMs: 60_000 });
  assert.equal(r.killed, false, `${basename(command)} did not finish within 60 s\n${r.stdout}\n${r.stderr}`);
  assert.equal(r.code, 0, `${basename(command)} failed:\n${r.stdout}\n${r.stderr}`);
  const seen = JSON.parse(r.stdout.trim().split('\n').at(-1));
  assert.deepEqual(seen, {
    formatted: '0.16639',
    parsed: '1234500000000000000000000000',
    gatewayPaymentId: COMPLETED_ID,
    gatewayStatus: 'completed',
    stalledBody: 'TIMEOUT',
    streamPayPaymentId: SP_FIXTURE_ID,
    webhookEventType: 'PAYMENT_SUCCEEDED',
  });
  // Every call the child made reached the mock.
  assert.ok(mock.state.requests({ paymentId: COMPLETED_ID }).length >= 1, 'the gateway call reached the mock');
  return seen;
}

test('Bun: amounts, both clients against the mock, a signed webhook, StreamError', T, async () => {
  const version = await run(RUNTIMES.bun, ['--version']);
  assert.match(version.stdout, /^1\./);
  await smoke(RUNTIMES.bun, ['run']);
});

test('Deno: the same, importing the npm package from the scratch node_modules', T, async () => {
  const denoDir = join(work, 'deno-dir');
  const r = await run(RUNTIMES.deno, ['--version'], { env: { DENO_DIR: denoDir } });
  assert.match(r.stdout, /^deno 2\./);
  process.env.DENO_DIR = denoDir; // a scratch cache: nothing outside tests/out is written
  process.env.DENO_NO_UPDATE_CHECK = '1';
  try {
    await smoke(RUNTIMES.deno, ['run', '-A', '--node-modules-dir=manual']);
  } finally {
    delete process.env.DENO_DIR;
    delete process.env.DENO_NO_UPDATE_CHECK;
  }
});

test('Node 26 (ESM): the same smoke suite', T, async () => {
  const version = await run(RUNTIMES.node26, ['--version']);
  assert.match(version.stdout, /^v26\./);
  await smoke(RUNTIMES.node26, []);
});

test('Cloudflare Workers (workerd): a worker bundled with the workerd condition', T, async (t) => {
  const dir = join(work, 'workerd');
  mkdirSync(dir, { recursive: true });
  // The worker source sits in the scratch project so `stream-payments` resolves to the install.
  cpSync(join(here, 'workerd/worker.js'), join(dir, 'src.js'));
  const wasmModules = await bundleWorker(join(dir, 'src.js'), dir);
  assert.ok(wasmModules.length >= 1, 'the workerd entry imports its .wasm as a module');
  const port = await freePort();
  const config = readFileSync(join(here, 'workerd/config.capnp.in'), 'utf8')
    .replaceAll('@PORT@', String(port))
    .replaceAll('@MOCK_URL@', mock.url)
    .replaceAll('@API_KEY@', API_KEY)
    .replaceAll('@WH_SECRET@', WH_SECRET)
    .replaceAll('@WASM_MODULES@', wasmModules.map((m) => `    (name = "${m}", wasm = embed "${m}"),`).join('\n'));
  writeFileSync(join(dir, 'config.capnp'), config);

  const server = start(RUNTIMES.workerd, ['serve', join(dir, 'config.capnp'), '--verbose'], { cwd: dir });
  t.after(() => server.stop());
  await waitForPort(port, { exited: server.exited }).catch((err) => {
    throw new Error(`${err.message}\n${server.output()}`);
  });
  const base = `http://127.0.0.1:${port}`;
  const get = async (path, init) => {
    const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(20_000) });
    return { status: res.status, body: await res.json() };
  };

  const runtime = await get('/runtime');
  assert.equal(runtime.body.userAgent, 'Cloudflare-Workers', 'the marker the browser guard relies on');
  assert.equal(runtime.body.workerGlobalScope, 'function', 'workerd defines WorkerGlobalScope (what fooled the old guard)');

  assert.deepEqual(await get('/amount?units=166389351081530800779973&decimals=24'), { status: 200, body: { text: '0.16639' } });
  const bad = await get('/amount?units=12x&decimals=6');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'INVALID_ARGUMENT');

  const { body, header } = signedWebhook();
  const post = (b, h) => get('/webhook', { method: 'POST', body: b, headers: { 'x-webhook-signature': h, 'content-type': 'application/json' } });
  assert.deepEqual(await post(body, header), {
    status: 200,
    body: { eventType: 'PAYMENT_SUCCEEDED', entityId: SP_FIXTURE_ID, data: { amount: '12.345' } },
  });
  const tampered = await post(body.replace('12.345', '99.345'), header);
  assert.equal(tampered.status, 401);
  assert.equal(tampered.body.error.code, 'INVALID_SIGNATURE');

  const since = mock.state.requests().length;
  assert.deepEqual(await get(`/gateway?id=${COMPLETED_ID}`), { status: 200, body: { paymentId: COMPLETED_ID, status: 'completed' } });
  const missing = await get('/gateway?id=NoSuchPayment000000000');
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.code, 'NOT_FOUND');

  // Not refused as a browser, and the merchant call reaches the mock.
  assert.deepEqual(await get(`/streampay?id=${SP_FIXTURE_ID}`), { status: 200, body: { id: SP_FIXTURE_ID, constructed: true } });
  const reached = mock.state.requests().slice(since).map((r) => r.path);
  assert.ok(reached.includes(`/api/v1/payment/${COMPLETED_ID}`), `gateway call seen by the mock: ${reached}`);
  assert.ok(reached.includes(`/api/v2/payments/${SP_FIXTURE_ID}`), `StreamPay call seen by the mock: ${reached}`);

  await server.stop();
  assert.notEqual(server.child.exitCode ?? server.child.signalCode, null, 'workerd has exited');
});

test('a runtime without WebAssembly (--jitless): the import fails at once, naming WebAssembly', T, async () => {
  const probe = "import('stream-payments').then(() => console.log('LOADED'), (e) => { console.error(`${e.name}: ${e.message}`); process.exitCode = 3; })";
  const cases = [
    ...NODE_LINES.map(({ major, bin: node }) => [`node ${major}`, node, ['--jitless', '--input-type=module', '-e', probe]]),
    ['node 20 require', process.execPath, ['--jitless', '-e', "require('stream-payments')"]],
  ];
  for (const [name, command, args] of cases) {
    const r = await run(command, args, { cwd: scratch, limitMs: 20_000 });
    assert.equal(r.killed, false, `${name}: no hang`);
    assert.notEqual(r.code, 0, `${name}: the import fails\n${r.stdout}`);
    assert.doesNotMatch(r.stdout, /LOADED/);
    assert.match(r.stderr, /WebAssembly/, `${name}: the error names what is missing\n${r.stderr}`);
  }
});
