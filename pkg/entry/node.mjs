// Node ESM: re-exports the CommonJS build, so `import` and `require` share one wasm instance.
export * from '../node/stream_payments.js';
