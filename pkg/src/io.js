// The I/O of every call: the runtime's own `fetch`, timers and abort signals. Rust (`RawCall`)
// says what to send, judges every answer and decides every retry and error; this file sends,
// reads, waits and reports back.

const ANSWERED = -1;
const FAILED = -2;
// Where an exchange can break, as Rust's `Broken::ALL` numbers them.
const [THREW, CONNECT, UNREADABLE, BODY_CUT, NOT_A_RESPONSE, REDIRECTED] = [0, 1, 2, 3, 4, 5];
// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647;
const utf8 = new TextEncoder();

/** How a client sends: the caller's `fetch` (else the global one) and the headers Rust chose. */
export function transport(raw, fetch) {
  return {
    fetch,
    headers: JSON.parse(raw.headers(false)),
    bodyHeaders: JSON.parse(raw.headers(true)),
    redirect: raw.manualRedirect ? 'manual' : undefined,
  };
}

/** Sends `call` until it settles (then `call.take()` or a poller reads the outcome); rejects with
 *  the reason of `signal` when the caller aborts. `running`, a Set, holds its `Stop` meanwhile, so
 *  an owner can end it (`stop.abort()`) without a signal of its own. Nothing of it is left running
 *  afterwards. */
export async function send(io, call, signal, running) {
  if (signal?.aborted) throw signal.reason;
  const stop = new Stop(signal, call.timeoutMs);
  running?.add(stop);
  try {
    for (;;) {
      const step = await attempt(io, call, stop);
      if (step === ANSWERED) return;
      if (stop.stopped(() => call.timedOut()) || step === FAILED) return;
      if (!(await new Alarm().sleep(step, stop.signal))) return void stop.stopped(() => call.timedOut());
    }
  } finally {
    running?.delete(stop);
    stop.release();
  }
}

/** One exchange; its verdict from Rust: ANSWERED, FAILED or a delay before trying again. */
async function attempt(io, call, stop) {
  const body = call.body;
  const headers = { ...(body === undefined ? io.headers : io.bodyHeaders) };
  const init = { method: call.method, headers, signal: stop.signal };
  if (body !== undefined) init.body = body;
  if (io.redirect) init.redirect = io.redirect;
  let pending;
  try {
    pending = io.fetch ? io.fetch.call(undefined, call.url, init) : fetch(call.url, init);
  } catch (err) {
    return call.failed(THREW, describe(err));
  }
  let response;
  try {
    response = await stop.race(pending);
  } catch (err) {
    return call.failed(CONNECT, describe(err));
  }
  // A browser shows a redirect it did not follow only as this, with status 0.
  if (response?.type === 'opaqueredirect') return call.failed(REDIRECTED, '');
  // An injected fetch may resolve with anything: the shape counts, not `instanceof`.
  if (typeof response?.text !== 'function' || typeof response.headers?.get !== 'function') {
    return call.failed(NOT_A_RESPONSE, '');
  }
  let read;
  try {
    // Bytes cross into wasm memory in one copy; a duck-typed answer may only have text().
    const bytes = typeof response.arrayBuffer === 'function';
    read = bytes ? response.arrayBuffer() : response.text();
  } catch (err) {
    return call.failed(UNREADABLE, describe(err));
  }
  try {
    read = await stop.race(read);
  } catch (err) {
    return call.failed(BODY_CUT, describe(err));
  }
  const header = (name) => {
    try {
      const value = response.headers.get(name);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const bytes = read instanceof ArrayBuffer ? new Uint8Array(read) : utf8.encode(typeof read === 'string' ? read : '');
  return call.answered(response.status, header('x-request-id'), header('retry-after'), header('content-type'), bytes);
}

/** What the runtime said went wrong: `TypeError: fetch failed` says little, Node puts the socket
 *  error in `cause`. Rust redacts it before quoting it. */
function describe(err) {
  try {
    if (typeof err === 'string') return err;
    const message = typeof err?.message === 'string' ? err.message : 'unknown error';
    const cause = err.cause;
    const why = typeof cause?.code === 'string' ? cause.code : cause?.message;
    return typeof why === 'string' ? `${message}: ${why}` : message;
  } catch {
    return 'unknown error';
  }
}

/** Cancellation of one call or loop: the caller's signal and the deadline abort one controller
 *  (whose signal goes to `fetch` and sleeps) and end `race`s at once; `release()` removes the
 *  listener and clears the timer, so nothing lingers (a Node script exits at once). */
export class Stop {
  constructor(caller, timeoutMs) {
    const controller = new AbortController();
    this.controller = controller;
    this.caller = caller;
    this.timedOut = false;
    this.forward = () => this.abort(caller.reason);
    if (caller?.aborted) this.forward();
    else caller?.addEventListener('abort', this.forward, { once: true });
    if (timeoutMs > 0) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      }, timeoutMs);
    }
  }

  get signal() {
    return this.controller.signal;
  }

  abort(reason) {
    this.controller.abort(reason);
    this.reject?.(reason);
    this.reason = { reason };
  }

  /** `promise`, or a rejection as soon as this stops, so a `fetch` that ignores its signal (an
   *  injected one, a body that never ends) cannot hold a call past its deadline. */
  race(promise) {
    if (this.reason) return Promise.reject(this.reason.reason);
    this.stopping ??= new Promise((_, reject) => {
      this.reject = reject;
    });
    return Promise.race([promise, this.stopping]);
  }

  /** False while running; throws the caller's abort reason; after the deadline runs `onTimeout`
   *  (which may throw the TIMEOUT error) and answers true. */
  stopped(onTimeout) {
    if (this.caller?.aborted) throw this.caller.reason;
    if (!this.timedOut) return false;
    onTimeout();
    return true;
  }

  release() {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.forward);
    // A race nobody awaits any more must not become an unhandled rejection.
    this.stopping?.catch(() => {});
  }
}

const never = new AbortController().signal;

/** A sleep that ends early when rung (a poll ended, an id was added, the page became visible). */
export class Alarm {
  /** Ends the sleep in progress, or the next one if none is. */
  ring() {
    if (this.wake) this.wake();
    else this.rung = true;
  }

  /** Resolves true after `ms` (`undefined`: when rung), false as soon as `signal` aborts; clears
   *  its timer and listener either way. */
  sleep(ms, signal = never) {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve(false);
      if (this.rung) {
        this.rung = false;
        return resolve(true);
      }
      const done = (slept) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        this.wake = undefined;
        resolve(slept);
      };
      const aborted = () => done(false);
      signal.addEventListener('abort', aborted);
      const timer = ms === undefined ? undefined : setTimeout(done, Math.min(ms, MAX_TIMER_MS), true);
      this.wake = () => done(true);
    });
  }
}
