#!/usr/bin/env node
// Serves the demo page on 127.0.0.1: www/ at /, a built package directory at /pkg/, and the page's
// settings as a generated /config.json (which API to talk to, and the mock's control URL if any).
//
//   node www/serve.mjs --pkg pkg --mock http://127.0.0.1:PORT [--port 8080]
//   STREAM_GATEWAY_URL / STREAMPAY_URL / STREAMPAY_API_KEY override the mock's URLs and key.
// Prints one line, DEMO_URL=http://127.0.0.1:PORT, once listening; stops on SIGINT/SIGTERM.
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../tests/support/static-server.mjs';

const WWW = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PAYMENT_ID = 'DemoPending000000000001';

/**
 * Page settings from a mock URL and/or real API URLs. A secret key only ever comes from the
 * environment of the person running the demo; with the mock the page asks the mock for its test key.
 */
export function demoConfig({ mockUrl = null, env = process.env } = {}) {
  const gatewayUrl = env.STREAM_GATEWAY_URL || mockUrl;
  const streampayUrl = env.STREAMPAY_URL || mockUrl;
  return {
    gatewayUrl,
    streampayUrl,
    streampayApiKey: env.STREAMPAY_API_KEY || null,
    // The simulate/expire buttons and the test key exist only when the gateway is the mock.
    mockUrl: gatewayUrl === mockUrl ? mockUrl : null,
    streampayMockUrl: streampayUrl === mockUrl ? mockUrl : null,
    defaultPaymentId: env.STREAM_DEMO_PAYMENT_ID || DEFAULT_PAYMENT_ID,
  };
}

/**
 * Starts the demo server: `config` is served as /config.json, `pkgDir` at /pkg/, www/ at /.
 * `port` is tried first; when it is taken, any free port is used. Resolves with { url, close }.
 */
export async function startDemoServer({ config, pkgDir, port = 0, host = '127.0.0.1', wwwDir = WWW }) {
  const files = await startStaticServer({ '/pkg/': resolve(pkgDir), '/': wwwDir }, { host });
  const { port: filesPort } = new URL(files.url);
  const configText = JSON.stringify(config, null, 2);
  const sockets = new Set();
  // A thin front: /config.json is answered here, everything else goes to the static server.
  const server = createServer((req, res) => {
    if (new URL(req.url, 'http://x').pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(configText);
      return;
    }
    const upstream = request({ host, port: filesPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await listen(server, port, host).catch((err) => {
    if (err.code !== 'EADDRINUSE' || port === 0) throw err;
    return listen(server, 0, host);
  });
  const url = `http://${host}:${server.address().port}`;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((ok) => server.close(ok));
    await files.close();
  };
  return { url, close };
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (err) => { server.off('listening', onListening); fail(err); };
    const onListening = () => { server.off('error', onError); ok(); };
    server.once('error', onError).once('listening', onListening);
    server.listen(port, host);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      pkg: { type: 'string', default: resolve(WWW, '../pkg') },
      mock: { type: 'string' },
      port: { type: 'string', default: process.env.DEMO_PORT || '8080' },
    },
  });
  const config = demoConfig({ mockUrl: values.mock ?? null });
  if (!config.gatewayUrl || !config.streampayUrl) {
    console.error('serve.mjs: give --mock URL, or set STREAM_GATEWAY_URL and STREAMPAY_URL');
    process.exit(2);
  }
  const demo = await startDemoServer({ config, pkgDir: values.pkg, port: Number(values.port) });
  process.stdout.write(`DEMO_URL=${demo.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
