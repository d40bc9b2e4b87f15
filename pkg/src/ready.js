// What every entry does once its wasm module is instantiated: hand Rust the error factory.

import * as glue from './glue.js';
import { makeError } from './errors.js';

let ready = false;

export function whenInstantiated() {
  if (ready) return;
  glue.attach(makeError);
  ready = true;
}
