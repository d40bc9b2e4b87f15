// The full build: both clients, amounts, push verification.
export { StreamError } from './errors.js';
export { GatewayClient } from './operations/gateway-full.js';
export { StreamPayClient } from './operations/streampay.js';
export { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from './amounts.js';
export { verifyGatewayCallback, parseGatewayCallback, verifyStreamPayWebhook } from './push.js';
