// What the README's shell blocks assume the reader has done: `npx stream-payments mock` running
// (its export line applied: STREAM_GATEWAY_URL, STREAMPAY_URL, STREAMPAY_API_KEY), and their own
// webhook endpoint at WEBHOOK_URL with its secret in STREAMPAY_WEBHOOK_SECRET. Here the mock is
// the real command, started with npx in the scratch project, and the endpoint a node:http server
// that verifies with the installed package (a delivery that does not verify gets a 400).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';

const WEBHOOK_SECRET = 'whsec_readme_example';

export async function startShellSetup({ cwd, packageModule }) {
  const mock = spawn('npx', ['--no-install', 'stream-payments', 'mock', '--json'], { cwd, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const info = await new Promise((resolve, reject) => {
    let out = '';
    mock.once('exit', (code) => reject(new Error(`npx stream-payments mock exited (${code}) before printing`)));
    mock.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
  });

  const receiver = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    try {
      const event = await packageModule.verifyStreamPayWebhook(Buffer.concat(chunks), req.headers['x-webhook-signature'] ?? '', WEBHOOK_SECRET);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: event.eventType }));
    } catch (err) {
      res.writeHead(400).end(String(err.code));
    }
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));

  const env = { ...process.env, NO_COLOR: '1' };
  for (const k of ['STREAMPAY_API_KEY', 'GATEWAY_SECRET_KEY']) delete env[k];
  Object.assign(env, {
    STREAM_GATEWAY_URL: info.gatewayUrl,
    STREAMPAY_URL: info.streampayUrl,
    STREAMPAY_API_KEY: info.apiKey,
    WEBHOOK_URL: `http://127.0.0.1:${receiver.address().port}/webhooks/streampay`,
    STREAMPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  return {
    env,
    async close() {
      await new Promise((r) => receiver.close(r));
      if (mock.exitCode === null) {
        const exited = once(mock, 'exit');
        process.kill(-mock.pid, 'SIGINT'); // npx and the mock under it
        await exited;
      }
    },
  };
}
