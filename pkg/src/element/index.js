// "stream-payments/element": importing it defines <stream-checkout>, once. A second copy of the
// package on the page finds the name taken and leaves the first definition alone (a second
// `define` would throw in the middle of that copy's evaluation).
import { StreamCheckout } from './element.js';

if (!customElements.get('stream-checkout')) customElements.define('stream-checkout', StreamCheckout);

export { StreamCheckout };
