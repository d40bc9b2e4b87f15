// watch as a real subprocess: exit codes for completed / not completed / failed / timeout, plain
// lines and NDJSON when not a TTY, and Ctrl-C: the process stops polling and exits by itself.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { API_KEY, assertNoSecretPrinted, cli, cliModule, mockModule, startCli, until } from './helpers.mjs';

let mock;
let env;
before(async () => {
  mock = await mockModule.startMock({ apiKey: API_KEY, paymentCount: 10 });
  env = { STREAM_GATEWAY_URL: mock.gatewayUrl, STREAMPAY_URL: mock.streampayUrl, STREAMPAY_API_KEY: API_KEY };
});
after(() => mock?.close());
beforeEach(() => mock.reset());

const FAST = ['--interval', '20ms', '--max-interval', '50ms'];
const gatewayPending = (lifecycle) => mock.createGatewayPayment({ amountUsd: '2.00', lifecycle }).payment_id;

test('every payment completes: exit 0, one plain line per change, a summary', async () => {
  const a = gatewayPending({ pendingPolls: 2 });
  const b = gatewayPending({ pendingPolls: 1 });
  const r = await cli(['watch', a, b, ...FAST], { env });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith(a)).map((l) => l.split(/\s+/)[1]), ['pending', 'completed']);
  assert.deepEqual(lines.filter((l) => l.startsWith(b)).map((l) => l.split(/\s+/)[1]), ['pending', 'completed']);
  assert.equal(lines.at(-1), '2 of 2 completed');
  assert.equal(mock.requests({ paymentId: a }).length, 3, 'polled until the end, no further');
});

test('a payment that expires: exit 3, even when the others complete', async () => {
  const ok = gatewayPending({ pendingPolls: 1 });
  const expires = gatewayPending({ pendingPolls: 1, then: 'expired' });
  const r = await cli(['watch', ok, expires, ...FAST], { env });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stdout, new RegExp(`^${expires}\\s+not_found \\(expired\\)$`, 'm'));
  assert.match(r.stdout, /1 of 2 completed\n$/);
});

test('StreamPay (--streampay): SUCCEEDED is 0, FAILED is 3; --json is one object per line', async () => {
  const paid = mock.createStreamPayPayment({ lifecycle: { pendingPolls: 1, then: 'SUCCEEDED' } }).id;
  const r = await cli(['watch', paid, '--streampay', '--json', ...FAST], { env });
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => [e.event, e.status ?? e.exitCode]), [['update', 'PENDING'], ['update', 'SUCCEEDED'], ['done', 0]]);
  assert.equal(events[1].payment.id, paid);
  const failed = mock.createStreamPayPayment({ lifecycle: { pendingPolls: 1, then: 'FAILED' } }).id;
  assert.equal((await cli(['watch', failed, '--streampay', ...FAST], { env })).code, 3);
});

test('a payment that cannot be polled (404): exit 1, the others still followed', async () => {
  const ok = gatewayPending({ pendingPolls: 1 });
  const r = await cli(['watch', ok, 'NoSuchPayment000000001', ...FAST], { env });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^NoSuchPayment000000001\s+error NOT_FOUND: /m);
  assert.match(r.stdout, new RegExp(`^${ok}\\s+completed$`, 'm'));
});

test('--timeout: exit 4, and the process ends at once (nothing left polling)', async () => {
  const pending = gatewayPending({ pendingPolls: 10_000 });
  const r = await cli(['watch', pending, '--timeout', '400ms', ...FAST], { env });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stdout, /^timed out: 0 of 1 completed$/m);
});

test('transient faults (503 twice) are ridden out', async () => {
  const id = gatewayPending({ pendingPolls: 1 });
  mock.injectFault({ paymentId: id, status: 503, times: 2, headers: { 'retry-after': '0' } });
  const r = await cli(['watch', id, ...FAST], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(mock.requests({ paymentId: id }).filter((e) => e.fault).length, 2);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  test(`${signal}: exit ${code} by itself, promptly, and no request after it`, async () => {
    const id = gatewayPending({ pendingPolls: 1_000_000 });
    const run = startCli(['watch', id, '--interval', '50ms', '--max-interval', '50ms'], { env });
    await until(() => mock.requests({ paymentId: id }).length >= 3, 'a few polls');
    run.child.kill(signal);
    const sentAt = Date.now();
    // The process must end on its own: a timer or socket left behind would keep it alive.
    const result = await Promise.race([run.done, new Promise((r) => setTimeout(() => r(null), 10_000))]);
    if (!result) run.child.kill('SIGKILL');
    assert.ok(result, `still running 10 s after ${signal}`);
    assert.equal(result.signal, null, 'exited, not killed');
    assert.equal(result.code, code);
    assert.match(result.stdout, new RegExp(`stopped by ${signal}: 0 of 1 completed\\n$`));
    const polls = mock.requests({ paymentId: id }).length;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(mock.requests({ paymentId: id }).length, polls, 'no poll after the exit');
    assert.ok(mock.requests({ paymentId: id }).every((e) => e.time < sentAt + 1000), 'no poll well after the signal');
  });
}

test('on a TTY: one line per payment, rewritten in place through readline', async () => {
  // The display module itself, on a stream that says it is a terminal (a pipe never is).
  const { createStatusLines } = await cliModule('status-lines.mjs');
  const { createOutput } = await cliModule('output.mjs');
  const stream = Object.assign(new PassThrough(), { isTTY: true });
  let written = '';
  stream.on('data', (d) => (written += d));
  const out = createOutput({ stdout: stream, stderr: stream, env: { NO_COLOR: '1' } });
  const view = createStatusLines(out, ['AAA', 'BBBBB']);
  view.update('AAA', 'pending');
  view.update('AAA', 'completed');
  view.done({ why: null, total: 2, completed: 1, failed: 0 });
  // Replaying the cursor moves gives the final screen: each payment's line holds its last status.
  assert.deepEqual(renderScreen(written), ['AAA    completed', 'BBBBB  waiting', '1 of 2 completed']);
  assert.match(written, /\x1b\[2K/, 'lines are cleared with readline.clearLine');
});

/** A tiny terminal: applies text, \n, CSI n A/B (up/down), CSI G / CSI 1G (column 0) and CSI 2K. */
function renderScreen(text) {
  const screen = [''];
  let row = 0;
  let col = 0;
  const re = /\x1b\[(\d*)([ABGK])|\n|[^\x1b\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '\n') { row++; col = 0; screen[row] ??= ''; continue; }
    if (m[2] === 'A') row -= Number(m[1] || 1);
    else if (m[2] === 'B') { row += Number(m[1] || 1); screen[row] ??= ''; }
    else if (m[2] === 'G') col = Math.max(0, Number(m[1] || 1) - 1);
    else if (m[2] === 'K') screen[row] = '';
    else if (m[2] === undefined) {
      const line = screen[row] ?? '';
      screen[row] = line.slice(0, col).padEnd(col) + m[0] + line.slice(col + m[0].length);
      col += m[0].length;
    }
  }
  return screen.filter((l, i) => l !== '' || i < screen.length - 1);
}

test('no key or secret in any output of this file', () => assertNoSecretPrinted());
