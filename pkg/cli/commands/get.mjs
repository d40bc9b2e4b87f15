// stream-payments get <paymentId>: one payment, from the gateway or (--streampay) StreamPay.
import { CONNECTION_HELP, CONNECTION_OPTIONS, gatewayClient, streampayClient } from '../connection.mjs';
import { EXIT, parseCommand } from '../usage.mjs';
import { gatewayPaymentText, streamPayPaymentText } from './format.mjs';


export const help = `Usage: stream-payments get <paymentId> [--streampay] [--json] [options]

Reads one payment: from the crypto gateway (public status, no key needed) or, with --streampay,
from the StreamPay merchant API (needs the key).

Options:
  --streampay        the StreamPay API (payment ids are UUIDs)
  -h, --help         this help

${CONNECTION_HELP}

Exit code: 0 found; 1 an API or network error (e.g. NOT_FOUND); 2 bad arguments.`;

export async function run(args, { out }) {
  const parsed = parseCommand(args, { ...CONNECTION_OPTIONS, streampay: { type: 'boolean' } }, { minPositionals: 1, maxPositionals: 1 });
  if (!parsed) return out.line(help), EXIT.OK;
  const { values, positionals: [id] } = parsed;
  const client = values.streampay ? streampayClient(values, out) : gatewayClient(values, out);
  const payment = await client.getPayment(id);
  if (values.json) out.json(payment);
  else out.line(values.streampay ? streamPayPaymentText(payment) : gatewayPaymentText(payment));
  return EXIT.OK;
}
