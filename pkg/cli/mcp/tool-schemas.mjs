// The StreamPay tools, generated when the server starts from the same description the client is
// generated from: one tool per catalogue operation (src/api/streampay-operations.json), its input
// JSON Schema from the operation's path, query and body fields (required fields, enums, formats,
// the description's own field texts), and annotations from its HTTP method.
import { openapiSpec, streampayCatalogue } from './description.mjs';
import { DESTRUCTIVE_POSTS, FIXED_BODY_TOOLS, PARAMETER_NAMES, TOOL_NAMES } from './official-names.mjs';

/** An exact decimal amount, always a string (never a JSON number: it would pass through a float). */
const DECIMAL = '^-?\\d+(\\.\\d+)?$';
const FORMATS = { uuid: 'uuid', uuid4: 'uuid', 'date-time': 'date-time', date: 'date', uri: 'uri', email: 'email' };

const snakeCase = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The description's text of a component schema's property, if it has one. */
function propertyText(spec, schemaName, property) {
  return spec.components?.schemas?.[schemaName]?.properties?.[property]?.description;
}

/** JSON Schema of one field of the catalogue (a body field or a query parameter). */
function fieldSchema(field, ctx, description) {
  let s;
  switch (field.type) {
    case 'decimal':
      s = { type: 'string', pattern: DECIMAL };
      description = [description, 'An exact decimal amount as a string, e.g. "115.00".'].filter(Boolean).join(' ');
      break;
    case 'enum':
      s = { type: 'string', enum: [...field.enum] };
      break;
    case 'array':
      s = { type: 'array', items: fieldSchema({ type: field.items?.type ?? 'string', ...field.items }, ctx) };
      break;
    case 'object':
      s = objectSchema(field.schema, ctx);
      break;
    case 'map':
      s = { type: 'object', additionalProperties: true };
      break;
    case 'string':
    case 'integer':
    case 'boolean':
      s = { type: field.type };
      break;
    default:
      throw new Error(`MCP tools: field ${field.name} has an unknown type ${field.type}`);
  }
  if (field.enum && field.type !== 'enum') s.enum = [...field.enum];
  if (FORMATS[field.format]) s.format = FORMATS[field.format];
  for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'default']) {
    if (field[k] !== undefined) s[k] = field[k];
  }
  // Bounds of a decimal string cannot be JSON Schema keywords (they apply to numbers): they are said.
  for (const [k, words] of [['minimum', 'at least'], ['exclusiveMinimum', 'more than']]) {
    if (field[k] === undefined) continue;
    if (s.type === 'integer') s[k] = field[k];
    else description = `${description ?? ''} ${field.type === 'decimal' ? 'Amount' : 'Value'} ${words} ${field[k]}.`.trim();
  }
  if (field.nullable) {
    s.type = [s.type, 'null'];
    if (s.enum) s.enum.push(null);
  }
  if (description) s.description = description;
  return s;
}

/** A request schema of the catalogue as a closed JSON Schema object (wire, i.e. snake_case, names). */
function objectSchema(schemaName, ctx) {
  const found = ctx.catalogue.requestSchemas[schemaName];
  if (!found) throw new Error(`MCP tools: no request schema ${schemaName}`);
  const properties = {};
  for (const f of found.fields) properties[f.name] = fieldSchema(f, ctx, propertyText(ctx.spec, schemaName, f.name));
  const required = found.fields.filter((f) => f.required).map((f) => f.name);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function parameterText(operation, name) {
  return (operation?.parameters ?? []).find((p) => p.name === name)?.description;
}

function annotations(op) {
  if (op.method === 'GET') return { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
  if (op.method === 'POST') return { readOnlyHint: false, destructiveHint: DESTRUCTIVE_POSTS.has(op.name), idempotentHint: false, openWorldHint: true };
  return { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
}

function toolDescription(op, described) {
  const text = [described?.description?.trim() || op.summary];
  text.push(`StreamPay API: \`${op.method} ${op.path}\`.`);
  if (op.response?.list) text.push('Answers one page: `data` (the items) and `pagination`; ask for the next `page` to go on.');
  if (op.method !== 'GET') text.push('Not retried on failure: check the state (a get_ or list_ tool) before calling it again.');
  text.push('Amounts are exact decimal strings.');
  return text.join('\n\n');
}

/**
 * One tool of an operation. `args` says where each input goes: the client method takes the path
 * parameters in order, then the query (camelCase keys), then the body (camelCase keys).
 */
function operationTool(op, ctx, { name, title, description, body: fixedBody = {}, omit = [] } = {}) {
  const toolName = name ?? TOOL_NAMES[op.name] ?? snakeCase(op.name);
  const renames = PARAMETER_NAMES[toolName] ?? {};
  const paramOf = Object.fromEntries(Object.entries(renames).map(([param, wire]) => [wire, param]));
  const described = ctx.spec.paths?.[op.path]?.[op.method.toLowerCase()];
  const properties = {};
  const required = [];
  const inputs = [];
  const add = (wire, schema, isRequired, where, js) => {
    const param = paramOf[wire] ?? wire;
    if (properties[param]) throw new Error(`MCP tools: ${toolName} has two inputs named ${param}`);
    properties[param] = schema;
    if (isRequired) required.push(param);
    inputs.push({ param, wire, where, js });
  };
  for (const p of op.pathParams) {
    add(p.name, fieldSchema({ type: 'string', format: p.format }, ctx, parameterText(described, p.name)), true, 'path', p.jsName);
  }
  for (const q of op.queryParams) {
    const item = { type: q.type === 'string' && q.enum ? 'enum' : q.type, enum: q.enum, format: q.format };
    // As the client's types have them: a comma-encoded list is an array, the direction an enum.
    if (q.name === 'sort_direction') Object.assign(item, { type: 'enum', enum: ['asc', 'desc'] });
    const base = q.array || q.encoding === 'comma'
      ? { type: 'array', items: item }
      : { ...item, exclusiveMinimum: q.exclusiveMinimum, default: q.default };
    add(q.name, fieldSchema(base, ctx, parameterText(described, q.name)), q.required, 'query', q.jsName);
  }
  const bodyName = op.requestBody?.schema ?? null;
  const body = bodyName && ctx.catalogue.requestSchemas[bodyName];
  if (bodyName && !body) throw new Error(`MCP tools: ${op.name}: no request schema ${bodyName}`);
  for (const f of body?.fields ?? []) {
    if (f.name in fixedBody || omit.includes(f.name)) continue;
    add(f.name, fieldSchema(f, ctx, propertyText(ctx.spec, bodyName, f.name)), f.required, 'body', f.jsName);
  }
  return {
    name: toolName,
    title: title ?? described?.summary ?? op.summary,
    description: description ? `${description}\n\nStreamPay API: \`${op.method} ${op.path}\`.` : toolDescription(op, described),
    inputSchema: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false },
    annotations: annotations(op),
    operation: op,
    inputs,
    fixedBody: Object.fromEntries(Object.entries(fixedBody).map(([wire, v]) => [body.fields.find((f) => f.name === wire).jsName, v])),
    bodySchema: bodyName,
  };
}

let tools = null;

/** Every StreamPay tool, in catalogue order, the official server's fixed-body tools after their operation. */
export function streampayTools() {
  if (tools) return tools;
  const ctx = { catalogue: streampayCatalogue(), spec: openapiSpec() };
  const byName = new Map(ctx.catalogue.operations.map((op) => [op.name, op]));
  tools = [];
  for (const op of ctx.catalogue.operations) {
    tools.push(operationTool(op, ctx));
    for (const extra of FIXED_BODY_TOOLS.filter((t) => t.operation === op.name)) {
      tools.push(operationTool(byName.get(extra.operation), ctx, extra));
    }
  }
  return tools;
}
