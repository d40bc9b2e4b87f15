// The API clients a command uses, from options and the environment, built on the package's
// public API. Keys are registered with the output as secrets before anything can print them.
import { GatewayClient, StreamPayClient } from './package-api.mjs';
import { UsageError, durationOption } from './usage.mjs';

/** Options every API command takes. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'request-timeout': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
};

export const CONNECTION_HELP = `Connection:
  --base-url URL     API base URL (default: the live API; env STREAM_GATEWAY_URL for the
                     gateway, STREAMPAY_URL for StreamPay)
  --api-key TOKEN    StreamPay key, base64 of "api-key:api-secret" (default: env
                     STREAMPAY_API_KEY; prefer the variable: options show in the process list)
  --request-timeout DURATION
                     per HTTP request, e.g. 10s (default 30s)
  -v, --verbose      each HTTP request on stderr (method, URL, status, time; never a key)
  --json             JSON on stdout instead of a table`;

/** A fetch that reports each request on stderr. Headers (and so keys) are never shown. */
function verboseFetch(out) {
  return async (input, init = {}) => {
    const method = init.method ?? input?.method ?? 'GET';
    const url = typeof input === 'string' ? input : input?.url ?? String(input);
    const started = performance.now();
    const took = () => `${Math.round(performance.now() - started)} ms`;
    try {
      const res = await fetch(input, init);
      out.error(`${method} ${url} -> ${res.status} (${took()})`);
      return res;
    } catch (err) {
      out.error(`${method} ${url} -> ${err?.name ?? 'error'} (${took()})`);
      throw err;
    }
  };
}

function common(values, out) {
  const options = { timeoutMs: durationOption(values, 'request-timeout', 30_000) };
  if (values.verbose) options.fetch = verboseFetch(out);
  return options;
}

export function gatewayClient(values, out, env = process.env) {
  const baseUrl = values['base-url'] ?? (env.STREAM_GATEWAY_URL || undefined);
  return new GatewayClient({ ...common(values, out), ...(baseUrl ? { baseUrl } : {}) });
}

export function streampayClient(values, out, env = process.env) {
  const apiKey = values['api-key'] ?? env.STREAMPAY_API_KEY;
  if (!apiKey) throw new UsageError('no StreamPay key: set STREAMPAY_API_KEY or give --api-key');
  out.addSecret(apiKey);
  const baseUrl = values['base-url'] ?? (env.STREAMPAY_URL || undefined);
  return new StreamPayClient({ apiKey, ...common(values, out), ...(baseUrl ? { baseUrl } : {}) });
}
