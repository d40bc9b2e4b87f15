// Arguments that are objects (request bodies, list parameters) cross to Rust as one JSON text,
// made by the engine's own JSON.stringify. Rust reads, checks and renames every field.

/** The JSON text of `value`, `undefined` for `undefined`. Never throws: what JSON.stringify
 *  refuses (a cycle, a throwing getter) becomes a text Rust reports as an INVALID_ARGUMENT. */
export function jsonArg(value) {
  if (value === undefined) return undefined;
  try {
    // Functions and symbols have no JSON text: Rust names the argument as missing or wrong.
    // A bigint is refused (JSON.stringify throws): amounts in requests are decimal strings.
    return JSON.stringify(value) ?? '\u0000' + typeof value;
  } catch (err) {
    return '\u0000' + String(err && err.message);
  }
}
