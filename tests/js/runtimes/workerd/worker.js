// A Cloudflare Worker using the package as a merchant would: bundled with the `workerd`
// condition (as wrangler does), the .wasm kept as its own module. Routes for the harness:
//   GET  /amount?units=&decimals=     the amount shortened to 5 places, rounded up
//   POST /webhook                     verifies a StreamPay webhook (raw bytes + header)
//   GET  /gateway?id=                 GatewayClient.getPayment against env.MOCK_URL
//   GET  /streampay                   new StreamPayClient({ apiKey }) (no request), then getPayment on the mock
//   GET  /runtime                     what the browser guard sees here
// A StreamError comes back as { error: { name, code, message } } with status 400 (401 for a
// bad signature); anything else is a 500.
import {
  formatUnits, GatewayClient, StreamPayClient, verifyStreamPayWebhook,
} from 'stream-payments';

const json = (body, status = 200) => Response.json(body, { status });

async function route(request, env) {
  const url = new URL(request.url);
  const q = (name) => url.searchParams.get(name) ?? '';
  switch (`${request.method} ${url.pathname}`) {
    case 'GET /amount':
      return json({ text: formatUnits(q('units'), Number(q('decimals')), { maxFractionDigits: 5, rounding: 'ceil' }) });
    case 'POST /webhook': {
      const raw = new Uint8Array(await request.arrayBuffer());
      const event = await verifyStreamPayWebhook(raw, request.headers.get('x-webhook-signature') ?? '', env.WH_SECRET);
      return json({ eventType: event.eventType, entityId: event.entityId, data: event.data });
    }
    case 'GET /gateway': {
      const payment = await new GatewayClient({ baseUrl: env.MOCK_URL, maxRetries: 0 }).getPayment(q('id'));
      return json({ paymentId: payment.paymentId, status: payment.status });
    }
    case 'GET /streampay': {
      new StreamPayClient({ apiKey: env.API_KEY }); // what a new user writes first
      const client = new StreamPayClient({ apiKey: env.API_KEY, baseUrl: env.MOCK_URL, maxRetries: 0 });
      const payment = await client.getPayment(q('id'));
      return json({ id: payment.id, constructed: true });
    }
    case 'GET /runtime':
      return json({
        userAgent: navigator.userAgent,
        workerGlobalScope: typeof WorkerGlobalScope,
        document: typeof document,
      });
    default:
      return json({ error: { message: 'no such route' } }, 404);
  }
}

export default {
  async fetch(request, env) {
    try {
      return await route(request, env);
    } catch (err) {
      const { name, code, message } = err ?? {};
      if (name !== 'StreamError') return json({ error: { name, message: String(message ?? err) } }, 500);
      return json({ error: { name, code, message } }, code === 'INVALID_SIGNATURE' ? 401 : 400);
    }
  },
};
