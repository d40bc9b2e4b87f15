// The test page's script: records every event the element fires on `window.events`, then defines
// the element (with `?defer`, only once the test calls `window.defineNow()`).
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
if (new URLSearchParams(location.search).has('defer')) await new Promise((ok) => { window.defineNow = ok; });
const { StreamCheckout } = await import('stream-payments/element');
window.StreamCheckout = StreamCheckout;
window.pageReady = true;
