// stream-payments mock: serves the mock of both APIs until Ctrl-C.
import { once } from 'node:events';
import { startMock } from '../../mock/index.mjs';
import { EXIT, intOption, parseCommand, UsageError } from '../usage.mjs';
import { fields } from '../output.mjs';


export const help = `Usage: stream-payments mock [--port N] [--seed N] [--count N] [--api-key TOKEN] [--json]

Serves the mock of the crypto gateway and StreamPay APIs on 127.0.0.1 and prints its URL and
StreamPay key (a test key) until Ctrl-C. The same seed gives the same data on every run.

Options:
  --port N          port to listen on (default 0: a free port)
  --seed N          seed of the generated data (default 1)
  --count N         generated StreamPay payments besides the fixtures (default 250)
  --api-key TOKEN   x-api-key the mock accepts (default base64 of "test-key:test-secret";
                    a key you give is not printed back)
  --json            one JSON line { url, gatewayUrl, streampayUrl, controlUrl, apiKey, seed }
  -h, --help        this help

Exit code: 0 when stopped by Ctrl-C or SIGTERM; 1 if it cannot listen; 2 for bad options.`;

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  count: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
};

export async function run(args, { out, signals }) {
  const parsed = parseCommand(args, OPTIONS);
  if (!parsed) return out.line(help), EXIT.OK;
  const { values } = parsed;
  const port = intOption(values, 'port', { min: 0, max: 65535, fallback: 0 });
  const seed = intOption(values, 'seed', { min: 0, max: 2 ** 31 - 1, fallback: 1 });
  const paymentCount = intOption(values, 'count', { min: 0, max: 100_000, fallback: 250 });
  const given = values['api-key'];
  if (given != null) {
    if (!/^[\x21-\x7e]+$/.test(given)) throw new UsageError('--api-key must be visible ASCII (a header value)');
    out.addSecret(given);
  }
  let mock;
  try {
    mock = await startMock({ port, seed, paymentCount, ...(given != null ? { apiKey: given } : {}) });
  } catch (err) {
    out.error(`stream-payments: the mock cannot listen on 127.0.0.1:${port}: ${err.code ?? err.message}`);
    return EXIT.FAILED;
  }
  const apiKey = given != null ? '(the key given with --api-key)' : mock.apiKey;
  if (values.json) {
    out.stdout.write(JSON.stringify({ url: mock.url, gatewayUrl: mock.gatewayUrl, streampayUrl: mock.streampayUrl, controlUrl: mock.controlUrl, apiKey: given != null ? null : mock.apiKey, seed }) + '\n');
  } else {
    out.line(`Mock of the Stream APIs (seed ${seed}): Ctrl-C to stop`);
    out.line(fields([
      ['gateway', mock.gatewayUrl],
      ['StreamPay', mock.streampayUrl],
      ['api key', `${apiKey}  (x-api-key for StreamPayClient)`],
      ['control', mock.controlUrl],
      ['try', `stream-payments get ${mock.ids.gatewayPending} --base-url ${mock.url}`],
    ]));
    out.line();
    out.line('# for the client code and stream-payments in another shell:');
    out.line(`export STREAM_GATEWAY_URL=${mock.gatewayUrl} STREAMPAY_URL=${mock.streampayUrl}` + (given != null ? '' : ` STREAMPAY_API_KEY=${mock.apiKey}`));
  }
  const signal = await Promise.race([once(signals, 'SIGINT').then(() => 'SIGINT'), once(signals, 'SIGTERM').then(() => 'SIGTERM')]);
  await mock.close();
  if (!values.json) out.error(`mock stopped (${signal})`);
  return EXIT.OK;
}
