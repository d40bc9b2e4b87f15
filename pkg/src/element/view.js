// The element's shadow tree: built once, then only texts, `hidden` and the coin list change, so
// the live region stays mounted and focus is never lost to a rebuild.

/** `h('p', { part: 'amount' }, child, ...)`: an element with attributes (or `on*` listeners). */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}

/** Left-to-right, ASCII-only text (amounts, addresses, ids) inside any layout. */
export const ltr = (...children) => h('bdi', { dir: 'ltr' }, ...children);

/** Builds the tree into `root`; `on` has the handlers `copyAmount`, `copyAddress`, `retry`. */
export function buildView(root, on) {
  const v = {};
  const ref = (name, el) => (v[name] = el);
  const slot = (name, ...fallback) => h('slot', { name }, ...fallback);
  root.append(ref('base', h('div', { part: 'base', class: 'base' },
    slot('header'),
    ref('status', h('div', { part: 'status', class: 'status', tabindex: '-1' },
      ref('title', h('h2')),
      ref('detail', h('p')),
      ref('note', h('p', { class: 'note' })),
    )),
    // Created once and never hidden: a live region must exist before what it announces.
    ref('live', h('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' })),
    ref('fiat', h('p', { class: 'fiat' })),
    ref('timer', h('p', { part: 'timer', class: 'timer', role: 'timer', 'aria-live': 'off' })),
    ref('coins', h('fieldset', { part: 'coins', class: 'coins' })),
    ref('deposit', h('div', { class: 'deposit' },
      ref('qr', h('div', { part: 'qr', class: 'qr', role: 'img' })),
      h('div', { class: 'pay' },
        ref('sendLabel', h('p', { class: 'label' })),
        h('p', { part: 'amount', class: 'amount' }, ref('shown', ltr())),
        ref('exact', h('p', { part: 'exact-amount', class: 'exact' })),
        ref('copyAmount', h('button', { part: 'copy-amount', type: 'button', onclick: on.copyAmount })),
        ref('toAddress', h('p', { class: 'label' })),
        h('p', { part: 'address', class: 'address' }, ref('address', ltr())),
        ref('copyAddress', h('button', { part: 'copy-address', type: 'button', onclick: on.copyAddress })),
      ),
    )),
    ref('error', h('div', { part: 'error', class: 'error' },
      h('p', { class: 'mono' }, ref('errorCode', ltr())),
      ref('retry', h('button', { part: 'retry', type: 'button', onclick: on.retry })),
    )),
    ref('paid', h('div', {}, ref('paidDefault', slot('paid')))),
    ref('expired', h('div', {}, slot('expired'))),
    slot('footer'),
  )));
  return v;
}
