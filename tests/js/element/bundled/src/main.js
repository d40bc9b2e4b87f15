// src/main.js: a page's script with <stream-checkout>, bundled by Vite and by webpack 5 as a user
// would (tests/js/browser/element-bundlers.test.mjs). The gateway and the payment come in the query.
import 'stream-payments/element';

const params = new URLSearchParams(location.search);
const el = document.createElement('stream-checkout');
el.id = 'el';
el.apiBase = params.get('api');
el.paymentId = params.get('payment');
document.body.append(el);
