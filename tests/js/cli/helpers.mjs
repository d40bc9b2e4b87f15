// Shared by the command-line tests: where the CLI, the mock and the package come from, running
// the CLI as a real subprocess, and a record of everything it printed (for the secret scan).
//
// With STREAM_SCRATCH (tests/scripts/test-package.sh) they are the packed package installed in
// the scratch project: its bin `stream-payments`, `stream-payments/mock`, `stream-payments`.
// Without it, this checkout: pkg/cli, pkg/mock and the package's Node entry (needs `make build`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = process.env.STREAM_SCRATCH;
const inScratch = scratch && createRequire(join(scratch, 'package.json'));

/** The installed bin (what `npx stream-payments` runs), or the checkout's file. */
export const CLI = scratch ? join(scratch, 'node_modules/.bin/stream-payments') : join(root, 'pkg/cli/stream-payments.mjs');
export const SCRATCH = scratch ?? null;

const load = (specifier, local) => import(pathToFileURL(scratch ? inScratch.resolve(specifier) : join(root, local)).href);
/** `stream-payments/mock` and `stream-payments` (the Node ESM entry). */
export const mockModule = await load('stream-payments/mock', 'pkg/mock/index.mjs');
export const packageModule = scratch ? inScratch('stream-payments') : await import(pathToFileURL(join(root, 'pkg/cli/package-api.mjs')).href);

/** A module of the CLI's own (installed or in this checkout), for tests of one piece of it. */
export const cliModule = (file) => import(pathToFileURL(join(dirname(realpathSync(CLI)), file)).href);

/** Test credentials, distinctive so that the scan below can find any leak of them. */
export const KEY_PAIR = 'cli-test-key-5e2a:cli-test-secret-9d41';
export const API_KEY = Buffer.from(KEY_PAIR).toString('base64');
export const WEBHOOK_SECRET = 'whsec_cli_test_7c1d2e8f';
export const GATEWAY_SECRET = 'gateway-cli-secret-93b1a6';
export const SECRETS = [API_KEY, KEY_PAIR, ...KEY_PAIR.split(':'), WEBHOOK_SECRET, GATEWAY_SECRET];

/** Every stdout and stderr of every CLI run in this process. */
export const outputs = [];

/** An environment without the caller's Stream variables (a developer's real key must not leak in). */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of ['STREAMPAY_API_KEY', 'STREAMPAY_WEBHOOK_SECRET', 'GATEWAY_SECRET_KEY', 'STREAM_GATEWAY_URL', 'STREAMPAY_URL']) delete env[k];
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Starts the CLI; `done` resolves { code, signal, stdout, stderr } when it has exited. */
export function startCli(args, { env = {}, input, cwd } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv(env), cwd: cwd ?? scratch ?? root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  if (input != null) child.stdin.end(input);
  else child.stdin.end();
  const done = new Promise((resolve) => {
    child.once('close', (code, signal) => {
      outputs.push({ args, stdout, stderr });
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

/** Runs the CLI to its end (bounded: a hung command fails the test instead of hanging it). */
export async function cli(args, options = {}) {
  const run = startCli(args, options);
  const limit = options.limitMs ?? 30_000;
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`stream-payments ${args.join(' ')} did not exit within ${limit} ms`));
    }, limit);
  });
  try {
    return await Promise.race([run.done, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** A loopback port nothing listens on (bound, then closed). */
export async function closedPort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Waits (bounded) until `check()` is truthy. */
export async function until(check, what, limitMs = 10_000) {
  const end = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A usage error: exit 2 and exactly one line on stderr, nothing on stdout. */
export function assertUsageError(result, pattern) {
  assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(result.stderr)}`);
  assert.match(lines[0], /^stream-payments: /);
  if (pattern) assert.match(lines[0], pattern);
}

/** The scan every CLI test file ends with: no test credential in anything the CLI printed. */
export function assertNoSecretPrinted() {
  assert.ok(outputs.length > 0, 'the file ran the CLI');
  for (const { args, stdout, stderr } of outputs) {
    for (const secret of SECRETS) {
      const shown = args.map((a) => (SECRETS.some((x) => a.includes(x)) ? '<secret>' : a)).join(' ');
      assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `a secret appears in the output of: stream-payments ${shown}`);
    }
  }
}
