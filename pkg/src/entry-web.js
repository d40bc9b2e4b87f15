// Browsers and bundlers: fetches and instantiates the .wasm beside this file once (top-level
// await), so every export is ready to call. For manual control import "stream-payments/web".
import init from './glue.js';
import { whenInstantiated } from './ready.js';

await init();
whenInstantiated();

export * from './index.js';
