// Shared by the client tests of the installed package: the in-process mock, waiting on its
// request log, running a child Node process. Not a test file itself (it defines no tests).
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPLETED_ID = 'LqaUrQimtgTe9iF3Knv8Ld';
export const EXPIRED_ID = 'K04kjeEi06Zq48NlH2Sl0H';
export const PENDING_ID = 'DemoPending000000000001';
export const SP_FIXTURE_ID = '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40';
export const SP_FIXTURE_ID_2 = '0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083';
export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

/** The mock's "key:secret" pair, and what the client is given as apiKey (its base64). */
export const MOCK_KEY_PAIR = 'test-key:test-secret';
export const API_KEY = Buffer.from(MOCK_KEY_PAIR).toString('base64');

/** The scratch project (parent of test/), where `stream-payments` resolves for child scripts. */
export const SCRATCH = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the mock of pkg/mock/ in this process. */
export async function startMock(options = {}) {
  const root = process.env.STREAM_ROOT;
  assert.ok(root, 'STREAM_ROOT names the repository (set by tests/scripts/test-package.sh)');
  const { startMockServer } = await import(join(root, 'pkg/mock/server.mjs'));
  return startMockServer({ apiKey: MOCK_KEY_PAIR, seed: 1, paymentCount: 250, ...options });
}

/** One mock for a test file: started before its tests, reset before each, closed after them.
 *  Returns a holder whose `mock` is the running mock. */
export function mockPerFile(options) {
  const holder = { mock: undefined };
  before(async () => {
    holder.mock = await startMock(options);
  });
  after(() => holder.mock?.close());
  beforeEach(() => holder.mock.state.reset());
  return holder;
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Waits (polling, bounded) until `check()` is truthy; returns its value. */
export async function until(check, what = 'condition', limitMs = 5000) {
  const end = Date.now() + limitMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Every logged API request to `path` (exact) or under a prefix, oldest first. */
export const logged = (mock, filter = {}) => mock.state.requests(filter);

/** Waits until every logged request has ended (status/durationMs set by the mock on close). */
export async function settled(mock) {
  await until(() => mock.state.stats().inFlight === 0, 'the mock to see every request end');
}

/**
 * A port on 127.0.0.1 that refuses connections (ECONNREFUSED) and that no other process can be
 * given while this one runs: a server is bound, one connection to it is accepted and kept, then
 * the listener is closed. The kept connection holds the port, so an OS-assigned port (listen on
 * port 0, as every test server here does) is never this one; with no listener, a connect is
 * refused. The sockets are unref'ed: they do not keep the test process alive.
 */
export async function deadPort() {
  const accepted = [];
  const server = createServer((socket) => accepted.push(socket.unref()));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const keep = connect(port, '127.0.0.1');
  await once(keep, 'connect');
  keep.unref();
  await until(() => accepted.length === 1, 'the holding connection to be accepted');
  server.close();
  // The listening socket closes asynchronously: return once a connect is really refused.
  for (let tries = 0; !(await refused(port)); tries++) {
    if (tries > 200) assert.fail(`127.0.0.1:${port} still accepts connections after its listener closed`);
    await sleep(5);
  }
  return port;
}

/** Whether a connect to 127.0.0.1:`port` is refused (ECONNREFUSED). */
function refused(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      ok(false);
    });
    socket.once('error', (err) => ok(err.code === 'ECONNREFUSED'));
  });
}

/** Calls `fn` and returns what it rejected with (fails when it resolves). */
export async function rejection(fn) {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected a rejection');
}

/** Asserts a StreamError's shape and returns it. */
export function assertStreamError(err, expected) {
  assert.ok(err instanceof Error, `an Error, got ${Object.prototype.toString.call(err)}: ${err}`);
  assert.equal(err.name, 'StreamError');
  assert.equal(typeof err.message, 'string');
  assert.ok(err.message.length > 0);
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(err[key], value, `${key} of ${err.code}: ${err.message}`);
  }
  assert.equal(typeof err.retryable, 'boolean');
  return err;
}

/**
 * Runs `command args` to its exit; resolves { code, signal, killed, stdout, stderr }. A child
 * still running after `limitMs` is killed with SIGKILL (killed: true), so nothing outlives a test.
 */
export async function run(command, args, { cwd, env = {}, limitMs = 60_000 } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, limitMs);
  const [code, signal] = await new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (c, s) => ok([c, s]));
  });
  clearTimeout(timer);
  return { code, signal, killed, stdout, stderr };
}

/**
 * Runs `source` as an ES module in a child Node process from the scratch project (so it imports
 * 'stream-payments'), with `env` added (see `run`).
 */
export async function runChild(source, env = {}, limitMs = 10_000) {
  const dir = mkdtempSync(join(SCRATCH, 'child-'));
  const file = join(dir, 'main.mjs');
  writeFileSync(file, source);
  try {
    return await run(process.execPath, [file], { cwd: SCRATCH, env, limitMs });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Options of every client test: a bound, so a call that never settles fails instead of hanging. */
export const T = { timeout: 15_000 };
