// A tool call turned into a call of the package's client, and its answer or StreamError into an
// MCP tool result: the decoded object as structured content and as JSON text, or `isError: true`
// with the error's code, status, streamCode and message. Nothing here retries: the client
// retries GETs only, so a failed mutating call is reported once and left to the agent.
import { streampayCatalogue } from './description.mjs';

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A body in wire (snake_case) names -> the client's camelCase, following the request schema. */
function bodyToJs(value, schemaName) {
  const schema = streampayCatalogue().requestSchemas[schemaName];
  if (!schema || !isPlainObject(value)) return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    const field = schema.fields.find((f) => f.name === key);
    if (!field) {
      out[key] = v; // the client names what it does not know
      continue;
    }
    const nested = field.type === 'object' ? field.schema : field.type === 'array' ? field.items?.schema : null;
    out[field.jsName] = nested && Array.isArray(v) ? v.map((item) => bodyToJs(item, nested)) : nested ? bodyToJs(v, nested) : v;
  }
  return out;
}

/** Unknown or missing arguments, said before anything is sent. */
export function checkArguments(tool, args) {
  if (!isPlainObject(args)) return 'arguments must be an object';
  const { properties, required = [] } = tool.inputSchema;
  const unknown = Object.keys(args).filter((k) => !Object.hasOwn(properties, k));
  if (unknown.length) return `unknown argument${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (${tool.name} takes ${Object.keys(properties).join(', ') || 'none'})`;
  const missing = required.filter((k) => args[k] === undefined);
  if (missing.length) return `missing required argument${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  return null;
}

/** Calls the client method of a StreamPay tool; resolves the decoded answer. */
export function callOperation(tool, args, client, signal) {
  const path = [];
  const query = {};
  const body = {};
  for (const input of tool.inputs) {
    const value = args[input.param];
    if (value === undefined) continue;
    if (input.where === 'path') path.push(value);
    else if (input.where === 'query') query[input.js] = value;
    else body[input.wire] = value;
  }
  const op = tool.operation;
  const callArgs = [...path];
  if (op.queryParams.length) callArgs.push(query);
  if (op.requestBody) callArgs.push({ ...bodyToJs(body, tool.bodySchema), ...tool.fixedBody });
  return client[op.name](...callArgs, { signal });
}

/** A successful answer as a tool result. Structured content is an object: other values are wrapped. */
export function resultOf(value) {
  const structuredContent = isPlainObject(value) ? value : { result: value ?? null };
  return { content: [{ type: 'text', text: JSON.stringify(value ?? null, null, 2) }], structuredContent };
}

/** A failure as a tool result (never a protocol error: the agent reads it and decides). */
export function errorResult(err) {
  const error = err?.name === 'StreamError'
    ? Object.fromEntries(Object.entries({
        code: err.code,
        status: err.status,
        streamCode: err.streamCode,
        message: err.message,
        retryable: err.retryable,
        requestId: err.requestId,
        body: err.body,
      }).filter(([, v]) => v !== undefined))
    : { code: err?.name === 'AbortError' ? 'ABORTED' : 'INTERNAL', message: String(err?.message ?? err) };
  const head = [error.code, error.status && `HTTP ${error.status}`, error.streamCode].filter(Boolean).join(', ');
  return {
    isError: true,
    content: [{ type: 'text', text: `${head}: ${error.message}${error.body !== undefined ? `\n${JSON.stringify(error.body, null, 2)}` : ''}` }],
    structuredContent: { error },
  };
}

/** An argument problem found before any request, with the package's code for it. */
export const invalidArgument = (message) => errorResult({ name: 'StreamError', code: 'INVALID_ARGUMENT', message });
