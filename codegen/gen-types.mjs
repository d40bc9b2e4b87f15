#!/usr/bin/env node
// The catalogue's generator: from the StreamPay OpenAPI description kept in the repository
// (src/api/streampay-openapi.json) and catalogue.mjs (the gateway's operations, the rules the
// description cannot say), it writes
//   pkg/types/streampay-api.d.ts       the TypeScript types of every request, response, params object
//                                      and enum of the 45 operations, camelCase, plus the
//                                      StreamPayOperations interface (one method per operation)
//   src/api/streampay-operations.json  the operations as data (method name, HTTP method, path, path
//                                      and query params, body and response schemas)
//   the Rust shapes and operations tables (gen-rust.mjs), the amount rule for the rewriter
//   (src/json/amount_names.rs, gen-amounts.mjs), the JS client classes, one method per operation
//   (gen-js.mjs), and the boundary's constants on both sides (gen-protocol.mjs).
// Usage: node codegen/gen-types.mjs          (writes every file; `make types`)
//        node codegen/gen-types.mjs --check  (exit 1 when a committed file is stale)
// No network, no dependency: the output depends on the description and these files only.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANSWER_RULES } from './catalogue.mjs';
import { amountNamesRust, amountRule } from './gen-amounts.mjs';
import { generateRust } from './gen-rust.mjs';
import { generateJs } from './gen-js.mjs';
import { generateProtocol } from './gen-protocol.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_PATH = join(ROOT, 'src/api/streampay-openapi.json');
const TYPES_PATH = join(ROOT, 'pkg/types/streampay-api.d.ts');
const OPS_PATH = join(ROOT, 'src/api/streampay-operations.json');
const OUT = (path) => join(ROOT, path);

// The method names of issue 12, each mapped to its operation. A mapped operation missing from the
// description, or an operation of the description without a name here, fails the generator.
// listAll: the lazy iterator beside a list.
const OPERATIONS = {
  getAccount: ['GET', '/api/v2/me'],

  listConsumers: ['GET', '/api/v2/consumers', { listAll: 'listAllConsumers' }],
  getConsumer: ['GET', '/api/v2/consumers/{consumer_id}'],
  createConsumer: ['POST', '/api/v2/consumers'],
  updateConsumer: ['PUT', '/api/v2/consumers/{consumer_id}'],
  deleteConsumer: ['DELETE', '/api/v2/consumers/{consumer_id}'],

  listProducts: ['GET', '/api/v2/products', { listAll: 'listAllProducts' }],
  getProduct: ['GET', '/api/v2/products/{product_id}'],
  createProduct: ['POST', '/api/v2/products'],
  updateProduct: ['PUT', '/api/v2/products/{product_id}'],
  deleteProduct: ['DELETE', '/api/v2/products/{product_id}'],
  addProductPrice: ['POST', '/api/v2/products/{product_id}/prices'],
  updateProductPrice: ['PUT', '/api/v2/products/{product_id}/prices/{price_id}'],
  deleteProductPrice: ['DELETE', '/api/v2/products/{product_id}/prices/{price_id}'],

  listCoupons: ['GET', '/api/v2/coupons', { listAll: 'listAllCoupons' }],
  getCoupon: ['GET', '/api/v2/coupons/{coupon_id}'],
  createCoupon: ['POST', '/api/v2/coupons'],
  updateCoupon: ['PUT', '/api/v2/coupons/{coupon_id}'],
  deleteCoupon: ['DELETE', '/api/v2/coupons/{coupon_id}'],

  listInvoices: ['GET', '/api/v2/invoices', { listAll: 'listAllInvoices' }],
  getInvoice: ['GET', '/api/v2/invoices/{invoice_id}'],
  createInvoice: ['POST', '/api/v2/invoices'],
  updateInvoice: ['PATCH', '/api/v2/invoices/{invoice_id}/inplace'],

  listPayments: ['GET', '/api/v2/payments', { listAll: 'listAllPayments' }],
  getPayment: ['GET', '/api/v2/payments/{payment_id}'],
  markPaymentAsPaid: ['POST', '/api/v2/payments/{payment_id}/mark-paid'],
  refundPayment: ['POST', '/api/v2/payments/{payment_id}/refund'],
  autoChargePayment: ['POST', '/api/v2/payments/auto-charge-on-demand/{payment_id}'],

  createPaymentLink: ['POST', '/api/v2/payment_links'],
  listPaymentLinks: ['GET', '/api/v2/payment_links', { listAll: 'listAllPaymentLinks' }],
  getPaymentLink: ['GET', '/api/v2/payment_links/{payment_link_id}'],
  setPaymentLinkStatus: ['PATCH', '/api/v2/payment_links/{payment_link_id}/status'],

  listSubscriptions: ['GET', '/api/v2/subscriptions', { listAll: 'listAllSubscriptions' }],
  getSubscription: ['GET', '/api/v2/subscriptions/{subscription_id}'],
  createSubscription: ['POST', '/api/v2/subscriptions'],
  updateSubscription: ['PUT', '/api/v2/subscriptions/{subscription_id}'],
  cancelSubscription: ['POST', '/api/v2/subscriptions/{subscription_id}/cancel'],
  freezeSubscription: ['POST', '/api/v2/subscriptions/{subscription_id}/freeze'],
  listSubscriptionFreezes: ['GET', '/api/v2/subscriptions/{subscription_id}/freeze', { listAll: 'listAllSubscriptionFreezes' }],
  updateSubscriptionFreeze: ['PUT', '/api/v2/subscriptions/{subscription_id}/freeze/{freeze_id}'],
  deleteSubscriptionFreeze: ['DELETE', '/api/v2/subscriptions/{subscription_id}/freeze/{freeze_id}'],

  recordMeteredUsage: ['POST', '/api/v2/metered/meter'],
  createMeteredSubscription: ['POST', '/api/v2/metered/metered-subscriptions'],
  listMeteredSubscriptions: ['GET', '/api/v2/metered/metered-subscriptions', { listAll: 'listAllMeteredSubscriptions' }],
  deactivateMeteredSubscription: ['DELETE', '/api/v2/metered/metered-subscriptions/{subscription_id}'],
};

// Python module paths the description uses as schema names, given readable names.
const RENAMES = {
  app__common__dtos__shared__Consumer: 'SharedConsumer',
  app__common__dtos__shared__OrganizationConsumer: 'SharedOrganizationConsumer',
  app__consumer__v2__dtos__Consumer: 'ConsumerIdentity',
  app__subscription__v2__dtos__OrganizationConsumer: 'SubscriptionOrganizationConsumer',
  // Not to be confused with the package's StreamError class and StreamErrorCode type.
  StreamError: 'StreamPayErrorBody',
  StreamErrorCodes: 'StreamPayErrorCode',
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const LIST_RESOURCE = /^ListResource_(\w+)_$/;
const REF = '#/components/schemas/';

class GenError extends Error {}
const fail = (msg) => {
  throw new GenError(msg);
};

/** The package's key conversions (src/models/fields.rs camel_case, payment_link.rs snake_case). */
export function camelCase(key) {
  let out = '';
  let upper = false;
  for (const c of key) {
    if (c === '_' && out !== '') upper = true;
    else if (upper) {
      out += c.toUpperCase();
      upper = false;
    } else out += c;
  }
  return out;
}

export function snakeCase(key) {
  const chars = [...key];
  let out = '';
  const isUpper = (c) => c != null && c >= 'A' && c <= 'Z';
  const isLowerOrDigit = (c) => c != null && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  chars.forEach((c, i) => {
    if (isUpper(c)) {
      const afterLower = isLowerOrDigit(chars[i - 1]);
      const endsAcronym = isUpper(chars[i - 1]) && chars[i + 1] != null && chars[i + 1] >= 'a' && chars[i + 1] <= 'z';
      if ((afterLower || endsAcronym) && !out.endsWith('_')) out += '_';
      out += c.toLowerCase();
    } else out += c;
  });
  return out;
}

const pascal = (s) => s[0].toUpperCase() + s.slice(1);

export function generate(spec) {
  const schemas = spec.components?.schemas ?? fail('the description has no components.schemas');
  const refName = (ref) => (ref.startsWith(REF) ? ref.slice(REF.length) : fail(`unsupported $ref ${ref}`));
  let amounts;
  try {
    amounts = amountRule(spec);
  } catch (err) {
    fail(err.message);
  }
  const schemaOf = (name) => schemas[name] ?? fail(`$ref to a missing schema ${name}`);
  const isEnum = (s) => Array.isArray(s.enum);
  const isObject = (s) => s.type === 'object' && s.properties != null;

  // --- operations: the description's against the mapping table ---------------------------------
  const byKey = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of Object.keys(item)) {
      if (!HTTP_METHODS.includes(m)) continue;
      byKey.set(`${m.toUpperCase()} ${path}`, { method: m.toUpperCase(), path, op: item[m], pathItem: item });
    }
  }
  const mapped = new Set();
  const ops = [];
  for (const [name, [method, path, extra = {}]] of Object.entries(OPERATIONS)) {
    const key = `${method} ${path}`;
    const found = byKey.get(key) ?? fail(`${name}: ${key} is not in the description`);
    if (mapped.has(key)) fail(`${key} is mapped twice`);
    mapped.add(key);
    ops.push({ name, ...found, listAll: extra.listAll ?? null });
  }
  const unnamed = [...byKey.keys()].filter((k) => !mapped.has(k));
  if (unnamed.length) fail(`operations of the description with no method name: ${unnamed.join(', ')}`);

  // --- which schemas are requests, which responses ----------------------------------------------
  const reach = (start, into) => {
    const walk = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node.$ref === 'string') {
        const n = refName(node.$ref);
        if (!into.has(n)) {
          into.add(n);
          walk(schemaOf(n));
        }
      }
      for (const [k, v] of Object.entries(node)) if (k !== '$ref' && k !== 'description') walk(v);
    };
    walk(start);
    return into;
  };
  const requestSide = new Set();
  const responseSide = new Set();
  const jsonSchema = (content) => content?.['application/json']?.schema;
  for (const o of ops) {
    reach(jsonSchema(o.op.requestBody?.content), requestSide);
    for (const p of parametersOf(o)) reach(p.schema, requestSide);
    // Error bodies too: they reach JS as StreamError.body.
    for (const r of Object.values(o.op.responses ?? {})) reach(jsonSchema(r.content), responseSide);
  }
  for (const n of Object.keys(schemas)) {
    if (n.includes('__') && !RENAMES[n]) fail(`schema ${n} needs a readable name in RENAMES`);
  }
  // An object both sent and received gets two types: the request one is named ...Input.
  const both = new Set([...requestSide].filter((n) => responseSide.has(n) && isObject(schemaOf(n))));
  const typeName = (n, side) => {
    const base = RENAMES[n] ?? n;
    return side === 'request' && both.has(n) ? `${base}Input` : base;
  };

  function parametersOf(o) {
    const all = [...(o.pathItem.parameters ?? []), ...(o.op.parameters ?? [])];
    for (const p of all) if (p.$ref) fail(`${o.name}: parameter $ref is not supported`);
    return all;
  }
  function successResponse(o) {
    const codes = Object.keys(o.op.responses ?? {}).filter((c) => /^2\d\d$/.test(c)).sort();
    if (codes.length !== 1) fail(`${o.name}: expected one 2xx response, found ${codes.join(', ') || 'none'}`);
    const schema = jsonSchema(o.op.responses[codes[0]].content);
    return { status: Number(codes[0]), schema: schema ?? null };
  }

  // --- TypeScript of one schema node --------------------------------------------------------
  const DECIMAL = (s) => s?.type === 'string' && typeof s.pattern === 'string';
  const isAmountAnyOf = (s) => Array.isArray(s.anyOf) && s.anyOf.some((m) => m.type === 'number') && s.anyOf.some(DECIMAL);
  const quote = (v) => `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const openUnion = (values) => [...values.map(quote), '(string & {})'].join(' | ');
  const wrapArray = (t) => (/[|&]/.test(t) ? `(${t})[]` : `${t}[]`);

  /** ctx: { side: 'request' | 'response', prop: wire name or null } */
  function ts(node, ctx) {
    // No type keyword at all (`{}`, `{ title }`): any JSON value.
    if (node == null || !['$ref', 'anyOf', 'enum', 'type'].some((k) => k in node)) return 'unknown';
    let t;
    if (node.$ref) {
      const n = refName(node.$ref);
      const m = LIST_RESOURCE.exec(n);
      t = m ? `ListResource<${typeName(m[1], ctx.side)}>` : typeName(n, ctx.side);
    } else if (node.anyOf) {
      if (isAmountAnyOf(node)) {
        // Amounts go out as decimal strings, never floats (issue 12).
        t = node.anyOf.some((m) => m.type === 'null') ? 'string | null' : 'string';
      } else {
        const parts = [...new Set(node.anyOf.map((m) => ts(m, ctx)))];
        t = parts.join(' | ');
      }
    } else if (node.enum) {
      if (node.type !== 'string') fail(`non-string enum at ${ctx.prop}`);
      t = openUnion(node.enum);
    } else if (node.type === 'null') {
      t = 'null';
    } else if (node.type === 'string') {
      t = 'string';
    } else if (node.type === 'integer' && ctx.side === 'response' && ctx.schema === 'Pagination') {
      // Counts pass through as the server sent them, so one past 2^53 arrives as a string.
      t = 'number | string';
    } else if (node.type === 'integer') {
      // An amount in smallest units reaches JS as a string whatever its value (the amount rule).
      t = ctx.side === 'response' && ctx.prop && amounts.kindOf(ctx.prop, node) === 'units' ? 'string' : 'number';
    } else if (node.type === 'number') {
      t = 'number';
    } else if (node.type === 'boolean') {
      t = 'boolean';
    } else if (node.type === 'array') {
      t = wrapArray(ts(node.items, ctx));
    } else if (node.type === 'object') {
      if (node.properties && Object.keys(node.properties).length) fail(`inline object with properties at ${ctx.prop}`);
      const ap = node.additionalProperties;
      t = ap && typeof ap === 'object' ? `{ [key: string]: ${ts(ap, ctx)} }` : '{ [key: string]: unknown }';
    } else {
      fail(`unsupported schema at ${ctx.prop}: ${JSON.stringify(node).slice(0, 120)}`);
    }
    if (node.nullable === true && !/\bnull$/.test(t)) t = `${t} | null`;
    return t;
  }

  // --- doc comments -------------------------------------------------------------------------
  function docLines(node, { wire } = {}) {
    const lines = [];
    const text = (node.description ?? '').trim();
    if (text) lines.push(...text.split('\n').map((l) => l.trimEnd()));
    const facts = [];
    if (wire) facts.push(`Wire name \`${wire}\`.`);
    const fmt = node.format ?? node.anyOf?.find((m) => m.format)?.format;
    if (fmt) facts.push(`Format: ${fmt}.`);
    if (isAmountAnyOf(node) || DECIMAL(node)) facts.push('Decimal string.');
    if (node.default !== undefined) facts.push(`Default: \`${JSON.stringify(node.default)}\`.`);
    if (node.readOnly) facts.push('Read-only.');
    if (facts.length) {
      if (lines.length) lines.push('');
      lines.push(facts.join(' '));
    }
    if (/^\[DEPRECATED\]/.test(text)) lines.push('@deprecated');
    return lines;
  }
  const comment = (lines, indent = '') => {
    if (!lines.length) return '';
    const safe = lines.map((l) => l.replace(/\*\//g, '*\\/'));
    if (safe.length === 1) return `${indent}/** ${safe[0]} */\n`;
    return `${indent}/**\n${safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
  };

  // --- emit --------------------------------------------------------------------------------
  const out = [];
  out.push(`// Generated by codegen/gen-types.mjs from src/api/streampay-openapi.json
// ("${spec.info?.title}" version ${spec.info?.version}, OpenAPI ${spec.openapi}). Do not edit: run
// \`node codegen/gen-types.mjs\`. Keys are camelCase (the wire is snake_case); amounts are
// decimal strings; enums are open (a value the API adds later still type-checks); responses keep
// fields this description does not list.

/** Per-call options of every StreamPay method. */
export interface RequestOptions {
  /** Aborts the request; the call rejects with \`signal.reason\`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call, in milliseconds. */
  timeoutMs?: number;
}

/** A page of a list: \`{ data, pagination }\`. Older deployments may omit \`pagination\`. */
export interface ListResource<T> {
  data: T[];
  pagination?: Pagination;
  [field: string]: unknown;
}
`);

  const emitted = new Set();
  const emitSchema = (n, side) => {
    const name = typeName(n, side);
    if (emitted.has(name) || LIST_RESOURCE.test(n)) return;
    emitted.add(name);
    const s = schemaOf(n);
    const doc = docLines({ description: s.description });
    if (isEnum(s)) {
      out.push(`${comment(doc)}export type ${name} = ${openUnion(s.enum)};\n`);
      return;
    }
    if (Object.keys(s).length === 0 || (s.type === undefined && !s.properties)) {
      out.push(`${comment(doc)}export type ${name} = unknown;\n`);
      return;
    }
    if (s.type !== 'object') fail(`schema ${n} is neither an enum nor an object`);
    const required = new Set(s.required ?? []);
    const body = [];
    for (const [prop, node] of Object.entries(s.properties ?? {})) {
      const key = camelCase(prop);
      if (side === 'request' && snakeCase(key) !== prop) fail(`${n}.${prop}: camelCase ${key} does not convert back`);
      // A field an answer rule keeps (catalogue.mjs) is what the decoder guarantees.
      const rule = side === 'response' ? ANSWER_RULES[n]?.fields[prop] : undefined;
      const always = rule !== undefined && /\.required\(\)|\.or\(/.test(rule);
      let t = rule?.includes('Kind::Units') ? 'string' : ts(node, { side, prop, schema: n });
      if (rule?.includes('.or("null")') && !/\bnull$/.test(t)) t = `${t} | null`;
      body.push(`${comment(docLines(node, { wire: key === prop ? null : prop }), '  ')}  ${key}${required.has(prop) || always ? '' : '?'}: ${t};`);
    }
    if (side === 'response') body.push('  /** Fields this description does not list are kept. */\n  [field: string]: unknown;');
    const docSide = side === 'request' && both.has(n) ? [...doc, ...(doc.length ? [''] : []), `The request form of \`${RENAMES[n] ?? n}\`.`] : doc;
    out.push(`${comment(docSide)}export interface ${name} {\n${body.join('\n')}\n}\n`);
  };

  const sorted = (set) => [...set].sort();
  out.push('// --- enums ---------------------------------------------------------------------------\n');
  for (const n of sorted(new Set([...requestSide, ...responseSide]))) if (isEnum(schemaOf(n))) emitSchema(n, 'response');
  out.push('// --- requests ------------------------------------------------------------------------\n');
  for (const n of sorted(requestSide)) if (!isEnum(schemaOf(n))) emitSchema(n, 'request');
  out.push('// --- responses -----------------------------------------------------------------------\n');
  for (const n of sorted(responseSide)) if (!isEnum(schemaOf(n))) emitSchema(n, 'response');
  const unused = Object.keys(schemas).filter((n) => !requestSide.has(n) && !responseSide.has(n));

  // Operations as data, params types and method signatures.
  const operations = [];
  const paramsOut = ['// --- query params ----------------------------------------------------------------------\n'];
  const methods = [];
  const jsMethods = []; // what gen-js.mjs needs: name, doc, arguments, the iterator beside a list
  for (const o of ops) {
    const params = parametersOf(o);
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const other = params.filter((p) => p.in !== 'path' && p.in !== 'query');
    if (other.length) fail(`${o.name}: ${other.map((p) => `${p.in} parameter ${p.name}`).join(', ')} not supported`);
    const inPath = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (inPath.join() !== pathParams.map((p) => p.name).join()) fail(`${o.name}: path params ${inPath} vs declared ${pathParams.map((p) => p.name)}`);
    const bodyRef = jsonSchema(o.op.requestBody?.content)?.$ref;
    if (o.op.requestBody && !bodyRef) fail(`${o.name}: request body without a named schema`);
    const bodySchema = bodyRef ? refName(bodyRef) : null;
    const ok = successResponse(o);
    const responseSchema = ok.schema?.$ref ? refName(ok.schema.$ref) : null;
    if (o.listAll && !(responseSchema && LIST_RESOURCE.test(responseSchema))) fail(`${o.name}: listAll on a non-list response`);

    const query = queryParams.map((p) => {
      const s = p.schema ?? {};
      const q = { name: p.name, jsName: camelCase(p.name) };
      if (snakeCase(q.jsName) !== p.name) fail(`${o.name}: query ${p.name} does not convert back from ${q.jsName}`);
      const item = s.type === 'array' ? s.items : s;
      q.array = s.type === 'array';
      q.type = isAmountAnyOf(s) ? 'decimal' : item.$ref ? schemaOf(refName(item.$ref)).type : item.type;
      if (item.$ref && isEnum(schemaOf(refName(item.$ref)))) {
        q.enumName = refName(item.$ref);
        q.enum = schemaOf(q.enumName).enum;
      }
      if (item.format) q.format = item.format;
      // The description types `currencies` as one string; issue 12: one comma-separated value.
      q.encoding = q.array ? 'repeat' : p.name === 'currencies' ? 'comma' : 'single';
      if (s.exclusiveMinimum !== undefined) q.exclusiveMinimum = s.exclusiveMinimum;
      if (s.default !== undefined) q.default = s.default;
      q.required = p.required === true;
      return q;
    });
    const entry = {
      name: o.name,
      operationId: o.op.operationId,
      method: o.method,
      path: o.path,
      pathParams: pathParams.map((p) => ({ name: p.name, jsName: camelCase(p.name), format: p.schema?.format ?? null })),
      queryParams: query,
      requestBody: bodySchema ? { schema: bodySchema, required: o.op.requestBody.required === true } : null,
      response: { status: ok.status, schema: responseSchema, list: responseSchema && LIST_RESOURCE.test(responseSchema) ? LIST_RESOURCE.exec(responseSchema)[1] : null },
      listAll: o.listAll,
      retried: o.method === 'GET',
      tag: o.op.tags?.[0] ?? null,
      summary: o.op.summary ?? null,
    };
    operations.push(entry);

    // TypeScript: params object, then the method.
    let paramsType = null;
    if (query.length) {
      paramsType = `${pascal(o.name)}Params`;
      const fields = queryParams.map((p) => {
        const s = p.schema ?? {};
        let t = ts({ ...s, nullable: false }, { side: 'request', prop: p.name }).replace(/ \| null$/, '');
        if (p.name === 'currencies') t = 'CurrencyCode[]';
        // Typed `string` by the description, whose text (and streampay-v2.md) says 'asc' or 'desc'.
        if (p.name === 'sort_direction') t = "'asc' | 'desc'";
        const lines = docLines({ ...s, description: p.description ?? s.description }, { wire: camelCase(p.name) === p.name ? null : p.name });
        if (p.name === 'currencies') lines.push('Sent as one comma-separated value (`currencies=SAR,USD`).');
        else if (s.type === 'array') lines.push('Sent as repeated keys.');
        return `${comment(lines, '  ')}  ${camelCase(p.name)}${p.required ? '' : '?'}: ${t};`;
      });
      paramsOut.push(`/** Query of \`${o.name}\` (\`${o.method} ${o.path}\`). */\nexport interface ${paramsType} {\n${fields.join('\n')}\n}\n`);
    }
    const args = pathParams.map((p) => `${camelCase(p.name)}: string`);
    if (bodySchema) {
      const optional = !(schemaOf(bodySchema).required ?? []).length;
      args.push(`body${optional ? '?' : ''}: ${typeName(bodySchema, 'request')}`);
    } else if (paramsType) args.push(`params?: ${paramsType}`);
    args.push('options?: RequestOptions');
    const result = ok.schema ? ts(ok.schema, { side: 'response', prop: null }) : 'unknown';
    const doc = [`${o.op.summary ?? o.name}: \`${o.method} ${o.path}\`.`];
    if (o.op.description) doc.push('', ...o.op.description.trim().split('\n').map((l) => l.trimEnd()));
    if (!ok.schema || Object.keys(ok.schema).length === 0) doc.push('', 'Resolves to the answer as sent: any JSON value, `null` included; an empty body (a 204) resolves to `null`.');
    doc.push('', o.method === 'GET' ? 'Retried on transient failures (GET).' : 'Never retried automatically.');
    methods.push(`${comment(doc, '  ')}  ${o.name}(${args.join(', ')}): Promise<${result}>;`);
    jsMethods.push({
      name: o.name,
      tag: o.op.tags?.[0] ?? 'Other',
      doc,
      ids: pathParams.map((p) => camelCase(p.name)),
      json: bodySchema ? 'body' : paramsType ? 'params' : null,
      listAll: o.listAll,
    });
    if (o.listAll) {
      const item = typeName(LIST_RESOURCE.exec(responseSchema)[1], 'response');
      const p = paramsType ? `params?: Omit<${paramsType}, 'page'>, ` : '';
      methods.push(`${comment([`Every item of \`${o.name}\`, page after page, fetched lazily (stops after a page with no items, without \`pagination\` or whose \`hasNextPage\` is false).`], '  ')}  ${o.listAll}(${pathParams.map((x) => `${camelCase(x.name)}: string, `).join('')}${p}options?: RequestOptions): AsyncIterableIterator<${item}>;`);
    }
  }
  out.push(...paramsOut);
  out.push(`// --- operations ------------------------------------------------------------------------

/** Every operation of the StreamPay API (${ops.length}), as methods of \`StreamPayClient\`. */
export interface StreamPayOperations {
${methods.join('\n')}
}
`);

  // Request schemas as data: what a client checks before sending (required fields, types), with
  // the wire and JS names. Enum values are listed but open (the API grows).
  const fieldKind = (node) => {
    const k = {};
    const n = node.$ref ? schemaOf(refName(node.$ref)) : node;
    if (node.$ref && isEnum(n)) Object.assign(k, { type: 'enum', enumName: refName(node.$ref), enum: n.enum });
    else if (node.$ref) Object.assign(k, { type: 'object', schema: refName(node.$ref) });
    else if (isAmountAnyOf(node)) k.type = 'decimal';
    else if (node.anyOf) fail(`request field with a non-amount anyOf: ${JSON.stringify(node).slice(0, 80)}`);
    else if (node.enum) Object.assign(k, { type: 'enum', enum: node.enum });
    else if (node.type === 'array') Object.assign(k, { type: 'array', items: fieldKind(node.items) });
    else if (node.type === 'object') k.type = 'map';
    else k.type = node.type ?? 'unknown';
    const src = node.anyOf ? node.anyOf.find((m) => m.type === 'number') ?? {} : node;
    for (const c of ['format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'exclusiveMinimum']) if (src[c] !== undefined || node[c] !== undefined) k[c] = node[c] ?? src[c];
    if (node.nullable === true || node.anyOf?.some((m) => m.type === 'null')) k.nullable = true;
    return k;
  };
  const requestSchemas = {};
  for (const n of sorted(requestSide)) {
    const sch = schemaOf(n);
    if (!isObject(sch)) continue;
    const required = new Set(sch.required ?? []);
    requestSchemas[n] = {
      typeName: typeName(n, 'request'),
      fields: Object.entries(sch.properties).map(([name, node]) => ({ name, jsName: camelCase(name), required: required.has(name), ...fieldKind(node) })),
    };
  }

  const opsJson = {
    generatedBy: 'codegen/gen-types.mjs',
    source: 'src/api/streampay-openapi.json',
    title: spec.info?.title ?? null,
    version: spec.info?.version ?? null,
    count: operations.length,
    unusedSchemas: unused,
    operations,
    requestSchemas,
  };
  return {
    types: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`,
    operations: `${JSON.stringify(opsJson, null, 2)}\n`,
    ...generateRust(spec, operations, RENAMES, amounts),
    amountNames: amountNamesRust(amounts),
    ...generateJs(jsMethods),
    ...generateProtocol(),
  };
}

function main() {
  const check = process.argv.includes('--check');
  let result;
  try {
    result = generate(JSON.parse(readFileSync(SPEC_PATH, 'utf8')));
  } catch (err) {
    if (!(err instanceof GenError)) throw err;
    console.error(`gen-types: ${err.message}`);
    process.exit(2);
  }
  const files = [
    [TYPES_PATH, result.types],
    [OPS_PATH, result.operations],
    [OUT('src/models/streampay/generated.rs'), result.shapes],
    [OUT('src/api/streampay/operations.rs'), result.streampay],
    [OUT('src/api/gateway/operations.rs'), result.gateway],
    [OUT('pkg/src/operations/gateway.js'), result.gatewayJs],
    [OUT('pkg/src/operations/gateway-full.js'), result.gatewayFullJs],
    [OUT('pkg/src/operations/streampay.js'), result.streampayJs],
    [OUT('src/protocol.rs'), result.protocolRs],
    [OUT('src/json/amount_names.rs'), result.amountNames],
    [OUT('pkg/src/protocol.js'), result.protocolJs],
  ];
  if (check) {
    const stale = files.filter(([path, text]) => {
      try {
        return readFileSync(path, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [path] of stale) console.error(`gen-types: ${relative(ROOT, path)} is stale: run node codegen/gen-types.mjs`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relative(ROOT, path)} (${text.length} bytes)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
