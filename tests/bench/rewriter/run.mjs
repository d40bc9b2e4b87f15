// `node tests/bench/rewriter/run.mjs page.json [shape]`: the rewriter alone in wasm (see
// Cargo.toml) against JSON.parse of the same text; CPU time per call, the median and the least
// of ROUNDS rounds of CALLS calls (on a shared machine the least is the steadiest figure).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WASM = process.env.REWRITER_WASM
  ?? join(dirname(fileURLToPath(import.meta.url)), '../../../target/bench-rewriter/wasm32-unknown-unknown/release/rewriter_bench.wasm');
const bytes = readFileSync(process.argv[2]);
const shape = Number(process.argv[3] ?? 0);
const calls = Number(process.env.CALLS ?? 500);
const rounds = Number(process.env.ROUNDS ?? 9);
const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM)));
const text = bytes.toString('utf8');
const decoder = new TextDecoder();
const put = () => {
  const at = exports.input(bytes.length); // may grow the memory: read its buffer after
  new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
  return bytes.length;
};
const rewrite = () => exports.decode(put(), shape);
const take = (n) => decoder.decode(new Uint8Array(exports.memory.buffer, exports.output(), n));
const n = rewrite();
if (n < 0) throw new Error(`decode refused the body (${n})`);
const out = take(n);
const impls = {
  'JSON.parse(text)': () => JSON.parse(text),
  'rewrite (copy in, decode)': () => rewrite(),
  'rewrite + TextDecoder + JSON.parse': () => JSON.parse(take(rewrite())),
};
// CPU time of this process (user + system), so another process taking the core is not counted.
const time = (fn) => {
  const c = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / calls;
};
const samples = Object.fromEntries(Object.keys(impls).map((k) => [k, []]));
for (const fn of Object.values(impls)) time(fn);
for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(impls)) samples[k].push(time(fn));
const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
const base = med(samples['JSON.parse(text)']);
console.log(`${bytes.length} bytes in, ${out.length} chars out, ${calls} calls x ${rounds} rounds`);
for (const [k, s] of Object.entries(samples)) {
  const m = med(s);
  const spread = (Math.max(...s) - Math.min(...s)) / m;
  const least = Math.min(...s);
  console.log(`${m.toFixed(1).padStart(8)} µs ±${(100 * spread).toFixed(0).padStart(3)}%  ${(m / base).toFixed(2)}x  least ${least.toFixed(1).padStart(6)} µs  ${k}`);
}
