// The mock Stream API server: both APIs, the /__mock/ control API, faults, log. Loopback only.
// startMockServer() -> { url, port, state, close }; close() ends every socket and timer it made.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { MockState } from './state.mjs';
import { createGatewayRouter } from './gateway-routes.mjs';
import { checkApiKey, createStreamPayRouter } from './streampay-routes.mjs';
import { controlError, createControlRouter } from './control-routes.mjs';
import { createStaticRouter } from './static-routes.mjs';
import { applyFault } from './fault-responses.mjs';
import { withPaymentLinks } from './payment-links.mjs';
import { withStreamPayResources } from './streampay-resources.mjs';
import { readBody, send, setCommonHeaders, v1Error, v2Error } from './http.mjs';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts the mock on 127.0.0.1. apiKey is the "key:secret" pair; StreamPay routes want
 * x-api-key = base64(apiKey) (also at state.apiKeyHeader). paymentCount generated StreamPay
 * payments are added to the fixtures, deterministically from seed.
 */
export async function startMockServer({
  port = 0,
  host = '127.0.0.1',
  apiKey = 'test-key:test-secret',
  seed = 1,
  paymentCount = 250,
  logLimit = 10_000,
  finalizedStatusCode = 409,
  maxStallMs = 30_000,
} = {}) {
  if (!LOOPBACK.has(host)) throw new Error(`the mock listens on loopback only, not ${host}`);
  const state = new MockState({ apiKey, seed, paymentCount, logLimit, finalizedStatusCode, maxStallMs });
  const routers = withPaymentLinks(withStreamPayResources({ v1: createGatewayRouter(), v2: createStreamPayRouter(), control: createControlRouter(), static: createStaticRouter() }));
  const sockets = new Set();
  const timers = new Set();

  const server = http.createServer((req, res) => {
    handle(req, res, { state, routers, timers }).catch((err) => failed(res, err));
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host === '::1' ? '[::1]' : host}:${actualPort}`;
  state.setBaseUrl(url);
  state.reset();

  let closing = null;
  const close = () =>
    (closing ??= new Promise((resolve) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }));
  return { url, port: actualPort, state, close };
}

async function handle(req, res, { state, routers, timers }) {
  const requestId = randomUUID();
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  const method = req.method;
  setCommonHeaders(req, res, requestId);

  const api = path.startsWith('/api/v1/') ? 'v1' : path.startsWith('/api/v2/') ? 'v2' : null;
  if (!api) {
    if (method === 'OPTIONS') return preflight(res);
    const control = path.startsWith('/__mock/');
    const match = (control ? routers.control : routers.static).match(method, path);
    if (!match?.handler) return send(res, match ? notAllowed(match.allowed) : { status: 404, body: { error: `no route ${method} ${path}` } });
    try {
      const body = method === 'GET' || method === 'HEAD' ? null : await readBody(req);
      return send(res, await match.handler({ state, params: match.params, query, body, req }));
    } catch (err) {
      if (!control) throw err;
      return send(res, controlError(err));
    }
  }

  const match = routers[api].match(method === 'OPTIONS' ? 'GET' : method, path);
  const paymentId = match?.params?.id ?? null;
  const entry = state.log.add(req, { path, params: query, requestId, paymentId, seq: ++state.seq });
  const startedMs = Date.now();
  const counters = state.counters;
  counters.start(startedMs);
  res.once('close', () => {
    counters.end();
    entry.status = res.headersSent ? res.statusCode : null;
    entry.durationMs = Date.now() - startedMs;
    entry.aborted = !res.writableFinished;
  });
  if (method === 'OPTIONS') return preflight(res);

  const run = async () => {
    if (api === 'v2') {
      const denied = checkApiKey(state, req.headers);
      if (denied) return denied;
    }
    if (!match) return api === 'v2' ? v2Error(404, 'NOT_FOUND', `No route ${path}`) : v1Error(404, `No route ${path}`);
    if (!match.handler) return notAllowed(match.allowed, api);
    const body = method === 'POST' || method === 'PATCH' || method === 'PUT' ? await readBody(req) : null;
    entry.body = body; // the bytes on the wire, for tests of what a client sent
    return match.handler({ state, params: match.params, query, body, req });
  };
  const fault = state.faults.take(method, path, paymentId);
  if (!fault) return send(res, await run());
  counters.faults++;
  entry.fault = fault.kind;
  await applyFault(fault, { req, res, api, run, timers, maxStallMs: state.options.maxStallMs });
}

function preflight(res) {
  res.writeHead(204, { 'content-length': '0' });
  res.end();
}

function notAllowed(allowed, api) {
  const base = api === 'v2' ? v2Error(405) : v1Error(405);
  return { ...base, headers: { allow: [...allowed, 'OPTIONS'].join(', ') } };
}

function failed(res, err) {
  if (err?.status === 413) return send(res, v1Error(413, 'Request body too large'));
  console.error('[mock] internal error:', err);
  if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { error: 'mock_internal_error', message: String(err?.message ?? err) } });
  else res.destroy();
}
