// Browsers and bundlers: loads the .wasm beside the glue once (top-level await), then every
// export is ready to call. For manual control import "stream-payments/web" and call init().
import init from '../web/stream_payments.js';

await init();

export * from '../web/stream_payments.js';
