// cli.mjs: one MOCK_URL line on stdout once listening, a clean stop on SIGINT and SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../pkg/mock/cli.mjs', import.meta.url));

function startCli(args = []) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cli exited with ${code} before printing`)));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, output: () => out });
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  test(`prints MOCK_URL, serves, and exits 0 on ${signal}`, async () => {
    const { child, output } = await startCli(['--port', '0', '--host', '127.0.0.1']);
    const match = /^MOCK_URL=(http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(output());
    assert.ok(match, JSON.stringify(output()));
    const res = await fetch(`${match[1]}/api/v1/payment/LqaUrQimtgTe9iF3Knv8Ld`);
    assert.equal((await res.json()).status, 'completed');
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code] = await exited;
    assert.equal(code, 0);
    assert.equal(output().split('\n').filter(Boolean).length, 1, 'exactly one line on stdout');
  });
}

test('a host other than loopback is refused', async () => {
  const child = spawn(process.execPath, [CLI, '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [code] = await once(child, 'exit');
  assert.notEqual(code, 0);
});
