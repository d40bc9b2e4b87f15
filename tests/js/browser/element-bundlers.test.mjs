// <stream-checkout> bundled by Vite and by webpack 5 (no plugin, no wasm rule), from the tarball
// installed in the scratch project: the bundle carries the element, emits exactly the checkout
// build's .wasm (the element imports that build), and the page shows a mock payment. The no-bundler
// way (an import map) is what the other element suites load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertEmittedWasm, viteBuild, webpackBuild } from '../../support/bundlers.mjs';
import { startElementStack, waitStatus } from '../../support/element-page.mjs';
import { watchErrors } from '../../support/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let stack, site;

before(async () => {
  stack = await startElementStack();
  site = join(process.env.STREAM_SCRATCH, 'site-element');
});

after(() => stack?.close());

async function checkPage(path, wasmPath) {
  const { mock, server, browser } = stack;
  const id = mock.state.createGatewayPayment({ amountUsd: '2.50' }).payment_id;
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const fetchedWasm = [];
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.endsWith('.wasm')) fetchedWasm.push(pathname);
  });
  await page.goto(`${server.url}${path}?api=${encodeURIComponent(mock.url)}&payment=${id}`);
  await waitStatus(page, 'pending');
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[part=amount]').textContent), '0.41598 STRM');
  assert.deepEqual(fetchedWasm, [wasmPath]);
  assert.deepEqual(errors, []);
  await page.close();
}

test('<stream-checkout> bundled by Vite (vite build, no plugin, no config)', { timeout: 180_000 }, async () => {
  const app = join(site, 'vite-app');
  cpSync(join(root, 'tests/js/element/bundled'), app, { recursive: true });
  const wasm = assertEmittedWasm(await viteBuild(app, ['--base', './']), 'checkout');
  await checkPage('/vite-app/dist/index.html', `/vite-app/dist/${wasm}`);
});

test('<stream-checkout> bundled by webpack 5 (the config a user writes, no wasm rules)', { timeout: 180_000 }, async () => {
  const app = join(site, 'webpack-app');
  cpSync(join(root, 'tests/js/webpack'), app, { recursive: true });
  cpSync(join(root, 'tests/js/element/bundled/src/main.js'), join(app, 'src/main.js'));
  const wasm = assertEmittedWasm(await webpackBuild(app), 'checkout');
  await checkPage('/webpack-app/index.html', `/webpack-app/dist/${wasm}`);
});
