// The test page's script: defines the element, then records every event it fires on `window.events`.
import { StreamCheckout } from 'stream-payments/element';

const TYPES = ['stream-ready', 'stream-status-change', 'stream-paid', 'stream-expired', 'stream-error', 'stream-copy', 'stream-coin-change'];
window.events = [];
for (const type of TYPES) {
  document.addEventListener(type, (e) => {
    const { payment, error, ...rest } = e.detail;
    window.events.push({
      type, id: e.target.id, bubbles: e.bubbles, composed: e.composed, ...rest,
      ...(payment ? { paymentId: payment.paymentId, paymentStatus: payment.status } : {}),
      ...(error ? { error: { name: error.name, code: error.code, status: error.status, isError: error instanceof Error } } : {}),
    });
  });
}
window.StreamCheckout = StreamCheckout;
window.pageReady = true;
