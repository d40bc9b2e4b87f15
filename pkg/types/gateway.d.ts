// The crypto gateway: options, payments, polling, and the client a checkout page uses.
import type { StreamError } from './errors';
import type { HookOptions } from './hooks';

/** Options shared by both clients (the hooks: `HookOptions`). */
export interface ClientOptions extends HookOptions {
  /** API base URL; must be https:// unless the host is loopback. */
  baseUrl?: string;
  /** Deadline of each call, retries included, in ms. Default 30000. */
  timeoutMs?: number;
  /** Automatic retries of GET requests after network errors, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface GatewayClientOptions extends ClientOptions {
  /** Base URL for creating payments; defaults to `baseUrl` when that is set. */
  payBaseUrl?: string;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborting rejects the call with `signal.reason` and cancels its request. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** One accepted coin of a gateway payment. Amounts are exact strings. */
export interface GatewayCoin {
  token: string;
  /** Smallest units (e.g. yoctoSTRM), exact. */
  amount: string;
  /** The gateway's own display text, truncated to 5 places. */
  displayAmount?: string;
  /** Decimals of `token`, from `tokenDecimals` or inferred from `displayAmount`. */
  decimals?: number;
  decimalsSource?: 'registry' | 'inferred';
  /** `amount` at `decimals`, every digit kept. */
  formattedAmount?: string;
  blockchain?: string;
  contract?: string;
  address?: string;
  icon?: string;
  [field: string]: unknown;
}

export type GatewayPaymentStatus = 'pending' | 'completed' | 'not_found' | (string & {});

/** A crypto gateway payment. Unknown fields are kept (camelCased). */
export interface GatewayPayment {
  paymentId: string;
  status: GatewayPaymentStatus;
  /** Only with `not_found`: `"expired"` for an expired payment. */
  reason?: string;
  addresses: GatewayCoin[];
  network?: string;
  name?: string;
  description?: string;
  returnUrl?: string;
  createdAt?: string;
  expiryAt?: string;
  processedAt?: string;
  transactionHash?: string;
  signerId?: string;
  localCurrency?: string;
  /** Deprecated by the API: smallest units of STRM. */
  amount?: string;
  displayAmount?: string;
  displayAmountUsd?: string;
  displayAmountEur?: string;
  [field: string]: unknown;
}

/** What to charge: exactly one of `amountUsd`, `amountEur`, `amount` (STRM), as decimal strings. */
export interface CreatePaymentRequest {
  name: string;
  returnUrl: string;
  description?: string;
  amountUsd?: string;
  amountEur?: string;
  amount?: string;
}

export interface PaymentLink {
  paymentId: string;
  expiryAt?: string;
  /** The hosted payment page. */
  url: string;
  [field: string]: unknown;
}

/** Pacing and lifetime of a wait for one payment (`waitForPayment`). */
export interface WaitOptions<P> {
  /** First delay between polls, in ms. Default 2000. */
  intervalMs?: number;
  /** Cap of the backoff while the status stays the same, in ms. Default 15000. */
  maxIntervalMs?: number;
  /** Overall deadline in ms: rejects with a StreamError of code `TIMEOUT`. Default none. */
  timeoutMs?: number;
  /** Aborting rejects with `signal.reason` and stops all polling at once. */
  signal?: AbortSignal;
  /** Called with the first result, then on each change of status, in order, never after the
   *  promise settles. What it throws (or a promise it returns rejects with) is ignored. */
  onUpdate?: (payment: P) => void;
  /** More statuses to stop at, besides the API's terminal ones. */
  stopStatuses?: readonly string[];
  /** In a browser: poll at `maxIntervalMs` while the page is hidden, and at once when it is
   *  visible again. Default true; no effect where there is no `document`. */
  pauseWhenHidden?: boolean;
}

/** Options of `watchPayments`. */
export interface WatchPaymentsOptions<P> {
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Requests started per second, in every 1 s window. Default 10. */
  maxRequestsPerSecond?: number;
  /** First delay between polls of one payment, in ms. Default 2000. */
  intervalMs?: number;
  /** Cap of one payment's backoff, in ms. Default 15000. */
  maxIntervalMs?: number;
  /** Overall deadline in ms: `done` rejects with a StreamError of code `TIMEOUT`. */
  timeoutMs?: number;
  /** Aborting rejects `done` with `signal.reason` and stops every request at once. */
  signal?: AbortSignal;
  /** Called with each payment's first result and each change of its status. */
  onUpdate?: (payment: P) => void;
  /** Called when polling one payment fails for good (e.g. NOT_FOUND); the others go on. */
  onError?: (error: StreamError, paymentId: string) => void;
  /** More statuses to stop at, besides the API's terminal ones. */
  stopStatuses?: readonly string[];
}

/** A running `watchPayments`. */
export interface PaymentWatcher<P> {
  /** Resolves once no payment is left to follow, with the final payment of each id that
   *  reached a status to stop at (ids removed or failed are not in it). Rejects only on the
   *  signal (`signal.reason`) or `timeoutMs` (`TIMEOUT`). */
  readonly done: Promise<Map<string, P>>;
  /** Ids whose polling failed for good, with the error. Filled as it happens. */
  readonly errors: Map<string, StreamError>;
  /** Starts following `paymentId` (polled at once). False if it is already followed or the
   *  watcher has settled. Throws INVALID_ARGUMENT for an id that is not one. */
  add(paymentId: string): boolean;
  /** Stops following `paymentId`: no more requests for it. False if it was not followed.
   *  Removing the last one resolves `done`. */
  remove(paymentId: string): boolean;
}

/** Client of the Stream crypto gateway: public payment status; safe in browsers. */
export declare class GatewayClient {
  /** `baseUrl` defaults to the public gateway; `payBaseUrl` (payment creation) defaults to
   *  `baseUrl` when that is given, else to the public pay host. */
  constructor(options?: GatewayClientOptions);
  /** The payment's current status and amounts. Retries network errors, 429 and 5xx. */
  getPayment(paymentId: string, options?: RequestOptions): Promise<GatewayPayment>;
  /** Polls until `completed` or `not_found` (expired: read `reason`), or a status in
   *  `options.stopStatuses`, and resolves with it. */
  waitForPayment(paymentId: string, options?: WaitOptions<GatewayPayment>): Promise<GatewayPayment>;
  /** Each change of the payment's status (`for await`), ending with the settled payment.
   *  Leaving the loop early stops the polling. */
  watchPayment(paymentId: string, options?: WaitOptions<GatewayPayment>): AsyncIterableIterator<GatewayPayment>;
  /** Releases the client; later calls reject with a StreamError. */
  free(): void;
  [Symbol.dispose](): void;
}
