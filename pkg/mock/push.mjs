// Signed (and forgeable) push deliveries, built with node:crypto only: the reference the package's
// verification is tested against. Gateway callback: SHA-256 hex of the documented field string
// with the secret inside. StreamPay webhook: `x-webhook-signature: t=<unix>,v1=<hex>`, the hex
// being HMAC-SHA256(secret, `${t}.${rawBody}`) over the raw bytes.
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';

/** The documented string the gateway hashes (values as they are sent, String()-ed). */
export function gatewaySignatureText(payload, secret) {
  const p = payload;
  return `Amount=${p.amount};AmountUsd=${p.amount_usd};CurrentDateTime=${p.current_datetime};` +
    `PaymentID=${p.payment_id};ReceivedAmount=${p.received_amount};` +
    `ReceivedAmountUsd=${p.received_amount_usd};SecretKey=${secret}`;
}

/** `payload` (snake_case, as the gateway posts it) with its `signature` set. */
export function signGatewayCallback(payload, secret) {
  const signature = createHash('sha256').update(gatewaySignatureText(payload, secret), 'utf8').digest('hex');
  return { ...payload, signature };
}

/** The `x-webhook-signature` value for `rawBody` (string or bytes) signed at unix second `t`. */
export function signStreamPayWebhook(rawBody, secret, t = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** POSTs `rawBody` to `url` exactly as given; resolves `{ status, body }`. */
export function deliver(url, rawBody, headers = {}) {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': bytes.length, ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}
