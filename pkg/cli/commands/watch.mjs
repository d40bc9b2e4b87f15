// stream-payments watch <id...>: follows payments until each ends (the package's watchPayments),
// a live line per payment on a terminal, plain lines otherwise, NDJSON with --json.
import { CONNECTION_HELP, CONNECTION_OPTIONS, gatewayClient, streampayClient } from '../connection.mjs';
import { EXIT, durationOption, intOption, parseCommand } from '../usage.mjs';
import { createStatusLines } from '../status-lines.mjs';
import { isStreamPay, paymentId, paymentStatus } from './format.mjs';


export const help = `Usage: stream-payments watch <paymentId>... [--streampay] [--timeout DURATION] [options]

Polls each payment (within a request budget) until it reaches a final status. On a terminal
there is one live status line per payment; otherwise one line per change. --json prints one
JSON object per line: {"event":"update"|"error"|"done", ...}.

Options:
  --streampay          StreamPay payments (UUIDs; needs the key) instead of gateway payments
  --timeout DURATION   give up after this long, e.g. 15m (default: no limit)
  --interval DURATION  first delay between polls of a payment (default 2s)
  --max-interval DURATION
                       backoff cap while a status stays the same (default 15s)
  --concurrency N      requests in flight at once (default 8)
  -h, --help           this help

${CONNECTION_HELP}

Exit codes:
  0    every payment completed (gateway "completed"; StreamPay SUCCEEDED or SETTLED)
  1    polling a payment failed (e.g. NOT_FOUND, UNAUTHORIZED)
  2    bad arguments (e.g. an id that is not one)
  3    a payment ended without completing (expired, failed, canceled, refunded, ...)
  4    --timeout passed first
  130  stopped by Ctrl-C (143: SIGTERM); nothing is left running`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  streampay: { type: 'boolean' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  'max-interval': { type: 'string' },
  concurrency: { type: 'string' },
};

const COMPLETED = new Set(['completed', 'SUCCEEDED', 'SETTLED']);

export async function run(args, { out, signals }) {
  const parsed = parseCommand(args, OPTIONS, { minPositionals: 1, maxPositionals: 1000 });
  if (!parsed) return out.line(help), EXIT.OK;
  const { values } = parsed;
  const ids = [...new Set(parsed.positionals)];
  const timeoutMs = durationOption(values, 'timeout');
  const intervalMs = durationOption(values, 'interval', 2000);
  const maxIntervalMs = Math.max(intervalMs, durationOption(values, 'max-interval', 15_000));
  const concurrency = intOption(values, 'concurrency', { min: 1, max: 64, fallback: 8 });
  const client = values.streampay ? streampayClient(values, out) : gatewayClient(values, out);

  const finals = new Map();
  const errors = new Map();
  const view = values.json ? jsonView(out) : createStatusLines(out, ids);
  const controller = new AbortController();
  let stoppedBy = null;
  const stop = (signal) => {
    stoppedBy ??= signal;
    controller.abort(new Error(`stopped by ${signal}`));
  };
  signals.on('SIGINT', stop);
  signals.on('SIGTERM', stop);

  let timedOut = false;
  try {
    const watcher = client.watchPayments(ids, {
      intervalMs,
      maxIntervalMs,
      concurrency,
      maxRequestsPerSecond: Math.max(10, concurrency),
      ...(timeoutMs ? { timeoutMs } : {}),
      signal: controller.signal,
      onUpdate: (p) => {
        finals.set(paymentId(p), p);
        view.update(paymentId(p), paymentStatus(p), p);
      },
      onError: (err, id) => {
        errors.set(id, err);
        view.error(id, err);
      },
    });
    await watcher.done;
  } catch (err) {
    if (stoppedBy == null && err?.code !== 'TIMEOUT') throw err;
    timedOut = stoppedBy == null;
  } finally {
    signals.off('SIGINT', stop);
    signals.off('SIGTERM', stop);
  }

  const ended = (id) => finals.has(id) && !errors.has(id);
  const completed = ids.filter((id) => ended(id) && COMPLETED.has(rawStatus(finals.get(id))));
  const code = stoppedBy === 'SIGINT' ? EXIT.INTERRUPTED
    : stoppedBy ? EXIT.TERMINATED
    : timedOut ? EXIT.TIMEOUT
    : errors.size ? EXIT.FAILED
    : completed.length < ids.length ? EXIT.NOT_COMPLETED
    : EXIT.OK;
  const why = stoppedBy ? `stopped by ${stoppedBy}` : timedOut ? 'timed out' : null;
  view.done({ code, why, total: ids.length, completed: completed.length, failed: errors.size });
  return code;
}

function jsonView(out) {
  const emit = (value) => out.stdout.write(out.mask(JSON.stringify(value)) + '\n');
  return {
    update: (id, status, payment) => emit({ event: 'update', id, status, payment }),
    error: (id, err) => emit({ event: 'error', id, code: err?.code ?? null, message: String(err?.message ?? err) }),
    done: ({ code, why, total, completed, failed }) => emit({ event: 'done', exitCode: code, reason: why, total, completed, failed }),
  };
}

const rawStatus = (p) => (isStreamPay(p) ? p.currentStatus : p.status);
