// The control API under /__mock/: the same scripting as the JS API (state.mjs), over HTTP, for
// browser tests and the demo page. JSON in, JSON out; CORS like every other route.
import { createRouter } from './router.mjs';
import { parseJson } from './http.mjs';
import { NotFoundError, StateError } from './errors.mjs';
import { GATEWAY_COMPLETED_ID, GATEWAY_EXPIRED_ID, streampayFixturePayments } from './fixtures.mjs';

const ok = (body) => ({ status: 200, body });
const numberOrNull = (v) => (v == null || v === '' ? undefined : Number(v));

function jsonBody(text) {
  if (!text) return {};
  const parsed = parseJson(text);
  if (parsed.error) throw new TypeError(`body is not JSON: ${parsed.error}`);
  return parsed.value ?? {};
}

export function createControlRouter() {
  const r = createRouter();
  const add = (method, pattern, fn) => r.add(method, pattern, (ctx) => fn({ ...ctx, json: () => jsonBody(ctx.body) }));

  add('GET', '/__mock/health', () => ok({ ok: true }));
  add('POST', '/__mock/reset', ({ state }) => ok(state.reset() && { ok: true }));
  add('GET', '/__mock/state', ({ state }) => ok({
    baseUrl: state.baseUrl,
    apiKeyHeader: state.apiKeyHeader,
    demoIds: state.demoIds,
    gatewayFixtureIds: { completed: GATEWAY_COMPLETED_ID, expired: GATEWAY_EXPIRED_ID },
    streampayFixtureIds: streampayFixturePayments().map((f) => f.value.id),
    gatewayPayments: state.gateway.records.size,
    streampayPayments: state.streampay.records.size,
    options: state.configure(),
  }));
  add('POST', '/__mock/config', ({ state, json }) => ok(state.configure(json())));

  // request log and counters
  add('GET', '/__mock/log', ({ state, query }) => {
    const filter = {};
    for (const k of ['path', 'pathPrefix', 'method', 'paymentId']) if (query.get(k)) filter[k] = query.get(k);
    filter.since = numberOrNull(query.get('since'));
    filter.limit = numberOrNull(query.get('limit'));
    return ok({ entries: state.requests(filter), dropped: state.log.dropped });
  });
  const clearLog = ({ state }) => ok(state.clearRequests() ?? { ok: true });
  add('DELETE', '/__mock/log', clearLog);
  add('POST', '/__mock/log/clear', clearLog);
  add('GET', '/__mock/stats', ({ state }) => ok(state.stats()));
  add('POST', '/__mock/stats/reset', ({ state }) => ok(state.resetStats() ?? state.stats()));

  // faults
  add('GET', '/__mock/faults', ({ state }) => ok({ faults: state.listFaults() }));
  add('POST', '/__mock/faults', ({ state, json }) => {
    const spec = json();
    const ids = (Array.isArray(spec) ? spec : [spec]).map((s) => state.addFault(s));
    return ok({ ids });
  });
  const clearFaults = ({ state }) => ok(state.clearFaults() ?? { ok: true });
  add('DELETE', '/__mock/faults', clearFaults);
  add('POST', '/__mock/faults/clear', clearFaults);
  add('DELETE', '/__mock/faults/:id', ({ state, params }) => {
    if (!state.removeFault(Number(params.id))) throw new NotFoundError(`no fault rule ${params.id}`);
    return ok({ ok: true });
  });

  // gateway payments
  add('POST', '/__mock/gateway/payments', ({ state, json }) => ok(state.createGatewayPayment(json())));
  add('POST', '/__mock/gateway/payments/bulk', ({ state, json }) => {
    const { count, ...opts } = json();
    if (!(Number.isInteger(count) && count > 0 && count <= 100_000)) throw new TypeError('count must be an integer in 1..100000');
    return ok({ ids: state.createGatewayPayments(count, opts) });
  });
  add('GET', '/__mock/gateway/payments/:id', ({ state, params }) => {
    const found = state.gatewayPayment(params.id);
    if (!found) throw new NotFoundError(`no gateway payment ${params.id}`);
    return ok(found);
  });
  add('POST', '/__mock/gateway/payments/:id/complete', ({ state, params, json }) => ok(state.completeGatewayPayment(params.id, json())));
  add('POST', '/__mock/gateway/payments/:id/expire', ({ state, params }) => ok(state.expireGatewayPayment(params.id)));
  add('POST', '/__mock/gateway/payments/:id/forget', ({ state, params }) => ok(state.forgetGatewayPayment(params.id)));
  add('POST', '/__mock/gateway/payments/:id/lifecycle', ({ state, params, json }) => ok(state.setGatewayLifecycle(params.id, json())));

  // StreamPay payments
  add('POST', '/__mock/streampay/payments', ({ state, json }) => ok(state.createStreamPayPayment(json())));
  add('POST', '/__mock/streampay/payments/bulk', ({ state, json }) => {
    const { count, ...opts } = json();
    if (!(Number.isInteger(count) && count > 0 && count <= 100_000)) throw new TypeError('count must be an integer in 1..100000');
    return ok({ ids: state.createStreamPayPayments(count, opts) });
  });
  add('GET', '/__mock/streampay/groups', ({ state }) => ok({ groups: state.streamPayGroups() }));
  add('GET', '/__mock/streampay/payments/:id', ({ state, params }) => {
    const found = state.streamPayPayment(params.id);
    if (!found) throw new NotFoundError(`no StreamPay payment ${params.id}`);
    return ok(found);
  });
  add('POST', '/__mock/streampay/payments/:id/status', ({ state, params, json }) => {
    const { status, paymentMethod } = json();
    return ok(state.setStreamPayStatus(params.id, status, { paymentMethod }));
  });
  add('POST', '/__mock/streampay/payments/:id/lifecycle', ({ state, params, json }) => ok(state.setStreamPayLifecycle(params.id, json())));
  return r;
}

/** Store errors -> HTTP: unknown id 404, wrong state 409, bad input 400. */
export function controlError(err) {
  const status = Number.isInteger(err?.status) ? err.status : err instanceof NotFoundError ? 404 : err instanceof StateError ? 409 : err instanceof TypeError || err instanceof SyntaxError || err instanceof RangeError ? 400 : 500;
  return { status, body: { error: err.message } };
}
