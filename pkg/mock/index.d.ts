/// <reference lib="esnext.disposable" />
// Types of `stream-payments/mock` (Node only). Objects the mock returns are the APIs' wire shapes
// (snake_case), exactly what the endpoints serve, not the package's camelCase models.

export interface StartMockOptions {
  /** 0 (default): a free port. The mock listens on 127.0.0.1 only. */
  port?: number;
  /** 127.0.0.1 (default), ::1 or localhost; any other host is refused. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** Seeds the generated data, the generated ids and probabilistic faults. Default 1. */
  seed?: number;
  /** The x-api-key token StreamPay routes accept (what `StreamPayClient` gets as `apiKey`).
   *  Default `DEFAULT_API_KEY`, base64 of `test-key:test-secret`. */
  apiKey?: string;
  /** Generated StreamPay payments besides the two fixtures. Default 250. */
  paymentCount?: number;
  /** Request log entries kept. Default 10000. */
  logLimit?: number;
  /** Status of "payment already final" errors (409 default, or 400). */
  finalizedStatusCode?: number;
  /** Longest a `stall` fault holds a response, in ms. Default 30000. */
  maxStallMs?: number;
}

/** How a pending payment ends: after `pendingPolls` reads, or `pendingMs` after being scripted. */
export type GatewayLifecycle =
  | { pendingPolls: number; then?: 'completed' | 'expired' }
  | { pendingMs: number; then?: 'completed' | 'expired' };
export type StreamPayLifecycle =
  | { pendingPolls: number; then?: StreamPayStatus }
  | { pendingMs: number; then?: StreamPayStatus };

export type StreamPayStatus =
  | 'PENDING' | 'PROCESSING' | 'FAILED_INITIATION' | 'SUCCEEDED' | 'FAILED' | 'CANCELED'
  | 'UNDER_REVIEW' | 'EXPIRED' | 'SETTLED' | 'REFUNDED';

export interface CreateGatewayPaymentOptions {
  /** Default: a seeded random 22-character id. */
  id?: string;
  /** Decimal strings with at most 2 decimals; one of them (default amountUsd '1.00'). */
  amountUsd?: string;
  amountEur?: string;
  name?: string;
  description?: string;
  returnUrl?: string;
  /** Default 15 minutes; a pending payment past its expiry reads as expired. */
  expiresInMs?: number;
  lifecycle?: GatewayLifecycle;
  /** Reads after completion during which transaction_hash / signer_id are still absent. */
  hideTxPolls?: number;
}

/** A gateway payment as `GET /api/v1/payment/:id` serves it. */
export interface GatewayWirePayment {
  payment_id: string;
  status: string;
  [field: string]: unknown;
}

export interface CreateStreamPayPaymentOptions {
  id?: string;
  /** Decimal string in `currency` (default '10.00'), or `amountInSmallestUnit`. */
  amount?: string;
  amountInSmallestUnit?: string | number | bigint;
  /** Default 'SAR'. */
  currency?: string;
  status?: StreamPayStatus;
  lifecycle?: StreamPayLifecycle;
  paymentMethod?: 'CASH' | 'BANK_TRANSFER' | 'CARD' | 'QURRAH';
  invoiceId?: string;
  type?: string;
  scheduledOn?: string;
}

/** A StreamPay payment as `GET /api/v2/payments/:id` serves it. */
export interface StreamPayWirePayment {
  id: string;
  amount: string;
  currency: string;
  current_status: string;
  [field: string]: unknown;
}

export type FaultKind =
  | 'status' | 'rateLimit' | 'html' | 'empty' | 'truncated' | 'wrongTypes' | 'patch' | 'delay' | 'stall' | 'reset';

/** What goes wrong. `status: N` alone means `kind: 'status'` (429: 'rateLimit'). */
export interface Fault {
  kind?: FaultKind;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** 429: seconds (or any text) for Retry-After; `retryAfterDate`: seconds from now, as an HTTP date. */
  retryAfter?: number | string;
  retryAfterDate?: number;
  /** Wait before answering: ms, or a seeded random [min, max]. */
  delayMs?: number | [number, number];
  stallMs?: number;
  bytes?: number;
  patch?: Record<string, unknown>;
}

/** Which requests a fault hits, how often, and the fault itself. */
export interface FaultRule extends Fault {
  paymentId?: string;
  /** Exact path, e.g. '/api/v1/payment/X1'. */
  path?: string;
  pathPrefix?: string;
  method?: string;
  /** Matching requests it hits: default 1, or unlimited with `probability`. */
  times?: number;
  /** Chance per matching request (0..1), rolled on a PRNG seeded by `seed`. */
  probability?: number;
  seed?: number;
  /** Pick one per hit instead of the rule's own fields; 'transient': what a poller must ride out. */
  faults?: Array<Fault | FaultKind> | 'transient';
}

/** One API request the mock received (`/__mock/` control calls are not logged). */
export interface RequestLogEntry {
  seq: number;
  /** ms since the epoch. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  search: string;
  /** x-api-key, authorization and cookie read '[redacted]'. */
  headers: Record<string, string | string[] | undefined>;
  paymentId: string | null;
  requestId: string;
  /** null while running, or when no answer was sent. */
  status: number | null;
  fault: FaultKind | null;
  durationMs: number | null;
  aborted: boolean;
}

export interface RequestFilter {
  /** Entries after this `seq`. */
  since?: number;
  path?: string;
  pathPrefix?: string;
  method?: string;
  paymentId?: string;
  limit?: number;
}

export interface MockStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  maxRequestsPerSecond: number;
  faults: number;
  logged: number;
  droppedFromLog: number;
}

export interface MockIds {
  gatewayCompleted: string;
  gatewayExpired: string;
  gatewayPending: string;
  gatewayPendingEur: string;
  gatewayAutoComplete: string;
  gatewayAutoExpire: string;
  streamPayPayment: string;
  streamPayPayment2: string;
}

export interface Mock extends AsyncDisposable {
  /** http://127.0.0.1:PORT; both APIs are served there. */
  readonly url: string;
  /** `baseUrl` for `GatewayClient`. */
  readonly gatewayUrl: string;
  /** `baseUrl` for `StreamPayClient`. */
  readonly streampayUrl: string;
  /** The control API over HTTP (`/__mock/`), for code outside this process. */
  readonly controlUrl: string;
  readonly port: number;
  /** The x-api-key token to give `StreamPayClient` as `apiKey`. */
  readonly apiKey: string;
  readonly seed: number;
  /** Ids a fresh mock serves. */
  readonly ids: MockIds;
  /** Resolves once the server, every socket and every timer are gone. */
  close(): Promise<void>;
  /** Back to the initial data: no created payments, faults or log; generated ids repeat. */
  reset(): void;

  createGatewayPayment(options?: CreateGatewayPaymentOptions): GatewayWirePayment;
  /** Pending payments ending at seeded random reads (`pendingPolls: [min, max]`) or times. Returns ids. */
  createGatewayPayments(count: number, options?: {
    pendingPolls?: number | [number, number]; pendingMs?: number | [number, number];
    expireRatio?: number; seed?: number;
  }): string[];
  /** "The payer paid": completed now. */
  completeGatewayPayment(id: string, options?: { transactionHash?: string; signerId?: string }): GatewayWirePayment;
  expireGatewayPayment(id: string): GatewayWirePayment;
  /** A pending payment the gateway no longer knows: polls read `{ status: 'not_found' }` with no reason. */
  forgetGatewayPayment(id: string): GatewayWirePayment;
  /** Scripts how a pending payment ends, counting reads from now. */
  setGatewayLifecycle(id: string, lifecycle: GatewayLifecycle): GatewayWirePayment;
  /** Peek without counting a read; null for an unknown id. */
  gatewayPayment(id: string): { polls: number; lifecycle: unknown; payment: GatewayWirePayment } | null;

  createStreamPayPayment(options?: CreateStreamPayPaymentOptions): StreamPayWirePayment;
  createStreamPayPayments(count: number, options?: {
    pendingPolls?: number | [number, number]; pendingMs?: number | [number, number];
    then?: StreamPayStatus; seed?: number;
  }): string[];
  setStreamPayStatus(id: string, status: StreamPayStatus): StreamPayWirePayment;
  setStreamPayLifecycle(id: string, lifecycle: StreamPayLifecycle): StreamPayWirePayment;
  streamPayPayment(id: string): { polls: number; lifecycle: unknown; payment: StreamPayWirePayment; relatedPaymentIds: string[] | null } | null;
  /** Payments "paid together" (a refund of one needs allowRefundMultipleRelatedPayments). */
  streamPayGroups(): Array<{ payment_ids: string[]; currency: string }>;
  /** A payment link from wire (snake_case) fields; `status` default 'ACTIVE'. */
  createPaymentLink(fields?: { status?: 'INACTIVE' | 'ACTIVE' | 'COMPLETED'; [field: string]: unknown }): Record<string, unknown>;
  paymentLink(id: string): Record<string, unknown> | null;

  /** Adds a fault rule (e.g. `{ paymentId, status: 503, times: 2 }`: the next 2 reads get 503). Returns its id. */
  injectFault(rule: FaultRule): number;
  removeFault(id: number): boolean;
  clearFaults(): void;
  faults(): unknown[];

  /** Logged API requests, oldest first. */
  requests(filter?: RequestFilter): RequestLogEntry[];
  clearRequests(): void;
  stats(): MockStats;

  /** The mock's internal scripting object (tests/mock/README.md); not covered by semver. */
  readonly state: unknown;
}

/** base64("test-key:test-secret"): the x-api-key token a mock accepts by default. */
export const DEFAULT_API_KEY: string;
export const MOCK_IDS: MockIds;

/** Starts the mock of both Stream APIs on 127.0.0.1. */
export function startMock(options?: StartMockOptions): Promise<Mock>;

/** The x-webhook-signature value for `rawBody` signed with `secret` at unix second `t` (default now). */
export function signStreamPayWebhook(rawBody: string | Uint8Array, secret: string, t?: number): string;
/** `payload` (snake_case, as the gateway posts it) with its `signature` field set. */
export function signGatewayCallback<T extends {
  payment_id: string; amount: string; amount_usd: string; received_amount: string;
  received_amount_usd: string; current_datetime: string;
}>(payload: T, secret: string): T & { signature: string };
