// StreamPay v2: list, get, mark-paid, refund. Every route needs x-api-key; bad input gets
// pydantic-shaped 422s, domain failures { code, message, additional_info }.
import { createRouter } from './router.mjs';
import { detail, parseJson, v2Error, validationError } from './http.mjs';
import { MARK_PAID_METHODS, REFUND_REASONS, SORT_FIELDS, STATUSES } from './streampay-data.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT = /^[+-]?\d+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const expected = (list) => list.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');
const enumError = (loc, list, input) => detail(loc, 'enum', `Input should be ${expected(list)}`, input, { expected: expected(list) });

/** x-api-key check; null when fine. */
export function checkApiKey(state, headers) {
  const key = headers['x-api-key'];
  if (key == null || key === '') return v2Error(401, 'UNAUTHORIZED', 'Missing API key: send x-api-key with base64("api-key:api-secret")');
  if (key !== state.apiKeyHeader) return v2Error(401, 'UNAUTHORIZED', 'Invalid API key');
  return null;
}

function intParam(query, name, { min, max, fallback }, problems) {
  const raw = query.get(name);
  if (raw == null || raw === '') return fallback;
  if (!INT.test(raw)) {
    problems.push(detail(['query', name], 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', raw));
    return fallback;
  }
  const n = Number(raw);
  if (n < min) problems.push(detail(['query', name], 'greater_than_equal', `Input should be greater than or equal to ${min}`, raw, { ge: min }));
  else if (max != null && n > max) problems.push(detail(['query', name], 'less_than_equal', `Input should be less than or equal to ${max}`, raw, { le: max }));
  return n;
}

function dateParam(query, name, problems) {
  const raw = query.get(name);
  if (raw == null || raw === '') return null;
  const ms = DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) problems.push(detail(['query', name], 'datetime_from_date_parsing', 'Input should be a valid datetime or date', raw));
  return ms;
}

function parseListQuery(query) {
  const problems = [];
  const q = {
    page: intParam(query, 'page', { min: 1, fallback: 1 }, problems),
    limit: intParam(query, 'limit', { min: 1, max: 100, fallback: 10 }, problems),
    search: query.get('search_term') || null,
    fromMs: dateParam(query, 'from_date', problems),
    toMs: dateParam(query, 'to_date', problems),
  };
  const statuses = query.getAll('statuses');
  statuses.forEach((s, i) => STATUSES.includes(s) || problems.push(enumError(['query', 'statuses', i], STATUSES, s)));
  if (statuses.length) q.statuses = new Set(statuses);
  const invoices = query.getAll('invoice_id');
  invoices.forEach((s, i) => UUID.test(s) || problems.push(detail(['query', 'invoice_id', i], 'uuid_parsing', 'Input should be a valid UUID', s)));
  if (invoices.length) q.invoiceIds = new Set(invoices.map((s) => s.toLowerCase()));
  const sortField = query.get('sort_field');
  if (sortField) {
    if (SORT_FIELDS.includes(sortField)) q.sortField = sortField;
    else problems.push(enumError(['query', 'sort_field'], SORT_FIELDS, sortField));
  }
  const dir = query.get('sort_direction');
  if (dir) {
    if (dir === 'asc' || dir === 'desc') q.sortDirection = dir;
    else problems.push(enumError(['query', 'sort_direction'], ['asc', 'desc'], dir));
  }
  return problems.length ? { error: validationError(problems) } : { q };
}

function badId(id) {
  return UUID.test(id) ? null : validationError([detail(['path', 'payment_id'], 'uuid_parsing', 'Input should be a valid UUID', id)]);
}

/** JSON object body -> { value } | { error }, with pydantic's messages. */
export function jsonObjectBody(text) {
  const parsed = parseJson(text || '');
  if (parsed.error) return { error: validationError([detail(['body', 0], 'json_invalid', 'JSON decode error', {}, { error: parsed.error })]) };
  const v = parsed.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return { error: validationError([detail(['body'], 'model_attributes_type', 'Input should be a valid dictionary or object to extract fields from', v)]) };
  }
  return { value: v };
}

function requiredEnum(body, name, list, problems) {
  const v = body[name];
  if (v == null) problems.push(detail(['body', name], 'missing', 'Field required', body));
  else if (typeof v !== 'string') problems.push(detail(['body', name], 'string_type', 'Input should be a valid string', v));
  else if (!list.includes(v)) problems.push(enumError(['body', name], list, v));
}

function optionalType(body, name, type, problems) {
  const v = body[name];
  if (v == null || typeof v === type) return;
  if (type === 'string') problems.push(detail(['body', name], 'string_type', 'Input should be a valid string', v));
  else problems.push(detail(['body', name], 'bool_type', 'Input should be a valid boolean', v));
}

function domain(outcome) {
  return outcome.error ?? { status: 200, body: outcome.payment };
}

export function createStreamPayRouter() {
  return createRouter()
    .add('GET', '/api/v2/payments', ({ state, query }) => {
      const { q, error } = parseListQuery(query);
      return error ?? { status: 200, body: state.streampay.list(q) };
    })
    .add('GET', '/api/v2/payments/:id', ({ state, params }) => {
      const bad = badId(params.id);
      if (bad) return bad;
      const rec = state.streampay.poll(params.id.toLowerCase());
      if (!rec) return v2Error(404, 'PAYMENT_NOT_FOUND', `Payment ${params.id} was not found`);
      return rec.raw ? { status: 200, raw: rec.raw } : { status: 200, body: rec.p };
    })
    .add('POST', '/api/v2/payments/:id/mark-paid', ({ state, params, body }) => {
      const bad = badId(params.id);
      if (bad) return bad;
      const { value, error } = jsonObjectBody(body);
      if (error) return error;
      const problems = [];
      requiredEnum(value, 'payment_method', MARK_PAID_METHODS, problems);
      optionalType(value, 'note', 'string', problems);
      if (problems.length) return validationError(problems);
      // The API answers {} here, not the payment (issue 12).
      const outcome = state.streampay.markPaid(params.id.toLowerCase(), value);
      return outcome.error ?? { status: 200, body: {} };
    })
    .add('POST', '/api/v2/payments/:id/refund', ({ state, params, body }) => {
      const bad = badId(params.id);
      if (bad) return bad;
      const { value, error } = jsonObjectBody(body);
      if (error) return error;
      const problems = [];
      requiredEnum(value, 'refund_reason', REFUND_REASONS, problems);
      optionalType(value, 'refund_note', 'string', problems);
      optionalType(value, 'allow_refund_multiple_related_payments', 'boolean', problems);
      if (problems.length) return validationError(problems);
      return domain(state.streampay.refund(params.id.toLowerCase(), value));
    });
}
