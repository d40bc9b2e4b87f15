// The secret-key guard in Chromium: a page and a page's dedicated worker (a module worker that
// imports the installed web build) both refuse `new StreamPayClient({ apiKey })`, and both work
// with allowBrowser: true against the mock. The server side is in tests/js/runtimes/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchErrors } from '../../support/chromium.mjs';
import { startPageStack } from '../../support/stacks.mjs';

/** The package entry the page and the worker import (module workers have no import map). */
const ENTRY = '/node_modules/stream-payments/web/index.js';
const SP_FIXTURE_ID = '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40';

const scratch = process.env.STREAM_SCRATCH;
let stack, server, browser, mock;

// Runs in the page and in the worker alike: the refusal, then the opt-in against the mock.
const probe = `
  import { StreamPayClient } from '${ENTRY}';
  export async function probe(mockUrl) {
    const apiKey = 'dGVzdC1rZXk6dGVzdC1zZWNyZXQ=';
    const result = { scope: globalThis.constructor.name };
    try { new StreamPayClient({ apiKey, baseUrl: mockUrl }); result.plain = 'constructed'; }
    catch (e) { result.plain = { isError: e instanceof Error, name: e.name, code: e.code, message: e.message }; }
    const allowed = new StreamPayClient({ apiKey, baseUrl: mockUrl, allowBrowser: true });
    result.allowed = (await allowed.getPayment('${SP_FIXTURE_ID}')).id;
    return result;
  }`;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site-guard');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'probe.js'), probe);
  writeFileSync(join(site, 'worker.js'), `
    // The mock's URL comes in the worker's own URL: a message posted before the module's
    // top-level await settles would find no listener yet.
    import { probe } from './probe.js';
    const mockUrl = new URL(self.location.href).searchParams.get('mock');
    try { self.postMessage(await probe(mockUrl)); }
    catch (err) { self.postMessage({ unexpected: String(err && err.stack || err) }); }`);
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>guard</title><link rel="icon" href="data:,">
<output id="page">loading</output> <output id="worker">loading</output>
<script type="module">
  import { probe } from './probe.js';
  const mockUrl = new URL(location.href).searchParams.get('mock');
  const show = (id, value) => { document.getElementById(id).textContent = JSON.stringify(value); };
  probe(mockUrl).then((r) => show('page', r), (e) => show('page', { unexpected: String(e) }));
  const worker = new Worker('./worker.js?mock=' + encodeURIComponent(mockUrl), { type: 'module' });
  worker.onmessage = (e) => show('worker', e.data);
  worker.onerror = (e) => show('worker', { unexpected: e.message || 'worker error' });
</script>`);
  stack = await startPageStack(scratch, site);
  ({ mock, server, browser } = stack);
});

after(() => stack?.close());

test('StreamPayClient is refused in a page and in a dedicated worker, and works with allowBrowser', { timeout: 15_000 }, async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?mock=${encodeURIComponent(mock.url)}`);
  await page.waitForFunction(() => ['page', 'worker'].every((id) => document.getElementById(id).textContent !== 'loading'));
  const results = {
    page: JSON.parse(await page.textContent('#page')),
    worker: JSON.parse(await page.textContent('#worker')),
  };
  assert.equal(results.page.scope, 'Window');
  assert.equal(results.worker.scope, 'DedicatedWorkerGlobalScope');
  for (const [where, r] of Object.entries(results)) {
    assert.equal(r.unexpected, undefined, `${where}: ${r.unexpected}`);
    assert.equal(r.plain.isError, true, where);
    assert.equal(r.plain.name, 'StreamError', where);
    assert.equal(r.plain.code, 'INVALID_ARGUMENT', where);
    assert.match(r.plain.message, /refuses to run in a browser.*allowBrowser/s, where);
    assert.equal(r.allowed, SP_FIXTURE_ID, `${where}: allowBrowser: true works against the mock`);
  }
  assert.equal(mock.state.requests({ path: `/api/v2/payments/${SP_FIXTURE_ID}`, method: 'GET' }).length, 2, 'one call from the page, one from the worker');
  assert.deepEqual(errors, []);
  await page.close();
});
