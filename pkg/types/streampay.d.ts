// The StreamPay merchant API: options and the client. Its objects and its other operations are
// generated from the API's OpenAPI description (`streampay-api.d.ts`, by codegen/gen-types.mjs);
// the names here are the package's names for them, and the request bodies whose checks are a
// rule of the package (narrower than the description).
import type {
  ClientOptions, RequestOptions, WaitOptions, WatchPaymentsOptions, PaymentWatcher,
} from './gateway';
import type {
  StreamPayOperations, ListPaymentLinksParams, ListPaymentsParams, Pagination, PaymentLinkStatus,
  CreatePaymentLinkDto, UpdatePaymentLinkStatusDto, ListResource, PaymentResponse,
  PaymentLinkDetailed, PaymentStatusEnum,
} from './streampay-api';

/** The methods written by hand below, with the package's own precise types. */
type HandWritten =
  | 'getPayment' | 'listPayments' | 'listAllPayments' | 'markPaymentAsPaid' | 'refundPayment'
  | 'createPaymentLink' | 'listPaymentLinks' | 'listAllPaymentLinks' | 'getPaymentLink'
  | 'setPaymentLinkStatus';

interface StreamPayClientBaseOptions extends ClientOptions {
  /** Allow construction in a browser (test keys only). Default false. */
  allowBrowser?: boolean;
}

/** The credentials: either the API key token the dashboard shows (sent as `x-api-key`), or the
 *  key id and secret the client builds that token from. A secret either way: keep it on servers. */
export type StreamPayClientOptions = StreamPayClientBaseOptions &
  (
    | { apiKey: string; apiKeyId?: never; apiSecret?: never }
    | { apiKeyId: string; apiSecret: string; apiKey?: never }
  );

export type PaymentStatus = PaymentStatusEnum;

/** A StreamPay payment (the description's `PaymentResponse`). Unknown fields are kept (camelCased). */
export type Payment = PaymentResponse;

/** A page of payments. */
export type PaymentPage = ListResource<Payment> & { pagination: Pagination };

/** Body of `markPaymentAsPaid`. */
export interface MarkPaidRequest {
  paymentMethod: 'CASH' | 'BANK_TRANSFER' | 'CARD' | 'QURRAH';
  note?: string;
}

/** Body of `refundPayment`. */
export interface RefundRequest {
  refundReason: 'REQUESTED_BY_CUSTOMER' | 'DUPLICATE' | 'FRAUDULENT' | 'OTHER';
  refundNote?: string;
  /** Refund every payment paid in the same transaction. Default false. */
  allowRefundMultipleRelatedPayments?: boolean;
}

/**
 * Body of `StreamPayClient.createPaymentLink`: the description's `CreatePaymentLinkDto` (`name` and
 * `items` required, checked before sending; keys sent in snake_case at every depth).
 */
export type CreateStreamPayLinkRequest = CreatePaymentLinkDto;

/** A StreamPay payment link (the description's `PaymentLinkDetailed`). Unknown fields are kept
 *  (camelCased), e.g. `createdAt`. */
export type StreamPayPaymentLink = PaymentLinkDetailed;

/** A page of payment links. */
export type PaymentLinkPage = ListResource<StreamPayPaymentLink> & { pagination: Pagination };

/** Client of the StreamPay merchant API. Holds a secret key: for servers (a browser must opt in
 *  with `allowBrowser: true`). */
export declare class StreamPayClient {
  constructor(options: StreamPayClientOptions);
  /** One payment by id (a UUID). */
  getPayment(paymentId: string, options?: RequestOptions): Promise<Payment>;
  /** One page of payments, filtered and sorted as asked. */
  listPayments(params?: ListPaymentsParams, options?: RequestOptions): Promise<PaymentPage>;
  /**
   * Every payment matching `params`, page after page, fetched as the loop gets there; stops after
   * a page with no items, without `pagination` or whose `hasNextPage` is false.
   */
  listAllPayments(params?: ListPaymentsParams, options?: RequestOptions): AsyncIterableIterator<Payment>;
  /** Polls until a terminal status (`SUCCEEDED`, `FAILED`, `FAILED_INITIATION`, `CANCELED`,
   *  `EXPIRED`, `SETTLED`, `REFUNDED`) or one in `options.stopStatuses`. */
  waitForPayment(paymentId: string, options?: WaitOptions<Payment>): Promise<Payment>;
  /** Each change of the payment's status (`for await`), ending with the settled payment. */
  watchPayment(paymentId: string, options?: WaitOptions<Payment>): AsyncIterableIterator<Payment>;
  /** Follows many payments until each settles, within `concurrency` and `maxRequestsPerSecond`. */
  watchPayments(paymentIds: readonly string[], options?: WatchPaymentsOptions<Payment>): PaymentWatcher<Payment>;
  /** Marks a payment paid outside StreamPay. The API answers `{}`. Never retried. */
  markPaymentAsPaid(paymentId: string, body: MarkPaidRequest, options?: RequestOptions): Promise<unknown>;
  /** Refunds a payment. A payment paid together with others is refused with a CONFLICT error
   *  carrying `paymentIds` and `totalAmount` unless `allowRefundMultipleRelatedPayments`. */
  refundPayment(paymentId: string, body: RefundRequest, options?: RequestOptions): Promise<Payment>;
  /** Creates a payment link. Never retried. */
  createPaymentLink(request: CreateStreamPayLinkRequest, options?: RequestOptions): Promise<StreamPayPaymentLink>;
  /** One page of payment links. */
  listPaymentLinks(params?: ListPaymentLinksParams, options?: RequestOptions): Promise<PaymentLinkPage>;
  /** Every payment link matching `params`, page after page. */
  listAllPaymentLinks(params?: ListPaymentLinksParams, options?: RequestOptions): AsyncIterableIterator<StreamPayPaymentLink>;
  /** One payment link by id. */
  getPaymentLink(paymentLinkId: string, options?: RequestOptions): Promise<StreamPayPaymentLink>;
  /** Sets a link's status (`'INACTIVE'`, or `{ status, deactivateMessage }` to tell payers why);
   *  checked before sending. Never retried. */
  setPaymentLinkStatus(paymentLinkId: string, status: PaymentLinkStatus | UpdatePaymentLinkStatusDto, options?: RequestOptions): Promise<StreamPayPaymentLink>;
  /** Releases the client; later calls reject with a StreamError. */
  free(): void;
  [Symbol.dispose](): void;
}

/** Every other operation of the StreamPay API: customers, products, coupons, invoices,
 *  subscriptions, metered billing, the account. */
export interface StreamPayClient extends Omit<StreamPayOperations, HandWritten> {}
