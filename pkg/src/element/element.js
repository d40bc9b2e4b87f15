// <stream-checkout>: one gateway payment, shown and followed until it is paid or expires. The
// names of its attributes, properties, events, parts and slots are the contract in DESIGN.md.
import { explain, follow } from './follow.js';
import { coinAmounts, fiatAmounts } from './amounts.js';
import { qrSvg } from './qr.js';
import { RTL, text } from './strings.js';
import { styles } from './styles.js';
import { buildView, h, ltr } from './view.js';

const MIN_INTERVAL_MS = 2_000;
const MAX_INTERVAL_MS = 3_600_000;
/** Statuses after which nothing can change: polling stops for good. */
const SETTLED = new Set(['completed', 'expired', 'not_found']);
/** Reminders before the expiry time, in ms left, with their string keys. */
const REMINDERS = [[300_000, 'minutesLeft5'], [60_000, 'minutesLeft1']];
const REFLECTED = { paymentId: 'payment-id', apiBase: 'api-base', coin: 'coin', theme: 'theme' };
/** Attributes that change what is polled. */
const POLLING = ['payment-id', 'api-base', 'poll-interval'];

export class StreamCheckout extends HTMLElement {
  static observedAttributes = [...POLLING, 'coin', 'theme', 'no-qr', 'lang', 'dir'];

  #view;
  #status = 'loading';
  #payment = null;
  #error = null;
  #strings = {};
  /** The payment (id and gateway) the shown state belongs to. */
  #key = null;
  /** The polling now: `{ controller }`; callbacks of an older one are ignored. */
  #run = null;
  /** Once-per-payment events already fired: 'ready', 'paid', 'expired'. */
  #fired = new Set();
  #reconnecting = false;
  #picked = null;
  #coinsShown = null;
  #qrFor = null;
  #timer = 0;
  #leftMs = undefined;
  #checkedAtZero = false;
  #queued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.#view = buildView(root, {
      copyAmount: () => this.#copy('amount'),
      copyAddress: () => this.#copy('address'),
      retry: () => this.#retry(),
    });
  }

  get status() { return this.#status; }
  get payment() { return this.#payment; }
  get error() { return this.#error; }
  get strings() { return this.#strings; }
  set strings(overrides) {
    this.#strings = overrides && typeof overrides === 'object' ? { ...overrides } : {};
    this.#render();
  }

  /** The interval polling starts with: the attribute, at least 2000 ms. */
  get pollInterval() {
    const ms = Number(this.getAttribute('poll-interval') ?? NaN);
    return Number.isFinite(ms) ? Math.min(Math.max(Math.round(ms), MIN_INTERVAL_MS), MAX_INTERVAL_MS) : MIN_INTERVAL_MS;
  }
  set pollInterval(ms) { this.setAttribute('poll-interval', ms); }
  get noQr() { return this.hasAttribute('no-qr'); }
  set noQr(on) { this.toggleAttribute('no-qr', Boolean(on)); }

  connectedCallback() {
    // Properties a page set before the element was defined hide the accessors: pass them on.
    for (const name of [...Object.keys(REFLECTED), 'pollInterval', 'noQr', 'strings']) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (POLLING.includes(name)) return this.#schedule();
    if (name === 'coin') this.#picked = null;
    this.#render();
  }

  /** Polls now (once the element is connected and the payment is not settled). */
  refresh() {
    if (!this.isConnected || SETTLED.has(this.#status)) return;
    this.#stop();
    this.#start();
  }

  /** Attributes set together (or set right after the element is added) start one poll, not several. */
  #schedule() {
    if (this.#queued || !this.isConnected) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (!this.isConnected) return;
      this.#stop();
      this.#start();
    });
  }

  #start() {
    const id = this.getAttribute('payment-id') ?? '';
    const apiBase = this.getAttribute('api-base');
    const key = JSON.stringify([id, apiBase]);
    if (key !== this.#key) {
      this.#key = key;
      this.#payment = this.#error = this.#picked = this.#leftMs = null;
      this.#fired.clear();
      this.#reconnecting = this.#checkedAtZero = false;
      this.#setStatus('loading');
    }
    this.#render();
    if (SETTLED.has(this.#status)) return;
    const controller = new AbortController();
    const run = (this.#run = { controller });
    const mine = (fn) => (arg) => this.#run === run && fn(arg);
    let following;
    try {
      following = follow({
        apiBase,
        paymentId: id,
        intervalMs: this.pollInterval,
        signal: controller.signal,
        onPayment: mine((payment) => this.#show(payment)),
        onTrouble: mine((outcome) => this.#trouble(apiBase, id, outcome)),
        onAnswer: mine(() => {
          if (!this.#reconnecting) return;
          this.#reconnecting = false;
          this.#render();
        }),
      });
    } catch (error) {
      following = Promise.reject(error);
    }
    following.then(
      mine(() => (this.#run = null)),
      mine((error) => {
        this.#run = null;
        this.#fail(error);
      }),
    );
  }

  #stop() {
    this.#run?.controller.abort();
    this.#run = null;
    clearTimeout(this.#timer);
    this.#timer = 0;
  }

  #retry() {
    this.#stop();
    this.#setStatus('loading');
    this.#start();
  }

  #show(payment) {
    const { status, reason } = payment;
    const next = status === 'completed' ? 'completed'
      : status === 'not_found' ? (reason === 'expired' ? 'expired' : 'not_found')
        : 'pending';
    this.#payment = payment;
    this.#reconnecting = false;
    const previous = this.#status;
    this.#status = next;
    this.#render();
    // Listeners of either event read the new status from the element.
    if (this.#once('ready')) this.#emit('stream-ready', { payment });
    this.#changed(previous);
    if (next === 'completed' && this.#once('paid')) {
      this.#announce('completed');
      this.#emit('stream-paid', { payment });
    } else if (SETTLED.has(next) && this.#once('expired')) {
      this.#announce(next);
      this.#emit('stream-expired', { payment });
    }
  }

  /** A failure polling cannot get past: the error state, with Retry. */
  #fail(error) {
    this.#error = error;
    this.#reconnecting = false;
    this.#setStatus('error');
    this.#announce('error');
    this.#emit('stream-error', { error });
  }

  /** A failed poll the schedule rides out. The first of a streak (which a refresh does not
   *  end) says so and fires `stream-error` with the error the client makes of it. */
  #trouble(apiBase, id, outcome) {
    if (this.#reconnecting) return;
    this.#reconnecting = true;
    this.#render();
    this.#announce('reconnecting');
    const key = this.#key;
    explain(apiBase, id, outcome).then((error) => {
      if (this.#key !== key || !this.isConnected) return;
      this.#error = error;
      this.#emit('stream-error', { error });
    });
  }

  #setStatus(next) {
    const previous = this.#status;
    this.#status = next;
    this.#render();
    this.#changed(previous);
  }

  #changed(previous) {
    const status = this.#status;
    if (previous !== status) this.#emit('stream-status-change', { status, previous, payment: this.#payment });
  }

  #once(event) {
    if (this.#fired.has(event)) return false;
    this.#fired.add(event);
    return true;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #t(key, values) {
    return text(this.#lang(), this.#strings, key, values);
  }

  #announce(key) {
    const live = this.#view.live;
    const message = this.#t(key);
    // The same message twice is still a change a screen reader hears.
    live.textContent = live.textContent === message ? `${message}\u00a0` : message;
  }

  #lang() {
    return this.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  #dir(lang) {
    const inherited = this.hasAttribute('lang') ? null : this.closest('[dir]')?.getAttribute('dir');
    return this.getAttribute('dir') || inherited || (RTL.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr');
  }

  /** The coin on screen: the one picked, else the `coin` attribute's, else the first. */
  #coin() {
    const coins = this.#payment?.addresses ?? [];
    const wanted = (this.#picked ?? this.getAttribute('coin') ?? '').toUpperCase();
    return coins.find((c) => String(c.token).toUpperCase() === wanted) ?? coins[0] ?? null;
  }

  async #copy(what) {
    const coin = this.#coin();
    const copied = what === 'amount' ? coinAmounts(coin ?? {})?.exact : coin?.address;
    if (!copied) return;
    try {
      await navigator.clipboard.writeText(copied);
    } catch {
      getSelection()?.selectAllChildren(what === 'amount' ? this.#view.exact.lastChild ?? this.#view.shown : this.#view.address);
      return this.#announce('copyFailed');
    }
    this.#announce('copied');
    this.#emit('stream-copy', { what, text: copied });
  }

  #render() {
    const v = this.#view;
    const focused = this.shadowRoot.activeElement;
    const lang = this.#lang();
    const t = (key, values) => this.#t(key, values);
    const p = this.#payment;
    const s = this.#status;
    const paying = s === 'pending';
    v.base.lang = lang;
    v.base.dir = this.#dir(lang);
    v.status.dataset.state = s;
    v.title.textContent = t(s);
    v.detail.textContent = t(`${s}Detail`);
    v.note.textContent = `${t('reconnecting')}: ${t('reconnectingDetail')}`;
    v.note.hidden = !this.#reconnecting;

    const fiat = p && (paying || s === 'completed') ? fiatAmounts(p) : [];
    v.fiat.replaceChildren(...fiat.flatMap((amount, i) => (i ? [' · ', ltr(amount)] : [ltr(amount)])));
    v.fiat.hidden = fiat.length === 0;

    const coin = paying ? this.#coin() : null;
    v.coins.hidden = v.deposit.hidden = !coin;
    if (coin) this.#renderCoins(coin, t);

    v.error.hidden = s !== 'error';
    const e = this.#error;
    v.errorCode.textContent = e ? `${e.code ?? e.name}${e.status ? ` (HTTP ${e.status})` : ''}: ${e.message}` : '';
    v.retry.textContent = t('retry');
    v.paid.hidden = s !== 'completed';
    v.paidDefault.replaceChildren(t('paidNote'));
    v.expired.hidden = s !== 'expired' && s !== 'not_found';
    v.timer.hidden = !paying;
    this.#tick(paying);

    // Focus moves only when the control that had it is gone (say the copy button on payment).
    if (focused && focused !== v.status && !focused.checkVisibility()) v.status.focus();
  }

  #renderCoins(coin, t) {
    const v = this.#view;
    const coins = this.#payment.addresses;
    // Rebuilt only when the coins or the language change, so a focused radio keeps its focus.
    const shown = `${v.base.lang} ${coins.map((c) => `${c.token}:${c.amount}`).join(' ')}`;
    if (shown !== this.#coinsShown) {
      this.#coinsShown = shown;
      v.coins.replaceChildren(h('legend', {}, t('payWith')), ...coins.map((c) => {
        const amounts = coinAmounts(c);
        const radio = h('input', { type: 'radio', name: 'coin', value: c.token, onchange: () => this.#pick(c.token) });
        return h('label', {}, radio, h('span', { class: 'mono' }, String(c.token)), ' ', ltr(amounts?.shown ?? c.amount));
      }));
    }
    for (const radio of v.coins.querySelectorAll('input')) radio.checked = radio.value === coin.token;

    const token = String(coin.token);
    const amounts = coinAmounts(coin);
    v.sendLabel.textContent = t(amounts?.roundedUp ? 'sendAtLeast' : 'sendExactly');
    v.shown.textContent = amounts ? `${amounts.shown} ${token}` : t('smallestUnits', { amount: coin.amount });
    v.exact.hidden = !amounts?.roundedUp;
    v.exact.replaceChildren(t('roundedUp', { digits: amounts?.digits }), ' ', ltr(amounts?.exact ?? ''));
    v.copyAmount.textContent = t('copyAmount', { token });
    v.copyAmount.hidden = !amounts;
    v.toAddress.textContent = t('toAddress', { token });
    v.address.textContent = coin.address ?? '';
    v.copyAddress.textContent = t('copyAddress', { token });
    v.copyAddress.hidden = !coin.address;
    v.qr.setAttribute('aria-label', t('qrLabel', { token }));
    v.qr.hidden = this.noQr || !coin.address;
    if (!v.qr.hidden && this.#qrFor !== coin.address) {
      this.#qrFor = coin.address;
      v.qr.replaceChildren(qrSvg(coin.address));
    }
  }

  #pick(token) {
    this.#picked = token;
    this.#render();
    this.#emit('stream-coin-change', { token });
  }

  /** The countdown to `expiryAt`, once a second while pending. It is a hint: at zero the element
   *  polls once more, and only the gateway's answer says the payment expired. */
  #tick(on) {
    clearTimeout(this.#timer);
    this.#timer = 0;
    const end = Date.parse(this.#payment?.expiryAt ?? '');
    if (!on || !this.isConnected || !Number.isFinite(end)) return;
    const left = end - Date.now();
    const v = this.#view;
    if (left > 0) {
      const s = Math.ceil(left / 1000);
      const pad = (n) => String(n).padStart(2, '0');
      const time = s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
      v.timer.replaceChildren(...this.#t('expiresIn', { time: '\0' }).split('\0').flatMap((part, i) => (i ? [ltr(time), part] : [part])));
      for (const [at, key] of REMINDERS) if (this.#leftMs > at && left <= at) this.#announce(key);
      this.#leftMs = left;
      this.#timer = setTimeout(() => this.#tick(this.#status === 'pending'), left % 1000 || 1000);
    } else {
      v.timer.textContent = this.#t('checking');
      if (!this.#checkedAtZero) {
        this.#checkedAtZero = true;
        queueMicrotask(() => this.refresh());
      }
    }
  }
}

for (const [property, attribute] of Object.entries(REFLECTED)) {
  Object.defineProperty(StreamCheckout.prototype, property, {
    get() { return this.getAttribute(attribute); },
    set(value) { if (value == null) this.removeAttribute(attribute); else this.setAttribute(attribute, value); },
    configurable: true,
  });
}
