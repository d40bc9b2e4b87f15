// No import map under this CSP (it would be an inline script): the element's own path, which
// finds the checkout build beside it. The mock's URL and the payment come in the query.
import '/node_modules/stream-payments/element/index.js';

const params = new URLSearchParams(location.search);
const el = document.getElementById('el');
window.events = [];
for (const type of ['stream-ready', 'stream-paid', 'stream-error']) document.addEventListener(type, () => window.events.push(type));
el.apiBase = params.get('api');
el.paymentId = params.get('payment');
