// A small static file server on 127.0.0.1 for browser tests and the demo (no dependencies).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain',
};

/** Serves `mounts` ({ '/url-prefix/': '/dir' }, longest prefix wins) and resolves with { url, close }. */
export async function startStaticServer(mounts, { port = 0, host = '127.0.0.1' } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const sockets = new Set();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    const file = prefix && safeJoin(mounts[prefix], path.slice(prefix.length) || 'index.html');
    const stat = file && statOrNull(file);
    const target = stat?.isDirectory() ? join(file, 'index.html') : file;
    if (!target || !statOrNull(target)?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(target).pipe(res);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(port, host, ok));
  const url = `http://${host}:${server.address().port}`;
  const close = () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(ok); });
  return { url, close };
}

function safeJoin(dir, rel) {
  const root = resolve(dir);
  const full = resolve(root, normalize(rel).replace(/^([/\\])+/, ''));
  return full === root || full.startsWith(root + sep) ? full : null;
}

function statOrNull(p) {
  try { return statSync(p); } catch { return null; }
}
