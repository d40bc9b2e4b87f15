/// <reference lib="esnext.disposable" />
// stream-payments/checkout: what a checkout page needs, over its own small .wasm.
export * from './errors';
export * from './amounts';
export type * from './hooks';
export {
  GatewayClient, GatewayClientOptions, ClientOptions, RequestOptions, GatewayCoin,
  GatewayPaymentStatus, GatewayPayment, WaitOptions,
} from './gateway';
