// Bytes a browser downloads: our web build (wasm + glue + entry, gzip -9, as the size test counts
// it) against each JS alternative's unit functions bundled for the browser by the Vite (rolldown)
// in tests/node_modules: `vite build --lib`, minified, tree-shaken, then gzip -9.
// Also our package inside a real Vite app build (tests/js/vite), which tree-shakes the glue.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { downloaded } from '../../js/package/downloaded.mjs';
import { scratchDir } from '../lib/subject.mjs';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(benchDir, '../..');
const gzip9 = (buf) => gzipSync(buf, { level: 9 }).length;

/** Each JS alternative as the one-line entry a developer would write. */
const ALTERNATIVES = [
  ['viem: formatUnits, parseUnits', "export { formatUnits, parseUnits } from 'viem';"],
  ['ethers v6: formatUnits, parseUnits', "export { formatUnits, parseUnits } from 'ethers';"],
  ['@near-js/utils: formatNearAmount, parseNearAmount', "export { formatNearAmount, parseNearAmount } from '@near-js/utils';"],
  ['bignumber.js (whole library)', "export { default } from 'bignumber.js';"],
  ['plain JS string slicing (lib/plain-units.mjs)', `export { formatUnits, parseUnits } from ${JSON.stringify(join(benchDir, 'lib/plain-units.mjs'))};`],
  ['official StreamPay SDK @streamsdk/typescript (whole client)', "export { default } from '@streamsdk/typescript';"],
];

async function loadVite() {
  const entry = join(root, 'tests/node_modules/vite/dist/node/index.js');
  if (!existsSync(entry)) throw new Error('vite is missing from tests/node_modules (run make setup)');
  return import(pathToFileURL(entry).href);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

async function bundle(vite, name, source, work) {
  const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'entry.mjs'), source + '\n');
  try {
    await vite.build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: {
        lib: { entry: join(dir, 'entry.mjs'), formats: ['es'], fileName: 'bundle' },
        outDir: join(dir, 'dist'),
        emptyOutDir: true,
        minify: true,
        sourcemap: false,
        reportCompressedSize: false,
      },
    });
    const files = filesUnder(join(dir, 'dist'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    return { name, minifiedBytes: bytes.length, gzipBytes: gzip9(bytes), files: files.length };
  } catch (err) {
    return { name, error: String(err.message ?? err).split('\n')[0] };
  }
}

/** One of our browser builds as shipped, file by file (the size test's definition): the .wasm,
 *  the entry module and what it imports (the glue is bundled in). */
function ours(build = 'web') {
  const dir = join(scratchDir(), 'node_modules/stream-payments');
  const files = downloaded(dir, build);
  const parts = files.map((f) => {
    const buf = readFileSync(join(dir, f));
    return { file: f, rawBytes: buf.length, gzipBytes: gzip9(buf) };
  });
  return { parts, gzipBytes: parts.reduce((a, p) => a + p.gzipBytes, 0), rawBytes: parts.reduce((a, p) => a + p.rawBytes, 0) };
}

/** tests/js/vite built inside the scratch project (so `stream-payments` resolves to the tarball). */
async function oursInViteApp(vite) {
  const app = join(scratchDir(), 'bench-vite-app');
  rmSync(app, { recursive: true, force: true });
  cpSync(join(root, 'tests/js/vite'), app, { recursive: true });
  await vite.build({ configFile: false, logLevel: 'silent', root: app, build: { outDir: join(app, 'dist'), emptyOutDir: true, reportCompressedSize: false } });
  const files = filesUnder(join(app, 'dist')).filter((f) => /\.(js|wasm)$/.test(f));
  const parts = files.map((f) => ({ file: relative(join(app, 'dist'), f), rawBytes: statSync(f).size, gzipBytes: gzip9(readFileSync(f)) }));
  // A bundle that never instantiates the module is smaller but broken (e.g. `sideEffects: false`
  // lets the bundler drop web/index.js's `await init()`); say so instead of reporting it as a win.
  const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
  return { parts, gzipBytes: parts.reduce((a, p) => a + p.gzipBytes, 0), initKept: /WebAssembly\.instantiate/.test(js) };
}

export const COMPARISONS = [{ id: 'size' }];

export async function run() {
  const vite = await loadVite();
  const work = join(benchDir, '.size-build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const alternatives = [];
  for (const [name, source] of ALTERNATIVES) {
    const from = /from ['"]([^'"]+)['"]/.exec(source)[1];
    const installed = from.startsWith('/') || existsSync(join(benchDir, 'node_modules', from));
    alternatives.push(installed ? await bundle(vite, name, source, work) : { name, error: 'not installed' });
  }
  const app = existsSync(join(root, 'tests/js/vite/index.html')) ? await oursInViteApp(vite) : null;
  rmSync(work, { recursive: true, force: true });
  return { id: 'size', title: 'Browser download, gzip -9', viteVersion: vite.version, ours: ours(), oursCheckout: ours('checkout'), oursInViteApp: app, alternatives };
}
