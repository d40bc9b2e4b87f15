// stream-payments/element: importing it defines <stream-checkout> (browsers, ESM).
import type { GatewayPayment } from './gateway';
import type { StreamError } from './errors';

/** What `status` reads: the payment's state as the element shows it. */
export type StreamCheckoutStatus = 'loading' | 'pending' | 'completed' | 'expired' | 'not_found' | 'error';

/** Texts the element shows, by key; any subset overrides the built-in English and Arabic. */
export interface StreamCheckoutStrings {
  loading?: string; pending?: string; pendingDetail?: string; completed?: string; completedDetail?: string; paidNote?: string;
  expired?: string; expiredDetail?: string; not_found?: string; not_foundDetail?: string; error?: string;
  errorDetail?: string; reconnecting?: string; reconnectingDetail?: string; retry?: string; payWith?: string;
  sendAtLeast?: string; sendExactly?: string;
  /** `{digits}`: the fraction digits shown. */
  roundedUp?: string;
  /** `{amount}`: the amount in smallest units. */
  smallestUnits?: string;
  /** `{token}` in these four: the coin, e.g. USDC. */
  copyAmount?: string; toAddress?: string; copyAddress?: string; qrLabel?: string;
  copied?: string; copyFailed?: string;
  /** `{time}`: the time left, e.g. 9:59. */
  expiresIn?: string;
  checking?: string; minutesLeft5?: string; minutesLeft1?: string;
}

/**
 * `<stream-checkout payment-id="…">`: one gateway payment, followed until it is paid or expires.
 * `stream-paid` is a signal for the page, not proof of payment: confirm orders on the server.
 */
export declare class StreamCheckout extends HTMLElement {
  /** Attribute `payment-id` (required). */
  paymentId: string | null;
  /** Attribute `api-base`: the gateway's base URL; `https:` only, or `http:` on localhost / 127.0.0.1. */
  apiBase: string | null;
  /** Attribute `coin`: the token shown first. */
  coin: string | null;
  /** Attribute `poll-interval` in ms; reads the interval in use (at least 2000). */
  pollInterval: number;
  /** Attribute `theme`: `light`, `dark` or `auto` (the default: `prefers-color-scheme`). */
  theme: 'light' | 'dark' | 'auto' | (string & {}) | null;
  /** Attribute `no-qr`: hides the QR code. */
  noQr: boolean;
  /** Overrides of the built-in texts. */
  strings: StreamCheckoutStrings;
  readonly status: StreamCheckoutStatus;
  /** The last payment the gateway returned, or null. */
  readonly payment: GatewayPayment | null;
  /** The last error, or null. */
  readonly error: StreamError | null;
  /** Polls now, unless the payment is settled (completed, expired, not found). */
  refresh(): void;
}

/** The element's events: `CustomEvent`s that bubble and cross shadow roots. */
export interface StreamCheckoutEventMap {
  /** The first payment is on screen. */
  'stream-ready': CustomEvent<{ payment: GatewayPayment }>;
  'stream-status-change': CustomEvent<{ status: StreamCheckoutStatus; previous: StreamCheckoutStatus; payment: GatewayPayment | null }>;
  /** Once per payment. A signal for the page, not proof of payment. */
  'stream-paid': CustomEvent<{ payment: GatewayPayment }>;
  /** Once per payment: it expired or the gateway does not know it; its address is hidden. */
  'stream-expired': CustomEvent<{ payment: GatewayPayment }>;
  /** A failed poll: permanent (status `error`, with a Retry button) or the first of a streak the element rides out. */
  'stream-error': CustomEvent<{ error: StreamError }>;
  /** `text`: exactly what went to the clipboard (the exact amount due, or the address). */
  'stream-copy': CustomEvent<{ what: 'amount' | 'address'; text: string }>;
  'stream-coin-change': CustomEvent<{ token: string }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'stream-checkout': StreamCheckout;
  }
  /** So `addEventListener('stream-paid', (e) => e.detail.payment)` is typed on any element. */
  interface HTMLElementEventMap extends StreamCheckoutEventMap {}
}
