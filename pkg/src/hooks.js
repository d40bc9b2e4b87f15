// Request and response hooks (`onRequest`, `onResponse`, `onHookError` of a client): one event
// before each attempt and one after it. What the events say is Rust's: the URL as `RawCall`
// shows it (its redaction rules), the attempt number, the error code of a failed attempt, and
// the verdict (the step a call returned, or a poller's judgement). The shell only measures the
// elapsed time and calls the hooks. A client without hooks has no `Hooks` at all, so a call
// without hooks builds no event and reads nothing more from Rust.

import { ANSWERED, DECISION_DONE, DECISION_GIVE_UP, DECISION_RETRY, FAILED } from './protocol.js';

/** The hooks of a client's options, or `undefined` when it sets none. Rust checked the types. */
export function hooksOf(options) {
  const onRequest = options?.onRequest;
  const onResponse = options?.onResponse;
  if (onRequest === undefined && onResponse === undefined) return undefined;
  return new Hooks(onRequest, onResponse, options.onHookError);
}

class Hooks {
  constructor(onRequest, onResponse, onHookError) {
    this.onRequest = onRequest;
    this.onResponse = onResponse;
    this.onHookError = onHookError;
    this.warned = false;
  }

  /** The trace of one call of the client method `operation`: each attempt's verdict is the
   *  call's own step. */
  trace(operation) {
    return new Trace(this, operation, false);
  }

  /** The trace of one poll of a wait or watcher: its poller gives the verdict (`decided`). */
  poll(operation) {
    return new Trace(this, operation, true);
  }

  /** Calls `hook` with `event`; never throws and never waits for what it returns. */
  emit(hook, name, event) {
    if (hook === undefined) return;
    try {
      const returned = hook.call(undefined, event);
      if (typeof returned?.then === 'function') returned.then(undefined, (error) => this.failed(error, name));
    } catch (error) {
      this.failed(error, name);
    }
  }

  /** A hook failed: `onHookError` hears each failure; without it, the first one of this client
   *  is a `console.warn` and the rest are dropped, so a broken logger cannot flood the log. */
  failed(error, hook) {
    if (typeof this.onHookError === 'function') {
      try {
        this.onHookError.call(undefined, error, hook);
      } catch {
        // Nowhere left to report it.
      }
      return;
    }
    if (this.warned) return;
    this.warned = true;
    try {
      console.warn(`stream-payments: the ${hook} hook failed; this and later hook errors of this client are ignored (set onHookError to see each)`, error);
    } catch {
      // A console that throws is not the call's problem either.
    }
  }
}

/** One call's attempts as the hooks see them. */
class Trace {
  constructor(hooks, operation, polled) {
    this.hooks = hooks;
    this.operation = operation;
    this.polled = polled;
    this.open = false;
    this.url = undefined;
    this.method = undefined;
    this.attempt = 0;
    this.started = 0;
    this.ended = 0;
    this.status = undefined;
    this.requestId = undefined;
    this.errorCode = undefined;
  }

  /** Before each attempt of `call`. */
  before(call) {
    this.url ??= call.shownUrl;
    this.method ??= call.method;
    this.attempt = call.attempt;
    this.status = this.requestId = this.errorCode = undefined;
    const { operation, method, url, attempt } = this;
    this.open = true;
    this.hooks.emit(this.hooks.onRequest, 'onRequest', { operation, method, url, attempt });
    this.started = performance.now();
  }

  /** A response came back (read whole or not). */
  answered(status, requestId) {
    this.status = typeof status === 'number' ? status : undefined;
    this.requestId = requestId;
  }

  /** The attempt is over: `call` judged it (its error code, if it failed, is read now). */
  settled(call) {
    this.ended = performance.now();
    this.errorCode = call.errorCode;
  }

  /** After the attempt, with the call's own verdict `step`; a poll's final step waits for its
   *  poller's verdict instead. */
  after(step) {
    if (this.polled && (step === ANSWERED || step === FAILED)) return;
    if (step === ANSWERED) this.decided(DECISION_DONE);
    else if (step === FAILED) this.decided(DECISION_GIVE_UP);
    else this.decided(DECISION_RETRY, step);
  }

  /** After the attempt, with `decision` (a protocol `DECISION_*`) and the delay it comes with.
   *  Once per attempt, and only after its request event. */
  decided(decision, delayMs) {
    if (!this.open) return;
    this.open = false;
    const { operation, method, url, attempt, status, requestId, errorCode } = this;
    // An attempt stopped before it was judged (a watcher that ended) lasted until now.
    const elapsedMs = (this.ended >= this.started ? this.ended : performance.now()) - this.started;
    const event = { operation, method, url, attempt, status, errorCode, requestId, elapsedMs, decision, delayMs };
    this.hooks.emit(this.hooks.onResponse, 'onResponse', event);
  }
}
