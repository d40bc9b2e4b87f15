// The README's <stream-checkout> page (its ```html test:element block) as written, served next to
// the installed package like a user's project, against the mock in place of the
// `npx stream-payments mock --port 8787` it names: the checkout shows the payment, and once the
// mock completes it the page's own stream-paid handler reports the id and the paid slot shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBlocks } from '../readme/blocks.mjs';
import { startElementStack, waitStatus } from '../../support/element-page.mjs';
import { watchErrors } from '../../support/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const blocks = extractBlocks(readFileSync(join(root, 'README.md'), 'utf8')).filter((b) => b.kind === 'element');
const README_GATEWAY = 'http://127.0.0.1:8787';
let stack;

before(async () => {
  stack = await startElementStack();
});

after(() => stack?.close());

test('the README has one <stream-checkout> page', () => {
  assert.equal(blocks.length, 1);
  assert.ok(blocks[0].code.includes(`api-base="${README_GATEWAY}"`), 'it names the mock the README starts');
});

test('the README\'s <stream-checkout> page runs: pending, then paid, with its own handler called', { timeout: 60_000 }, async () => {
  const { mock, server } = stack;
  const [block] = blocks;
  const site = join(process.env.STREAM_SCRATCH, 'site-element');
  writeFileSync(join(site, 'readme-checkout.html'), block.code.replace(README_GATEWAY, mock.url));
  const page = await stack.browser.context.newPage();
  const errors = watchErrors(page);
  const reported = [];
  await page.route('**/orders/paid', async (route) => {
    reported.push(route.request().postData());
    await route.fulfill({ status: 204 });
  });
  await page.goto(`${server.url}/readme-checkout.html`);
  await page.evaluate(() => { document.querySelector('stream-checkout').id = 'el'; });
  await waitStatus(page, 'pending');
  const id = 'DemoPending000000000001';
  assert.equal(await page.evaluate(() => document.getElementById('el').shadowRoot.querySelector('[part=amount]').textContent), '1.00 USDC');
  mock.state.completeGatewayPayment(id);
  await page.evaluate(() => document.getElementById('el').refresh());
  await waitStatus(page, 'completed');
  await page.waitForFunction(() => document.querySelector('[slot=paid]').checkVisibility());
  assert.deepEqual(reported, [id]);
  assert.deepEqual(errors, []);
  await page.close();
});
