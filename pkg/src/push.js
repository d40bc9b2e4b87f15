// Push notifications: forwarded as they are; Rust checks every argument and signature.
import * as glue from './glue.js';

export const verifyGatewayCallback = (payload, secretKey) =>
  glue.verifyGatewayCallback(payload, secretKey);
export const parseGatewayCallback = (rawBody) => glue.parseGatewayCallback(rawBody);
export const verifyStreamPayWebhook = (rawBody, signatureHeader, secret, options) =>
  glue.verifyStreamPayWebhook(rawBody, signatureHeader, secret, options);
