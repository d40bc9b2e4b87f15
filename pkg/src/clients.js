// The two client classes. Each method hands its arguments to the wasm client in one call, which
// checks them and answers with the request to send (`io.js` sends it); the operations themselves
// (paths, checks, decoding) are Rust's catalogue, listed by `glue.operations()` and turned into
// methods once the module is ready (see `defineOperations`).

import * as glue from './glue.js';
import { jsonArg } from './json-arg.js';
import { allItems } from './iterate.js';
import { send, transport } from './io.js';
import { waitFor, watchMany, watchOne } from './polls.js';

const clients = new WeakMap();

/** The wasm client and its transport. */
function parts(client, method) {
  const found = clients.get(client);
  if (found === undefined) throw glue.notAClient(method);
  return found;
}

class Client {
  constructor(api, options) {
    const raw = new glue.RawClient(api, options);
    clients.set(this, { raw, io: transport(raw, options?.fetch) });
  }

  /** Releases the client's wasm memory; later calls reject with a StreamError. */
  free() {
    clients.get(this)?.raw.free();
    clients.delete(this);
  }

  [Symbol.dispose]() {
    this.free();
  }

  async waitForPayment(paymentId, options) {
    const { raw, io } = parts(this, 'waitForPayment');
    return waitFor(io, raw.wait(paymentId, options), options);
  }

  watchPayment(paymentId, options) {
    const { raw, io } = parts(this, 'watchPayment');
    return watchOne(io, raw.wait(paymentId, options), options);
  }

  watchPayments(paymentIds, options) {
    const { raw, io } = parts(this, 'watchPayments');
    return watchMany(io, raw.watchMany(paymentIds, options), options);
  }
}

/** Client of the Stream crypto gateway: payment status, payment pages. Safe in browsers. */
export class GatewayClient extends Client {
  constructor(options) {
    super('gateway', options);
  }
}

/** Client of the StreamPay merchant API. Holds a secret key: for servers. */
export class StreamPayClient extends Client {
  constructor(options) {
    super('streampay', options);
  }
}

// `v`: the value as it is (Rust checks it is a string); `j`: an object, as its JSON text.
const pass = (how, value) => (how === 'j' ? jsonArg(value) : value);

function operationMethod(name, kind, how) {
  const arity = how.length;
  const method =
    kind === 'all'
      ? function (...args) {
          const { raw, io } = parts(this, name);
          const options = args[arity];
          const pages = raw.pages(
            name, pass(how[0], args[0]), pass(how[1], args[1]), options, options?.signal, options?.timeoutMs,
          );
          return allItems(io, pages, options?.signal);
        }
      : async function (...args) {
          const { raw, io } = parts(this, name);
          const options = args[arity];
          const call = raw.call(
            name, pass(how[0], args[0]), pass(how[1], args[1]), pass(how[2], args[2]),
            options, options?.signal, options?.timeoutMs,
          );
          try {
            await send(io, call, options?.signal);
            return JSON.parse(call.take());
          } finally {
            call.free();
          }
        };
  Object.defineProperty(method, 'name', { value: name });
  return method;
}

/** Adds one method per catalogue operation; called once the wasm module is ready. */
export function defineOperations() {
  for (const [Class, api] of [[GatewayClient, 'gateway'], [StreamPayClient, 'streampay']]) {
    for (const entry of glue.operations(api).split(';')) {
      if (entry === '') continue; // a build without this API (checkout has no StreamPay)
      const [name, kind, how] = entry.split(':');
      Object.defineProperty(Class.prototype, name, {
        value: operationMethod(name, kind, how),
        writable: true,
        configurable: true,
      });
    }
  }
}
