// The documented example responses (copied from ../shared/api/fixtures so a fresh clone has them).
import { readFileSync } from 'node:fs';

const dir = new URL('./fixtures/', import.meta.url);

function load(name) {
  const raw = readFileSync(new URL(name, dir), 'utf8');
  return { raw, value: JSON.parse(raw) };
}

export const gatewayCompleted = load('gateway-payment-completed.json');
export const gatewayExpired = load('gateway-payment-expired.json');
export const streampayPayment = load('streampay-payment.json');
export const streampayPage = load('streampay-payments-page.json');

export const GATEWAY_COMPLETED_ID = gatewayCompleted.value.payment_id; // LqaUrQimtgTe9iF3Knv8Ld
export const GATEWAY_EXPIRED_ID = gatewayExpired.value.payment_id; // K04kjeEi06Zq48NlH2Sl0H

/** StreamPay fixture payments by id, each with its raw text when it appears as a whole file. */
export function streampayFixturePayments() {
  const byId = new Map();
  for (const p of streampayPage.value.data) byId.set(p.id, { value: p, raw: null });
  byId.set(streampayPayment.value.id, { value: streampayPayment.value, raw: streampayPayment.raw });
  return [...byId.values()];
}
