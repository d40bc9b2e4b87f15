// What every client method does; the methods themselves are generated, one per operation, in
// pkg/src/operations/ (codegen/gen-js.mjs). A method hands its operation's id and arguments to
// the wasm client (`RawClient`) in one call, which checks them and answers with the request to
// send (`io.js` sends it); the operation itself (path, checks, decoding) is Rust's table,
// src/api/*/operations.rs, whose index is the id.

import * as glue from './glue.js';
import { allItems } from './iterate.js';
import { send, transport } from './io.js';
import { waitFor, watchMany, watchOne } from './polls.js';

const clients = new WeakMap();

/** The wasm client of `client` and how it sends; throws the StreamError of a freed client. */
function wasmClient(client, method) {
  const found = clients.get(client);
  if (found === undefined) throw glue.notAClient(method);
  return found;
}

export class Client {
  constructor(api, options) {
    const raw = new glue.RawClient(api, options);
    clients.set(this, { raw, io: transport(raw, options) });
  }

  /** Releases the client's wasm memory; later calls reject with a StreamError. */
  free() {
    clients.get(this)?.raw.free();
    clients.delete(this);
  }

  [Symbol.dispose]() {
    this.free();
  }
}

/** One operation `op` (its id) of `client`'s table, named `method` for messages. */
export async function call(client, method, op, a0, a1, a2, options) {
  const { raw, io } = wasmClient(client, method);
  const pending = raw.call(op, a0, a1, a2, options, options?.signal, options?.timeoutMs);
  try {
    await send(io, pending, options?.signal, undefined, io.hooks?.trace(method));
    return JSON.parse(pending.answer());
  } finally {
    pending.free();
  }
}

/** Every item of every page of list operation `op`. Bad arguments throw here, before any request;
 *  a freed client rejects at the first `next()`. */
export function listAll(client, method, op, a0, a1, options) {
  const found = clients.get(client);
  if (found === undefined) return rejecting(glue.notAClient(method));
  const { raw, io } = found;
  const pages = raw.pages(op, a0, a1, options, options?.signal, options?.timeoutMs);
  return allItems(io, pages, options?.signal, method);
}

async function* rejecting(error) {
  throw error;
}

export async function waitForPayment(client, paymentId, options) {
  const { raw, io } = wasmClient(client, 'waitForPayment');
  return waitFor(io, raw.wait(paymentId, options), options, 'waitForPayment');
}

export function watchPayment(client, paymentId, options) {
  const found = clients.get(client);
  if (found === undefined) return rejecting(glue.notAClient('watchPayment'));
  return watchOne(found.io, found.raw.wait(paymentId, options), options);
}

export function watchPayments(client, paymentIds, options) {
  const { raw, io } = wasmClient(client, 'watchPayments');
  return watchMany(io, raw.watchMany(paymentIds, options), options);
}
