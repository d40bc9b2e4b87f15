// `stream-payments mcp --http`: MCP's Streamable HTTP transport at /mcp. The process holds no
// StreamPay key: every request carries its user's key as `Authorization: Bearer <key>`; a session
// is opened by an initialize request, gets its own MCP server over a client of that key, and
// answers only requests that bring the same key (compared as SHA-256 digests in constant time).
import http from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const PATH = '/mcp';
/** Open sessions at most; more are refused with 503 until one ends (DELETE /mcp ends one). */
const MAX_SESSIONS = 100;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const digest = (key) => createHash('sha256').update(key).digest();

function bearer(header) {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

function reply(res, status, message, headers = {}) {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code: status === 401 || status === 403 ? -32001 : -32000, message }, id: null });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('Parse error: the body is not JSON'), { status: 400 });
  }
}

/**
 * Listens on host:port; resolves { url, close }. `openSession(key)` makes a session's
 * { server, close } (its MCP server and the cleanup of its client).
 */
export async function serveHttp({ host, port, openSession, log }) {
  const sessions = new Map();
  let actualPort = port;

  async function startSession(req, res, key, body) {
    if (sessions.size >= MAX_SESSIONS) return reply(res, 503, `too many open sessions (${MAX_SESSIONS}); end one with DELETE ${PATH}`);
    const session = { keyDigest: digest(key), ...openSession(key) };
    const loopback = LOOPBACK.has(host);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, session);
        log(`session ${id.slice(0, 8)} opened`);
      },
      // Bound to loopback, a page of another site must not reach it through DNS rebinding.
      ...(loopback ? { enableDnsRebindingProtection: true, allowedHosts: [`127.0.0.1:${actualPort}`, `localhost:${actualPort}`, `[::1]:${actualPort}`] } : {}),
    });
    session.transport = transport;
    transport.onclose = () => {
      const id = transport.sessionId;
      if (id && sessions.delete(id)) log(`session ${id.slice(0, 8)} closed`);
      session.close();
    };
    await session.server.connect(transport);
    await transport.handleRequest(req, res, body);
    // An initialize the transport refused opened nothing: its client goes now.
    if (!transport.sessionId || !sessions.has(transport.sessionId)) await transport.close();
  }

  async function handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path !== PATH) return reply(res, 404, `not found: the MCP endpoint is ${PATH}`);
    const key = bearer(req.headers.authorization);
    if (!key) return reply(res, 401, 'send your StreamPay key as Authorization: Bearer <key>', { 'www-authenticate': 'Bearer realm="stream-payments"' });
    const id = req.headers['mcp-session-id'];
    if (id !== undefined) {
      const session = sessions.get(String(id));
      if (!session) return reply(res, 404, 'unknown or ended session: initialize a new one');
      if (!timingSafeEqual(session.keyDigest, digest(key))) return reply(res, 403, 'this session belongs to another key');
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      return session.transport.handleRequest(req, res, body);
    }
    if (req.method !== 'POST') return reply(res, 400, 'no session: POST an initialize request first');
    const body = await readJson(req);
    if (!isInitializeRequest(body)) return reply(res, 400, 'no session: POST an initialize request first');
    return startSession(req, res, key, body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) reply(res, err?.status ?? 500, err?.status ? err.message : 'internal error');
      else res.destroy();
      if (!err?.status) log(`internal error: ${err?.message ?? err}`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}${PATH}`,
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.transport.close()));
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
