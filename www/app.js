// The demo page: loads /config.json (written by www/serve.mjs), then starts the three sections.
// Importing 'stream-payments' (the import map points at /pkg/web/index.js) initialises the wasm.
import { startCheckout } from './checkout-controls.js';
import { startMerchant } from './merchant.js';
import { startConverter } from './converter.js';
import { $ } from './util.js';

async function main() {
  const config = await fetch('/config.json').then((res) => {
    if (!res.ok) throw new Error(`/config.json: HTTP ${res.status} (start the page with make demo)`);
    return res.json();
  });
  // With the mock: its test key for the merchant view and its demo ids for the id picker.
  const mockUrl = config.mockUrl ?? config.streampayMockUrl;
  const mock = mockUrl
    ? await fetch(new URL('/__mock/state', mockUrl)).then((res) => res.json()).catch(() => null)
    : null;
  const params = new URLSearchParams(location.search);

  $('boot').hidden = true;
  for (const id of ['checkout', 'merchant', 'converter']) $(id).hidden = false;
  $('footer-api').textContent = `Gateway API: ${config.gatewayUrl} · StreamPay API: ${config.streampayUrl}`
    + (config.mockUrl ? ' (the local mock)' : '');

  startConverter();
  const demoIds = mock ? [...Object.values(mock.demoIds ?? {}), ...Object.values(mock.gatewayFixtureIds ?? {})] : [];
  const checkout = startCheckout({ config, params, demoIds });
  checkout.open(params.get('payment') || config.defaultPaymentId);
  startMerchant({
    config,
    apiKey: config.streampayApiKey ?? (config.streampayMockUrl ? mock?.apiKeyHeader : null),
  });
}

main().catch((err) => {
  const boot = $('boot');
  boot.hidden = false;
  boot.className = 'notice error';
  boot.textContent = `The demo could not start: ${err.message}`;
});
