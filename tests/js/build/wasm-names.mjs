// The function names of a .wasm's `name` section (custom section "name", subsection 1), as the
// compiler wrote them (mangled). Only cargo's output and `--keep-debug` builds have the section.
import { WasmReader } from './wasm-reader.mjs';

/** Function names of `wasm` (a Uint8Array), in index order of their entries. */
export function functionNames(wasm) {
  const r = new WasmReader(wasm);
  while (!r.done) {
    const id = r.byte();
    const end = r.leb() + r.at;
    if (id === 0 && r.name() === 'name') {
      while (r.at < end) {
        const sub = r.byte();
        const subEnd = r.leb() + r.at;
        if (sub === 1) {
          const names = [];
          for (let n = r.leb(); n > 0; n--) {
            r.leb(); // function index
            names.push(r.name());
          }
          return names;
        }
        r.at = subEnd;
      }
    }
    r.at = end;
  }
  return [];
}
