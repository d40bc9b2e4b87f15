// `listAll*`: every item of every page, one page fetched when the loop gets there. Rust keeps the
// cursor (which page is next, when to stop); JavaScript only sends and does what `for await`
// needs.

import { send } from './io.js';

/** `operation` names the method for the hooks. */
export async function* allItems(io, pages, signal, operation) {
  try {
    for (let call = pages.call(); call !== undefined; call = pages.call()) {
      try {
        await send(io, call, signal, undefined, io.hooks?.trace(operation));
        yield* JSON.parse(pages.advance(call)).data;
      } finally {
        call.free();
      }
    }
  } finally {
    pages.free();
  }
}
