// src/main.js: a checkout page bundled by webpack 5, reading one payment from the gateway.
import { formatUnits, GatewayClient } from 'stream-payments';

const out = document.querySelector('#out');
const baseUrl = new URL(location.href).searchParams.get('gateway') ?? undefined;

try {
  const client = new GatewayClient({ baseUrl, maxRetries: 0 });
  const payment = await client.getPayment('LqaUrQimtgTe9iF3Knv8Ld');
  const due = formatUnits(payment.amount, 24, { maxFractionDigits: 5, rounding: 'ceil' });
  let missing;
  try { await client.getPayment('NoSuchPayment000000000'); } catch (err) { missing = { name: err.name, code: err.code, status: err.status }; }
  out.textContent = JSON.stringify({ paymentId: payment.paymentId, status: payment.status, due, missing });
} catch (err) {
  out.textContent = JSON.stringify({ unexpected: String(err?.stack ?? err) });
}
