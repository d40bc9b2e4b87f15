// Exit codes, usage errors and argument parsing shared by every command (Node's util.parseArgs).
import { parseArgs } from 'node:util';

/** The documented exit codes (README, "Testing your integration"; `stream-payments --help`). */
export const EXIT = Object.freeze({
  OK: 0,
  /** An API, network or I/O error; `webhook verify`: invalid; `webhook trigger`: no 2xx. */
  FAILED: 1,
  /** Unknown command or option, bad or missing value. */
  USAGE: 2,
  /** `watch`: a payment ended without completing (expired, failed, canceled, refunded). */
  NOT_COMPLETED: 3,
  /** `watch`: --timeout passed before every payment ended. */
  TIMEOUT: 4,
  /** Stopped by Ctrl-C (SIGINT), 128 + 2 as shells report it. */
  INTERRUPTED: 130,
  /** Stopped by SIGTERM, 128 + 15. */
  TERMINATED: 143,
});

/** Bad command line: one line on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP = { help: { type: 'boolean', short: 'h' } };

/**
 * util.parseArgs, strict, with --help on every command. Returns { values, positionals } or
 * null when --help was asked for (the caller prints its help).
 */
export function parseCommand(args, options, { minPositionals = 0, maxPositionals = 0 } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, ...HELP }, allowPositionals: maxPositionals > 0, strict: true });
  } catch (err) {
    // parseArgs messages can run on with advice over several lines; the first sentence is the error.
    throw new UsageError(String(err.message).split('\n')[0].split('. ')[0].replace(/\.$/, ''));
  }
  if (parsed.values.help) return null;
  const n = parsed.positionals.length;
  if (n < minPositionals) throw new UsageError(`missing argument${minPositionals - n > 1 ? 's' : ''} (see --help)`);
  if (n > maxPositionals) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  return parsed;
}

/** An integer option within [min, max], or the fallback when absent. */
export function intOption(values, name, { min, max = Number.MAX_SAFE_INTEGER, fallback } = {}) {
  const raw = values[name];
  if (raw == null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

const UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration option ('500ms', '30s', '5m', '1h'; a bare number is seconds) in ms, or the fallback. */
export function durationOption(values, name, fallback) {
  const raw = values[name];
  if (raw == null) return fallback;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw);
  const ms = m ? Math.round(Number(m[1]) * UNITS_MS[m[2] ?? 's']) : NaN;
  if (!(ms > 0)) throw new UsageError(`--${name} must be a duration such as 500ms, 30s or 5m`);
  return ms;
}

/** One of a fixed list of values. */
export function choiceOption(values, name, choices, fallback) {
  const raw = values[name];
  if (raw == null) return fallback;
  if (!choices.includes(raw)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}`);
  return raw;
}
