// `listAll*`: every item of every page, one page fetched when the loop gets there. Rust keeps the
// cursor (which page is next, when to stop); JavaScript only sends and does what `for await`
// needs.

import { send } from './io.js';

export async function* allItems(io, pages, signal) {
  try {
    for (let call = pages.call(); call !== undefined; call = pages.call()) {
      try {
        await send(io, call, signal);
        yield* JSON.parse(pages.advance(call)).data;
      } finally {
        call.free();
      }
    }
  } finally {
    pages.free();
  }
}
