// Push notifications. Rust checks every argument, builds what is hashed and judges the result;
// the hashing is the runtime's own Web Crypto, called here.

import * as glue from './glue.js';

const utf8 = new TextEncoder();

export async function verifyGatewayCallback(payload, secretKey) {
  const check = glue.gatewayCheck(payload, secretKey);
  if (check === undefined) return false;
  try {
    const digest = await webCrypto('SHA-256', (subtle) => subtle.digest('SHA-256', check.message));
    return check.verdict(digest);
  } finally {
    check.free();
  }
}

export const parseGatewayCallback = (rawBody) => glue.parseGatewayCallback(rawBody);

export async function verifyStreamPayWebhook(rawBody, signatureHeader, secret, options) {
  const check = glue.webhookCheck(rawBody, signatureHeader, secret, options);
  try {
    const mac = await webCrypto('HMAC-SHA256', async (subtle) => {
      const algorithm = { name: 'HMAC', hash: 'SHA-256' };
      const key = await subtle.importKey('raw', utf8.encode(secret), algorithm, false, ['sign']);
      return subtle.sign('HMAC', key, check.message);
    });
    return JSON.parse(check.verdict(mac));
  } finally {
    check.free();
  }
}

/** The bytes `work` computes with `globalThis.crypto.subtle` (read at each call, so a polyfill
 *  installed later is seen). Rust words the errors, without the runtime's text. */
async function webCrypto(what, work) {
  const subtle = globalThis.crypto?.subtle;
  if (typeof subtle !== 'object' || subtle === null) throw glue.webCryptoError(undefined);
  try {
    return new Uint8Array(await work(subtle));
  } catch {
    throw glue.webCryptoError(what);
  }
}
