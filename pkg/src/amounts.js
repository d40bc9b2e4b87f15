// Exact amounts: formatUnits, parseUnits, tokenDecimals, setTokenDecimals over the raw exports of
// src/bindings/amounts.rs. The shell only moves arguments: it unpacks options into numbers, copies
// short ASCII text into a buffer inside the module's memory and reads short ASCII answers back, so
// a typical call crosses once with no allocation or string decoding. Anything else (other types,
// long or non-ASCII text) goes to the `*Checked` exports with the values as given. Every check,
// result and error is Rust's.
import * as glue from './glue.js';
import { FORMAT_KEYS, PARSE_KEYS, isFormatKey, isParseKey, roundingCode } from './protocol.js';

/** A view of the module's I/O buffer: input bytes, then output bytes. Empty until the first call
 * (the web build instantiates later than this module loads) and after memory growth detached it. */
let io = new Uint8Array(0);
let inputBytes = 0;
/** The `*Ascii` exports, taken straight from the instance (`extern "C"` in src/bindings/amounts.rs):
 * numbers in, a number out, no wrapper between the call and the wasm function. */
let formatAscii;
let parseAscii;
let tokenDecimalsAscii;

function attach() {
  const [input, output] = glue.amountBufferSizes();
  const exports = glue.wasmExports();
  ({ formatUnitsAscii: formatAscii, parseUnitsAscii: parseAscii, tokenDecimalsAscii } = exports);
  inputBytes = input;
  io = new Uint8Array(exports.memory.buffer, exports.amountBuffer() >>> 0, input + output);
  return io;
}

/** Copies `text` into the input buffer: its length, or -1 when it is too long or not ASCII.
 * It attaches first, so the `*Ascii` exports are there once it has run. */
function put(text) {
  const bytes = io.length === 0 ? attach() : io;
  const n = text.length;
  if (n > inputBytes) return -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    bytes[i] = c;
  }
  return n;
}

/** The answer of a fast export: `n` ASCII bytes in the output buffer, or pending in Rust (n < 0). */
function readAnswer(n) {
  if (n < 0) return glue.takeAmountResult();
  const bytes = io.length === 0 ? attach() : io;
  let text = '';
  for (let i = inputBytes, end = inputBytes + n; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** Whether `options` is a plain options object whose enumerable keys all pass `known`
 * (a `switch`, cheaper per call than a list lookup). */
function plainOptions(options, known) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  for (const key in options) if (!known(key)) return false;
  return true;
}

/** The first own key Rust must refuse, as `Object.keys` lists them. */
function unknownKey(options, known) {
  if (typeof options !== 'object' || options === null) return undefined;
  return Object.keys(options).find((key) => !known.includes(key));
}

/** What `Intl` shows of a locale, asked once per tag: [decimal, group, integer parts, last part's
 * length, the one before's], or null for a tag `Intl` refuses. */
const LOCALES = new Map();
const LOCALE_CACHE_SIZE = 64;

function localeFacts(tag) {
  let facts = LOCALES.get(tag);
  if (facts !== undefined) return facts;
  facts = askIntl(tag);
  if (LOCALES.size >= LOCALE_CACHE_SIZE) LOCALES.clear();
  LOCALES.set(tag, facts);
  return facts;
}

function askIntl(tag) {
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  let decimal = '.';
  let group = ',';
  let count = 0;
  let last = 0;
  let prev = 0;
  // A number with several groups and a fraction, so every separator shows up.
  for (const { type, value } of new Intl.NumberFormat([tag]).formatToParts(1234567890.5)) {
    if (type === 'decimal') decimal = value;
    else if (type === 'group') group = value;
    else if (type === 'integer') {
      count++;
      prev = last;
      last = [...value].length;
    }
  }
  return [decimal, group, count, last, prev];
}

/**
 * Formats an integer amount in smallest units (e.g. yoctoSTRM) as a decimal string, exactly.
 * @param {string | bigint} amount
 * @param {number} decimals
 * @param {FormatUnitsOptions} [options]
 * @returns {string}
 */
export function formatUnits(amount, decimals, options) {
  // The common call first, with nothing to unpack; every other goes the whole way below.
  if (options === undefined && typeof amount === 'string' && typeof decimals === 'number') {
    const n = put(amount);
    if (n >= 0) return readAnswer(formatAscii(n, decimals, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }
  return formatWithOptions(amount, decimals, options);
}

function formatWithOptions(amount, decimals, options) {
  if (typeof amount === 'bigint') amount = `${amount}`;
  let max;
  let min;
  let rounding;
  let grouping;
  let locale;
  if (options !== undefined) {
    if (!plainOptions(options, isFormatKey)) return formatChecked(amount, decimals, options);
    ({ maxFractionDigits: max, minFractionDigits: min, rounding, grouping, locale } = options);
  }
  const code = roundingCode(rounding);
  if (typeof amount !== 'string' || typeof decimals !== 'number' || code < 0
    || (max !== undefined && typeof max !== 'number') || (min !== undefined && typeof min !== 'number')
    || (grouping !== undefined && typeof grouping !== 'boolean')) {
    return formatChecked(amount, decimals, options);
  }
  const flags = (max === undefined ? 0 : 1) | (min === undefined ? 0 : 2) | (grouping ? 4 : 0);
  if (locale === undefined) {
    const n = put(amount);
    if (n < 0) return formatChecked(amount, decimals, options);
    return readAnswer(formatAscii(n, decimals, flags, max ?? 0, min ?? 0, code, 0, 0, 0, 0, 0));
  }
  const facts = typeof locale === 'string' ? localeFacts(locale) : null;
  const n = facts === null || facts[0].length !== 1 || facts[1].length !== 1 ? -1 : put(amount);
  if (n < 0) return formatChecked(amount, decimals, options);
  return readAnswer(formatAscii(n, decimals, flags | 8, max ?? 0, min ?? 0, code,
    facts[0].charCodeAt(0), facts[1].charCodeAt(0), facts[2], facts[3], facts[4]));
}

function formatChecked(amount, decimals, options) {
  let max;
  let min;
  let rounding;
  let grouping;
  let locale;
  if (typeof options === 'object' && options !== null) {
    ({ maxFractionDigits: max, minFractionDigits: min, rounding, grouping, locale } = options);
  }
  const facts = typeof locale === 'string' ? localeFacts(locale) : null;
  return glue.formatUnitsChecked(amount, decimals, options, unknownKey(options, FORMAT_KEYS),
    max, min, rounding, grouping, locale, facts);
}

/**
 * Parses human decimal text into an integer amount in smallest units, exactly.
 * @param {string} text
 * @param {number} decimals
 * @param {ParseUnitsOptions} [options]
 * @returns {string}
 */
export function parseUnits(text, decimals, options) {
  let rounding;
  if (options !== undefined) {
    if (!plainOptions(options, isParseKey)) return parseChecked(text, decimals, options);
    ({ rounding } = options);
  }
  const code = roundingCode(rounding);
  const n = typeof text !== 'string' || typeof decimals !== 'number' || code < 0 ? -1 : put(text);
  if (n < 0) return parseChecked(text, decimals, options);
  return readAnswer(parseAscii(n, decimals, code));
}

function parseChecked(text, decimals, options) {
  const rounding = typeof options === 'object' && options !== null ? options.rounding : undefined;
  return glue.parseUnitsChecked(text, decimals, options, unknownKey(options, PARSE_KEYS), rounding);
}

/**
 * Decimals of a token or currency, or `undefined` when unknown. Case-insensitive.
 * @param {string} tokenOrCurrency
 * @returns {number | undefined}
 */
export function tokenDecimals(tokenOrCurrency) {
  const n = typeof tokenOrCurrency === 'string' ? put(tokenOrCurrency) : -1;
  if (n >= 0) {
    const decimals = tokenDecimalsAscii(n);
    return decimals < 0 ? undefined : decimals;
  }
  return glue.tokenDecimalsChecked(tokenOrCurrency);
}

/**
 * Adds or overrides the decimals of a token or currency; `undefined` removes the override.
 * @param {string} token
 * @param {number | undefined} decimals
 */
export function setTokenDecimals(token, decimals) {
  glue.setTokenDecimalsChecked(token, decimals);
}
