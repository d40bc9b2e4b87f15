// The two client classes. Each method forwards its arguments to the wasm client in one call;
// the operations themselves (paths, checks, decoding) are Rust's catalogue, listed by
// `glue.operations()` and turned into methods once the module is ready (see `defineOperations`).

import * as glue from './glue.js';
import { jsonArg } from './json-arg.js';
import { allItems, changes } from './iterate.js';

const raws = new WeakMap();

function rawOf(client, method) {
  const raw = raws.get(client);
  if (raw === undefined) throw glue.notAClient(method);
  return raw;
}

class Client {
  constructor(api, options) {
    raws.set(this, new glue.RawClient(api, options, options?.fetch));
  }

  /** Releases the client's wasm memory; later calls reject with a StreamError. */
  free() {
    raws.get(this)?.free();
    raws.delete(this);
  }

  [Symbol.dispose]() {
    this.free();
  }

  waitForPayment(paymentId, options) {
    try {
      return rawOf(this, 'waitForPayment').wait(paymentId, options);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  watchPayment(paymentId, options) {
    return changes(rawOf(this, 'watchPayment').watchOne(paymentId, options));
  }

  watchPayments(paymentIds, options) {
    const watcher = rawOf(this, 'watchPayments').watchMany(paymentIds, options);
    return {
      done: watcher.done,
      errors: watcher.errors,
      add: (paymentId) => watcher.add(paymentId),
      remove: (paymentId) => watcher.remove(paymentId),
    };
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
          const options = args[arity];
          const cursor = rawOf(this, name).pages(
            name, pass(how[0], args[0]), pass(how[1], args[1]), options, options?.signal, options?.timeoutMs,
          );
          return allItems(cursor);
        }
      : function (...args) {
          const options = args[arity];
          try {
            return rawOf(this, name).call(
              name, pass(how[0], args[0]), pass(how[1], args[1]), pass(how[2], args[2]),
              options, options?.signal, options?.timeoutMs,
            );
          } catch (err) {
            return Promise.reject(err);
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
