// JSON request bodies with numbers kept exact. `JSON.parse` turns `1e21` into a double that prints
// as "1e+21" and `9007199254740993` into 9007199254740992; the API (Python) keeps both exactly.
// Node 20's JSON.parse gives a reviver no source text (that came with V8 11.4, Node 21), so the
// text's number tokens are found here: every number a double would not print as its exact plain
// decimal becomes a JsonNumber, the rest stay plain numbers.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** `1.5e3` -> "1500", `-0.0` -> "0", `12e-4` -> "0.0012": a JSON number's exact plain decimal. */
export function plainDecimal(text) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(text).trim());
  if (!m || !/\d/.test(`${m[2]}${m[3] ?? ''}`)) return null;
  const digits = `${m[2]}${m[3] ?? ''}`;
  // A huge exponent would make a huge string; no amount of the API comes near 10^4000.
  const exponent = Number(m[4] ?? 0);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 4000) return null;
  const point = m[2].length + exponent;
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const frac = point >= digits.length ? '' : point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  const int = whole.replace(/^0+(?=\d)/, '');
  const fraction = frac.replace(/0+$/, '');
  const zero = /^0*$/.test(int) && fraction === '';
  return `${m[1] === '-' && !zero ? '-' : ''}${int}${fraction ? `.${fraction}` : ''}`;
}

/** A JSON number a double cannot carry: its exact text, a number where arithmetic needs one. */
export class JsonNumber {
  constructor(text) {
    this.text = text;
    this.decimal = plainDecimal(text);
  }
  get integer() {
    return this.decimal != null && !this.decimal.includes('.');
  }
  valueOf() {
    return Number(this.text);
  }
  toString() {
    return this.decimal ?? this.text;
  }
  /** Echoed as a bare JSON number: a BigInt (see http.mjs stringify) when it is a whole number. */
  toJSON() {
    return this.integer ? BigInt(this.decimal) : Number(this.text);
  }
}

/**
 * `value` with each JsonNumber as the stores keep numbers: a whole one as a number (a BigInt past
 * 2^53, written back as bare digits), any other as its plain decimal text (every fractional number
 * of the description is an amount, which takes a decimal string as well).
 */
export function settle(value) {
  if (value instanceof JsonNumber) {
    if (!value.integer) return value.decimal ?? Number(value.text);
    const n = BigInt(value.decimal);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  if (Array.isArray(value)) return value.map(settle);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, settle(v)]));
  return value;
}

export const isNumeric = (v) => (typeof v === 'number' && Number.isFinite(v)) || v instanceof JsonNumber;

/** { value } or { error: message }, like JSON.parse but with inexact numbers as JsonNumber. */
export function parseJsonExact(text) {
  const marker = `\u0000n${Math.random().toString(36).slice(2)}:`;
  const escaped = JSON.stringify(marker).slice(1, -1);
  let out = '';
  let from = 0;
  let wrapped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c !== '-' && (c < '0' || c > '9')) continue;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) continue;
    const token = m[0];
    const end = i + token.length;
    if (String(Number(token)) !== plainDecimal(token)) {
      out += `${text.slice(from, i)}"${escaped}${token}"`;
      from = end;
      wrapped = true;
    }
    i = end - 1;
  }
  try {
    if (!wrapped) return { value: JSON.parse(text) };
    const value = JSON.parse(out + text.slice(from), (_k, v) => (typeof v === 'string' && v.startsWith(marker) ? new JsonNumber(v.slice(marker.length)) : v));
    return { value };
  } catch {
    // The message JSON.parse gives for the text as it was sent.
    try {
      JSON.parse(text);
    } catch (err) {
      return { error: err.message };
    }
    return { error: 'invalid JSON' };
  }
}
