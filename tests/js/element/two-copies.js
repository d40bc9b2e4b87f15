// Loads the installed element and a second copy of the package (another URL, so another module).
window.loaded = Promise.allSettled([
  import('/node_modules/stream-payments/element/index.js'),
  import('/copy/node_modules/stream-payments/element/index.js'),
]).then((outcomes) => outcomes.map((o) => (o.status === 'fulfilled' ? { defines: o.value.StreamCheckout === customElements.get('stream-checkout') } : { error: String(o.reason) })));
