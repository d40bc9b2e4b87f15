// A TypeScript consumer of `stream-payments/mock` under --strict: the typed scripting API.
import { startMock, DEFAULT_API_KEY, signStreamPayWebhook, type Mock, type RequestLogEntry } from 'stream-payments/mock';
import { GatewayClient, StreamPayClient } from 'stream-payments';

export async function merchantTest(): Promise<string> {
  const mock: Mock = await startMock({ seed: 1, paymentCount: 10 });
  const gateway = new GatewayClient({ baseUrl: mock.gatewayUrl });
  const streampay = new StreamPayClient({ apiKey: mock.apiKey, baseUrl: mock.streampayUrl });
  const created = mock.createGatewayPayment({ amountUsd: '3.00', lifecycle: { pendingPolls: 1, then: 'completed' } });
  const id: string = created.payment_id;
  const rule: number = mock.injectFault({ paymentId: id, status: 503, times: 2 });
  mock.removeFault(rule);
  mock.setStreamPayLifecycle(mock.ids.streamPayPayment2, { pendingMs: 100, then: 'SUCCEEDED' });
  const log: RequestLogEntry[] = mock.requests({ paymentId: id, method: 'GET' });
  const status: number | null = log[0]?.status ?? null;
  const header: string = signStreamPayWebhook('{}', 'whsec_x');
  await gateway.getPayment(id);
  await streampay.listPayments({ limit: 1 });
  mock.reset();
  await mock.close();
  // @ts-expect-error a lifecycle ends in a gateway status
  mock.setGatewayLifecycle(id, { pendingPolls: 1, then: 'SUCCEEDED' });
  return `${DEFAULT_API_KEY}${status}${header}`;
}
