// The full build: both clients, amounts, push verification.
export { StreamError } from './errors.js';
export { GatewayClient, StreamPayClient } from './clients.js';
export { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from './amounts.js';
export { verifyGatewayCallback, parseGatewayCallback, verifyStreamPayWebhook } from './push.js';
