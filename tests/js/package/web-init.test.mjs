// `stream-payments/web` in Node: the web build, initialised by hand with the .wasm bytes, as
// the README's "manual initialisation" row promises (initSync here, init in a child process).
// The .wasm is found beside the module the package exports, whatever its file name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPLETED_ID, T, runChild, startMock } from './helpers.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.close());

/** The web build's .wasm: the one .wasm file beside the `stream-payments/web` module. */
function wasmPath() {
  const dir = dirname(fileURLToPath(import.meta.resolve('stream-payments/web')));
  const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm beside the web build: ${wasm}`);
  return join(dir, wasm[0]);
}

test('initSync with the .wasm bytes: amounts, errors and a client work', T, async () => {
  const web = await import('stream-payments/web');
  assert.equal(typeof web.initSync, 'function');
  web.initSync({ module: readFileSync(wasmPath()) });
  assert.equal(web.formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }), '0.16638');
  assert.equal(web.parseUnits('1.5', 6), '1500000');
  assert.throws(() => web.parseUnits('1e5', 6), (e) => e instanceof Error && e.name === 'StreamError' && e.code === 'INVALID_ARGUMENT');
  const payment = await new web.GatewayClient({ baseUrl: mock.url }).getPayment(COMPLETED_ID);
  assert.equal(payment.status, 'completed');
  assert.equal(payment.addresses[0].formattedAmount, '0.166389351081530800779973');
});

test('init with the .wasm bytes (async) in a fresh process', T, async () => {
  const child = await runChild(`
import { readFileSync } from 'node:fs';
import init, { formatUnits, GatewayClient } from 'stream-payments/web';
await init({ module_or_path: readFileSync(process.env.WASM) });
const p = await new GatewayClient({ baseUrl: process.env.MOCK_URL }).getPayment(process.env.ID);
console.log(JSON.stringify([formatUnits('1500000', 6), p.status]));
`, { WASM: wasmPath(), MOCK_URL: mock.url, ID: COMPLETED_ID });
  assert.equal(child.code, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), ['1.5', 'completed']);
});
