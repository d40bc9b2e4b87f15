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
 * status; `onTrouble(outcome)` each failed poll the schedule rides out (a promise of what to
 * replay: a copy of the Response, or what `fetch` threw), `onAnswer()` each other answer.
 */
export function follow({ apiBase, paymentId, intervalMs, signal, onPayment, onTrouble, onAnswer }) {
  const heard = (fn) => (arg) => signal.aborted || fn(arg);
  const trouble = heard(onTrouble);
  const answer = heard(onAnswer);
  const watched = (input, init) => fetch(input, init).then(
    (res) => {
      // A copy with the body read now: a poll aborted later (a refresh) cannot cut the copy.
      if (res.status >= 500 || res.status === 429) {
        const { status, statusText, headers } = res;
        trouble(res.clone().text().catch(() => '').then((body) => new Response(body, { status, statusText, headers })));
      }
      else answer();
      return res;
    },
    (err) => {
      trouble(Promise.resolve(err));
      throw err;
    },
  );
  const client = new GatewayClient(base(apiBase, watched));
  return client
    .waitForPayment(paymentId, { intervalMs, signal, onUpdate: onPayment })
    .finally(() => client.free());
}

/** The StreamError the client makes of `outcome` (a promise of a Response, or of what `fetch` threw). */
export async function explain(apiBase, paymentId, outcome) {
  outcome = await outcome;
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
