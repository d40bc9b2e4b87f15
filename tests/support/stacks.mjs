// What the Chromium suites start before their tests and stop after them: the mock API on
// 127.0.0.1, a server for the page, and a headless Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../../pkg/mock/server.mjs';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { demoConfig, startDemoServer } from '../../www/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The package the demo serves: as installed by test-package.sh (STREAM_SCRATCH), else PKG_DIR or pkg/. */
export const demoPkgDir = process.env.STREAM_SCRATCH
  ? join(process.env.STREAM_SCRATCH, 'node_modules/stream-payments')
  : resolve(root, process.env.PKG_DIR ?? 'pkg');

async function withBrowser(mock, server) {
  const browser = await launchChromium();
  return {
    mock, server, browser,
    async close() {
      await browser.close();
      await server.close();
      await mock.close();
    },
  };
}

/** The demo page (www/) against a mock with `paymentCount` generated StreamPay payments. */
export async function startDemoStack({ paymentCount }) {
  assert.ok(existsSync(join(demoPkgDir, 'web/index.js')), `a built package in ${demoPkgDir}`);
  const mock = await startMockServer({ port: 0, apiKey: 'test-key:test-secret', seed: 1, paymentCount });
  const site = await startDemoServer({ config: demoConfig({ mockUrl: mock.url, env: {} }), pkgDir: demoPkgDir });
  return withBrowser(mock, site);
}

/** A test page in `siteDir`, with the scratch project's node_modules at /node_modules/. */
export async function startPageStack(scratch, siteDir) {
  const mock = await startMockServer({ port: 0, seed: 1, paymentCount: 10 });
  const server = await startStaticServer({ '/node_modules/': join(scratch, 'node_modules'), '/': siteDir });
  return withBrowser(mock, server);
}
