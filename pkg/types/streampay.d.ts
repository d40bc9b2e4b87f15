// The StreamPay merchant API: options, payments, payment links and the client. The client's
// other operations and their types are generated from the API's OpenAPI description
// (`streampay-api.d.ts`, by tests/scripts/gen-types.mjs).
import type {
  ClientOptions, RequestOptions, WaitOptions, WatchPaymentsOptions, PaymentWatcher,
} from './gateway';
import type {
  StreamPayOperations, ListPaymentLinksParams, ListPaymentsParams, Pagination, PaymentLinkStatus,
  CreatePaymentLinkDto, UpdatePaymentLinkStatusDto,
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

export type PaymentStatus =
  | 'PENDING' | 'PROCESSING' | 'FAILED_INITIATION' | 'SUCCEEDED' | 'FAILED' | 'CANCELED'
  | 'UNDER_REVIEW' | 'EXPIRED' | 'SETTLED' | 'REFUNDED' | (string & {});

/** A StreamPay payment. Unknown fields are kept (camelCased). */
export interface Payment {
  id: string;
  /** Decimal string, e.g. "115.00". */
  amount?: string;
  /** Smallest units (halalas, fils), as a string. */
  amountInSmallestUnit?: string;
  currency: string | null;
  currentStatus: PaymentStatus;
  type: string | null;
  paymentMethod: string | null;
  scheduledOn: string | null;
  payedAt: string | null;
  refundedAt: string | null;
  refundReason: string | null;
  refundNote: string | null;
  [field: string]: unknown;
}


export interface PaymentPage {
  data: Payment[];
  pagination: Pagination;
}

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

/** A StreamPay payment link. Unknown fields are kept (camelCased), e.g. `createdAt`. */
export interface StreamPayPaymentLink {
  id: string;
  /** The public page where the customer pays. */
  url: string;
  /** Open: a status newer than this version still comes through. */
  status: PaymentLinkStatus | (string & {});
  name?: string;
  [field: string]: unknown;
}

export interface PaymentLinkPage {
  data: StreamPayPaymentLink[];
  pagination: Pagination;
}


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
