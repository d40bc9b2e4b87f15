// stream-payments mcp: the StreamPay MCP server, over stdio (one key, from the environment) or
// Streamable HTTP (--http: each session's key from its Authorization header). The MCP SDK is
// loaded here only, so the package's library entries never load it.
import { once } from 'node:events';
import { EXIT, UsageError, durationOption, intOption, parseCommand } from '../usage.mjs';
import { createOutput } from '../output.mjs';
import { GatewayClient, StreamPayClient } from '../package-api.mjs';

export const help = `Usage: stream-payments mcp [--api-key-env NAME]          (stdio)
       stream-payments mcp --http [--port N] [--host H]     (Streamable HTTP at /mcp)

Serves the StreamPay MCP server: one tool per StreamPay API operation, get_gateway_payment,
the API reference tools (list_api_endpoints, get_api_endpoint, search_api_endpoints) and the
resource stream://docs/openapi. Amounts are exact strings; failures are isError results.

stdio: the key comes from the environment, never from an option: STREAMPAY_API_KEY (or the
variable --api-key-env names; STREAM_API_KEY, the official Python server's, is read too).
--http: the server holds no key; each MCP session sends its own StreamPay key as
"Authorization: Bearer <key>" (401 without one) and is answered with that key only.

Options:
  --http                serve Streamable HTTP instead of stdio
  --port N              HTTP port (default 8000; 0: a free one, printed on stderr)
  --host H              HTTP address to listen on (default 127.0.0.1)
  --api-key-env NAME    stdio: the variable holding the key (default STREAMPAY_API_KEY)
  --request-timeout DURATION
                        per StreamPay request, e.g. 10s (default 30s)
  -h, --help            this help

Environment: STREAMPAY_URL, STREAM_GATEWAY_URL (base URLs, e.g. of \`stream-payments mock\`).
Logs (one line per session and tool call, never a key or an argument) go to stderr.
Exit code: 0 when stdin ends (stdio) or on Ctrl-C / SIGTERM; 1 if it cannot listen; 2 bad usage.`;

const OPTIONS = {
  http: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'api-key-env': { type: 'string' },
  'request-timeout': { type: 'string' },
};

/** The stdio key: --api-key-env NAME, else STREAMPAY_API_KEY, else the official STREAM_API_KEY. */
function stdioKey(values, env) {
  const named = values['api-key-env'];
  if (named != null) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(named)) throw new UsageError('--api-key-env must name an environment variable');
    if (!env[named]) throw new UsageError(`no StreamPay key: the variable ${named} is empty or not set`);
    return env[named];
  }
  const key = env.STREAMPAY_API_KEY || env.STREAM_API_KEY;
  if (!key) throw new UsageError('no StreamPay key: set STREAMPAY_API_KEY (or STREAM_API_KEY, or name a variable with --api-key-env)');
  return key;
}

/** Counts requests read and answers written on `transport`; resolves when all are answered. */
function trackAnswers(transport) {
  const open = new Set();
  let settle = null;
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if (message.method !== undefined && message.id !== undefined) open.add(message.id);
    deliver?.(message, extra);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    await send(message, options);
    if (message.method === undefined && open.delete(message.id) && open.size === 0) settle?.();
  };
  return () => (open.size === 0 ? undefined : new Promise((resolve) => (settle = resolve)));
}

export async function run(args, { out, env, stdin, signals }) {
  const parsed = parseCommand(args, OPTIONS);
  if (!parsed) return out.line(help), EXIT.OK;
  const { values } = parsed;
  if (!values.http && (values.port != null || values.host != null)) throw new UsageError('--port and --host go with --http');
  if (values.http && values['api-key-env'] != null) throw new UsageError('--api-key-env is for stdio: over --http each session sends its own key');
  const timeoutMs = durationOption(values, 'request-timeout', 30_000);
  const streampayUrl = env.STREAMPAY_URL || undefined;
  const gatewayUrl = env.STREAM_GATEWAY_URL || undefined;
  const log = (line) => out.error(`stream-payments mcp: ${line}`);
  const { createMcpServer } = await import('../mcp/server.mjs');

  // A session: its own clients and server; `mask` hides its key in anything it answers.
  const openSession = (apiKey) => {
    const masking = createOutput({ env: {} });
    masking.addSecret(apiKey);
    const streampay = new StreamPayClient({ apiKey, timeoutMs, ...(streampayUrl ? { baseUrl: streampayUrl } : {}) });
    const gateway = new GatewayClient({ timeoutMs, ...(gatewayUrl ? { baseUrl: gatewayUrl } : {}) });
    const onToolCall = (name, result) => log(`${name}: ${result.isError ? result.structuredContent.error.code : 'ok'}`);
    const server = createMcpServer({ streampay, gateway, mask: masking.mask, onToolCall });
    return { server, close: () => (streampay.free(), gateway.free()) };
  };

  const stopped = Promise.race([once(signals, 'SIGINT'), once(signals, 'SIGTERM')]);
  if (!values.http) {
    const apiKey = stdioKey(values, env);
    out.addSecret(apiKey);
    const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
    const session = openSession(apiKey);
    const transport = new StdioServerTransport(stdin, out.stdout);
    const closed = new Promise((resolve) => (transport.onclose = resolve));
    const inputEnded = once(stdin, 'end');
    await session.server.connect(transport);
    const answered = trackAnswers(transport);
    log(`serving MCP on stdio (StreamPay ${streampayUrl ?? 'live API'})`);
    // A client that closes stdin after its last request still gets every answer.
    await Promise.race([inputEnded.then(answered), closed, stopped]);
    await session.server.close();
    session.close();
    return EXIT.OK;
  }

  const port = intOption(values, 'port', { min: 0, max: 65535, fallback: 8000 });
  const host = values.host ?? '127.0.0.1';
  const { serveHttp } = await import('../mcp/http-sessions.mjs');
  let served;
  try {
    served = await serveHttp({ host, port, openSession, log });
  } catch (err) {
    out.error(`stream-payments: cannot listen on ${host}:${port}: ${err.code ?? err.message}`);
    return EXIT.FAILED;
  }
  log(`serving MCP (Streamable HTTP) at ${served.url}: each session sends its StreamPay key as Authorization: Bearer`);
  await stopped;
  await served.close();
  log('stopped');
  return EXIT.OK;
}
