// Realistic bodies for `webhook trigger`, built from the documented example responses that the
// mock serves (pkg/mock/fixtures), and their signatures (node:crypto, via the mock's push.mjs:
// signing is not part of the package's API, verifying is).
import { gatewayCompleted, gatewayExpired, streampayPayment } from '../mock/fixtures.mjs';

/** StreamPay events with a documented payment payload, and what each does to the payment. */
export const STREAMPAY_EVENTS = Object.freeze({
  PAYMENT_SUCCEEDED: { status: 'SUCCEEDED', paid: true },
  PAYMENT_FAILED: { status: 'FAILED' },
  PAYMENT_CANCELED: { status: 'CANCELED' },
  PAYMENT_REFUNDED: { status: 'REFUNDED', paid: true, refunded: true },
  PAYMENT_MARKED_AS_PAID: { status: 'SUCCEEDED', paid: true, method: 'CASH' },
});

/** The gateway sends one callback when a payment is processed, also for money after expiry. */
export const GATEWAY_EVENTS = Object.freeze(['completed', 'late']);

const riyadh = (ms) => new Date(ms + 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+03:00');

/** The raw JSON text of a StreamPay webhook for `event` at unix second `t`. */
export function streamPayWebhookBody(event, { paymentId, t }) {
  const effect = STREAMPAY_EVENTS[event];
  const at = riyadh(t * 1000);
  const payment = {
    ...streampayPayment.value,
    id: paymentId ?? streampayPayment.value.id,
    current_status: effect.status,
    payment_method: effect.method ?? (effect.paid ? streampayPayment.value.payment_method : null),
    payed_at: effect.paid ? at : null,
    refunded_at: effect.refunded ? at : null,
    refund_reason: effect.refunded ? 'REQUESTED_BY_CUSTOMER' : null,
  };
  return JSON.stringify({
    event_type: event,
    entity_type: 'payment',
    entity_id: payment.id,
    status: effect.status,
    timestamp: new Date(t * 1000).toISOString(),
    data: payment,
  });
}

/** A gateway callback payload (snake_case strings, unsigned) for `event` at unix second `t`. */
export function gatewayCallbackPayload(event, { paymentId, t }) {
  const fixture = (event === 'late' ? gatewayExpired : gatewayCompleted).value;
  // The expired fixture lists no coins; the money that arrived late is the completed example's.
  const amount = gatewayCompleted.value.amount;
  const usd = gatewayCompleted.value.display_amount_usd;
  return {
    payment_id: paymentId ?? fixture.payment_id,
    amount,
    amount_usd: usd,
    received_amount: amount,
    received_amount_usd: usd,
    current_datetime: new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' '),
  };
}
