// Cloudflare Workers (workerd) and bundlers that target it (wrangler, esbuild with the
// `workerd` condition): workerd refuses to compile WebAssembly from fetched bytes, so the .wasm is
// imported as a module (workerd hands over a compiled WebAssembly.Module) and instantiated at once.
import { initSync } from '../web/stream_payments.js';
import wasm from '../web/stream_payments_bg.wasm';

initSync({ module: wasm });

export * from '../web/stream_payments.js';
