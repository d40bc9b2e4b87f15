// A page with no bundler imports the installed web build through an import map and calls exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { startStaticServer } from '../../support/static-server.mjs';
import { launchChromium, watchErrors } from '../../support/chromium.mjs';

const scratch = process.env.STREAM_SCRATCH;
let server, browser;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>web build</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "stream-payments": "/node_modules/stream-payments/web/index.js" } }</script>
<output id="out">loading</output>
<script type="module">
  import { formatUnits, parseUnits } from 'stream-payments';
  let error;
  try { parseUnits('1e5', 6); } catch (e) { error = e; }
  document.getElementById('out').textContent = JSON.stringify({
    trunc: formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }),
    halfUp: formatUnits(166389351081530800779973n, 24, { maxFractionDigits: 5, rounding: 'halfUp' }),
    grouped: formatUnits('123456789', 2, { grouping: true, locale: 'de-DE' }),
    error: { isError: error instanceof Error, name: error.name, code: error.code },
  });
</script>`);
  writeFileSync(join(site, 'manual.html'), manualInitPage());
  server = await startStaticServer({ '/node_modules/': join(scratch, 'node_modules'), '/': site });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the web build works in Chromium from a <script type="module"> with no bundler', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading');
  const result = JSON.parse(await page.textContent('#out'));
  assert.deepEqual(result, {
    trunc: '0.16638',
    halfUp: '0.16639',
    grouped: '1.234.567,89',
    error: { isError: true, name: 'StreamError', code: 'INVALID_ARGUMENT' },
  });
  assert.deepEqual(errors, []);
});

/**
 * `stream-payments/web` mapped the way its package.json `exports` says (no bundler), initialised
 * by hand: `?mode=init` calls `init()` (the .wasm found beside the module), `?mode=initSync`
 * fetches the .wasm bytes itself and calls `initSync`. Then amounts, an error and a client.
 */
function manualInitPage() {
  const pkg = join(scratch, 'node_modules/stream-payments');
  const web = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports['./web'];
  const entry = typeof web === 'string' ? web : web.browser ?? web.import ?? web.default;
  const entryUrl = `/node_modules/stream-payments/${relative(pkg, join(pkg, entry))}`;
  const dir = dirname(join(pkg, entry));
  const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm beside the web build: ${wasm}`);
  const wasmUrl = `/node_modules/stream-payments/${relative(pkg, join(dir, wasm[0]))}`;
  return `<!doctype html><meta charset="utf-8"><title>manual init</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports: { 'stream-payments/web': entryUrl } })}</script>
<output id="out">loading</output>
<script type="module">
  import init, { initSync, formatUnits, parseUnits, GatewayClient } from 'stream-payments/web';
  const mode = new URLSearchParams(location.search).get('mode');
  const out = document.getElementById('out');
  try {
    if (mode === 'init') await init();
    else initSync({ module: await (await fetch(${JSON.stringify(wasmUrl)})).arrayBuffer() });
    let error;
    try { parseUnits('1e5', 6); } catch (e) { error = e; }
    const canned = { payment_id: 'Canned', status: 'pending', addresses: [] };
    const client = new GatewayClient({ fetch: async () => new Response(JSON.stringify(canned), { headers: { 'content-type': 'application/json' } }) });
    out.textContent = JSON.stringify({
      trunc: formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }),
      fr: formatUnits('123456789012', 3, { grouping: true, locale: 'fr-FR' }),
      error: { isError: error instanceof Error, name: error.name, code: error.code },
      status: (await client.getPayment('Canned')).status,
    });
  } catch (e) {
    out.textContent = JSON.stringify({ failed: String(e) });
  }
</script>`;
}

for (const mode of ['init', 'initSync']) {
  test(`stream-payments/web with ${mode}() in Chromium: amounts, errors and a client work`, async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/manual.html?mode=${mode}`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading');
    assert.deepEqual(JSON.parse(await page.textContent('#out')), {
      trunc: '0.16638',
      fr: '123\u202f456\u202f789,012',
      error: { isError: true, name: 'StreamError', code: 'INVALID_ARGUMENT' },
      status: 'pending',
    });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
