// Crypto gateway v1: public status, payment page ("link") creation, manual payment creation.
import { createRouter } from './router.mjs';
import { parseDecimal } from './amounts.mjs';
import { parseJson, v1Error } from './http.mjs';
import { rfc3339 } from './gateway-data.mjs';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const AMOUNT_FIELDS = ['amount_usd', 'amount_eur', 'amount'];

/** A create body -> options for GatewayStore.create, or an error result. */
function parseCreateBody(text) {
  const parsed = parseJson(text || '');
  if (parsed.error) return { error: v1Error(400, `Request body is not valid JSON: ${parsed.error}`) };
  const b = parsed.value;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return { error: v1Error(422, 'Request body must be a JSON object') };
  const problems = [];
  if (typeof b.name !== 'string' || !b.name.trim()) problems.push('name is required');
  if (typeof b.return_url !== 'string' || !b.return_url.trim()) problems.push('return_url is required');
  if (b.description != null && typeof b.description !== 'string') problems.push('description must be a string');
  const given = AMOUNT_FIELDS.filter((k) => b[k] != null);
  let amount = null;
  if (given.length !== 1) problems.push('exactly one of amount_usd, amount_eur, amount is required');
  else {
    const field = given[0];
    const raw = b[field];
    const decimals = field === 'amount' ? 24 : 2;
    const units = typeof raw === 'string' || typeof raw === 'number' ? parseDecimal(String(raw), decimals) : null;
    if (units == null || units <= 0n) problems.push(`${field} must be a positive decimal with at most ${decimals} decimals`);
    else amount = { field, units };
  }
  if (problems.length) return { error: { status: 422, body: { error: 'validation_error', message: problems.join('; '), errors: problems } } };
  const opts = { name: b.name, description: b.description ?? '', returnUrl: b.return_url };
  if (amount.field === 'amount') opts.strmUnits = amount.units;
  else Object.assign(opts, { fiat: amount.field === 'amount_eur' ? 'eur' : 'usd', fiatCents: amount.units });
  return { opts };
}

export function createGatewayRouter() {
  return createRouter()
    .add('GET', '/api/v1/payment/:id', ({ state, params }) => {
      const found = ID.test(params.id) ? state.gateway.poll(params.id) : null;
      return found ?? v1Error(404, `Payment ${params.id} not found`);
    })
    .add('POST', '/api/v1/payment/:clientId/page', ({ state, params, body }) => {
      const { opts, error } = parseCreateBody(body);
      if (error) return error;
      const r = state.gateway.create({ ...opts, clientId: params.clientId });
      return { status: 200, body: { paymentID: r.id, expiryAt: rfc3339(r.expiryMs), url: `${state.baseUrl}/pay/${r.id}` } };
    })
    .add('POST', '/api/v1/payment/:clientId', ({ state, params, body }) => {
      if (params.clientId.startsWith('unapproved')) return v1Error(403, 'This shop is not approved to create payments manually');
      const { opts, error } = parseCreateBody(body);
      if (error) return error;
      const r = state.gateway.create({ ...opts, clientId: params.clientId });
      return { status: 200, body: state.gateway.render(r) };
    });
}
