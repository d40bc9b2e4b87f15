// The checkout screen: one gateway payment, watched live until it completes or expires.
import { GatewayClient } from 'stream-payments/checkout';
import { describeError, isAbort } from './errors.js';
import { coinAmountText, decimalText } from './amount-text.js';
import { drawQr } from './qr.js';
import { $, clock, dateTime, intParam, mockPost, safeLink, sleep } from './util.js';

/**
 * `config` is /config.json; `params` the page's query (`payment`, `interval`, `maxInterval` in ms).
 * Returns { open(id) }.
 */
export function startCheckout({ config, params, demoIds = [] }) {
  const intervalMs = intParam(params, 'interval', 1000, 50, 60_000);
  const maxIntervalMs = Math.max(intervalMs, intParam(params, 'maxInterval', intervalMs * 4, 50, 300_000));
  const client = new GatewayClient({ baseUrl: config.gatewayUrl, fetch: watchedFetch });
  let current = null; // { id, controller, state, error }
  let countdown = null;
  let coinsFor = null; // payment id whose coins are on screen

  // Every request to the gateway, the poller's included, updates "last checked", so a person
  // sees the page is alive; a streak of failures is shown while a poller that rides them out
  // keeps trying (the fallback loop below gives up instead, and showError takes over).
  let failures = 0;
  function watchedFetch(input, init) {
    return fetch(input, init).then((res) => {
      const bad = !res.ok && res.status !== 404;
      $('last-check').textContent = `Last checked ${clock(new Date())}${bad ? ` (HTTP ${res.status}, trying again)` : ''}`;
      noteTrouble(bad ? { code: res.status === 429 ? 'RATE_LIMITED' : 'SERVER', status: res.status } : null);
      return res;
    }, (err) => {
      if (err?.name !== 'AbortError' && !init?.signal?.aborted) {
        $('last-check').textContent = `Check failed at ${clock(new Date())}: no connection, trying again`;
        noteTrouble({ code: 'NETWORK' });
      }
      throw err;
    });
  }

  function noteTrouble(problem) {
    failures = problem ? failures + 1 : 0;
    if (current?.state === 'error') return;
    if (!problem) {
      if (current?.trouble) show('pay-error', (current.trouble = false));
      return;
    }
    if (failures < 3) return;
    const { title, text, detail } = describeError({ name: 'StreamError', ...problem });
    current.trouble = true;
    fillErrorBox(title, `${text} This page keeps trying by itself.`, detail, 'Retry now');
  }

  function open(id) {
    current?.controller.abort();
    const controller = new AbortController();
    current = { id, controller, state: 'loading' };
    coinsFor = null;
    stopCountdown();
    $('pick-id').value = id;
    setStatus('loading', 'Loading', `Loading payment ${id}…`);
    $('last-check').textContent = '';
    show('pay-error', false);
    show('pay-body', false);
    $('sim-result').textContent = '';
    setSimulateEnabled(false);
    failures = 0;
    const mine = (fn) => (value) => { if (current?.controller === controller) fn(value); };
    watch(id, { intervalMs, maxIntervalMs, signal: controller.signal, onUpdate: mine(render) })
      .then(mine((payment) => {
        render(payment);
        if (payment.status === 'completed' && !payment.transactionHash) awaitReceipt(id, controller.signal);
      }))
      .catch((err) => { if (!isAbort(err, controller.signal)) mine(showError)(err); });
  }

  /** Live status: the package's poller when this build has it, else the small loop below. */
  function watch(id, options) {
    if (typeof client.waitForPayment === 'function') return client.waitForPayment(id, options);
    return pollFallback(id, options);
  }

  // ---- FALLBACK, for package builds without GatewayClient.waitForPayment: delete once every
  // build has it. Same contract: onUpdate on the first result and each status change; resolves
  // once the payment is no longer pending; rejects on the first error or with signal.reason.
  async function pollFallback(id, { intervalMs, maxIntervalMs, signal, onUpdate }) {
    let delayMs = intervalMs;
    let last;
    for (;;) {
      const payment = await client.getPayment(id, { signal });
      if (payment.status !== last) {
        last = payment.status;
        onUpdate?.(payment);
      }
      if (payment.status !== 'pending') return payment;
      await sleep(delayMs, signal);
      delayMs = Math.min(delayMs * 2, maxIntervalMs);
    }
  }
  // ---- end of FALLBACK

  /** The gateway may publish transaction_hash up to 10 minutes after completion. */
  async function awaitReceipt(id, signal) {
    const until = Date.now() + 10 * 60_000;
    while (Date.now() < until) {
      await sleep(maxIntervalMs, signal).catch(() => {});
      if (signal.aborted) return;
      const payment = await client.getPayment(id, { signal }).catch(() => null);
      if (payment?.transactionHash && current?.controller.signal === signal) return render(payment);
    }
  }

  function render(p) {
    const expired = p.status === 'not_found' && p.reason === 'expired';
    if (p.status === 'not_found' && !expired) {
      return showError(Object.assign(new Error(`payment ${p.paymentId} not found`), { name: 'StreamError', code: 'NOT_FOUND' }));
    }
    if (!current.trouble) show('pay-error', false);
    show('pay-body', true);
    $('pay-name').textContent = p.name ?? (expired ? 'Expired payment' : 'Payment');
    $('pay-description').textContent = p.description ?? '';
    $('pay-fiat').textContent = fiatText(p);
    const paying = p.status === 'pending';
    show('pay-coins-wrap', paying && p.addresses?.length > 0);
    if (paying && coinsFor !== p.paymentId) renderCoins(p);
    show('pay-receipt', p.status === 'completed');
    show('pay-return-wrap', false);
    setSimulateEnabled(paying);
    if (!paying) $('sim-result').textContent = '';

    if (paying) {
      setStatus('pending', 'Pending', 'Waiting for your payment. This page updates by itself.');
      startCountdown(p.expiryAt);
    } else if (p.status === 'completed') {
      stopCountdown();
      setStatus('completed', 'Completed', 'Payment completed. Thank you!');
      $('pay-countdown').textContent = '';
      $('pay-tx').textContent = p.transactionHash ?? 'not published yet (the gateway can take up to 10 minutes)';
      $('pay-signer').textContent = p.signerId ?? '—';
      setTime($('pay-processed'), p.processedAt);
      const back = safeLink(p.returnUrl);
      if (back) {
        $('pay-return').href = back;
        show('pay-return-wrap', true);
      }
    } else if (expired) {
      stopCountdown();
      setStatus('expired', 'Expired', 'This payment has expired. Please do not send money to its address; ask the shop for a new payment.');
      $('pay-countdown').textContent = p.expiryAt ? `Expired at ${dateTime(p.expiryAt)}` : '';
      $('pay-fiat').textContent = '';
      const back = safeLink(p.returnUrl);
      if (back) {
        $('pay-return').href = back;
        show('pay-return-wrap', true);
      }
    } else {
      stopCountdown();
      setStatus('unknown', p.status, `The gateway reports the status “${p.status}”.`);
    }
  }

  function renderCoins(p) {
    coinsFor = p.paymentId;
    const list = $('pay-coins');
    list.replaceChildren();
    p.addresses.forEach((coin, i) => {
      const { short } = coinAmountText(coin);
      const label = document.createElement('label');
      label.className = 'coin';
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'coin', value: String(i), checked: i === 0 });
      radio.addEventListener('change', () => selectCoin(coin));
      const icon = safeLink(coin.icon);
      const img = icon ? Object.assign(document.createElement('img'), { src: icon, alt: '', width: 24, height: 24 }) : null;
      const text = document.createElement('span');
      text.innerHTML = '<strong></strong> <span class="coin-amount"></span>';
      text.firstChild.textContent = coin.token;
      text.lastChild.textContent = short;
      label.append(radio, ...(img ? [img] : []), text);
      list.append(label);
    });
    if (p.addresses[0]) selectCoin(p.addresses[0]);
  }

  function selectCoin(coin) {
    const { short, exact, roundedUp } = coinAmountText(coin);
    const inferred = coin.decimalsSource === 'inferred' ? `, ${coin.decimals} decimals as the gateway shows it` : '';
    // The big figure is rounded up, never down; the exact amount is the one the button copies.
    $('pay-send-label').textContent = roundedUp ? 'Send at least' : 'Send exactly';
    $('pay-send').textContent = `${short} ${coin.token}`;
    $('pay-exact').replaceChildren();
    if (roundedUp) {
      const amount = Object.assign(document.createElement('code'), { id: 'pay-exact-amount', textContent: exact });
      $('pay-exact').append(
        `Rounded up to ${short.split('.')[1]?.length ?? 0} decimals, so it is never too little. Exact amount due: `,
        amount, ` ${coin.token} (${coin.amount} in smallest units${inferred}); “Copy exact amount” copies it in full.`);
    }
    $('pay-copy-amount').dataset.amount = exact;
    $('pay-copy-amount').disabled = !exact;
    $('pay-address').textContent = coin.address ?? '—';
    $('pay-copy').disabled = !coin.address;
    $('pay-copied').textContent = '';
    if (coin.address) drawQr($('pay-qr'), coin.address);
    else $('pay-qr').replaceChildren();
  }

  function fiatText(p) {
    const usd = p.displayAmountUsd != null ? decimalText(p.displayAmountUsd, 'USD') : null;
    const eur = p.displayAmountEur != null ? decimalText(p.displayAmountEur, 'EUR') : null;
    const [first, second] = p.localCurrency === 'eur' ? [eur, usd] : [usd, eur];
    return [first, second].filter(Boolean).join(' · ');
  }

  function showError(err) {
    stopCountdown();
    const { title, text, detail } = describeError(err, `payment “${current.id}”`);
    current.error = err;
    setStatus('error', 'Error', `${title}.`);
    $('last-check').textContent = $('last-check').textContent.replace(/,? trying again\)?$/, (m) => (m.endsWith(')') ? ')' : ''));
    fillErrorBox(title, text, detail, 'Retry');
    show('pay-body', false);
    setSimulateEnabled(false);
  }

  function fillErrorBox(title, text, detail, retryLabel) {
    $('pay-error-title').textContent = title;
    $('pay-error-text').textContent = text;
    $('pay-error-detail').textContent = detail;
    $('pay-retry').textContent = retryLabel;
    show('pay-error', true);
  }

  function setStatus(state, badge, text) {
    if (current) current.state = state;
    $('pay-status').dataset.state = state;
    $('status-badge').textContent = badge;
    $('status-text').textContent = text;
    show('pay-progress', state === 'pending' || state === 'loading');
  }

  function startCountdown(expiryAt) {
    stopCountdown();
    const end = Date.parse(expiryAt ?? '');
    const el = $('pay-countdown');
    if (!Number.isFinite(end)) { el.textContent = ''; return; }
    const tick = () => {
      const leftMs = end - Date.now();
      el.classList.toggle('urgent', leftMs < 60_000);
      el.textContent = leftMs > 0
        ? `Expires in ${duration(leftMs)}`
        : 'Expiry time reached: waiting for the gateway to confirm.';
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  function stopCountdown() {
    clearInterval(countdown);
    countdown = null;
  }

  function setSimulateEnabled(on) {
    for (const id of ['sim-complete', 'sim-expire']) $(id).disabled = !on;
  }

  // ---- controls
  $('pay-retry').addEventListener('click', () => {
    open(current.id);
    $('pay-status').focus();
  });
  window.addEventListener('online', () => {
    if (current?.state === 'error' && ['NETWORK', 'TIMEOUT'].includes(current.error?.code)) open(current.id);
  });
  /** Copies `text` (selecting `fallback` for Ctrl+C where the clipboard is refused). */
  async function copy(text, fallback, what) {
    try {
      await navigator.clipboard.writeText(text);
      $('pay-copied').textContent = `Copied the ${what}.`;
    } catch {
      getSelection().selectAllChildren(fallback);
      $('pay-copied').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  }
  $('pay-copy').addEventListener('click', () => copy($('pay-address').textContent, $('pay-address'), 'address'));
  $('pay-copy-amount').addEventListener('click', () => copy($('pay-copy-amount').dataset.amount, $('pay-exact-amount') ?? $('pay-send'), 'exact amount'));
  $('pick').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('pick-id').value.trim();
    if (id) navigate(id);
  });
  for (const id of demoIds) $('demo-ids').append(Object.assign(document.createElement('option'), { value: id }));

  if (config.mockUrl) {
    show('simulate', true);
    const control = async (button, path, body, done) => {
      button.disabled = true;
      $('sim-result').textContent = '';
      try {
        const result = await mockPost(config.mockUrl, path, body);
        $('sim-result').textContent = done(result);
      } catch (err) {
        $('sim-result').textContent = `The mock refused: ${err.message}`;
      } finally {
        button.disabled = button.id !== 'sim-new' && current?.state !== 'pending';
      }
    };
    const paymentPath = (action) => `/__mock/gateway/payments/${encodeURIComponent(current.id)}/${action}`;
    $('sim-complete').addEventListener('click', (e) => control(e.currentTarget, paymentPath('complete'), {},
      () => 'The mock marked the payment as paid; the page will see it at its next status check.'));
    $('sim-expire').addEventListener('click', (e) => control(e.currentTarget, paymentPath('expire'), {},
      () => 'The mock expired the payment; the page will see it at its next status check.'));
    $('sim-new').addEventListener('click', (e) => control(e.currentTarget, '/__mock/gateway/payments', {
      amountUsd: '4.20', name: 'Demo order', description: 'A new payment from the demo page',
      expiresInMs: 10 * 60_000, returnUrl: new URL('/', location.href).href,
    }, (payment) => { navigate(payment.payment_id); return `Created payment ${payment.payment_id}.`; }));
  }

  function navigate(id) {
    const url = new URL(location.href);
    url.searchParams.set('payment', id);
    history.replaceState(null, '', url);
    open(id);
  }

  return { open };
}

function show(id, on) {
  $(id).hidden = !on;
}

function setTime(el, iso) {
  el.textContent = iso ? dateTime(iso) : '—';
  if (iso) el.dateTime = iso;
}

function duration(ms) {
  const s = Math.ceil(ms / 1000);
  const pad = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}
