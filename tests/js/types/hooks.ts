// The request and response hooks as a TypeScript consumer sees them (tsc --strict --noEmit).
import { GatewayClient, StreamPayClient } from 'stream-payments';
import { GatewayClient as CheckoutClient } from 'stream-payments/checkout';
import type {
  ClientOptions, HookDecision, HookOptions, RequestEvent, ResponseEvent, StreamErrorCode,
} from 'stream-payments';

const log: string[] = [];
const hooks: HookOptions = {
  onRequest: (e: RequestEvent) => {
    const attempt: number = e.attempt;
    const method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' = e.method;
    log.push(`${e.operation} ${method} ${e.url} #${attempt}`);
  },
  onResponse: async (e: ResponseEvent) => {
    const status: number | undefined = e.status;
    const code: StreamErrorCode | undefined = e.errorCode;
    const id: string | undefined = e.requestId;
    const ms: number = e.elapsedMs;
    const delay: number | undefined = e.delayMs;
    const decision: HookDecision = e.decision;
    if (decision === 'retry' || decision === 'poll') log.push(`${status} ${code} ${id} ${ms} ${delay}`);
  },
  onHookError: (error: unknown, hook: 'onRequest' | 'onResponse') => log.push(`${hook}: ${String(error)}`),
};
const options: ClientOptions = hooks;
new GatewayClient({ baseUrl: 'http://127.0.0.1:1', ...hooks });
new CheckoutClient({ onRequest: (e) => e.url.length });
new StreamPayClient({ apiKey: 'a2V5OnNlY3JldA==', ...options });
new StreamPayClient({ apiKeyId: 'id', apiSecret: 's', onResponse: (e) => e.decision === 'giveUp' });

// @ts-expect-error: not a decision a client makes
const wrong: HookDecision = 'later';
// @ts-expect-error: a hook takes its event, not a string
new GatewayClient({ onRequest: (e: string) => e });
// @ts-expect-error: onHookError's hook name is one of the two hooks
new GatewayClient({ onHookError: (_: unknown, hook: 'onError') => hook });
// @ts-expect-error: a request event has no status
new GatewayClient({ onRequest: (e) => e.status });

export { wrong };
