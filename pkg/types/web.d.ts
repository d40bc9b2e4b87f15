// stream-payments/web: the full build without top-level await; call init() first.
export * from './index';

/** Where the .wasm comes from: its URL (default: beside this module), a Response, its bytes or
 *  a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Fetches and instantiates the module; every other export works once this resolves. */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;
/** Instantiates the module from its bytes or a compiled module, synchronously. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
