// The I/O of every call: the runtime's own `fetch`, timers and abort signals. Rust (`RawCall`)
// says what to send, judges every answer, keeps the deadline and decides every retry and error;
// this file sends, reads, waits, wakes when told and reports back. The codes it reports with are
// the boundary protocol's (protocol.js, generated with src/protocol.rs).

import { hooksOf } from './hooks.js';
import {
  ANSWERED, BODY_CUT, CONNECT, DECISION_ABORTED, FAILED, NOT_A_RESPONSE, REDIRECTED, THREW, UNREADABLE,
} from './protocol.js';

// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647;
const utf8 = new TextEncoder();

/** How a client sends: the caller's `fetch` (else the global one), the headers Rust chose, and
 *  the client's hooks (`undefined` without any). */
export function transport(raw, options) {
  return {
    fetch: options?.fetch,
    headers: JSON.parse(raw.headers(false)),
    bodyHeaders: JSON.parse(raw.headers(true)),
    redirect: raw.manualRedirect ? 'manual' : undefined,
    hooks: hooksOf(options),
  };
}

/** Sends `call` until it settles (then `call.answer()`, or a poller, reads the outcome); rejects
 *  with the reason of `signal` when the caller aborts. `running`, a Set, holds its `Cancellation`
 *  meanwhile, so an owner can end it (`cancellation.abort()`) without a signal of its own; it then
 *  resolves with the call unsettled. The call keeps its deadline: one timer wakes this loop when
 *  Rust says, and Rust decides whether it passed. Nothing of it is left running afterwards.
 *  `trace` (hooks.js), only when the client has hooks, hears each attempt. */
export async function send(io, call, signal, running, trace) {
  if (signal?.aborted) throw signal.reason;
  const cancellation = new Cancellation(signal);
  running?.add(cancellation);
  let expired = false;
  const deadline = armDeadline(call, () => {
    expired = true;
    cancellation.abort(timedOut());
  });
  try {
    for (;;) {
      trace?.before(call);
      const step = await attempt(io, call, cancellation, trace);
      if (trace) {
        // Stopped by the caller or an owner: that, not Rust's step, is what happens next. A
        // deadline Rust saw pass is the call's TIMEOUT, a step like any other.
        trace.settled(call);
        if (cancellation.aborted && !expired) trace.decided(DECISION_ABORTED);
        else trace.after(step);
      }
      if (step === ANSWERED) return;
      cancellation.throwIfCallerAborted();
      if (step === FAILED) return;
      if (!(await new Wakeup().sleep(step, cancellation.signal))) return void cancellation.throwIfCallerAborted();
    }
  } finally {
    deadline.clear();
    running?.delete(cancellation);
    cancellation.release();
  }
}

/** What `fetch` and sleeps see when a deadline aborts them (Rust makes the TIMEOUT error). */
const timedOut = () => new DOMException('The operation timed out.', 'TimeoutError');

/** One timer for the deadline `owner` (a call, a wait, a watcher) keeps: armed for
 *  `owner.deadlineInMs`; when it rings, `owner.deadlineRang()` says whether the deadline passed
 *  by Rust's clock (then `onPassed` runs) or the timer was early (it is armed again). */
export function armDeadline(owner, onPassed) {
  let timer;
  const arm = () => {
    const ms = owner.deadlineInMs;
    if (ms === undefined) return;
    timer = setTimeout(() => (owner.deadlineRang() ? onPassed() : arm()), Math.min(ms, MAX_TIMER_MS));
  };
  arm();
  return { clear: () => clearTimeout(timer) };
}

/** One exchange; its verdict from Rust: ANSWERED, FAILED or a delay before trying again. */
async function attempt(io, call, cancellation, trace) {
  const body = call.body;
  const headers = { ...(body === undefined ? io.headers : io.bodyHeaders) };
  const init = { method: call.method, headers, signal: cancellation.signal };
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
    response = await cancellation.race(pending);
  } catch (err) {
    return call.failed(CONNECT, describe(err));
  }
  // A browser shows a redirect it did not follow only as this, with status 0.
  if (response?.type === 'opaqueredirect') return call.failed(REDIRECTED, '');
  // An injected fetch may resolve with anything: the shape counts, not `instanceof`.
  if (typeof response?.text !== 'function' || typeof response.headers?.get !== 'function') {
    return call.failed(NOT_A_RESPONSE, '');
  }
  const header = (name) => {
    try {
      const value = response.headers.get(name);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const requestId = header('x-request-id');
  trace?.answered(response.status, requestId);
  let read;
  try {
    // Bytes cross into wasm memory in one copy; a duck-typed answer may only have text().
    const bytes = typeof response.arrayBuffer === 'function';
    read = bytes ? response.arrayBuffer() : response.text();
  } catch (err) {
    return call.failed(UNREADABLE, describe(err));
  }
  try {
    read = await cancellation.race(read);
  } catch (err) {
    return call.failed(BODY_CUT, describe(err));
  }
  const bytes = read instanceof ArrayBuffer ? new Uint8Array(read) : utf8.encode(typeof read === 'string' ? read : '');
  const retryAfter = header('retry-after');
  return call.answered(response.status, requestId, retryAfter, retryAt(retryAfter), header('content-type'), bytes);
}

/** The runtime's reading of `Retry-After` as a date, for Rust to judge (NaN when none). An HTTP
 *  date is always GMT; asctime's form does not say so, and `Date.parse` would read it as local
 *  time. */
function retryAt(text) {
  if (text === undefined) return NaN;
  return Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
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

/** Cancellation of one call or loop: the caller's signal, an owner or a deadline abort one
 *  controller (whose signal goes to `fetch` and sleeps) and end `race`s at once; `release()`
 *  removes the listener, so nothing lingers (a Node script exits at once). */
export class Cancellation {
  constructor(caller) {
    this.controller = new AbortController();
    this.caller = caller;
    this.forward = () => this.abort(caller.reason);
    if (caller?.aborted) this.forward();
    else caller?.addEventListener('abort', this.forward, { once: true });
  }

  get signal() {
    return this.controller.signal;
  }

  abort(reason) {
    if (this.aborted) return;
    this.controller.abort(reason);
    this.reject?.(reason);
    this.aborted = { reason };
  }

  /** `promise`, or a rejection as soon as this is aborted, so a `fetch` that ignores its signal
   *  (an injected one, a body that never ends) cannot hold a call past its deadline. One race
   *  at a time: a call awaits its steps one after another. */
  race(promise) {
    if (this.aborted) return Promise.reject(this.aborted.reason);
    return new Promise((resolve, reject) => {
      this.reject = reject;
      Promise.resolve(promise).then(resolve, reject);
    });
  }

  /** Throws the caller's abort reason, as `fetch` does. */
  throwIfCallerAborted() {
    if (this.caller?.aborted) throw this.caller.reason;
  }

  /** Throws why this was aborted (the caller's reason first); does nothing while running. */
  throwIfAborted() {
    this.throwIfCallerAborted();
    if (this.aborted) throw this.aborted.reason;
  }

  release() {
    this.caller?.removeEventListener('abort', this.forward);
    this.reject = undefined;
  }
}

/** A sleep that ends early when rung (a poll ended, an id was added, the page became visible). */
export class Wakeup {
  /** Ends the sleep in progress, or the next one if none is. */
  ring() {
    if (this.wake) this.wake();
    else this.rung = true;
  }

  /** Resolves true after `ms` (`undefined`: when rung), false as soon as `signal` (if any)
   *  aborts; clears its timer and listener either way. */
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      if (this.rung) {
        this.rung = false;
        return resolve(true);
      }
      const done = (slept) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        this.wake = undefined;
        resolve(slept);
      };
      const aborted = () => done(false);
      signal?.addEventListener('abort', aborted);
      const timer = ms === undefined ? undefined : setTimeout(done, Math.min(ms, MAX_TIMER_MS), true);
      this.wake = () => done(true);
    });
  }
}
