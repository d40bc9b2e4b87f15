// What the <stream-checkout> suites share: the test site (tests/js/element, copied into the scratch
// project of tests/scripts/test-package.sh, beside a second copy of the package), the mock,
// Chromium, and helpers that mount the element in a page and wait for its states.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPageStack } from './stacks.mjs';
import { watchErrors } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const shotsDir = join(resolve(root, process.env.TEST_OUT ?? 'tests/out'), 'screenshots', 'element');

/** The mock, a static server of the test site and Chromium (clipboard allowed); `close()` stops all. */
export async function startElementStack() {
  const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  const site = join(scratch, 'site-element');
  rmSync(site, { recursive: true, force: true });
  cpSync(join(root, 'tests/js/element'), site, { recursive: true });
  // A second copy of the package at another URL: /copy/node_modules/stream-payments/.
  cpSync(join(scratch, 'node_modules/stream-payments'), join(site, 'copy/node_modules/stream-payments'), { recursive: true });
  mkdirSync(shotsDir, { recursive: true });
  const stack = await startPageStack(scratch, site);
  await stack.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return stack;
}

/** A new page of the test site with the element defined; `before(page)` runs before it loads. */
export async function openElementPage(stack, { path = '/index.html', before } = {}) {
  const page = await stack.browser.context.newPage();
  const errors = watchErrors(page);
  await before?.(page);
  await page.goto(stack.server.url + path);
  await page.waitForFunction(() => window.pageReady === true);
  return { page, errors };
}

/** Puts a fresh `<stream-checkout id="el">` with `attributes` into the page (replacing any). */
export function mount(page, attributes, { documentLang = 'en' } = {}) {
  return page.evaluate(([attributes, documentLang]) => {
    document.documentElement.lang = documentLang;
    window.events.length = 0;
    const el = document.createElement('stream-checkout');
    el.id = 'el';
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.getElementById('host').replaceChildren(el);
  }, [attributes, documentLang]);
}

/** Waits until the element's `status` is `status` (bounded). */
export function waitStatus(page, status, timeout = 20_000) {
  return page.waitForFunction((s) => document.getElementById('el')?.status === s, status, { timeout });
}

/** The events the page recorded, in order (see tests/js/element/page.js). */
export const events = (page) => page.evaluate(() => window.events);

/** Text of the element's part `name` (shadow DOM), or null when hidden. */
export function partText(page, name) {
  return page.evaluate((name) => {
    const el = document.getElementById('el').shadowRoot.querySelector(`[part~="${name}"]`);
    return el && el.checkVisibility() ? el.textContent : null;
  }, name);
}

/** Chromium logs each HTTP error answer as a console error; the tests that cause them expect them. */
export const unexpected = (errors) => errors.filter((e) => !/status of (404|500|503)/.test(e));

/** A front for the stack's static server on 127.0.0.1 that sends `csp` as the page's policy. */
export async function startCspFront(stack, csp) {
  const target = new URL(stack.server.url);
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, { ...answer.headers, 'content-security-policy': csp });
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  // Chromium may hold a preconnected socket that never carries a request; `close` alone would wait
  // for it (up to a minute), so every connection is ended with the server, as static-server.mjs does.
  const close = () => new Promise((ok) => {
    server.close(ok);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${server.address().port}`, close };
}

/** A page whose element shows a new pending mock payment (2.50 USD, `payment` options added):
 *  `{ page, errors, id }`. `before(page)` runs before the page loads. */
export async function openWithPayment(stack, attributes = {}, { payment, before } = {}) {
  const { page, errors } = await openElementPage(stack, { before });
  const id = stack.mock.state.createGatewayPayment({ amountUsd: '2.50', ...payment }).payment_id;
  await mount(page, { 'payment-id': id, 'api-base': stack.mock.url, ...attributes });
  await waitStatus(page, 'pending');
  return { page, errors, id };
}
