// Request and response hooks: what a client tells `onRequest` and `onResponse` of each attempt.
import type { StreamErrorCode } from './errors';

/** Before each attempt (a retry and each poll of a wait or watcher are attempts too). */
export interface RequestEvent {
  /** The client method that sent it: `getPayment`, `listAllPayments`, `waitForPayment`, ... */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The URL sent, with every query value a caller types (a search term, an id) shown as
   *  `[redacted]` and any header value (the API key) blanked out. */
  url: string;
  /** 1 for the first try of a call, 2 for its first retry, ...; each poll is a call of its own. */
  attempt: number;
}

/** What the client does after an attempt: `done` (the call resolves, or a wait's payment
 *  settled), `retry` (the same request again after `delayMs`), `poll` (a wait or watcher polls
 *  again after `delayMs`), `giveUp` (the call or the wait rejects with `errorCode`'s error, or a
 *  watcher stops following the payment), `aborted` (the caller's signal, a wait's `timeoutMs`
 *  or a watcher's end stopped it). */
export type HookDecision = 'done' | 'retry' | 'poll' | 'giveUp' | 'aborted';

/** After each attempt: the request event's fields and how the attempt ended. */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status; `undefined` when no response came (a network error, a timeout). */
  status: number | undefined;
  /** The StreamError code the attempt failed with (`SERVER`, `NETWORK`, `TIMEOUT`, ...);
   *  `undefined` when it succeeded. */
  errorCode: StreamErrorCode | undefined;
  /** The server's `x-request-id`, when it sent one. */
  requestId: string | undefined;
  /** From just before sending to the end of reading the answer (or the failure), in ms. */
  elapsedMs: number;
  decision: HookDecision;
  /** With `retry` and `poll`: how long the client sleeps first, in ms (`undefined` otherwise). */
  delayMs: number | undefined;
}

/** The hook options both clients take. A hook runs synchronously before (`onRequest`) and after
 *  (`onResponse`) each attempt; what it returns is never awaited, and what it throws (or a
 *  promise it returns rejects with) goes to `onHookError` and never reaches the call. */
export interface HookOptions {
  onRequest?: (event: RequestEvent) => unknown;
  onResponse?: (event: ResponseEvent) => unknown;
  /** Hears each error of a hook, with the hook's name. Default: the first one of the client is
   *  a `console.warn`, the rest are dropped. */
  onHookError?: (error: unknown, hook: 'onRequest' | 'onResponse') => void;
}
