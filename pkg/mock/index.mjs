// `stream-payments/mock` (Node): the mock of both Stream APIs for merchants' own tests. A thin,
// documented face over the server (server.mjs) and its scripting API (state.mjs); types in
// index.d.ts. Everything is seeded: the same seed gives the same data and the same generated ids.
import { startMockServer } from './server.mjs';
import { signGatewayCallback, signStreamPayWebhook } from './push.mjs';
import { DEMO_IDS } from './gateway-data.mjs';
import { GATEWAY_COMPLETED_ID, GATEWAY_EXPIRED_ID } from './fixtures.mjs';

/** The x-api-key token the mock accepts unless told otherwise: base64("test-key:test-secret"). */
export const DEFAULT_API_KEY = Buffer.from('test-key:test-secret').toString('base64');

/** Payment ids every fresh (or reset) mock serves. */
export const MOCK_IDS = Object.freeze({
  gatewayCompleted: GATEWAY_COMPLETED_ID,
  gatewayExpired: GATEWAY_EXPIRED_ID,
  gatewayPending: DEMO_IDS.pending,
  gatewayPendingEur: DEMO_IDS.pendingEur,
  gatewayAutoComplete: DEMO_IDS.autoComplete,
  gatewayAutoExpire: DEMO_IDS.autoExpire,
  streamPayPayment: '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40',
  streamPayPayment2: '0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083',
});

export { signGatewayCallback, signStreamPayWebhook };

/**
 * Starts the mock on 127.0.0.1 (`port` 0: a free one). `apiKey` is the x-api-key token that
 * StreamPay routes accept, i.e. what `new StreamPayClient({ apiKey })` is given.
 */
export async function startMock({
  port = 0,
  host = '127.0.0.1',
  seed = 1,
  apiKey = DEFAULT_API_KEY,
  paymentCount = 250,
  logLimit,
  finalizedStatusCode,
  maxStallMs,
} = {}) {
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError('startMock: apiKey must be a non-empty header value (visible ASCII)');
  }
  if (!Number.isInteger(seed)) throw new TypeError('startMock: seed must be an integer');
  const server = await startMockServer({ port, host, seed, paymentCount, logLimit, finalizedStatusCode, maxStallMs });
  const state = server.state;
  state.apiKeyHeader = apiKey;
  const close = () => server.close();
  return {
    url: server.url,
    gatewayUrl: server.url,
    streampayUrl: server.url,
    controlUrl: `${server.url}/__mock/`,
    port: server.port,
    apiKey,
    seed,
    ids: MOCK_IDS,
    close,
    // `await using mock = await startMock()` where the runtime has explicit resource management.
    ...(Symbol.asyncDispose ? { [Symbol.asyncDispose]: close } : {}),

    reset: () => void state.reset(),

    createGatewayPayment: (options) => state.createGatewayPayment(options),
    createGatewayPayments: (count, options) => state.createGatewayPayments(count, options),
    completeGatewayPayment: (id, options) => state.completeGatewayPayment(id, options),
    expireGatewayPayment: (id) => state.expireGatewayPayment(id),
    setGatewayLifecycle: (id, lifecycle) => state.setGatewayLifecycle(id, lifecycle),
    gatewayPayment: (id) => state.gatewayPayment(id),

    createStreamPayPayment: (options) => state.createStreamPayPayment(options),
    createStreamPayPayments: (count, options) => state.createStreamPayPayments(count, options),
    setStreamPayStatus: (id, status) => state.setStreamPayStatus(id, status),
    setStreamPayLifecycle: (id, lifecycle) => state.setStreamPayLifecycle(id, lifecycle),
    streamPayPayment: (id) => state.streamPayPayment(id),
    streamPayGroups: () => state.streamPayGroups(),
    createPaymentLink: (fields) => state.createPaymentLink(fields),
    paymentLink: (id) => state.paymentLink(id),

    injectFault: (rule) => state.addFault(rule),
    removeFault: (id) => state.removeFault(id),
    clearFaults: () => state.clearFaults(),
    faults: () => state.listFaults(),

    requests: (filter) => state.requests(filter),
    clearRequests: () => state.clearRequests(),
    stats: () => state.stats(),

    state,
  };
}
