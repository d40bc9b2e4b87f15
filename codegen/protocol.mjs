// The boundary protocol between the JS shell and the wasm module, written once: gen-protocol.mjs
// makes src/protocol.rs (Rust, no JS crate in scope) and pkg/src/protocol.js from it. A number
// crossing the boundary means what this file says on both sides.

/** What `RawCall.answered` / `RawCall.failed` return when the call is over; any other value
 *  (>= 0) is a delay in milliseconds before the same request is sent again. */
export const STEPS = [
  ['ANSWERED', -1, 'Over, with the answer.'],
  ['FAILED', -2, 'Over, with an error.'],
];

/** How an exchange broke before a whole response was read, as the host reports it
 *  (`RawCall.failed(code, detail)`): Rust's `Broken`, numbered in this order. */
export const BROKEN = [
  ['Threw', '`fetch` threw instead of returning a promise.'],
  ['Connect', 'Its promise rejected: no connection, refused, reset, blocked.'],
  ['Unreadable', 'Reading the body threw at once.'],
  ['BodyCut', 'The body\'s promise rejected: the connection failed while reading it.'],
  ['NotAResponse', '`fetch` resolved with something that is not a `Response`.'],
  ['Redirected', 'A browser\'s answer to `redirect: "manual"` (`opaqueredirect`, status 0).'],
];

/** What a settled poll of a watcher brings (`RawWatch.finish`), as bits. */
export const WATCH_NEWS = [
  ['CHANGED', 1, 'A new status: tell `onUpdate` (`report` holds the payment).'],
  ['DONE', 2, 'The payment settled: a result (`report` holds it).'],
  ['FAILED', 4, 'An error for good (`error` holds it).'],
];

/** What a client decided after an attempt, as the `decision` of a response hook's event: the
 *  shell names the verdict Rust gave (a call's step, a wait's `observe`, a watcher's `finish`). */
export const DECISIONS = [
  ['DONE', 'done', 'The call is over with its answer, or a poller\'s payment settled.'],
  ['RETRY', 'retry', 'The same request again after `delayMs`.'],
  ['POLL', 'poll', 'A wait or watcher polls again after `delayMs`.'],
  ['GIVE_UP', 'giveUp', 'The call or wait rejects with the attempt\'s error; a watcher drops the payment.'],
  ['ABORTED', 'aborted', 'The caller\'s signal, a wait\'s deadline or a watcher\'s end stopped it.'],
];

/** Rounding modes, named as in Java's `BigDecimal`; a fast amount export takes 0 for none (the
 *  default) or 1 + the index here. */
export const ROUNDING = ['trunc', 'floor', 'ceil', 'halfUp', 'halfEven', 'expand'];

/** The keys of the options objects of `formatUnits` and `parseUnits`. */
export const FORMAT_KEYS = ['maxFractionDigits', 'minFractionDigits', 'rounding', 'grouping', 'locale'];
export const PARSE_KEYS = ['rounding'];
