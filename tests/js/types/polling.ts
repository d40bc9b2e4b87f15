// waitForPayment / watchPayments as a TypeScript consumer sees them (tsc --strict --noEmit).
import { GatewayClient, StreamPayClient } from 'stream-payments';
import type {
  GatewayPayment, Payment, PaymentWatcher, StreamError, WaitOptions, WatchPaymentsOptions,
} from 'stream-payments';

const gateway = new GatewayClient({ baseUrl: 'http://127.0.0.1:1' });
const streampay = new StreamPayClient({ apiKey: 'a2V5OnNlY3JldA==', baseUrl: 'http://127.0.0.1:1' });

const waitOptions: WaitOptions<GatewayPayment> = {
  intervalMs: 2000, maxIntervalMs: 15000, timeoutMs: 600_000, signal: new AbortController().signal,
  onUpdate: (p) => console.log(p.status, p.addresses.length), stopStatuses: ['confirming'],
  pauseWhenHidden: true,
};
const settled: Promise<GatewayPayment> = gateway.waitForPayment('abc', waitOptions);
const paid: Promise<Payment> = streampay.waitForPayment('id', { onUpdate: (p) => p.currentStatus });

const watchOptions: WatchPaymentsOptions<Payment> = {
  concurrency: 8, maxRequestsPerSecond: 10, intervalMs: 2000, maxIntervalMs: 15000,
  onUpdate: (p: Payment) => p.id, onError: (error: StreamError, id: string) => `${id} ${error.code}`,
};
const watcher: PaymentWatcher<Payment> = streampay.watchPayments(['a', 'b'], watchOptions);
const added: boolean = watcher.add('c');
const removed: boolean = watcher.remove('a');
const finals: Promise<Map<string, Payment>> = watcher.done;
const failed: Map<string, StreamError> = watcher.errors;
const gatewayWatcher: PaymentWatcher<GatewayPayment> = gateway.watchPayments([]);

async function follow(): Promise<string[]> {
  const statuses: string[] = [];
  for await (const p of gateway.watchPayment('abc', { intervalMs: 1000 })) statuses.push(p.status);
  for await (const p of streampay.watchPayment('id')) statuses.push(p.currentStatus);
  return statuses;
}

// @ts-expect-error: a gateway wait resolves with a GatewayPayment, not a StreamPay Payment.
const wrong: Promise<Payment> = gateway.waitForPayment('abc');
// @ts-expect-error: options are checked by name.
gateway.waitForPayment('abc', { interval: 5 });

export { follow, settled, paid, added, removed, finals, failed, gatewayWatcher, wrong };
