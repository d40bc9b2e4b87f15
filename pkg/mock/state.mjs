// Everything the mock knows, and the JS API tests use to script it. The control HTTP API
// (control-routes.mjs) maps 1:1 onto these methods.
import { GatewayStore, DEMO_IDS } from './gateway-data.mjs';
import { StreamPayStore } from './streampay-data.mjs';
import { LINK_STATUSES, PaymentLinkStore } from './payment-links.mjs';
import { ResourceStore } from './streampay-resources-data.mjs';
import { FaultRegistry } from './faults.mjs';
import { RequestLog, RequestStats } from './request-log.mjs';

export class MockState {
  constructor({ apiKey, seed, paymentCount, logLimit = 10_000, finalizedStatusCode = 409, maxStallMs = 30_000 }) {
    this.options = { seed, paymentCount, logLimit, finalizedStatusCode, maxStallMs };
    /** The exact x-api-key value StreamPay routes accept: base64("key:secret"). */
    this.apiKeyHeader = Buffer.from(apiKey).toString('base64');
    this.demoIds = DEMO_IDS;
    this.baseUrl = '';
    this.seq = 0;
    this.gateway = new GatewayStore({ baseUrl: '', seed });
    this.streampay = new StreamPayStore({ seed, count: paymentCount, finalizedStatusCode });
    this.paymentLinks = new PaymentLinkStore(() => this.baseUrl);
    this.resources = new ResourceStore({ seed, baseUrl: () => this.baseUrl, payments: this.streampay });
    this.faults = new FaultRegistry(seed);
    this.log = new RequestLog(logLimit);
    this.counters = new RequestStats();
  }

  setBaseUrl(url) {
    this.baseUrl = url;
    this.gateway.baseUrl = url;
  }

  /** Back to the initial data: fixtures, generated payments, demo payments; no faults, empty log. */
  reset() {
    this.gateway.seed(Date.now());
    this.streampay.seed();
    this.paymentLinks.clear();
    this.resources.seed();
    this.faults.clear();
    this.log.clear();
    this.counters.reset();
    return this;
  }

  // --- gateway ------------------------------------------------------------------------------

  /** A pending payment, optionally with lifecycle { pendingPolls | pendingMs, then: 'completed'|'expired' }. */
  createGatewayPayment(opts = {}) {
    return this.gateway.render(this.gateway.create(opts));
  }

  /** n pending payments finishing at seeded random polls ({ pendingPolls: [a, b] }) or times ({ pendingMs: [a, b] }). */
  createGatewayPayments(count, opts = {}) {
    return this.gateway.createMany(count, opts);
  }

  completeGatewayPayment(id, opts = {}) {
    return this.gateway.render(this.gateway.complete(id, opts));
  }

  expireGatewayPayment(id) {
    return this.gateway.render(this.gateway.expire(id));
  }

  /** A pending payment the gateway no longer knows: `{ status: 'not_found' }`, no reason. */
  forgetGatewayPayment(id) {
    return this.gateway.render(this.gateway.forget(id));
  }

  setGatewayLifecycle(id, lifecycle) {
    return this.gateway.render(this.gateway.setLifecycle(id, lifecycle));
  }

  /** { polls, lifecycle, payment } without counting a poll; null if unknown. */
  gatewayPayment(id) {
    return this.gateway.describe(id);
  }

  // --- StreamPay ----------------------------------------------------------------------------

  createStreamPayPayment(opts = {}) {
    return this.streampay.create(opts).p;
  }

  createStreamPayPayments(count, opts = {}) {
    return this.streampay.createMany(count, opts);
  }

  setStreamPayStatus(id, status, opts = {}) {
    return this.streampay.setStatus(id, status, opts).p;
  }

  /** { pendingPolls | pendingMs, then = 'SUCCEEDED' }, counted on GET /api/v2/payments/:id. */
  setStreamPayLifecycle(id, lifecycle) {
    return this.streampay.setLifecycle(id, lifecycle).p;
  }

  streamPayPayment(id) {
    const rec = this.streampay.records.get(id);
    return rec ? { polls: rec.polls, lifecycle: rec.lifecycle, payment: rec.p, relatedPaymentIds: rec.group } : null;
  }

  /** The "paid together" groups: [{ payment_ids, currency }]. */
  streamPayGroups() {
    return this.streampay.groups();
  }

  /** A payment link from wire (snake_case) fields; `status` (default ACTIVE) is set afterwards. */
  createPaymentLink({ status = 'ACTIVE', ...fields } = {}) {
    if (!LINK_STATUSES.includes(status)) throw new TypeError(`status must be one of ${LINK_STATUSES.join(', ')}`);
    const link = this.paymentLinks.create({ name: 'Mock payment link', ...fields });
    return structuredClone(status === 'ACTIVE' ? link : this.paymentLinks.setStatus(link.id, status));
  }

  /** A copy of the stored link, or null. */
  paymentLink(id) {
    const link = this.paymentLinks.get(id);
    return link && structuredClone(link);
  }

  // --- faults, log, stats -------------------------------------------------------------------

  /** See FaultRegistry.add. Returns the rule id. */
  addFault(spec) {
    return this.faults.add(spec);
  }

  removeFault(id) {
    return this.faults.remove(id);
  }

  clearFaults() {
    this.faults.clear();
  }

  listFaults() {
    return this.faults.list();
  }

  /** Logged API requests, oldest first. Filters: since, path, pathPrefix, method, paymentId, limit. */
  requests(filter) {
    return this.log.entries(filter);
  }

  clearRequests() {
    this.log.clear();
  }

  stats() {
    return { ...this.counters.snapshot(), logged: this.log.ring.length, droppedFromLog: this.log.dropped };
  }

  resetStats() {
    this.counters.reset();
  }

  /** Runtime knobs: finalizedStatusCode (409 | 400), maxStallMs, logLimit. */
  configure({ finalizedStatusCode, maxStallMs, logLimit } = {}) {
    if (finalizedStatusCode != null) this.streampay.finalizedStatusCode = this.options.finalizedStatusCode = finalizedStatusCode;
    if (maxStallMs != null) this.options.maxStallMs = maxStallMs;
    if (logLimit != null) {
      this.options.logLimit = logLimit;
      this.log = new RequestLog(logLimit);
    }
    return { ...this.options };
  }
}
