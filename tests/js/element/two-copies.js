// Loads the installed element, then a second copy of the package (another URL, so another
// module): each outcome says whether that copy's class is the one defined.
const load = (url) => import(url).then(
  (module) => ({ defines: module.StreamCheckout === customElements.get('stream-checkout') }),
  (error) => ({ error: String(error) }),
);
window.loaded = (async () => [
  await load('/node_modules/stream-payments/element/index.js'),
  await load('/copy/node_modules/stream-payments/element/index.js'),
])();
