// Node, Bun, Deno: the nodejs glue instantiates the module synchronously on require.
import { whenInstantiated } from './ready.js';

whenInstantiated();

export * from './index.js';
