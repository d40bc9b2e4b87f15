// The package under test, as a user installs it: `npm pack` of PKG_DIR installed into a scratch
// project (bench.sh does that); cases import it through a one-line module inside that project,
// so Node resolves `stream-payments` with its real `exports` conditions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function scratchDir() {
  const dir = process.env.BENCH_SCRATCH;
  if (!dir || !existsSync(join(dir, 'node_modules/stream-payments/package.json'))) {
    throw new Error('BENCH_SCRATCH must name a project with stream-payments installed (run tests/scripts/bench.sh)');
  }
  return dir;
}

/**
 * The package's ESM namespace, resolved from the scratch project like a user's import.
 * BENCH_PACKAGE_MODULE names a module to measure instead (e.g. pkg/src/amounts.js, the shell
 * before the build bundles it); the amount cases need only its four amount functions.
 */
export async function loadPackage() {
  if (process.env.BENCH_PACKAGE_MODULE) return import(pathToFileURL(resolve(process.env.BENCH_PACKAGE_MODULE)).href);
  const dir = scratchDir();
  const shim = join(dir, 'import-stream-payments.mjs');
  if (!existsSync(shim)) writeFileSync(shim, "export * from 'stream-payments';\n");
  return import(pathToFileURL(shim).href);
}

export function packageVersion() {
  return JSON.parse(readFileSync(join(scratchDir(), 'node_modules/stream-payments/package.json'), 'utf8')).version;
}

/** Which parts of the client surface exist yet: later comparisons measure only what is there. */
export function features(pkg) {
  const proto = (name) => (typeof pkg[name] === 'function' ? pkg[name].prototype ?? {} : {});
  return {
    GatewayClient: typeof pkg.GatewayClient === 'function',
    StreamPayClient: typeof pkg.StreamPayClient === 'function',
    watchPayments: typeof pkg.watchPayments === 'function'
      || typeof proto('GatewayClient').watchPayments === 'function'
      || typeof proto('StreamPayClient').watchPayments === 'function',
  };
}
