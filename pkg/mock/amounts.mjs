// Exact decimal <-> smallest-unit conversions on strings and BigInt. No floats touch an amount.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** '1.5' at 2 decimals -> 150n; null when the text is not a plain non-negative decimal or has too many digits. */
export function parseDecimal(text, decimals) {
  const m = DECIMAL.exec(String(text).trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  return BigInt(m[1] + frac.padEnd(decimals, '0'));
}

/** 150n at 2 decimals -> '1.50' (always exactly `decimals` fraction digits). */
export function formatFixed(units, decimals) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return (negative ? '-' : '') + whole + frac;
}

/** Truncates (toward zero) to `places` fraction digits, as the gateway's displayAmount does. */
export function formatTruncated(units, decimals, places) {
  const full = formatFixed(units, decimals);
  if (decimals <= places) return full;
  return full.slice(0, full.length - (decimals - places));
}
