// "stream-payments/web": the web build without top-level await; call `init()` (or `initSync()`)
// before anything else.
import glueInit, { initSync as glueInitSync } from './glue.js';
import { whenInstantiated } from './ready.js';

export default async function init(moduleOrPath) {
  const exports = await glueInit(moduleOrPath);
  whenInstantiated();
  return exports;
}

export function initSync(module) {
  const exports = glueInitSync(module);
  whenInstantiated();
  return exports;
}

export * from './index.js';
