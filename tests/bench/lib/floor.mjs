// The floor of the amount rows: tests/bench/floor (a bare no_std wasm module, built by bench.sh)
// called the leanest way one call can cross. JS writes the input's ASCII bytes straight into the
// module's static input buffer, passes plain numbers, and reads the answer's bytes back from its
// static output buffer with the same loops the package's shell uses (pkg/src/amounts.js).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WASM = process.env.BENCH_FLOOR_WASM
  ?? join(dirname(fileURLToPath(import.meta.url)), '../../../target/bench-floor/wasm32-unknown-unknown/release/amount_floor.wasm');

/** { formatUnits(s, decimals, max?, min?), parseUnits(t, decimals) }, or null when not built. */
export function loadFloor() {
  if (!existsSync(WASM)) return null;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM)));
  const input = new Uint8Array(exports.memory.buffer, exports.input_ptr(), 1024);
  const output = new Uint8Array(exports.memory.buffer, exports.output_ptr(), 2048);
  const put = (text) => {
    const n = text.length;
    if (n > input.length) throw new RangeError('floor: input too long');
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) throw new RangeError('floor: not ASCII');
      input[i] = c;
    }
    return n;
  };
  const take = (n) => {
    if (n < 0) throw new RangeError('floor: refused the input');
    let text = '';
    for (let i = 0; i < n; i++) text += String.fromCharCode(output[i]);
    return text;
  };
  return {
    formatUnits: (s, decimals, max = decimals, min = 0) => take(exports.format(put(s), decimals, max, min)),
    parseUnits: (t, decimals) => take(exports.parse(put(t), decimals)),
  };
}
