// Cloudflare Workers (workerd): compiling wasm from fetched bytes is refused there, so the
// .wasm is imported as a module, which the runtime compiles at deploy time.
import { initSync } from './glue.js';
import wasmModule from './glue.wasm';
import { whenInstantiated } from './ready.js';

initSync({ module: wasmModule });
whenInstantiated();

export * from './index.js';
