// Size budget of the browser build, as a user downloads it: gzip -9 of the .wasm plus its JS glue.
// Deterministic (no timing). The number and how it was measured are in BENCHMARKS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { downloaded } from './downloaded.mjs';

// Issue 11's targets, again issue 18's: the full web build <= 80 KB and the checkout build <= 40 KB.
// Both are still missed (BENCHMARKS.md, "Issue 18": by how much, the bytes by origin, why they
// stay); these budgets are the measured sizes plus a little, so that nothing grows back.
// Measured 2026-12-06 after issue 18 (no httpdate, no_std, no format!) merged with issues 19, 20
// and 23 (which alone measured 126,598 / 86,407): full 123,434, checkout 76,577 (this test's zlib
// gzip -9 sums). Issue 21's hooks (in both builds) then added their Rust and shell code: full
// 125,507, checkout 78,372. On d6d3178 (the glue bundled, short imports: 110,722 / 65,896), the
// full build without core::fmt::write (no base64 or hashbrown crate, push's bytes copied through a
// memory view) and wasm-opt without memory packing: full 100,053, checkout 65,497. A shape's
// `Field` at 20 bytes instead of 64 (src/json/shape.rs), on main bfc7183 (which alone measured
// 99,491 / 65,057): full 99,100, checkout 65,018.
const BUDGETS = [
  ['web', 'full web build', 99_250],
  ['checkout', 'checkout build', 65_170],
];

const packageDir = () => dirname(createRequire(import.meta.url).resolve('stream-payments/package.json'));

for (const [build, what, budget] of BUDGETS) {
  test(`${what} (wasm + glue + entry) stays under ${budget} bytes gzip -9`, () => {
    const dir = packageDir();
    const files = downloaded(dir, build);
    const sizes = files.map((f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`${what} gzip -9: ${files.map((f, i) => `${f} ${sizes[i]}`).join(', ')}; total ${total}`);
    assert.ok(total > 1000, 'the build is really there');
    assert.ok(total < budget, `${total} bytes is over the ${budget} byte budget`);
  });
}

test('the checkout build is smaller than the full one and exports only what a page needs', async () => {
  const dir = packageDir();
  const wasm = (build) => readFileSync(join(dir, `${build}/stream_payments_bg.wasm`)).length;
  assert.ok(wasm('checkout') < wasm('web'), `checkout ${wasm('checkout')} < full ${wasm('web')}`);
});

/** Names of the custom sections of a wasm module (section id 0), read from its binary. */
function customSections(wasm) {
  const names = [];
  let at = 8; // magic + version
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = wasm[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return value >>> 0;
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const len = leb();
      names.push(wasm.subarray(at, at + len).toString('utf8'));
    }
    at = end;
  }
  return names;
}

for (const build of ['web', 'node', 'checkout']) {
  test(`the ${build} .wasm ships without name, producers or debug sections`, () => {
    const dir = dirname(createRequire(import.meta.url).resolve('stream-payments/package.json'));
    const wasm = readFileSync(join(dir, `${build}/stream_payments_bg.wasm`));
    assert.equal(wasm.subarray(0, 4).toString('latin1'), '\0asm');
    const sections = customSections(wasm);
    const unwanted = sections.filter((n) => n === 'name' || n === 'producers' || n.startsWith('.debug'));
    assert.deepEqual(unwanted, [], `custom sections: ${sections.join(', ')}`);
  });
}

test('the public TypeScript declarations contain no `any`', () => {
  const dir = dirname(createRequire(import.meta.url).resolve('stream-payments/package.json'));
  for (const file of readdirSync(join(dir, 'types')).map((f) => `types/${f}`)) {
    const text = readFileSync(join(dir, file), 'utf8');
    // Prose in doc comments ("if any") is not a type.
    const code = (line) => (/^\s*\*/.test(line) ? '' : line.replace(/\/\*.*?\*\/|\/\/.*$/g, ''));
    const hits = text.split('\n').filter((line) => /\bany\b/.test(code(line)));
    assert.deepEqual(hits, [], `${file} uses any`);
  }
});

// Issue 17: <stream-checkout>'s own JavaScript, QR encoder included, at most 12 KB gzip, not
// counting the checkout build it imports. The budget is the measured size plus a little
// (BENCHMARKS.md, "<stream-checkout>").
const ELEMENT_BUDGET = 11_100;

test(`the element's own JS (stream-payments/element, QR encoder included) stays under ${ELEMENT_BUDGET} bytes gzip -9`, () => {
  const dir = packageDir();
  const files = readdirSync(join(dir, 'element')).filter((f) => f.endsWith('.js')).map((f) => `element/${f}`);
  const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  console.log(`element gzip -9: ${files.join(', ')}; total ${total}`);
  assert.ok(total > 1000, 'the element is really there');
  assert.ok(total <= ELEMENT_BUDGET, `${total} bytes is over the ${ELEMENT_BUDGET} byte budget`);
  assert.ok(ELEMENT_BUDGET <= 12 * 1024, 'the budget itself is within the issue\'s 12 KB');
});
