// Request checks driven by the StreamPay OpenAPI description kept in the repository: JSON bodies
// against the description's component schemas, and list queries against an operation's parameters,
// both answering with pydantic-shaped 422 `detail` entries, as the API does.
import { existsSync, readFileSync } from 'node:fs';
import { detail } from './http.mjs';
import { JsonNumber, isNumeric, plainDecimal } from './json-exact.mjs';

// A copy beside this file (a packaged mock), else the repository's: tests/mock/ and pkg/mock/ are
// both two levels under the root.
const SPEC_URLS = [new URL('./streampay-openapi.json', import.meta.url), new URL('../../src/api/streampay-openapi.json', import.meta.url)];
let spec = null;
export function openapi() {
  if (spec) return spec;
  const url = SPEC_URLS.find((u) => existsSync(u)) ?? SPEC_URLS.at(-1);
  return (spec = JSON.parse(readFileSync(url, 'utf8')));
}

const REF = '#/components/schemas/';
export const schemaNamed = (name) => openapi().components.schemas[name] ?? null;
const resolve = (node) => (node?.$ref ? { ...schemaNamed(node.$ref.slice(REF.length)), ...withoutRef(node) } : node);
function withoutRef(node) {
  const { $ref: _r, description: _d, ...rest } = node;
  return rest;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const INT = /^[+-]?\d+$/;
const isPlainObject = (v) => v != null && typeof v === 'object' && !Array.isArray(v);
const expected = (list) => list.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');
export const isUuid = (s) => typeof s === 'string' && UUID.test(s);
export const isDateTime = (s) => typeof s === 'string' && DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
// JSON Schema counts a string's length in code points (an emoji is one), as pydantic does.
const codePoints = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const patterns = new Map();
const matches = (pattern, s) => {
  if (!patterns.has(pattern)) patterns.set(pattern, new RegExp(pattern, 'u'));
  return patterns.get(pattern).test(s);
};
const isInteger = (v) => Number.isInteger(v) || (v instanceof JsonNumber && v.integer);

/**
 * Problems of `value` against `node` (a schema or a $ref), pushed onto `out` as pydantic details.
 * `complete` (for tests of the mock's answers) requires every declared property of every object.
 */
export function checkValue(node, value, loc, out, complete = false) {
  const s = resolve(node);
  if (!s || Object.keys(s).length === 0) return;
  if (value === null) {
    if (s.nullable || s.anyOf?.some((m) => m.type === 'null') || s.type === 'null') return;
  }
  if (s.anyOf) {
    const members = s.anyOf.filter((m) => m.type !== 'null');
    const decimal = members.find((m) => m.type === 'string' && m.pattern);
    if (decimal) return checkDecimal(members, decimal, value, loc, out);
    for (const m of members) {
      const probe = [];
      checkValue(m, value, loc, probe, complete);
      if (probe.length === 0) return;
    }
    out.push(detail(loc, 'union_type', 'Input does not match any of the allowed types', value));
    return;
  }
  if (s.enum) {
    if (!s.enum.includes(value)) out.push(detail(loc, 'enum', `Input should be ${expected(s.enum)}`, value, { expected: expected(s.enum) }));
    return;
  }
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') return void out.push(detail(loc, 'string_type', 'Input should be a valid string', value));
      if (s.minLength != null && codePoints(value) < s.minLength) return void out.push(detail(loc, 'string_too_short', `String should have at least ${s.minLength} character${s.minLength === 1 ? '' : 's'}`, value, { min_length: s.minLength }));
      if (s.maxLength != null && codePoints(value) > s.maxLength) return void out.push(detail(loc, 'string_too_long', `String should have at most ${s.maxLength} characters`, value, { max_length: s.maxLength }));
      if (s.pattern != null && !matches(s.pattern, value)) return void out.push(detail(loc, 'string_pattern_mismatch', `String should match pattern '${s.pattern}'`, value, { pattern: s.pattern }));
      if ((s.format === 'uuid' || s.format === 'uuid4') && !isUuid(value)) return void out.push(detail(loc, 'uuid_parsing', 'Input should be a valid UUID', value));
      if (s.format === 'date-time' && !isDateTime(value)) return void out.push(detail(loc, 'datetime_from_date_parsing', 'Input should be a valid datetime or date', value));
      if (s.format === 'uri' && !/^https?:\/\/[^\s]+$/.test(value)) return void out.push(detail(loc, 'url_parsing', 'Input should be a valid URL', value));
      if (s.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) out.push(detail(loc, 'value_error', 'value is not a valid email address', value));
      return;
    case 'integer':
      if (!isInteger(value)) return void out.push(detail(loc, 'int_type', 'Input should be a valid integer', value));
      return checkBounds(s, value, loc, out);
    case 'number':
      if (!isNumeric(value)) return void out.push(detail(loc, 'float_type', 'Input should be a valid number', value));
      return checkBounds(s, value, loc, out);
    case 'boolean':
      if (typeof value !== 'boolean') out.push(detail(loc, 'bool_type', 'Input should be a valid boolean', value));
      return;
    case 'array':
      if (!Array.isArray(value)) return void out.push(detail(loc, 'list_type', 'Input should be a valid list', value));
      if (s.minItems != null && value.length < s.minItems) return void out.push(detail(loc, 'too_short', `List should have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'} after validation, not ${value.length}`, value, { field_type: 'List', min_length: s.minItems, actual_length: value.length }));
      if (s.maxItems != null && value.length > s.maxItems) return void out.push(detail(loc, 'too_long', `List should have at most ${s.maxItems} items after validation, not ${value.length}`, value, { field_type: 'List', max_length: s.maxItems, actual_length: value.length }));
      value.forEach((v, i) => checkValue(s.items, v, [...loc, i], out, complete));
      return;
    case 'object':
      if (!isPlainObject(value)) return void out.push(detail(loc, loc.length === 1 ? 'model_attributes_type' : 'dict_type', loc.length === 1 ? 'Input should be a valid dictionary or object to extract fields from' : 'Input should be a valid dictionary', value));
      for (const r of complete ? Object.keys(s.properties ?? {}) : s.required ?? []) if (value[r] === undefined) out.push(detail([...loc, r], 'missing', 'Field required', value));
      for (const [k, v] of Object.entries(value)) {
        if (s.properties?.[k]) checkValue(s.properties[k], v, [...loc, k], out, complete);
        else if (isPlainObject(s.additionalProperties)) checkValue(s.additionalProperties, v, [...loc, k], out, complete);
      }
      return;
    default:
      if (value === null && s.type) out.push(detail(loc, `${s.type}_type`, `Input should be a valid ${s.type}`, value));
  }
}

function checkBounds(s, value, loc, out) {
  if (s.maximum != null && value > s.maximum) out.push(detail(loc, 'less_than_equal', `Input should be less than or equal to ${s.maximum}`, value, { le: s.maximum }));
  else if (s.minimum != null && value < s.minimum) out.push(detail(loc, 'greater_than_equal', `Input should be greater than or equal to ${s.minimum}`, value, { ge: s.minimum }));
  else if (s.exclusiveMinimum != null && value <= s.exclusiveMinimum) out.push(detail(loc, 'greater_than', `Input should be greater than ${s.exclusiveMinimum}`, value, { gt: s.exclusiveMinimum }));
}

function checkDecimal(members, decimal, value, loc, out) {
  const num = members.find((m) => m.type === 'number');
  const ok = typeof value === 'string' ? matches(decimal.pattern, value) && /\d/.test(value) : isNumeric(value) && num != null;
  if (!ok) return void out.push(detail(loc, 'decimal_parsing', 'Input should be a valid decimal', value));
  const min = num?.minimum;
  if (min != null && Number(value) < min) out.push(detail(loc, 'greater_than_equal', `Input should be greater than or equal to ${min}`, value, { ge: min }));
}

/** The description's operation object for METHOD + templated path. */
export function operation(method, path) {
  const op = openapi().paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${path} in the description`);
  return op;
}

/** Body problems for the operation's JSON body schema (undefined body counts as missing). */
export function checkBody(method, path, value) {
  const ref = operation(method, path).requestBody?.content?.['application/json']?.schema;
  const out = [];
  if (ref) checkValue(ref, value, ['body'], out);
  return out;
}

/**
 * A query against the operation's declared parameters -> { q, problems }. q maps each wire name
 * to its parsed value: arrays for repeated keys, numbers, booleans, Date ms for date-times,
 * strings otherwise; `currencies` is split on commas. `limit` is capped at 100 as documented.
 */
export function parseQuery(method, path, query) {
  const params = (operation(method, path).parameters ?? []).filter((p) => p.in === 'query');
  const q = {};
  const problems = [];
  for (const p of params) {
    const s = resolve(p.schema ?? {});
    if (s.type === 'array') {
      const values = query.getAll(p.name);
      const item = resolve(s.items);
      values.forEach((raw, i) => checkScalar(item, raw, ['query', p.name, i], problems));
      if (values.length) q[p.name] = values;
      continue;
    }
    const raw = query.get(p.name);
    // An empty value (`?to_date=`) is a value, checked like any other: the API refuses most.
    if (raw == null) {
      if (s.default !== undefined) q[p.name] = s.default;
      continue;
    }
    const value = checkScalar(s, raw, ['query', p.name], problems);
    if (p.name === 'limit' && typeof value === 'number' && value > 100) {
      problems.push(detail(['query', 'limit'], 'less_than_equal', 'Input should be less than or equal to 100', raw, { le: 100 }));
    }
    if (p.name === 'sort_direction' && !['asc', 'desc'].includes(raw)) {
      problems.push(detail(['query', p.name], 'enum', "Input should be 'asc' or 'desc'", raw, { expected: "'asc' or 'desc'" }));
    }
    q[p.name] = p.name === 'currencies' ? raw.split(',').map((c) => c.trim()).filter(Boolean) : value;
  }
  return { q, problems };
}

function checkScalar(s, raw, loc, out) {
  if (s.anyOf) {
    const decimal = s.anyOf.find((m) => m.type === 'string' && m.pattern);
    if (!decimal) return raw;
    // The number member takes what the pattern does not: `1e3` is a decimal too.
    const number = s.anyOf.some((m) => m.type === 'number') && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? plainDecimal(raw) : null;
    if (number != null) return number;
    if (!(matches(decimal.pattern, raw) && /\d/.test(raw))) out.push(detail(loc, 'decimal_parsing', 'Input should be a valid decimal', raw));
    return raw;
  }
  if (s.enum) {
    if (!s.enum.includes(raw)) out.push(detail(loc, 'enum', `Input should be ${expected(s.enum)}`, raw, { expected: expected(s.enum) }));
    return raw;
  }
  if (s.type === 'integer') {
    if (!INT.test(raw)) {
      out.push(detail(loc, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', raw));
      return undefined;
    }
    const n = Number(raw);
    checkBounds(s, n, loc, out);
    return n;
  }
  if (s.type === 'boolean') {
    if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
    out.push(detail(loc, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', raw));
    return undefined;
  }
  if (s.format === 'date-time') {
    if (!isDateTime(raw)) out.push(detail(loc, 'datetime_from_date_parsing', 'Input should be a valid datetime or date', raw));
    return Date.parse(raw);
  }
  const problems = [];
  checkValue(s, raw, loc, problems);
  out.push(...problems);
  return raw;
}
