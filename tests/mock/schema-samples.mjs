// Random valid instances of the StreamPay description's schemas, for decode tests: long decimal
// strings (signs, leading zeros, many digits), integers past 2^53 (as BigInt, written as bare JSON
// numbers by http.mjs), nulls where allowed, snake_case keys at every depth, and optionally fields
// and enum values the description does not list. Deterministic per seed.
//   const body = sampleOf('PaymentLinkDetailed', { seed: 7, extraFields: true });
//   mock.state.addFault({ path: `/api/v2/payment_links/${id}`, status: 200, body }); // served as is
import { createRandom } from '../../pkg/mock/random.mjs';
import { openapi } from '../../pkg/mock/openapi-checks.mjs';

const REF = '#/components/schemas/';
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'riyadh', 'jeddah', 'dammam'];

/**
 * A random valid value of the named component schema. Options: seed (1), extraFields (false: add
 * snake_case fields the schema does not declare, nested too), unknownEnums (false: sometimes an enum
 * value the description does not list), maxItems (3).
 */
export function sampleOf(name, { seed = 1, extraFields = false, unknownEnums = false, maxItems = 3 } = {}) {
  const r = createRandom(seed);
  const schemas = openapi().components.schemas;
  if (!schemas[name]) throw new TypeError(`no schema ${name} in the description`);
  const opts = { extraFields, unknownEnums, maxItems };
  return sample({ $ref: `${REF}${name}` }, r, opts, 0);
}

function sample(node, r, opts, depth) {
  let s = node;
  if (node.$ref) s = { ...openapi().components.schemas[node.$ref.slice(REF.length)], nullable: node.nullable };
  if (s.nullable && r.chance(0.2)) return null;
  if (s.anyOf) {
    const members = s.anyOf.filter((m) => m.type !== 'null');
    if (members.length < s.anyOf.length && r.chance(0.2)) return null;
    const decimal = members.find((m) => m.type === 'string' && m.pattern);
    return sample(decimal ?? r.pick(members), r, opts, depth);
  }
  if (s.enum) return opts.unknownEnums && r.chance(0.15) ? `NEW_${r.base62(6).toUpperCase()}` : r.pick(s.enum);
  switch (s.type) {
    case 'string':
      return string(s, r);
    case 'integer':
      return integer(s, r);
    case 'number':
      return r.int(0, 1_000_000) / 100;
    case 'boolean':
      return r.chance(0.5);
    case 'array': {
      const min = s.minItems ?? 0;
      const n = depth > 4 ? min : r.int(min, Math.max(min, Math.min(s.maxItems ?? opts.maxItems, opts.maxItems)));
      return Array.from({ length: n }, () => sample(s.items, r, opts, depth + 1));
    }
    case 'object':
      return object(s, r, opts, depth);
    default:
      return json(r, depth);
  }
}

function object(s, r, opts, depth) {
  const out = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    if (depth > 5 && v.$ref && !v.nullable) continue; // keeps recursive shapes finite
    if (depth > 5 && v.$ref) out[k] = null;
    else out[k] = sample(v, r, opts, depth + 1);
  }
  if (!s.properties && s.additionalProperties) {
    const each = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
    for (let i = r.int(0, 3); i > 0; i--) out[`${r.pick(WORDS)}_${r.pick(WORDS)}_${i}`] = sample(each, r, opts, depth + 1);
  }
  if (opts.extraFields && r.chance(0.5)) out[`undocumented_${r.pick(WORDS)}`] = { nested_snake_key: r.chance(0.5) ? sample({ type: 'integer' }, r, opts, depth) : [{ deep_key_name: 'x' }] };
  return out;
}

function string(s, r) {
  if (s.format === 'uuid' || s.format === 'uuid4') return r.uuid();
  if (s.format === 'date-time') return new Date(Date.UTC(2020 + r.int(0, 8), r.int(0, 11), r.int(1, 28), r.int(0, 23), r.int(0, 59), r.int(0, 59))).toISOString();
  if (s.format === 'email') return `${r.pick(WORDS)}.${r.int(1, 999)}@example.sa`;
  if (s.format === 'uri') return `https://example.sa/${r.pick(WORDS)}/${r.int(1, 9999)}`;
  if (s.format === 'phone') return `+9665${String(r.int(10_000_000, 99_999_999))}`;
  if (s.pattern) return decimal(r);
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Math.max(min, 24);
  let text = `${r.pick(WORDS)} ${r.base62(r.int(1, 12))}`;
  while (text.length < min) text += r.base62(4);
  return text.slice(0, max).padEnd(min, 'x');
}

/** Decimal texts the description's pattern allows, many of them past what a float keeps exactly. */
function decimal(r) {
  const digits = (n) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  switch (r.int(0, 5)) {
    case 0:
      return `${r.int(0, 9999)}.${digits(2)}`;
    case 1:
      return `${r.int(0, 99)}.${digits(3)}`;
    case 2:
      return `${r.int(1, 9)}${digits(r.int(15, 30))}.${digits(r.int(1, 20))}`;
    case 3:
      return `00${r.int(0, 999)}.${digits(2)}0`;
    case 4:
      return `-${r.int(0, 999)}.${digits(2)}`;
    default:
      return String(r.int(0, 100_000));
  }
}

function integer(s, r) {
  const min = s.minimum ?? (s.exclusiveMinimum != null ? s.exclusiveMinimum + 1 : 0);
  if (r.chance(0.15)) return BigInt(Number.MAX_SAFE_INTEGER) + BigInt(r.int(1, 1_000_000)) * 10n ** BigInt(r.int(0, 8));
  return min + r.int(0, 100_000);
}

function json(r, depth) {
  switch (depth > 3 ? r.int(0, 2) : r.int(0, 4)) {
    case 0:
      return r.pick(WORDS);
    case 1:
      return r.int(-1000, 1000);
    case 2:
      return r.chance(0.5);
    case 3:
      return [json(r, depth + 1), json(r, depth + 1)];
    default:
      return { [`${r.pick(WORDS)}_key`]: json(r, depth + 1) };
  }
}
