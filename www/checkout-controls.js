// The demo's checkout section around <stream-checkout> (which shows and follows the payment): a
// payment id picker and, with the mock, buttons that change the payment on the mock.
import 'stream-payments/element';
import { $, mockPost } from './util.js';

/** `config` is /config.json; `params` the page's query (`payment`, `interval` in ms). Returns { open(id) }. */
export function startCheckout({ config, params, demoIds = [] }) {
  const checkout = $('pay');
  checkout.apiBase = config.gatewayUrl;
  if (params.has('interval')) checkout.pollInterval = params.get('interval');

  const open = (id) => {
    $('pick-id').value = id;
    checkout.paymentId = id;
  };
  const navigate = (id) => {
    const url = new URL(location.href);
    url.searchParams.set('payment', id);
    history.replaceState(null, '', url);
    open(id);
  };
  $('pick').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('pick-id').value.trim();
    if (id) navigate(id);
  });
  for (const id of demoIds) $('demo-ids').append(Object.assign(document.createElement('option'), { value: id }));

  if (config.mockUrl) {
    $('simulate').hidden = false;
    const changing = ['sim-complete', 'sim-expire'];
    const enable = () => { for (const id of changing) $(id).disabled = checkout.status !== 'pending'; };
    checkout.addEventListener('stream-status-change', enable);
    enable();
    const control = async (button, path, body, done) => {
      button.disabled = true;
      $('sim-result').textContent = '';
      try {
        $('sim-result').textContent = done(await mockPost(config.mockUrl, path, body));
        checkout.refresh();
      } catch (err) {
        $('sim-result').textContent = `The mock refused: ${err.message}`;
      } finally {
        enable();
        $('sim-new').disabled = false;
      }
    };
    const paymentPath = (action) => `/__mock/gateway/payments/${encodeURIComponent(checkout.paymentId)}/${action}`;
    $('sim-complete').addEventListener('click', (e) => control(e.currentTarget, paymentPath('complete'), {},
      () => 'The mock marked the payment as paid.'));
    $('sim-expire').addEventListener('click', (e) => control(e.currentTarget, paymentPath('expire'), {},
      () => 'The mock expired the payment.'));
    $('sim-new').addEventListener('click', (e) => control(e.currentTarget, '/__mock/gateway/payments', {
      amountUsd: '4.20', name: 'Demo order', description: 'A new payment from the demo page',
      expiresInMs: 10 * 60_000, returnUrl: new URL('/', location.href).href,
    }, (payment) => { navigate(payment.payment_id); return `Created payment ${payment.payment_id}.`; }));
  }
  return { open };
}
