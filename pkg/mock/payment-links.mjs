// StreamPay v2 payment links: POST/GET /api/v2/payment_links, GET /api/v2/payment_links/:id,
// PATCH /api/v2/payment_links/:id/status, plus their control routes and a stand-in link page.
// The public docs give only the endpoints, a public `url` and a `status` of INACTIVE, ACTIVE or
// COMPLETED, so the mock requires a non-empty string `name` and echoes every other field as sent.
import { randomUUID } from 'node:crypto';
import { detail, v2Error, validationError } from './http.mjs';
import { NotFoundError } from './errors.mjs';
import { jsonObjectBody } from './streampay-routes.mjs';

export const LINK_STATUSES = Object.freeze(['INACTIVE', 'ACTIVE', 'COMPLETED']);

const expected = (list) => list.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');
const enumError = (loc, input) => detail(loc, 'enum', `Input should be ${expected(LINK_STATUSES)}`, input, { expected: expected(LINK_STATUSES) });
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class PaymentLinkStore {
  /** baseUrl: () => the mock's URL (known only once it listens). */
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.links = new Map();
  }

  clear() {
    this.links.clear();
  }

  /** A link from a wire body (snake_case); `name` is not checked here. */
  create(fields = {}) {
    const id = randomUUID();
    const link = {
      ...fields,
      id,
      url: `${this.baseUrl()}/links/${id}`,
      status: 'ACTIVE',
      created_at: new Date().toISOString(),
    };
    this.links.set(id, link);
    return link;
  }

  get(id) {
    return this.links.get(String(id).toLowerCase()) ?? null;
  }

  setStatus(id, status) {
    const link = this.get(id);
    if (!link) throw new NotFoundError(`no payment link ${id}`);
    if (!LINK_STATUSES.includes(status)) throw new TypeError(`status must be one of ${LINK_STATUSES.join(', ')}`);
    link.status = status;
    link.updated_at = new Date().toISOString();
    return link;
  }

  /** Newest first; q = { page, limit, statuses?: Set }. */
  list({ page, limit, statuses }) {
    const rows = [...this.links.values()].reverse().filter((l) => !statuses || statuses.has(l.status));
    const maxPage = Math.ceil(rows.length / limit);
    return {
      data: rows.slice((page - 1) * limit, page * limit),
      pagination: {
        total_count: rows.length,
        max_page: maxPage,
        current_page: page,
        limit,
        has_next_page: page < maxPage,
        has_previous_page: page > 1,
      },
    };
  }
}

function intParam(query, name, { min, max, fallback }, problems) {
  const raw = query.get(name);
  if (raw == null || raw === '') return fallback;
  const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(n)) problems.push(detail(['query', name], 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', raw));
  else if (n < min) problems.push(detail(['query', name], 'greater_than_equal', `Input should be greater than or equal to ${min}`, raw, { ge: min }));
  else if (max != null && n > max) problems.push(detail(['query', name], 'less_than_equal', `Input should be less than or equal to ${max}`, raw, { le: max }));
  return Number.isNaN(n) ? fallback : n;
}


function nameProblem(body) {
  const name = body.name;
  if (name == null) return detail(['body', 'name'], 'missing', 'Field required', body);
  if (typeof name !== 'string') return detail(['body', 'name'], 'string_type', 'Input should be a valid string', name);
  if (name.trim() === '') return detail(['body', 'name'], 'string_too_short', 'String should have at least 1 character', name, { min_length: 1 });
  return null;
}

const notFound = (id) => v2Error(404, 'PAYMENT_LINK_NOT_FOUND', `Payment link ${id} was not found`);

/** Adds the payment-link routes to the mock's routers ({ v2, control, static }). */
export function withPaymentLinks(routers) {
  routers.v2
    .add('POST', '/api/v2/payment_links', ({ state, body }) => {
      const { value, error } = jsonObjectBody(body);
      if (error) return error;
      const problem = nameProblem(value);
      if (problem) return validationError([problem]);
      return { status: 200, body: state.paymentLinks.create(value) };
    })
    .add('GET', '/api/v2/payment_links', ({ state, query }) => {
      const problems = [];
      const page = intParam(query, 'page', { min: 1, fallback: 1 }, problems);
      const limit = intParam(query, 'limit', { min: 1, max: 100, fallback: 10 }, problems);
      const statuses = query.getAll('statuses');
      statuses.forEach((s, i) => LINK_STATUSES.includes(s) || problems.push(enumError(['query', 'statuses', i], s)));
      if (problems.length) return validationError(problems);
      return { status: 200, body: state.paymentLinks.list({ page, limit, statuses: statuses.length ? new Set(statuses) : null }) };
    })
    .add('PATCH', '/api/v2/payment_links/:id/status', ({ state, params, body }) => {
      const { value, error } = jsonObjectBody(body);
      if (error) return error;
      if (value.status == null) return validationError([detail(['body', 'status'], 'missing', 'Field required', value)]);
      if (!LINK_STATUSES.includes(value.status)) return validationError([enumError(['body', 'status'], value.status)]);
      if (!state.paymentLinks.get(params.id)) return notFound(params.id);
      return { status: 200, body: state.paymentLinks.setStatus(params.id, value.status) };
    });

  const json = (text) => (text ? JSON.parse(text) : {});
  routers.control
    .add('POST', '/__mock/streampay/payment-links', ({ state, body }) => ({ status: 200, body: state.createPaymentLink(json(body)) }))
    .add('GET', '/__mock/streampay/payment-links/:id', ({ state, params }) => {
      const link = state.paymentLink(params.id);
      if (!link) throw new NotFoundError(`no payment link ${params.id}`);
      return { status: 200, body: link };
    });

  routers.static.add('GET', '/links/:id', ({ state, params }) => {
    const link = state.paymentLink(params.id);
    if (!link) return { status: 404, text: 'Unknown payment link', contentType: 'text/plain; charset=utf-8' };
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mock payment link</title></head><body>
<h1>Mock payment link</h1><p>${escapeHtml(link.name ?? '')} (${escapeHtml(link.status)})</p>
<p>This page stands in for StreamPay's public link page; nothing can be paid here.</p></body></html>`;
    return { status: 200, text: html, contentType: 'text/html; charset=utf-8' };
  });
  return routers;
}
