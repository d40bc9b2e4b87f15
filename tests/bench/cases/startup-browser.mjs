// Cold start of the checkout build in headless Chromium: a fresh page imports
// `stream-payments/checkout` from a local server (no HTTP cache: the server says no-store) and makes
// the first formatUnits call: fetching the entry, the glue and the .wasm, compiling and
// instantiating it. Measured inside the page (performance.now()).
import { join } from 'node:path';
import { launchChromium } from '../../support/chromium.mjs';
import { startStaticServer } from '../../support/static-server.mjs';
import { median, spreadPct } from '../lib/stats.mjs';
import { scratchDir } from '../lib/subject.mjs';

export const COMPARISONS = [{ id: 'startup-browser' }];

export async function run(_id, { startupRuns = 15 }) {
  const pkg = join(scratchDir(), 'node_modules/stream-payments');
  const server = await startStaticServer({ '/checkout/': join(pkg, 'checkout'), '/': join(pkg, 'checkout') });
  const browser = await launchChromium();
  const once = async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/package.json`);
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      const { formatUnits } = await import('/checkout/index.js');
      if (formatUnits('1500000', 6) !== '1.5') throw new Error('wrong answer');
      return performance.now() - t0;
    });
    await page.close();
    return ms;
  };
  try {
    await once(); // warms the OS file cache and the browser process
    const samples = [];
    for (let r = 0; r < startupRuns; r++) samples.push(await once());
    return {
      id: 'startup-browser',
      title: 'Checkout build cold start in Chromium: fetch + compile + instantiate + first formatUnits',
      runs: startupRuns,
      results: [{ name: 'stream-payments/checkout', importMs: median(samples), importSpreadPct: spreadPct(samples) }],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
