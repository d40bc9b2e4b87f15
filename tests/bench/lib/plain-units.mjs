// The plain-JS floor: exact decimal conversion by string slicing, no BigInt, no float.
// Correct for any number of digits (validates its input, keeps every digit, never prints "-0"),
// rounding toward zero only. The benchmark checks it against stream-payments on every input.

const INTEGER = /^-?\d+$/;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Smallest units (decimal integer string) -> decimal text, truncated to maxFractionDigits. */
export function formatUnits(amount, decimals, maxFractionDigits = decimals) {
  if (typeof amount !== 'string' || !INTEGER.test(amount)) throw new TypeError(`not an integer: ${amount}`);
  const negative = amount.charCodeAt(0) === 45; // '-'
  let digits = negative ? amount.slice(1) : amount;
  if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
  const point = digits.length - decimals;
  let whole = digits.slice(0, point);
  let fraction = digits.slice(point, point + Math.min(decimals, maxFractionDigits));
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  if (start) whole = whole.slice(start);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  if (end !== fraction.length) fraction = fraction.slice(0, end);
  const text = end ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

/** Decimal text -> smallest units; refuses more fraction digits than decimals. */
export function parseUnits(text, decimals) {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) throw new TypeError(`not a decimal: ${text}`);
  const fraction = match[3] ?? '';
  if (fraction.length > decimals) throw new RangeError(`more than ${decimals} fraction digits: ${text}`);
  let digits = match[2] + fraction + '0'.repeat(decimals - fraction.length);
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  if (start) digits = digits.slice(start);
  return match[1] && digits !== '0' ? `-${digits}` : digits;
}
