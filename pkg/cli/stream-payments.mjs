#!/usr/bin/env node
// The `stream-payments` command line (the package's bin). Every command is built on the
// package's public API (package-api.mjs) and the mock (../mock/); see `stream-payments --help`.
import { EventEmitter } from 'node:events';
import { EXIT, UsageError } from './usage.mjs';
import { createOutput } from './output.mjs';

const COMMANDS = {
  mock: () => import('./commands/mock.mjs'),
  get: () => import('./commands/get.mjs'),
  list: () => import('./commands/list.mjs'),
  watch: () => import('./commands/watch.mjs'),
  webhook: () => import('./commands/webhook.mjs'),
  amount: () => import('./commands/amount.mjs'),
  mcp: () => import('./commands/mcp.mjs'),
};

const SUMMARIES = {
  mock: 'serve a local mock of both Stream APIs until Ctrl-C',
  get: 'show one payment (gateway, or StreamPay with --streampay)',
  list: 'list StreamPay payments: list payments [--status S] [--limit N]',
  watch: 'follow payments until they complete, expire or fail',
  webhook: 'send a signed webhook to your endpoint (trigger), or check one (verify)',
  amount: 'convert exactly between smallest units and decimal amounts',
  mcp: 'serve the StreamPay MCP server for agents (stdio, or --http --port N)',
};

const HELP = `Usage: stream-payments <command> [options]     (stream-payments <command> --help for more)

Commands:
${Object.entries(SUMMARIES).map(([name, text]) => `  ${name.padEnd(9)}${text}`).join('\n')}

Environment (never printed):
  STREAMPAY_API_KEY         StreamPay key, base64 of "api-key:api-secret"
  STREAMPAY_WEBHOOK_SECRET  secret of StreamPay webhooks
  GATEWAY_SECRET_KEY        secret key of crypto gateway callbacks
  STREAM_GATEWAY_URL, STREAMPAY_URL   base URLs (e.g. of \`stream-payments mock\`)

Exit codes: 0 ok; 1 an API, network or delivery error, or an invalid webhook; 2 bad usage;
watch: 3 a payment ended without completing, 4 --timeout passed, 130 Ctrl-C (143 SIGTERM).`;

/** Runs one command line; resolves its exit code. Exported for tests of the dispatch itself. */
export async function main(argv, { stdout = process.stdout, stderr = process.stderr, stdin = process.stdin, env = process.env, signals = new EventEmitter() } = {}) {
  const out = createOutput({ stdout, stderr, env });
  for (const name of ['STREAMPAY_API_KEY', 'STREAM_API_KEY', 'STREAMPAY_WEBHOOK_SECRET', 'GATEWAY_SECRET_KEY']) out.addSecret(env[name]);
  // Values of secret options, before anything (even a usage error) can echo them.
  argv.forEach((arg, i) => {
    const m = /^--(api-key|secret)(?:=(.*))?$/.exec(arg);
    if (m) out.addSecret(m[2] ?? argv[i + 1]);
  });
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) throw new UsageError('no command (see --help)');
      out.line(HELP);
      return EXIT.OK;
    }
    if (name === '--version') {
      const { createRequire } = await import('node:module');
      out.line(createRequire(import.meta.url)('../package.json').version);
      return EXIT.OK;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : null;
    if (!load) throw new UsageError(`unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`);
    const command = await load();
    return await command.run(args, { out, env, stdin, signals });
  } catch (err) {
    return report(err, out);
  }
}

function report(err, out) {
  if (err instanceof UsageError) {
    out.error(`stream-payments: ${err.message}`);
    return EXIT.USAGE;
  }
  if (err?.name === 'StreamError') {
    // Bad input caught by the package before sending anything is a usage error too.
    const usage = err.code === 'INVALID_ARGUMENT';
    const extra = [err.status && `HTTP ${err.status}`, err.requestId && `request ${err.requestId}`].filter(Boolean).join(', ');
    out.error(`stream-payments: ${err.code}: ${oneLine(err.message)}${extra ? ` (${extra})` : ''}`);
    return usage ? EXIT.USAGE : EXIT.FAILED;
  }
  out.error(`stream-payments: ${oneLine(err?.message ?? String(err))}`);
  return EXIT.FAILED;
}

const oneLine = (text) => String(text).replace(/\s*\n\s*/g, ' ');

// Run as the bin (not when imported by a test).
const invokedAs = process.argv[1] && (await import('node:fs')).realpathSync(process.argv[1]);
if (invokedAs === (await import('node:url')).fileURLToPath(import.meta.url)) {
  const signals = new EventEmitter();
  let received = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // A command that listens stops cleanly (and the process then exits by itself, proving
      // nothing is left running); otherwise, or on a second Ctrl-C, stop now.
      if (received++ > 0 || signals.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? EXIT.INTERRUPTED : EXIT.TERMINATED);
      signals.emit(signal, signal);
    });
  }
  process.exitCode = await main(process.argv.slice(2), { signals });
  // stdout may be a pipe: let it drain, and let the event loop end on its own.
  for (const signal of ['SIGINT', 'SIGTERM']) process.removeAllListeners(signal);
}
