/// <reference lib="esnext.disposable" />
// stream-payments: everything (the full build).
export * from './errors';
export * from './amounts';
export type * from './hooks';
export * from './push';
export * from './streampay';
export type * from './streampay-api';
export {
  ClientOptions, GatewayClientOptions, RequestOptions, GatewayCoin, GatewayPaymentStatus,
  GatewayPayment, CreatePaymentRequest, PaymentLink, WaitOptions, WatchPaymentsOptions,
  PaymentWatcher,
} from './gateway';
import type { GatewayClient as GatewayStatusClient, CreatePaymentRequest, PaymentLink,
  GatewayPayment, RequestOptions, WatchPaymentsOptions, PaymentWatcher } from './gateway';

/** Client of the Stream crypto gateway: payment status, payment pages. Safe in browsers. */
export declare class GatewayClient extends GatewayStatusClient {
  /** Creates a hosted payment page. Never retried automatically. */
  createPaymentLink(clientId: string, request: CreatePaymentRequest, options?: RequestOptions): Promise<PaymentLink>;
  /** Creates a payment directly (shops approved for it; others get FORBIDDEN). Never retried. */
  createPayment(clientId: string, request: CreatePaymentRequest, options?: RequestOptions): Promise<GatewayPayment>;
  /** Follows many payments until each settles, within `concurrency` and `maxRequestsPerSecond`. */
  watchPayments(paymentIds: readonly string[], options?: WatchPaymentsOptions<GatewayPayment>): PaymentWatcher<GatewayPayment>;
}
