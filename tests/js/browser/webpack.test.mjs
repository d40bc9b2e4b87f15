// webpack 5 as a user runs it: tests/js/webpack (a config with no wasm rules) copied into the
// scratch project, so `stream-payments` resolves to the installed tarball; `webpack` builds it,
// and the page runs in Chromium against the mock on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from '../../support/chromium.mjs';
import { startPageStack } from '../../support/stacks.mjs';
import { assertEmittedWasm, webpackBuild } from '../../support/bundlers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
let app, stack, server, browser, mock;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  app = join(scratch, 'webpack-app');
  rmSync(app, { recursive: true, force: true });
  cpSync(join(root, 'tests/js/webpack'), app, { recursive: true });
  stack = await startPageStack(scratch, app);
  ({ mock, server, browser } = stack);
});

after(() => stack?.close());

test('webpack 5 bundles the package with no wasm config; the page formats an amount and reads a payment from the mock', { timeout: 180_000 }, async () => {
  const bundle = await webpackBuild(app);
  assertEmittedWasm(bundle, 'web'); // the full build: `stream-payments` is the whole client

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
