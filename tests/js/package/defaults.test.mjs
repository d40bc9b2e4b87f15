// The default base URLs of both clients: a typo there would break every production user and no
// mock test would see it. An injected fetch records each URL and answers itself with the
// documented body, so no request leaves the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayClient, StreamPayClient } from 'stream-payments';
import { API_KEY, COMPLETED_ID, SP_FIXTURE_ID, T } from './helpers.mjs';

const fixture = (name) => readFileSync(join(process.env.STREAM_ROOT, 'pkg/mock/fixtures', name), 'utf8');
const GATEWAY_PAYMENT = fixture('gateway-payment-completed.json');
const STREAMPAY_PAYMENT = fixture('streampay-payment.json');
const STREAMPAY_PAGE = fixture('streampay-payments-page.json');
const LINK = JSON.stringify({ paymentID: 'NewLink0000000000000001', expiryAt: '2026-12-01T12:00:00+00:00', url: 'https://pay.streampayments.app/x' });

/** A fetch that records what it was asked for and answers by path; `urls` lists the URLs. */
function recordingFetch() {
  const urls = [];
  const fetch = async (input, init) => {
    // A string, a URL or a Request: whichever the client passes.
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push({ url, method: (init?.method ?? input?.method ?? 'GET').toUpperCase() });
    const { pathname } = new URL(url);
    const body = pathname.endsWith('/page') ? LINK
      : pathname.startsWith('/api/v1/payment/') ? GATEWAY_PAYMENT
        : pathname === '/api/v2/payments' ? STREAMPAY_PAGE
          : STREAMPAY_PAYMENT;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, urls };
}

const CREATE = { name: 'Order 1', returnUrl: 'https://shop.example/done', amountUsd: '1.00' };

test('GatewayClient: status from https://streampayments.app, creation on https://pay.streampayments.app', T, async () => {
  const { fetch, urls } = recordingFetch();
  const client = new GatewayClient({ fetch });
  assert.equal((await client.getPayment(COMPLETED_ID)).paymentId, COMPLETED_ID);
  await client.createPaymentLink('shop-1', CREATE);
  await client.createPayment('shop-1', CREATE);
  assert.deepEqual(urls, [
    { url: `https://streampayments.app/api/v1/payment/${COMPLETED_ID}`, method: 'GET' },
    { url: 'https://pay.streampayments.app/api/v1/payment/shop-1/page', method: 'POST' },
    { url: 'https://pay.streampayments.app/api/v1/payment/shop-1', method: 'POST' },
  ]);
});

test('GatewayClient: a baseUrl alone also moves creation there; payBaseUrl alone moves only creation', T, async () => {
  const own = recordingFetch();
  const proxied = new GatewayClient({ baseUrl: 'https://gateway.example', fetch: own.fetch });
  await proxied.getPayment(COMPLETED_ID);
  await proxied.createPaymentLink('shop-1', CREATE);
  assert.deepEqual(own.urls.map((u) => u.url), [
    `https://gateway.example/api/v1/payment/${COMPLETED_ID}`,
    'https://gateway.example/api/v1/payment/shop-1/page',
  ]);
  const pay = recordingFetch();
  const payOnly = new GatewayClient({ payBaseUrl: 'https://pay.example', fetch: pay.fetch });
  await payOnly.getPayment(COMPLETED_ID);
  await payOnly.createPayment('shop-1', CREATE);
  assert.deepEqual(pay.urls.map((u) => u.url), [
    `https://streampayments.app/api/v1/payment/${COMPLETED_ID}`,
    'https://pay.example/api/v1/payment/shop-1',
  ]);
});

test('StreamPayClient: every call goes to https://stream-app-service.streampay.sa/api/v2/', T, async () => {
  const { fetch, urls } = recordingFetch();
  const client = new StreamPayClient({ apiKey: API_KEY, fetch });
  assert.equal((await client.getPayment(SP_FIXTURE_ID)).id, SP_FIXTURE_ID);
  assert.ok((await client.listPayments({ limit: 2 })).data.length > 0);
  const base = 'https://stream-app-service.streampay.sa/api/v2';
  assert.deepEqual(urls, [
    { url: `${base}/payments/${SP_FIXTURE_ID}`, method: 'GET' },
    { url: `${base}/payments?limit=2`, method: 'GET' },
  ]);
});
