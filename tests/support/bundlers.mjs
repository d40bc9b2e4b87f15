// Vite and webpack 5 as a user runs them (the tools of tests/node_modules), on a project folder
// inside the scratch project of tests/scripts/test-package.sh, so `stream-payments` resolves to
// the installed tarball. Each build is checked for what a page needs: a bundle that instantiates
// the .wasm, and exactly one emitted .wasm, of the package build the import names.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tools = join(root, 'tests/node_modules');
const run = promisify(execFile);

/** `vite build` in `app` (extra CLI `args`, e.g. `--base`); returns what landed in dist/. */
export async function viteBuild(app, args = []) {
  await build('vite build', process.execPath, [join(tools, 'vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...args], app);
  return emitted(join(app, 'dist'));
}

/** `webpack` with the app's own webpack.config.mjs; returns what landed in dist/. */
export async function webpackBuild(app) {
  await build('webpack', join(tools, '.bin/webpack'), ['--config', 'webpack.config.mjs'], app);
  return emitted(join(app, 'dist'));
}

async function build(name, file, args, cwd) {
  try {
    await run(file, args, { cwd, timeout: 150_000 });
  } catch (err) {
    assert.fail(`${name} failed:\n${err.stdout}${err.stderr}`);
  }
}

/** The files under `dir` (paths relative to it); the bundle must instantiate the .wasm. */
function emitted(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());
  const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  assert.match(js, /WebAssembly\.instantiate/, 'the bundle never instantiates the .wasm: with "sideEffects": false in the package.json, bundlers drop the `await init()` of the entry (its "sideEffects" list keeps it)');
  return { dir, files, wasm: files.filter((f) => f.endsWith('.wasm')) };
}

/** The installed package's .wasm of `build` ('web' is the full build, 'checkout' the small one). */
export function packageWasm(build) {
  assert.ok(process.env.STREAM_SCRATCH, 'STREAM_SCRATCH names the scratch project with the installed package');
  return join(process.env.STREAM_SCRATCH, 'node_modules/stream-payments', build, 'stream_payments_bg.wasm');
}

/**
 * Asserts a bundle emitted exactly one .wasm and that it is the package's `build` one, by size:
 * the full and checkout builds differ in size, so a bundler that resolved the other build fails.
 * Returns the emitted file's path relative to dist/.
 */
export function assertEmittedWasm(bundle, build) {
  assert.equal(bundle.wasm.length, 1, `one .wasm emitted: ${bundle.files.join(', ')}`);
  const sizes = { web: statSync(packageWasm('web')).size, checkout: statSync(packageWasm('checkout')).size };
  assert.notEqual(sizes.web, sizes.checkout, 'the two builds can be told apart by size');
  const size = statSync(join(bundle.dir, bundle.wasm[0])).size;
  assert.equal(size, sizes[build], `the emitted ${bundle.wasm[0]} (${size} bytes) is the ${build} build's .wasm (sizes: ${JSON.stringify(sizes)})`);
  return bundle.wasm[0];
}
