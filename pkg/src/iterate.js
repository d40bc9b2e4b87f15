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
