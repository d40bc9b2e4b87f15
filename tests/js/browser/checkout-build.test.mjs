// The checkout build (`stream-payments/checkout`) in headless Chromium, the three ways a page gets
// it: no bundler (an import map), Vite and webpack 5, each from the tarball installed in the
// scratch project. One page script (tests/js/checkout/src/main.js) serves all three. Each test
// proves that the build which ran is the checkout one (the .wasm the page fetched, and for the
// bundlers the .wasm they emitted, compared by size with both builds; its export list) and that it
// works: exact amounts, tokenDecimals, StreamError, and a GatewayClient against the mock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from '../../support/chromium.mjs';
import { startPageStack } from '../../support/stacks.mjs';
import { assertEmittedWasm, viteBuild, webpackBuild } from '../../support/bundlers.mjs';
import { startWait, until } from '../../support/page-wait.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
/** What the checkout build exports, as its docs (DESIGN.md, README, types/checkout.d.ts) say. */
const EXPORTS = ['GatewayClient', 'StreamError', 'formatUnits', 'parseUnits', 'setTokenDecimals', 'tokenDecimals'];
const PACKAGE_WASM = '/node_modules/stream-payments/checkout/stream_payments_bg.wasm';

let site, stack, server, browser, mock;

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  // One copy of the app per way of loading it, inside the scratch project (so the bundlers
  // resolve `stream-payments` to the installed tarball), all served by the stack's one server.
  site = join(scratch, 'site-checkout');
  rmSync(site, { recursive: true, force: true });
  for (const way of ['no-bundler', 'vite']) cpSync(join(root, 'tests/js/checkout'), join(site, way), { recursive: true });
  // webpack: the full build's app (its page and the config a user writes, no wasm rules) with
  // this page script in place of its own.
  cpSync(join(root, 'tests/js/webpack'), join(site, 'webpack'), { recursive: true });
  cpSync(join(root, 'tests/js/checkout/src/main.js'), join(site, 'webpack/src/main.js'));
  stack = await startPageStack(scratch, site);
  ({ mock, server, browser } = stack);
});

after(() => stack?.close());

test('the checkout build with no bundler: an import map names it, a <script type="module"> uses it', { timeout: 60_000 }, async () => {
  await checkPage('/no-bundler/no-bundler.html', PACKAGE_WASM);
});

test('the checkout build bundled by Vite (vite build, no plugin, no config)', { timeout: 180_000 }, async () => {
  // A relative base, so the built page works from the sub-folder this one server gives it.
  const wasm = assertEmittedWasm(await viteBuild(join(site, 'vite'), ['--base', './']), 'checkout');
  await checkPage('/vite/dist/index.html', `/vite/dist/${wasm}`);
});

test('the checkout build bundled by webpack 5 (the config a user writes, no wasm rules)', { timeout: 180_000 }, async () => {
  const wasm = assertEmittedWasm(await webpackBuild(join(site, 'webpack')), 'checkout');
  await checkPage('/webpack/index.html', `/webpack/dist/${wasm}`);
});

/** Opens the page at `path`, then checks the checkout build it loaded; `wasmPath` is the one .wasm it must fetch. */
async function checkPage(path, wasmPath) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const fetchedWasm = [];
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.endsWith('.wasm')) fetchedWasm.push(`${r.status()} ${pathname}`);
  });
  await page.goto(server.url + path);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 30_000 });
  assert.equal(await page.textContent('#out'), 'ready');
  assert.deepEqual(fetchedWasm, [`200 ${wasmPath}`], 'the page fetched the checkout build\'s .wasm and no other');

  await checkAmountsAndErrors(page);
  await checkGatewayClient(page);
  // Chromium logs the 404 answer of the unknown payment as a console error; nothing else may fail.
  assert.deepEqual(errors.filter((e) => !e.includes('status of 404')), []);
  await page.close();
}

async function checkAmountsAndErrors(page) {
  const result = await page.evaluate(() => {
    const { formatUnits, parseUnits, tokenDecimals, setTokenDecimals, StreamError } = window.sp;
    let refused = 'returned';
    try { parseUnits('1e5', 6); } catch (e) {
      refused = { isStreamError: e instanceof StreamError, isError: e instanceof Error, name: e.name, code: e.code };
    }
    const doge = [tokenDecimals('DOGE') ?? null];
    setTokenDecimals('DOGE', 8);
    doge.push(tokenDecimals('DOGE') ?? null);
    setTokenDecimals('DOGE', undefined);
    doge.push(tokenDecimals('DOGE') ?? null);
    return {
      exports: Object.keys(window.sp).sort(),
      hasStreamPayClient: 'StreamPayClient' in window.sp,
      formatted: [
        formatUnits('166389351081530800779973', 24),
        formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }),
        formatUnits(166389351081530800779973n, 24, { maxFractionDigits: 5, rounding: 'ceil' }),
        formatUnits('-9007199254740993000000000000000001', 18, { grouping: true }),
        formatUnits('1000000', 6, { minFractionDigits: 2 }),
      ],
      parsed: [
        parseUnits('0.166389351081530800779973', 24),
        parseUnits('9007199254740993.000000000000000001', 18),
        parseUnits('115.005', 2, { rounding: 'halfUp' }),
        parseUnits('115.005', 2, { rounding: 'halfEven' }),
      ],
      decimals: ['STRM', 'NEAR', 'USDC', 'SOL', 'usd', 'KWD'].map(tokenDecimals),
      doge,
      refused,
    };
  });
  assert.deepEqual(result, {
    exports: EXPORTS,
    hasStreamPayClient: false,
    // Exact at every digit, past 2^53 too: a float anywhere would lose these.
    formatted: ['0.166389351081530800779973', '0.16638', '0.16639', '-9,007,199,254,740,993.000000000000000001', '1.00'],
    parsed: ['166389351081530800779973', '9007199254740993000000000000000001', '11501', '11500'],
    decimals: [24, 24, 6, 9, 2, 3],
    doge: [null, 8, null],
    refused: { isStreamError: true, isError: true, name: 'StreamError', code: 'INVALID_ARGUMENT' },
  });
}

/** getPayment of a payment made in the mock, a 404 as a StreamError, then a wait the mock ends. */
async function checkGatewayClient(page) {
  const id = mock.state.createGatewayPayment({ amountUsd: '2.50' }).payment_id;
  const wire = mock.state.gatewayPayment(id).payment;
  const read = await page.evaluate(async ([url, id]) => {
    const { GatewayClient, StreamError } = window.sp;
    const client = new GatewayClient({ baseUrl: url, maxRetries: 0 });
    const p = await client.getPayment(id);
    let missing = 'resolved';
    try { await client.getPayment('NoSuchPayment0000000001'); } catch (e) {
      missing = { isStreamError: e instanceof StreamError, name: e.name, code: e.code, status: e.status };
    }
    return { paymentId: p.paymentId, status: p.status, amount: p.amount, coins: p.addresses.map((c) => [c.token, c.amount]), missing };
  }, [mock.url, id]);
  assert.deepEqual(read, {
    paymentId: id,
    status: 'pending',
    amount: wire.amount,
    coins: wire.addresses.map((c) => [c.token, c.amount]),
    missing: { isStreamError: true, name: 'StreamError', code: 'NOT_FOUND', status: 404 },
  });

  const polls = () => mock.state.requests({ paymentId: id, method: 'GET' }).length;
  const before = polls();
  await startWait(page, mock.url, id, { intervalMs: 10, maxIntervalMs: 50 });
  await until(() => polls() >= before + 2, 'the page to poll the pending payment');
  mock.state.completeGatewayPayment(id);
  assert.deepEqual(await page.evaluate(() => window.outcome), { status: 'completed', paymentId: id });
  assert.deepEqual(await page.evaluate(() => window.seen), ['pending', 'completed']);
}
