// MCP clients for the tests of `stream-payments mcp`, from the SDK the installed package depends
// on (the same one its server runs on): over stdio (the bin as a subprocess) and over Streamable
// HTTP. Everything the servers print and every message they send is recorded into `outputs`
// (helpers.mjs), so the files' final secret scan covers the MCP traffic too.
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, SCRATCH, cleanEnv, outputs, startCli, until } from './helpers.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packageJson = SCRATCH ? createRequire(join(SCRATCH, 'package.json')).resolve('stream-payments/package.json') : join(root, 'pkg/package.json');
const sdk = createRequire(packageJson);
const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = sdk('@modelcontextprotocol/sdk/client/stdio.js');
const { StreamableHTTPClientTransport } = sdk('@modelcontextprotocol/sdk/client/streamableHttp.js');

/** Records every message the server sends on `transport` (after connect) as one output. */
function tap(transport, record) {
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    record.stdout += JSON.stringify(message) + '\n';
    deliver?.(message, extra);
  };
}

/** `stream-payments mcp [args]` over stdio; resolves { client, stderr(), close() }. */
export async function connectStdio({ env, args = [] }) {
  const record = { args: ['mcp', ...args], stdout: '', stderr: '' };
  outputs.push(record);
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], env: cleanEnv(env), stderr: 'pipe' });
  transport.stderr.setEncoding('utf8').on('data', (d) => (record.stderr += d));
  const client = new Client({ name: 'stream-payments-tests', version: '1.0.0' });
  await client.connect(transport);
  tap(transport, record);
  return { client, stderr: () => record.stderr, close: () => client.close() };
}

/** `stream-payments mcp --http --port 0`; resolves { url, run, stop() } once it listens. */
export async function startHttpServer({ env }) {
  const run = startCli(['mcp', '--http', '--port', '0'], { env });
  const url = await until(() => /at (http:\/\/\S+\/mcp)/.exec(run.stderr())?.[1], 'the MCP server to listen');
  return {
    url,
    run,
    async stop() {
      run.child.kill('SIGTERM');
      return run.done;
    },
  };
}

/** An MCP client of `url` whose requests carry `Authorization: Bearer <key>`. */
export async function connectHttp(url, key) {
  const record = { args: ['mcp', '--http', '(client)'], stdout: '', stderr: '' };
  outputs.push(record);
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${key}` } } });
  const client = new Client({ name: 'stream-payments-tests', version: '1.0.0' });
  await client.connect(transport);
  tap(transport, record);
  return { client, sessionId: transport.sessionId, close: () => transport.terminateSession().then(() => client.close()) };
}

/** A tool's structured result, failing the test (with the error text) if it is isError. */
export async function callOk(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} answered isError: ${result.content?.[0]?.text}`);
  return result.structuredContent;
}

/**
 * One StreamPay API for several keys, each its own organisation: a loopback proxy sending each
 * request to the mock of its x-api-key (the mock itself serves one key), 401 for any other key.
 */
export async function startKeyRouter(mocks) {
  const byKey = new Map(mocks.map((m) => [m.apiKey, m]));
  const server = http.createServer((req, res) => {
    const mock = byKey.get(req.headers['x-api-key']);
    if (!mock) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ code: 'UNAUTHORIZED', message: 'Invalid API key' }));
    }
    const upstream = http.request(`${mock.url}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(mock.url).host } }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
