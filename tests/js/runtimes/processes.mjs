// Child processes and ports for the runtime suites: every child is bounded (killed after
// limitMs) and every wait for a port has a deadline, so nothing hangs or outlives a test.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { createHmac } from 'node:crypto';

// `run(command, args, { cwd, env, limitMs })`: the package suite's bounded child process.
export { run } from '../package/helpers.mjs';

/** Starts a long-running child (a server); stop() kills it and resolves once it has exited. */
export function start(command, args, { cwd, env = {} } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A free port on 127.0.0.1 (bound once, then closed). */
export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Resolves once something accepts TCP connections on 127.0.0.1:port; rejects when `exited`
 * settles first (the server died) or after limitMs. Retries every 50 ms: a listening socket
 * has no event another process can await.
 */
export async function waitForPort(port, { exited, limitMs = 20_000 } = {}) {
  const deadline = Date.now() + limitMs;
  let dead = false;
  exited?.then(() => (dead = true));
  for (;;) {
    if (await canConnect(port)) return;
    if (dead) throw new Error(`the server exited before listening on port ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} within ${limitMs} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

function canConnect(port) {
  return new Promise((ok) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); ok(true); });
    socket.once('error', () => ok(false));
  });
}

/** `x-webhook-signature` for `body` at unix time `t`, computed with node:crypto. */
export const webhookSignature = (secret, t, body) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
