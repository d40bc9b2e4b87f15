// StreamPay v2: list, get, mark-paid, refund. Every route needs x-api-key; bad input gets
// pydantic-shaped 422s, domain failures { code, message, additional_info }.
import { createRouter } from './router.mjs';
import { detail, v2Error, validationError } from './http.mjs';
import { JsonNumber, parseJsonExact } from './json-exact.mjs';
import { checkBody, isUuid, parseQuery } from './openapi-checks.mjs';
import { MARK_PAID_METHODS, SORT_FIELDS } from './streampay-data.mjs';

const expected = (list) => list.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');
const enumError = (loc, list, input) => detail(loc, 'enum', `Input should be ${expected(list)}`, input, { expected: expected(list) });

/** x-api-key check; null when fine. */
export function checkApiKey(state, headers) {
  const key = headers['x-api-key'];
  if (key == null || key === '') return v2Error(401, 'UNAUTHORIZED', 'Missing API key: send x-api-key with base64("api-key:api-secret")');
  if (key !== state.apiKeyHeader) return v2Error(401, 'UNAUTHORIZED', 'Invalid API key');
  return null;
}

// The query is checked against the description like every other list; the store wants its own keys.
function parseListQuery(query) {
  const { q: wire, problems } = parseQuery('GET', '/api/v2/payments', query);
  const q = { page: wire.page, limit: wire.limit, search: wire.search_term || null, fromMs: wire.from_date ?? null, toMs: wire.to_date ?? null };
  if (wire.statuses) q.statuses = new Set(wire.statuses);
  if (wire.invoice_id) q.invoiceIds = new Set(wire.invoice_id.map((s) => s.toLowerCase()));
  // The description types both as free strings; the API refuses what it cannot sort by.
  if (wire.sort_field != null) {
    if (SORT_FIELDS.includes(wire.sort_field)) q.sortField = wire.sort_field;
    else problems.push(enumError(['query', 'sort_field'], SORT_FIELDS, wire.sort_field));
  }
  if (wire.sort_direction != null) q.sortDirection = wire.sort_direction;
  return problems.length ? { error: validationError(problems) } : { q };
}

function badId(id) {
  return isUuid(id) ? null : validationError([detail(['path', 'payment_id'], 'uuid_parsing', 'Input should be a valid UUID', id)]);
}

/** JSON object body -> { value } | { error }, with pydantic's messages. */
export function jsonObjectBody(text) {
  const parsed = parseJsonExact(text || '');
  if (parsed.error) return { error: validationError([detail(['body', 0], 'json_invalid', 'JSON decode error', {}, { error: parsed.error })]) };
  const v = parsed.value;
  if (!v || typeof v !== 'object' || Array.isArray(v) || v instanceof JsonNumber) {
    return { error: validationError([detail(['body'], 'model_attributes_type', 'Input should be a valid dictionary or object to extract fields from', v)]) };
  }
  return { value: v };
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
      const problems = checkBody('POST', '/api/v2/payments/{payment_id}/mark-paid', value);
      // The description's prose: automated methods (MADA, VISA, ...) cannot be marked as paid.
      if (!problems.length && !MARK_PAID_METHODS.includes(value.payment_method)) problems.push(enumError(['body', 'payment_method'], MARK_PAID_METHODS, value.payment_method));
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
      const problems = checkBody('POST', '/api/v2/payments/{payment_id}/refund', value);
      if (problems.length) return validationError(problems);
      return domain(state.streampay.refund(params.id.toLowerCase(), value));
    });
}
