// What every entry does once its wasm module is instantiated: hand Rust the error factory and
// add the catalogue's methods to the client classes.

import * as glue from './glue.js';
import { makeError } from './errors.js';
import { defineOperations } from './clients.js';

let ready = false;

export function whenInstantiated() {
  if (ready) return;
  glue.attach(makeError);
  defineOperations();
  ready = true;
}
