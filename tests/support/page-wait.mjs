// Driving `GatewayClient.waitForPayment` in a Chromium page whose script put the package (or the
// checkout build) on `window.sp`, and waiting on the mock's request log from the test's side.
import assert from 'node:assert/strict';

/** Waits (bounded) until `check()` is truthy. */
export async function until(check, what, limitMs = 10_000) {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

/**
 * Starts a wait in the page against the mock at `mockUrl`; its outcome is `window.outcome` (a
 * promise of `{ status, paymentId }` or `{ error }`), the statuses `onUpdate` saw `window.seen`.
 */
export function startWait(page, mockUrl, id, options) {
  return page.evaluate(([url, id, options]) => {
    window.seen = [];
    const client = new window.sp.GatewayClient({ baseUrl: url });
    window.outcome = client
      .waitForPayment(id, { ...options, onUpdate: (p) => window.seen.push(p.status) })
      .then((p) => ({ status: p.status, paymentId: p.paymentId }), (e) => ({ error: `${e.name} ${e.code} ${e.message}` }));
  }, [mockUrl, id, options]);
}
