// The poll loops of `waitForPayment`, `watchPayment` and `watchPayments`. Rust (`RawWait`,
// `RawWatch`) decides what each poll's outcome means and how long to sleep; this file sends the
// polls, keeps the timers and listeners, and calls the caller's callbacks.

import { Cancellation, Wakeup, armDeadline, send } from './io.js';
import {
  DECISION_ABORTED, DECISION_DONE, DECISION_GIVE_UP, DECISION_POLL, WATCH_CHANGED, WATCH_DONE, WATCH_FAILED,
} from './protocol.js';

/** `waitForPayment`: resolves with the settled payment. `onChange` hears what `onUpdate` hears;
 *  `operation` names the method for the hooks. */
export async function waitFor(io, wait, options, operation, onChange) {
  const cancellation = new Cancellation(options?.signal);
  // The wait's own deadline (`timeoutMs`), kept by Rust: it ends the wait with its TIMEOUT.
  const deadline = armDeadline(wait, () => cancellation.abort(wait.timeoutError()));
  const wakeup = new Wakeup();
  const page = visibility(wait.pauseWhenHidden, wakeup);
  try {
    cancellation.throwIfAborted();
    for (;;) {
      const call = wait.call();
      const trace = io.hooks?.poll(operation);
      let delay;
      try {
        // Each poll is cancelled with the wait; its own deadline is the client's `timeoutMs`.
        await send(io, call, cancellation.signal, undefined, trace).catch(() => {});
        cancellation.throwIfAborted();
        delay = wait.observe(call, page.hidden());
        trace?.decided(delay < 0 ? DECISION_DONE : DECISION_POLL, delay < 0 ? undefined : delay);
      } catch (error) {
        trace?.decided(cancellation.aborted ? DECISION_ABORTED : DECISION_GIVE_UP);
        throw error;
      } finally {
        call.free();
      }
      const report = wait.report();
      if (report !== undefined) {
        const payment = JSON.parse(report);
        quietly(options?.onUpdate, payment);
        onChange?.(payment);
        if (delay < 0) return payment;
      }
      if (!(await wakeup.sleep(delay, cancellation.signal))) cancellation.throwIfAborted();
    }
  } finally {
    deadline.clear();
    cancellation.release();
    page.release();
    wait.free();
  }
}

/** `watchPayment`: each change as `waitForPayment` reports it to `onUpdate`, the settled payment
 *  last. Polling starts at once; leaving the loop stops it. */
export function watchOne(io, wait, options) {
  // The caller's signal and leaving the loop both stop the wait.
  const cancellation = new Cancellation(options?.signal);
  const changes = [];
  const wakeup = new Wakeup();
  let end;
  const onChange = (payment) => {
    changes.push(payment);
    wakeup.ring();
  };
  waitFor(io, wait, { ...options, signal: cancellation.signal }, 'watchPayment', onChange)
    .then(() => ({ ok: true }), (error) => ({ ok: false, error }))
    .then((outcome) => {
      end = outcome;
      cancellation.release();
      wakeup.ring();
    });
  return (async function* changesOf() {
    try {
      for (;;) {
        if (changes.length > 0) yield changes.shift();
        else if (end?.ok) return;
        else if (end) throw end.error;
        else await wakeup.sleep();
      }
    } finally {
      changes.length = 0;
      cancellation.abort();
    }
  })();
}

/** `watchPayments`: the handle `{ done, errors, add, remove }`. */
export function watchMany(io, watch, options) {
  const results = new Map();
  const errors = new Map();
  const wakeup = new Wakeup();
  const flights = new Set();
  const inbox = [];
  let closed = false;

  const start = (id) => {
    const call = watch.call(id);
    const trace = io.hooks?.poll('watchPayments');
    const dropped = () => {
      trace?.decided(DECISION_ABORTED);
      call.free();
    };
    const landed = () => {
      if (closed) return dropped();
      inbox.push([id, call, trace]);
      wakeup.ring();
    };
    // Only the watcher's end stops a poll (through `flights`), and then nothing is delivered.
    send(io, call, undefined, flights, trace).then(landed, dropped);
  };

  // Tells the caller what a poll found, with nothing of Rust borrowed while a callback runs (a
  // callback may call `add` or `remove`).
  const deliver = (id, call, trace) => {
    const bits = watch.finish(id, call);
    call.free();
    if (trace) judged(trace, bits);
    if (bits & WATCH_FAILED) {
      const error = watch.error();
      errors.set(id, error);
      quietly(options?.onError, error, id);
    } else if (bits !== 0) {
      const payment = JSON.parse(watch.report());
      if (bits & WATCH_DONE) results.set(id, payment);
      if (bits & WATCH_CHANGED) quietly(options?.onUpdate, payment);
    }
  };

  // The watcher's verdict on a poll, for the hooks: a payment settled, dropped for an error, to
  // be polled again after the delay Rust booked, or no longer followed (removed meanwhile).
  const judged = (trace, bits) => {
    if (bits & WATCH_DONE) return trace.decided(DECISION_DONE);
    if (bits & WATCH_FAILED) return trace.decided(DECISION_GIVE_UP);
    const delay = watch.nextPollMs;
    trace.decided(delay === undefined ? DECISION_ABORTED : DECISION_POLL, delay);
  };

  const done = (async () => {
    const cancellation = new Cancellation(options?.signal);
    // The watcher's own deadline (`timeoutMs`), kept by Rust: it ends the watcher with its TIMEOUT.
    const deadline = armDeadline(watch, () => cancellation.abort(watch.timeoutError()));
    // One listener for the watcher's life, not one per sleep (the loop sleeps about once a poll).
    const stop = () => wakeup.ring();
    cancellation.signal.addEventListener('abort', stop);
    try {
      for (;;) {
        for (const [id, call, trace] of inbox.splice(0)) deliver(id, call, trace);
        cancellation.throwIfAborted();
        if (watch.isEmpty()) return results;
        for (let id = watch.nextId(); id !== undefined; id = watch.nextId()) start(id);
        await wakeup.sleep(watch.idleMs);
        cancellation.throwIfAborted();
      }
    } finally {
      closed = true;
      cancellation.signal.removeEventListener('abort', stop);
      deadline.clear();
      watch.close();
      for (const [, call, trace] of inbox.splice(0)) {
        trace?.decided(DECISION_ABORTED);
        call.free();
      }
      for (const flight of flights) flight.abort();
      cancellation.release();
    }
  })();

  return {
    done,
    errors,
    add(paymentId) {
      const added = watch.add(paymentId);
      wakeup.ring();
      return added;
    },
    remove(paymentId) {
      const removed = watch.remove(paymentId);
      // The watcher may now have nothing left to follow: let it settle.
      wakeup.ring();
      return removed;
    },
  };
}

/** A hidden page polls at the slowest pace, and one that becomes visible again polls at once (the
 *  customer is back from the wallet app). Without a `document` (servers, workers) the page
 *  counts as visible. */
function visibility(enabled, wakeup) {
  const doc = enabled ? globalThis.document : undefined;
  if (typeof doc?.addEventListener !== 'function') return { hidden: () => false, release() {} };
  const hidden = () => doc.visibilityState === 'hidden';
  const shown = () => hidden() || wakeup.ring();
  doc.addEventListener('visibilitychange', shown);
  return { hidden, release: () => doc.removeEventListener('visibilitychange', shown) };
}

/** Calls a caller's callback: what it throws is ignored, and a promise it returns gets a handler,
 *  so a failing callback neither breaks polling nor becomes an unhandled rejection. */
function quietly(callback, ...args) {
  if (typeof callback !== 'function') return;
  try {
    const returned = callback.call(undefined, ...args);
    if (returned instanceof Promise) returned.catch(Boolean);
  } catch {
    // The caller's problem; polling goes on.
  }
}
