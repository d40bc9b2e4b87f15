// Receiving Stream push notifications with plain node:http: read the raw body, verify it, answer
// 2xx for a genuine delivery and 400 for anything else. This file is the README example and is
// run by tests/js/package/webhook-handler.test.mjs (there importing 'stream-payments').
//
//   STREAMPAY_WEBHOOK_SECRET=... GATEWAY_SECRET_KEY=... PORT=8787 node www/webhook-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseGatewayCallback, verifyGatewayCallback, verifyStreamPayWebhook } from '../pkg/node/index.mjs';

const MAX_BODY_BYTES = 1 << 20;

/** The body exactly as received (a Buffer), or null past the limit. Signatures cover these
 *  bytes: never verify JSON.stringify(parsedBody). */
function readRawBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

/**
 * A request handler for two routes:
 *  POST /webhooks/streampay  (StreamPay, header x-webhook-signature)  -> onWebhook(event)
 *  POST /callbacks/gateway   (crypto gateway, signature in the body)  -> onGatewayCallback(callback)
 * Both senders retry until they get a 2xx, so make the callbacks idempotent, and treat a
 * callback as a signal: fetch the payment before fulfilling an order.
 */
export function createPushHandler({ webhookSecret, gatewaySecretKey, onWebhook, onGatewayCallback, onRejected = () => {} }) {
  return async (req, res) => {
    const answer = (status, text) => res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method !== 'POST') return answer(405, 'POST only');
      if (pathname !== '/webhooks/streampay' && pathname !== '/callbacks/gateway') return answer(404, 'not found');
      const rawBody = await readRawBody(req);
      if (rawBody === null) return answer(413, 'body too large');

      if (pathname === '/webhooks/streampay') {
        const event = await verifyStreamPayWebhook(rawBody, req.headers['x-webhook-signature'], webhookSecret);
        await onWebhook(event);
      } else {
        const callback = parseGatewayCallback(rawBody); // keeps every digit of the amounts
        if (!(await verifyGatewayCallback(callback, gatewaySecretKey))) {
          onRejected(new Error('gateway callback signature does not match'));
          return answer(400, 'invalid signature');
        }
        await onGatewayCallback(callback);
      }
      return answer(200, 'ok');
    } catch (err) {
      if (err?.name === 'StreamError' && (err.code === 'INVALID_SIGNATURE' || err.code === 'DECODE')) {
        onRejected(err); // err.message says which check failed; it never contains the secret
        return answer(400, 'invalid delivery');
      }
      console.error(err); // our bug or configuration: 500, and the sender retries later
      if (!res.headersSent) answer(500, 'internal error');
    }
  };
}

// Run as a program (not when imported): a server on 127.0.0.1 that logs what it accepts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { STREAMPAY_WEBHOOK_SECRET: webhookSecret, GATEWAY_SECRET_KEY: gatewaySecretKey } = process.env;
  if (!webhookSecret || !gatewaySecretKey) {
    console.error('set STREAMPAY_WEBHOOK_SECRET and GATEWAY_SECRET_KEY');
    process.exit(1);
  }
  const server = createServer(createPushHandler({
    webhookSecret,
    gatewaySecretKey,
    onWebhook: (event) => console.log(`webhook ${event.eventType} ${event.entityId ?? ''}`),
    onGatewayCallback: (callback) => console.log(`callback ${callback.paymentId} received ${callback.receivedAmountUsd} USD`),
    onRejected: (err) => console.warn(`rejected: ${err.message}`),
  }));
  server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
  });
  process.on('SIGTERM', () => server.close());
}
