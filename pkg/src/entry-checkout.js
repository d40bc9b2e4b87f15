// "stream-payments/checkout" in browsers: the small build, instantiated once on import.
import init from './glue.js';
import { whenInstantiated } from './ready.js';

await init();
whenInstantiated();

export * from './checkout.js';
