// The checkout build: what a payment page needs, over its own small .wasm.
export { StreamError } from './errors.js';
export { GatewayClient } from './operations/gateway.js';
export { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from './amounts.js';
