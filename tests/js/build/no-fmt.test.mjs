// The .wasm carries no formatting machinery: read from the function names of the cargo output
// after wasm-bindgen (--keep-debug keeps the name section; wasm-bindgen drops what nothing uses, as
// in the shipped file). Runs after `make build` (tests/scripts/test-package.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionNames } from './wasm-names.mjs';

const root = process.env.STREAM_ROOT ?? join(import.meta.dirname, '../../..');
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const BUILDS = {
  checkout: join(target, 'checkout/wasm32-unknown-unknown/release/stream_payments.wasm'),
  full: join(target, 'wasm32-unknown-unknown/release/stream_payments.wasm'),
};

/** Function names of `wasm` as wasm-bindgen leaves it (demangled, e.g. `core[hash]::fmt::write`). */
function namesAfterBindgen(wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'stream-names-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', dir, wasm]);
    return functionNames(readFileSync(join(dir, 'stream_payments_bg.wasm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const matching = (names, re) => names.filter((n) => re.test(n));
// `core[0123abcd]::fmt::write` or `core::fmt::write::h0123` (both spellings occur).
const FMT_WRITE = /\bcore(\[[0-9a-f]+\])?::fmt::write\b/;
// The builders behind `{:?}` of structs, lists and tuples, and `Arguments`' own `Display`.
const BUILDERS = /\bcore(\[[0-9a-f]+\])?::fmt::(builders|Arguments)\b/;
const STD = /\bstd(\[[0-9a-f]+\])?::/;
const FORMAT = /\balloc(\[[0-9a-f]+\])?::fmt::format\b/;

const names = Object.fromEntries(Object.entries(BUILDS).map(([build, file]) => [build, namesAfterBindgen(file)]));

test('the name sections were read', () => {
  for (const [build, list] of Object.entries(names)) {
    assert.ok(list.length > 300, `${build}: ${list.length} names`);
    assert.ok(list.some((n) => n.includes('stream_payments::')), `${build}: our own functions are named`);
  }
});

test('neither build has std (its panic machinery) or a format! (alloc::fmt::format)', () => {
  for (const [build, list] of Object.entries(names)) {
    assert.deepEqual(matching(list, STD), [], build);
    assert.deepEqual(matching(list, FORMAT), [], build);
  }
});

// What stays is core's own: the panics of a bounds check or a RefCell hold vtables of a few leaf
// `Display`s (u32, &str, BorrowError) and the `Formatter::pad` they call, never run (the panic
// handler formats nothing). The full build once reached `core::fmt::write` through `unwrap`s and
// asserts in dependencies (base64's `encode`, foldhash, `Uint8Array::to_vec`), each printing a
// `Debug` value. BENCHMARKS.md, "What is in each .wasm" and "Issue 18".
for (const build of Object.keys(BUILDS)) {
  test(`the ${build} build has no core::fmt::write and no formatting builders`, () => {
    assert.deepEqual(matching(names[build], FMT_WRITE), []);
    assert.deepEqual(matching(names[build], BUILDERS), []);
  });
}
