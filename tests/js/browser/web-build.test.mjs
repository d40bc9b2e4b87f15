// A page with no bundler imports the installed web build through an import map and calls exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../../support/static-server.mjs';
import { launchChromium, watchErrors } from '../../support/chromium.mjs';

const scratch = process.env.STREAM_SCRATCH;
let server, browser;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><title>web build</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "stream-payments": "/node_modules/stream-payments/entry/web.js" } }</script>
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
