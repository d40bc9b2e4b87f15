// Push notifications: gateway callbacks and StreamPay webhooks, verified on Web Crypto.

/** A crypto gateway callback, read from its raw body. Every value keeps its exact text. */
export interface GatewayCallback {
  paymentId: string;
  /** Smallest units of STRM, as sent. */
  amount: string;
  amountUsd: string;
  receivedAmount: string;
  receivedAmountUsd: string;
  currentDatetime: string;
  /** Lowercase hex SHA-256 over the documented field string and the shop's secret key. */
  signature: string;
}

/** The documented StreamPay webhook event types; others may appear. */
export type WebhookEventType =
  | 'PAYMENT_SUCCEEDED' | 'PAYMENT_FAILED' | 'PAYMENT_CANCELED' | 'PAYMENT_REFUNDED'
  | 'PAYMENT_MARKED_AS_PAID' | `INVOICE_${string}` | `SUBSCRIPTION_${string}` | (string & {});

/** A verified StreamPay webhook event. */
export interface WebhookEvent {
  eventType: WebhookEventType;
  entityType?: string;
  entityId?: string;
  status?: string;
  /** As sent (its format is not documented). */
  timestamp?: string | number;
  /** The event's payload as sent, snake_case keys and all; integers past 2^53 are strings. */
  data: unknown;
}

/** Options of `verifyStreamPayWebhook`. */
export interface VerifyWebhookOptions {
  /** Largest accepted difference, in seconds, between the signed `t` and now, in the past and in
   *  the future; default 300. */
  toleranceSec?: number;
  /** "Now" in unix seconds, for tests and replays of stored deliveries; default the clock. */
  nowSec?: number;
}

/** Whether a gateway callback's signature matches `secretKey`. */
export declare function verifyGatewayCallback(payload: object, secretKey: string): Promise<boolean>;
/** A gateway callback read from its raw body, every value with its exact text. */
export declare function parseGatewayCallback(rawBody: string | Uint8Array): GatewayCallback;
/** The event of a genuine, fresh StreamPay webhook; rejects with INVALID_SIGNATURE otherwise. */
export declare function verifyStreamPayWebhook(rawBody: string | Uint8Array, signatureHeader: string, secret: string, options?: VerifyWebhookOptions | null): Promise<WebhookEvent>;
