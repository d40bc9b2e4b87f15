// <stream-checkout>'s types as a page's TypeScript sees them (tsc --strict).
import 'stream-payments/element';
import type { StreamCheckout, StreamCheckoutStatus } from 'stream-payments/element';

const el: StreamCheckout = document.createElement('stream-checkout');
el.paymentId = 'LqaUrQimtgTe9iF3Knv8Ld';
el.strings = { retry: 'Try again', copyAddress: 'Copy the {token} address' };
const status: StreamCheckoutStatus = el.status;
const interval: number = el.pollInterval;
el.addEventListener('stream-paid', (e) => console.log(e.detail.payment.paymentId, status, interval));
el.addEventListener('stream-error', (e) => console.log(e.detail.error.code));
el.addEventListener('stream-copy', (e) => {
  const what: 'amount' | 'address' = e.detail.what;
  console.log(what, e.detail.text);
});
document.body.addEventListener('stream-status-change', (e) => console.log(e.detail.previous, e.detail.status));
const found: StreamCheckout | null = document.querySelector('stream-checkout');
found?.refresh();
// @ts-expect-error: status is read-only.
el.status = 'completed';
// @ts-expect-error: a copy is of the amount or the address only.
el.addEventListener('stream-copy', (e) => e.detail.what === 'qr');
