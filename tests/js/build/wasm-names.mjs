// The function names of a .wasm's `name` section (custom section "name", subsection 1), as the
// compiler wrote them (mangled). Only cargo's output and `--keep-debug` builds have the section.

/** Function names of `wasm` (a Uint8Array), in index order of their entries. */
export function functionNames(wasm) {
  let at = 8; // magic + version
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const text = (len) => new TextDecoder().decode(wasm.subarray(at, (at += len)));
  while (at < wasm.length) {
    const id = wasm[at++];
    const end = leb() + at;
    if (id === 0 && text(leb()) === 'name') {
      while (at < end) {
        const sub = wasm[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          const names = [];
          for (let n = leb(); n > 0; n--) {
            leb(); // function index
            names.push(text(leb()));
          }
          return names;
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return [];
}
