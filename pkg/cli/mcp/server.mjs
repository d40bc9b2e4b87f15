// One MCP server (the SDK's low-level Server) over one pair of clients: every StreamPay tool, the
// gateway tool, the API reference tools and the resource stream://docs/openapi. stdio has one;
// HTTP makes one per session, over that session's own key. Every result passes the output's
// mask (the keys it knows) on the way out, a second guard: no tool puts a key in a result.
import { createRequire } from 'node:module';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  McpError,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { openapiDocument } from './description.mjs';
import { endpointTools } from './endpoint-tools.mjs';
import { callOperation, checkArguments, errorResult, invalidArgument, resultOf } from './tool-calls.mjs';
import { streampayTools } from './tool-schemas.mjs';

const VERSION = createRequire(import.meta.url)('../../package.json').version;
export const OPENAPI_URI = 'stream://docs/openapi';

const INSTRUCTIONS = `StreamPay (streampay.sa) merchant API: customers, products and prices, coupons, invoices, payments, payment links, subscriptions, metered billing; and the public status of crypto gateway payments.
Amounts are exact decimal strings ("115.00"): pass them as strings, never as numbers. A failed call answers isError with code, status and message. Tools that change data are never retried: after a failure, read the state before trying again.`;

const gatewayTool = {
  name: 'get_gateway_payment',
  title: 'Get a crypto gateway payment',
  description: 'The public status of a Stream crypto gateway payment (pending, completed, not_found with reason "expired"), its coins with their exact amounts in smallest units and `formattedAmount` (every digit, at the coin\'s decimals), and display amounts. Needs no StreamPay key.',
  inputSchema: {
    type: 'object',
    properties: { payment_id: { type: 'string', minLength: 1, description: 'The gateway payment id, e.g. "LqaUrQimtgTe9iF3Knv8Ld"' } },
    required: ['payment_id'],
    additionalProperties: false,
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
};

let catalogue = null;

/** Every tool once: { listed (what tools/list shows), byName (how to run each) }. */
export function toolCatalogue() {
  if (catalogue) return catalogue;
  const api = streampayTools();
  const toolsByEndpoint = new Map();
  for (const t of api) {
    const key = `${t.operation.method} ${t.operation.path}`;
    toolsByEndpoint.set(key, [...(toolsByEndpoint.get(key) ?? []), t.name]);
  }
  const reference = endpointTools(toolsByEndpoint);
  const all = [...api, gatewayTool, ...reference];
  const listed = all.map(({ name, title, description, inputSchema, annotations }) => ({ name, title, description, inputSchema, annotations: { title, ...annotations } }));
  return (catalogue = { listed, byName: new Map(all.map((t) => [t.name, t])), reference });
}

/** Strings of a value with every known secret masked. */
function masked(value, mask) {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((v) => masked(v, mask));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, mask)]));
  return value;
}

async function runTool(name, args, { streampay, gateway, signal }) {
  const { byName } = toolCatalogue();
  const tool = byName.get(name);
  if (!tool) return invalidArgument(`no tool ${JSON.stringify(name)} (tools/list lists them)`);
  const problem = checkArguments(tool, args ?? {});
  if (problem) return invalidArgument(`${name}: ${problem}`);
  try {
    if (tool.run) return tool.run(args ?? {});
    if (tool === gatewayTool) return resultOf(await gateway.getPayment(args.payment_id, { signal }));
    return resultOf(await callOperation(tool, args ?? {}, streampay, signal));
  } catch (err) {
    return errorResult(err);
  }
}

/**
 * A server over `streampay` and `gateway` (the package's clients). `mask` hides the keys the
 * caller knows; `onToolCall(name, result)` sees each call (for the log line: no arguments).
 */
export function createMcpServer({ streampay, gateway, mask, onToolCall = () => {} }) {
  const server = new Server(
    { name: 'stream-payments', title: 'StreamPay', version: VERSION },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: toolCatalogue().listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args } = request.params;
    const result = masked(await runTool(name, args, { streampay, gateway, signal: extra.signal }), mask);
    onToolCall(name, result);
    return result;
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [{ uri: OPENAPI_URI, name: 'openapi', title: 'StreamPay OpenAPI description', description: 'The StreamPay API description this server\'s tools are generated from.', mimeType: 'application/json' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    if (request.params.uri !== OPENAPI_URI) throw new McpError(ErrorCode.InvalidParams, `no resource ${request.params.uri} (resources/list lists them)`);
    return { contents: [{ uri: OPENAPI_URI, mimeType: 'application/json', text: openapiDocument() }] };
  });
  return server;
}
