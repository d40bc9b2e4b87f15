// webpack 5 as a user runs it: tests/js/webpack (a config with no wasm rules) copied into the
// scratch project, so `stream-payments` resolves to the installed tarball; `webpack` builds it,
// and the page runs in Chromium against the mock on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startStaticServer } from '../../support/static-server.mjs';
import { launchChromium, watchErrors } from '../../support/chromium.mjs';
import { startMockServer } from '../../support/mock-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
const webpack = join(root, 'tests/node_modules/.bin/webpack');
let app, server, browser, mock;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  app = join(scratch, 'webpack-app');
  rmSync(app, { recursive: true, force: true });
  cpSync(join(root, 'tests/js/webpack'), app, { recursive: true });
  mock = await startMockServer({ port: 0, seed: 1, paymentCount: 10 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mock?.close();
});

test('webpack 5 bundles the package with no wasm config; the page formats an amount and reads a payment from the mock', { timeout: 180_000 }, async () => {
  try {
    await promisify(execFile)(webpack, ['--config', 'webpack.config.mjs'], { cwd: app, timeout: 150_000 });
  } catch (err) {
    assert.fail(`webpack failed:\n${err.stdout}${err.stderr}`);
  }
  const emitted = readdirSync(join(app, 'dist'));
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `webpack emitted the .wasm as an asset: ${emitted}`);
  assert.match(readFileSync(join(app, 'dist/main.js'), 'utf8'), /WebAssembly\.instantiate/, 'the bundle instantiates the .wasm (sideEffects kept the init)');

  server = await startStaticServer({ '/': app });
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?gateway=${encodeURIComponent(mock.url)}`);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 30_000 });
  const result = JSON.parse(await page.textContent('#out'));
  assert.deepEqual(result, {
    paymentId: 'LqaUrQimtgTe9iF3Knv8Ld',
    status: 'completed',
    due: '0.16639',
    missing: { name: 'StreamError', code: 'NOT_FOUND', status: 404 },
  });
  assert.equal(mock.state.requests({ path: '/api/v1/payment/LqaUrQimtgTe9iF3Knv8Ld' }).length, 1, 'the call reached the mock');
  // Chromium's own console line for the 404 answer is the only error allowed.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});
