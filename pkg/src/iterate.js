// Async iterators over Rust cursors. Rust decides what comes next and when to stop; JavaScript
// only does what `for await` needs.

// `listAll*`: every item of every page, one page fetched when the loop gets there. Rust keeps the
// cursor (which page is next, when to stop); JavaScript only does what `for await` needs.

export async function* allItems(cursor) {
  try {
    for (;;) {
      const items = await cursor.next();
      if (items === undefined) return;
      yield* items;
    }
  } finally {
    cursor.free();
  }
}

// `watchPayment`: each change Rust reports, ending with the settled payment; leaving the loop
// closes the feed, which stops the polling at once.
export async function* changes(feed) {
  try {
    for (;;) {
      const payment = await feed.next();
      if (payment === undefined) return;
      yield payment;
    }
  } finally {
    feed.close();
    feed.free();
  }
}
