// Gives the imports of a browser build's .wasm short names, in the .wasm and in the bundled JS
// that provides them. wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` under the
// module "./stream_payments_bg.js": in a page's download those names are ~1.2 KB gzip in the
// checkout build and ~3 KB in the full one (BENCHMARKS.md, "Issue 18"), and the hashes do not
// compress. Every old name must occur exactly once in the JS (the key of the imports object),
// or the build fails: a silent partial rename would be a module that cannot instantiate.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WasmReader } from '../js/build/wasm-reader.mjs';

/** Renames the imports of `dir`/stream_payments_bg.wasm and their keys in `dir`'s .js files. */
export function shortImports(dir) {
  const wasmPath = join(dir, 'stream_payments_bg.wasm');
  const { wasm, renamed, modules } = renameImports(readFileSync(wasmPath));
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const replaceOnce = (from, to) => {
    const hits = [...texts].filter(([, text]) => text.includes(from));
    const count = hits.reduce((n, [, text]) => n + text.split(from).length - 1, 0);
    if (count !== 1) throw new Error(`short-imports: ${from} occurs ${count} times in ${dir}'s JS, not once`);
    const [file, text] = hits[0];
    texts.set(file, text.replace(from, to));
  };
  for (const [from, to] of modules) replaceOnce(JSON.stringify(from), JSON.stringify(to));
  for (const [from, to] of renamed) replaceOnce(from, to);
  writeFileSync(wasmPath, wasm);
  for (const [file, text] of texts) writeFileSync(file, text);
}

/** `bytes` with every import's module and name shortened (`a`, `b`, ... `ba`, ...). */
function renameImports(bytes) {
  const parts = [bytes.subarray(0, 8)];
  const renamed = new Map();
  const modules = new Map();
  const r = new WasmReader(bytes);
  while (!r.done) {
    const start = r.at;
    const id = r.byte();
    const end = r.leb() + r.at;
    if (id !== 2) {
      parts.push(bytes.subarray(start, end));
      r.at = end;
      continue;
    }
    const out = [];
    const count = r.leb();
    out.push(...uleb(count));
    for (let i = 0; i < count; i++) {
      const module = r.name();
      const field = r.name();
      const desc = r.at;
      skipImportDesc(r);
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      if (renamed.has(field)) throw new Error(`short-imports: ${field} is imported twice`);
      renamed.set(field, shortName(i));
      out.push(...utf8(modules.get(module)), ...utf8(renamed.get(field)), ...bytes.subarray(desc, r.at));
    }
    if (r.at !== end) throw new Error('short-imports: the import section did not parse to its end');
    parts.push(Uint8Array.of(2, ...uleb(out.length), ...out));
  }
  return { wasm: Buffer.concat(parts), renamed, modules };
}

function skipImportDesc(r) {
  const kind = r.byte();
  if (kind === 0) r.leb(); // function: type index
  else if (kind === 1 || kind === 2) {
    if (kind === 1) r.byte(); // table: element type
    const flags = r.byte();
    r.leb();
    if (flags & 1) r.leb();
  } else if (kind === 3) r.at += 2; // global: value type, mutability
  else throw new Error(`short-imports: import kind ${kind} not understood`);
}

/** `a` ... `z`, then `ba`, `bb`, ...: letters only, so every name is a plain JS key. */
function shortName(n) {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function utf8(text) {
  const b = new TextEncoder().encode(text);
  return [...uleb(b.length), ...b];
}
