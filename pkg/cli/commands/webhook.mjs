// stream-payments webhook trigger | verify: send a correctly signed delivery to your receiver,
// or check one. Secrets come from options or the environment and are never printed.
import { parseGatewayCallback, verifyGatewayCallback, verifyStreamPayWebhook } from '../package-api.mjs';
import { signGatewayCallback, signStreamPayWebhook } from '../../mock/push.mjs';
import { GATEWAY_EVENTS, STREAMPAY_EVENTS, gatewayCallbackPayload, streamPayWebhookBody } from '../events.mjs';
import { EXIT, UsageError, durationOption, intOption, parseCommand } from '../usage.mjs';
import { fields } from '../output.mjs';


export const help = `Usage: stream-payments webhook trigger <event> --to <url> [--secret S] [--gateway] [options]
       stream-payments webhook verify --header <x-webhook-signature> [--secret S] < body
       stream-payments webhook verify --gateway [--secret S] < body

trigger: POSTs a realistic, correctly signed delivery to your endpoint and prints its answer.
  StreamPay webhook: x-webhook-signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<raw body>">.
  Events: ${Object.keys(STREAMPAY_EVENTS).join(', ')}.
  --gateway: a crypto gateway callback, the signature field set as the gateway does.
  Events: completed, late (money that arrived after the payment expired).
verify: reads the raw body on stdin and says valid or invalid, and why.

Options:
  --to URL             (trigger) your endpoint
  --secret S           webhook secret (default env STREAMPAY_WEBHOOK_SECRET), or with --gateway
                       the gateway secret key (default env GATEWAY_SECRET_KEY)
  --gateway            a crypto gateway callback instead of a StreamPay webhook
  --payment-id ID      (trigger) the payment the event is about
  --timestamp UNIX     (trigger) sign as if sent at this unix second (default now)
  --header VALUE       (verify) the x-webhook-signature header as received
  --tolerance SECONDS  (verify) oldest (or most future) accepted timestamp (default 300)
  --request-timeout DURATION
                       (trigger) how long to wait for your endpoint (default 10s)
  --json               JSON on stdout
  -h, --help           this help

Exit codes: 0 delivered with a 2xx answer / valid; 1 any other answer or no connection /
invalid; 2 bad arguments or no secret.`;

const OPTIONS = {
  to: { type: 'string' },
  secret: { type: 'string' },
  gateway: { type: 'boolean' },
  'payment-id': { type: 'string' },
  timestamp: { type: 'string' },
  header: { type: 'string' },
  tolerance: { type: 'string' },
  'request-timeout': { type: 'string' },
  json: { type: 'boolean' },
};

export async function run(args, ctx) {
  const [sub, ...rest] = args;
  if (sub === 'trigger') return trigger(rest, ctx);
  if (sub === 'verify') return verify(rest, ctx);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    if (sub === undefined) throw new UsageError('webhook needs "trigger" or "verify" (see --help)');
    ctx.out.line(help);
    return EXIT.OK;
  }
  throw new UsageError(`unknown webhook command ${JSON.stringify(sub)}: "trigger" or "verify"`);
}

function secretFrom(values, { out, env }) {
  const name = values.gateway ? 'GATEWAY_SECRET_KEY' : 'STREAMPAY_WEBHOOK_SECRET';
  const secret = values.secret ?? env[name];
  if (!secret) throw new UsageError(`no secret: set ${name} or give --secret`);
  out.addSecret(secret);
  return secret;
}

async function trigger(args, ctx) {
  const { out } = ctx;
  const parsed = parseCommand(args, OPTIONS, { minPositionals: 1, maxPositionals: 1 });
  if (!parsed) return out.line(help), EXIT.OK;
  const { values, positionals: [event] } = parsed;
  const known = values.gateway ? GATEWAY_EVENTS : Object.keys(STREAMPAY_EVENTS);
  if (!known.includes(event)) throw new UsageError(`unknown ${values.gateway ? 'gateway' : 'StreamPay'} event ${JSON.stringify(event)}: one of ${known.join(', ')}`);
  if (values.to == null) throw new UsageError('--to <url> is required');
  let url;
  try {
    url = new URL(values.to);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new UsageError('--to must be an http:// or https:// URL');
  const secret = secretFrom(values, ctx);
  const t = intOption(values, 'timestamp', { min: 0, fallback: Math.floor(Date.now() / 1000) });
  const paymentId = values['payment-id'];
  const timeoutMs = durationOption(values, 'request-timeout', 10_000);

  let rawBody;
  const headers = { 'content-type': 'application/json', 'user-agent': 'stream-payments-cli' };
  if (values.gateway) {
    rawBody = JSON.stringify(signGatewayCallback(gatewayCallbackPayload(event, { paymentId, t }), secret));
  } else {
    rawBody = streamPayWebhookBody(event, { paymentId, t });
    headers['x-webhook-signature'] = signStreamPayWebhook(rawBody, secret, t);
  }

  let res;
  let text;
  try {
    res = await fetch(url, { method: 'POST', body: rawBody, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (err) {
    const why = err?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(err));
    if (values.json) out.json({ event, to: url.href, delivered: false, error: why });
    else out.error(`stream-payments: could not deliver ${event} to ${url.href}: ${why}`);
    return EXIT.FAILED;
  }
  const ok = res.status >= 200 && res.status < 300;
  if (values.json) {
    out.json({ event, to: url.href, timestamp: t, delivered: ok, status: res.status, body: text, sent: JSON.parse(rawBody) });
  } else {
    out.line(fields([
      ['sent', `${values.gateway ? 'gateway callback' : 'StreamPay webhook'} ${event}, signed at t=${t}`],
      ['to', url.href],
      ['answer', `${res.status} ${res.statusText}`.trim()],
    ]));
    if (text) out.line(text.length > 4000 ? `${text.slice(0, 4000)}... (${text.length} characters)` : text);
  }
  return ok ? EXIT.OK : EXIT.FAILED;
}

async function verify(args, ctx) {
  const { out, stdin } = ctx;
  const parsed = parseCommand(args, OPTIONS);
  if (!parsed) return out.line(help), EXIT.OK;
  const { values } = parsed;
  if (!values.gateway && values.header == null) throw new UsageError('--header <x-webhook-signature value> is required (or --gateway for a gateway callback)');
  const toleranceSec = intOption(values, 'tolerance', { min: 0, max: 86_400 * 365, fallback: 300 });
  const secret = secretFrom(values, ctx);
  if (stdin.isTTY) throw new UsageError('pipe the raw body on stdin (… < body.json)');
  const chunks = [];
  for await (const chunk of stdin) chunks.push(chunk);
  const rawBody = new Uint8Array(Buffer.concat(chunks));

  let result;
  try {
    if (values.gateway) {
      const callback = parseGatewayCallback(rawBody);
      result = (await verifyGatewayCallback(callback, secret))
        ? { valid: true, summary: `gateway callback for payment ${callback.paymentId}, ${callback.receivedAmountUsd} USD received`, callback }
        : { valid: false, code: 'INVALID_SIGNATURE', reason: 'the signature does not match: wrong secret key, or a field was changed' };
    } else {
      const event = await verifyStreamPayWebhook(rawBody, values.header, secret, { toleranceSec });
      result = { valid: true, summary: [event.eventType, event.entityType, event.entityId, event.status && `(${event.status})`].filter(Boolean).join(' '), event };
    }
  } catch (err) {
    if (err?.name !== 'StreamError' || err.code === 'INVALID_ARGUMENT') throw err;
    result = { valid: false, code: err.code, reason: err.message };
  }
  if (values.json) {
    const { summary: _s, ...rest } = result;
    out.json(rest);
  } else {
    out.line(result.valid ? `valid: ${result.summary}` : `invalid: ${result.reason} (${result.code})`);
  }
  return result.valid ? EXIT.OK : EXIT.FAILED;
}
