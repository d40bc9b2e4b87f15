// The one place the runtime, guard, webpack and checkout-amount suites name the mock server's
// module.
export { startMockServer } from '../../pkg/mock/server.mjs';

/** The mock's "key:secret" pair; the clients get its base64 as apiKey. */
export const MOCK_KEY_PAIR = 'test-key:test-secret';
export const API_KEY = Buffer.from(MOCK_KEY_PAIR).toString('base64');
