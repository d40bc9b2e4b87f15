// The mock Stream API (pkg/mock) in a child process, so its CPU time never counts as the
// client's. Loopback only; `close()` stops it and waits for it to exit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../pkg/mock/cli.mjs', import.meta.url));

/** The mock's default StreamPay credential pair; the wire header is its base64. */
export const MOCK_API_KEY = 'test-key:test-secret';
export const MOCK_API_KEY_HEADER = Buffer.from(MOCK_API_KEY).toString('base64');

export async function startMock({ count = 250, seed = 1 } = {}) {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--host', '127.0.0.1', '--count', String(count), '--seed', String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`mock exited with ${code} before listening`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = /MOCK_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  const control = async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`mock ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    url,
    control,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
