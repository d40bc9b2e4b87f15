// Following one payment with the client's own `waitForPayment` (its schedule: backoff and jitter,
// slower while the tab is hidden), plus what that promise does not tell a page: a poll that failed
// in a way the schedule rides out (network, 429, 5xx). Those are seen through the client's
// `fetch` option and explained as the client itself would: the failed answer is replayed through
// a second client, so the page gets the real StreamError without a second request.
import { GatewayClient } from 'stream-payments/checkout';

/** Options of both clients; `apiBase` absent means the client's default, the production gateway. */
const base = (apiBase, fetch) => (apiBase == null ? { fetch } : { baseUrl: apiBase, fetch });

/**
 * Polls `paymentId` until it settles or `signal` aborts; rejects like `waitForPayment` (throws at
 * once for a base URL the client refuses). `onPayment` hears the first result and each change of
 * status, `onTrouble(error)` the first failure of a streak, `onRecovered()` its end; `troubled`:
 * a streak is already on (a restarted poll keeps it).
 */
export function follow({ apiBase, paymentId, intervalMs, signal, troubled, onPayment, onTrouble, onRecovered }) {
  const trouble = (outcome) => {
    if (troubled || signal.aborted) return;
    troubled = true;
    explain(apiBase, paymentId, outcome).then((error) => signal.aborted || onTrouble(error));
  };
  const watched = (input, init) => fetch(input, init).then(
    (res) => {
      if (res.status >= 500 || res.status === 429) trouble(res.clone());
      else if (troubled && !signal.aborted) {
        troubled = false;
        onRecovered();
      }
      return res;
    },
    (err) => {
      trouble(err);
      throw err;
    },
  );
  const client = new GatewayClient(base(apiBase, watched));
  return client
    .waitForPayment(paymentId, { intervalMs, signal, onUpdate: onPayment })
    .finally(() => client.free());
}

/** The StreamError the client makes of `outcome` (a Response, or what `fetch` threw). */
async function explain(apiBase, paymentId, outcome) {
  const replay = new GatewayClient({
    ...base(apiBase, () => (outcome instanceof Response ? Promise.resolve(outcome) : Promise.reject(outcome))),
    maxRetries: 0,
  });
  try {
    await replay.getPayment(paymentId);
    return null;
  } catch (error) {
    return error;
  } finally {
    replay.free();
  }
}
