// The official server's API reference tools over the OpenAPI description the package carries:
// list_api_endpoints, get_api_endpoint and search_api_endpoints. Each endpoint names the tool that
// calls it, so an agent can go from "what does the API have" to "call it".
import { openapiSpec } from './description.mjs';
import { errorResult } from './tool-calls.mjs';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** Every endpoint of the description: { method, path, summary, description, operationId, tags, tools }. */
function endpoints(toolsByEndpoint) {
  const spec = openapiSpec();
  const all = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const method = m.toUpperCase();
      all.push({
        method,
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        operationId: op.operationId ?? '',
        tags: op.tags ?? [],
        tools: toolsByEndpoint.get(`${method} ${path}`) ?? [],
        operation: op,
      });
    }
  }
  return all;
}

const brief = ({ method, path, summary, tags, tools }) => ({ method, path, summary, tags, tools });
const listText = (found) => found.map((e) => `${e.method.padEnd(6)} ${e.path}  ${e.summary}${e.tools.length ? `  (tool: ${e.tools.join(', ')})` : ''}`).join('\n');
const contains = (text, needle) => String(text ?? '').toLowerCase().includes(needle);

const refName = (schema) => schema?.$ref?.split('/').pop();

function details(e) {
  const op = e.operation;
  const content = (c) => Object.fromEntries(Object.entries(c ?? {}).map(([type, v]) => [type, refName(v.schema) ?? v.schema ?? null]));
  return {
    ...brief(e),
    description: e.description,
    operationId: e.operationId,
    parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), description: p.description ?? '', schema: p.schema ?? {} })),
    requestBody: op.requestBody ? { required: Boolean(op.requestBody.required), content: content(op.requestBody.content) } : null,
    responses: Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, r]) => [status, { description: r.description ?? '', content: content(r.content) }])),
  };
}

const text = (value, summary) => ({ content: [{ type: 'text', text: summary }], structuredContent: value });

/** The three tools; `toolsByEndpoint` maps "METHOD /path" to the names of the tools calling it. */
export function endpointTools(toolsByEndpoint) {
  const all = endpoints(toolsByEndpoint);
  return [
    {
      name: 'list_api_endpoints',
      title: 'List API endpoints',
      description: 'List the StreamPay API endpoints of the description this server is built on, optionally filtered by tag (e.g. "Payments", "Invoices"), HTTP method, or a search text in the path, summary or description. Each endpoint names the tool that calls it.',
      inputSchema: {
        type: 'object',
        properties: {
          tag: { type: 'string', description: 'Only endpoints with this tag (e.g. "Consumers", "Invoices")' },
          method: { type: 'string', description: 'Only this HTTP method (GET, POST, PUT, PATCH, DELETE)' },
          search: { type: 'string', description: 'Only endpoints whose path, summary or description contains this text' },
        },
        additionalProperties: false,
      },
      annotations: READ_ONLY,
      run({ tag, method, search }) {
        let found = all;
        if (method) found = found.filter((e) => e.method === method.toUpperCase());
        if (tag) found = found.filter((e) => e.tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
        if (search) {
          const needle = search.toLowerCase();
          found = found.filter((e) => contains(e.path, needle) || contains(e.summary, needle) || contains(e.description, needle));
        }
        const value = { count: found.length, endpoints: found.map(brief) };
        return text(value, found.length ? `Found ${found.length} endpoint(s):\n${listText(found)}` : 'No endpoints found matching the criteria.');
      },
    },
    {
      name: 'get_api_endpoint',
      title: 'Get an API endpoint',
      description: 'Everything the description says about one StreamPay API endpoint: summary, description, parameters, request body and responses (schemas by name; the full description is the resource stream://docs/openapi).',
      inputSchema: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'The endpoint path, e.g. "/api/v2/payments/{payment_id}"' },
          method: { type: 'string', default: 'GET', description: 'The HTTP method (default GET)' },
        },
        required: ['path'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
      run({ path, method = 'GET' }) {
        const m = method.toUpperCase();
        const found = all.find((e) => e.method === m && e.path === path) ?? all.find((e) => e.method === m && e.path.toLowerCase() === path.toLowerCase());
        if (!found) return errorResult({ name: 'StreamError', code: 'NOT_FOUND', message: `no endpoint ${m} ${path} in the API description (list_api_endpoints lists them)` });
        const value = details(found);
        return text(value, JSON.stringify(value, null, 2));
      },
    },
    {
      name: 'search_api_endpoints',
      title: 'Search API endpoints',
      description: 'Find StreamPay API endpoints by a keyword in their path, summary, description or tags.',
      inputSchema: {
        type: 'object',
        properties: { query: { type: 'string', minLength: 1, description: 'The text to look for (case-insensitive)' } },
        required: ['query'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
      run({ query }) {
        const needle = query.toLowerCase();
        const found = all.filter((e) => contains(e.path, needle) || contains(e.summary, needle) || contains(e.description, needle) || e.tags.some((t) => contains(t, needle)));
        const value = { count: found.length, endpoints: found.map(brief) };
        return text(value, found.length ? `Found ${found.length} endpoint(s) matching '${query}':\n${listText(found)}` : `No endpoints found matching '${query}'.`);
      },
    },
  ];
}
