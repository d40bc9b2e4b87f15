// Ajv (JSON Schema 2020-12, what OpenAPI 3.1 uses) over the StreamPay description's schemas, for
// the mock's tests. The description still writes OpenAPI 3.0's `nullable: true`, which 2020-12 does
// not know: it becomes `anyOf [schema, null]` here. `validateComplete` also requires every declared
// property, so a mock answer cannot pass by leaving fields out.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openapi } from '../../pkg/mock/openapi-checks.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('../node_modules/ajv/dist/2020.js');
const addFormats = require('../node_modules/ajv-formats/dist/index.js');

function convert(node, { complete }) {
  if (Array.isArray(node)) return node.map((n) => convert(n, { complete }));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable') continue;
    if (k === '$ref') {
      out.$ref = v.replace('#/components/schemas/', '#/$defs/');
      continue;
    }
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s, { complete })])) : convert(v, { complete });
  }
  if (complete && out.type === 'object' && out.properties) out.required = Object.keys(out.properties);
  if (node.nullable === true) {
    const { description, title, default: dflt, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }], ...(description && { description }), ...(title && { title }), ...(dflt !== undefined && { default: dflt }) };
  }
  return out;
}

export function streamPayAjv() {
  const make = (complete) => {
    const ajv = new (Ajv2020.default ?? Ajv2020)({ strict: true, allErrors: true, strictRequired: false });
    (addFormats.default ?? addFormats)(ajv);
    ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    ajv.addFormat('phone', /^\+?[0-9 ()-]{5,20}$/);
    ajv.addSchema({ $id: 'streampay', $defs: Object.fromEntries(Object.entries(openapi().components.schemas).map(([n, sch]) => [n, convert(sch, { complete })])) });
    return (name, value, what) => {
      const check = ajv.getSchema(`streampay#/$defs/${name}`);
      assert.ok(check, `schema ${name}`);
      if (!check(value)) assert.fail(`${what}: not a valid ${name}${complete ? ' (every field)' : ''}: ${ajv.errorsText(check.errors.slice(0, 5))}`);
    };
  };
  return { validate: make(false), validateComplete: make(true) };
}
