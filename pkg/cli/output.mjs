// Everything the command line writes goes through here: known secrets are masked on the way out
// (a second guard: no command prints one on purpose), tables are padded, colour only on a TTY.
// A namespace import: a named import of styleText would not even load on Node < 20.12.
import * as util from 'node:util';

const MASK = '[redacted]';
/** Shorter values are not masked: replacing every "ab" would garble the output and hide nothing. */
const MIN_SECRET_LENGTH = 4;

export function createOutput({ stdout = process.stdout, stderr = process.stderr, env = process.env } = {}) {
  const secrets = new Set();
  const mask = (text) => {
    let out = String(text);
    for (const s of secrets) out = out.split(s).join(MASK);
    return out;
  };
  const colour = Boolean(stdout.isTTY) && !env.NO_COLOR;
  return {
    stdout,
    stderr,
    isTTY: Boolean(stdout.isTTY),
    /** Values never to show, whatever prints them. */
    addSecret(value) {
      if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
      // The StreamPay key may be given as base64 of "key:secret": mask the decoded pair too.
      if (typeof value === 'string' && /^[A-Za-z0-9+/]+=*$/.test(value)) {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        if (decoded.length >= MIN_SECRET_LENGTH && /^[\x21-\x7e]+$/.test(decoded)) secrets.add(decoded);
      }
    },
    mask,
    line(text = '') {
      stdout.write(mask(text) + '\n');
    },
    error(text) {
      stderr.write(mask(text) + '\n');
    },
    json(value) {
      stdout.write(mask(JSON.stringify(value, null, 2)) + '\n');
    },
    /** util.styleText on a TTY (Node >= 20.12), plain text otherwise. */
    style(format, text) {
      return colour && util.styleText ? util.styleText(format, text) : text;
    },
  };
}

/** Rows of cells as aligned columns; the first row is the header. */
export function table(rows) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell ?? '').length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? String(cell ?? '') : String(cell ?? '').padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

/** label/value lines, aligned; empty values are left out. */
export function fields(pairs) {
  const shown = pairs.filter(([, v]) => v != null && v !== '');
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
