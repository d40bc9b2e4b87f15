// How the merchant table prints amounts: exact, via the package, never a float.
import { formatUnits, parseUnits, tokenDecimals } from 'stream-payments/checkout';

/** "115.00" in `currency` -> "115.00 SAR", with the currency's own decimals and grouping. */
export function decimalText(text, currency) {
  const decimals = tokenDecimals(currency ?? '');
  if (text == null || decimals === undefined) return text == null ? '' : `${text} ${currency ?? ''}`.trim();
  try {
    const units = parseUnits(String(text), decimals, { rounding: 'halfEven' });
    return `${formatUnits(units, decimals, { minFractionDigits: decimals, grouping: true })} ${currency.toUpperCase()}`;
  } catch {
    return `${text} ${currency}`;
  }
}

/** A StreamPay payment's amount: from smallest units when present, per its currency's decimals. */
export function paymentAmountText(payment) {
  const currency = payment.currency ?? '';
  const decimals = tokenDecimals(currency);
  if (payment.amountInSmallestUnit != null && decimals !== undefined) {
    const text = formatUnits(String(payment.amountInSmallestUnit), decimals, { minFractionDigits: decimals, grouping: true });
    return `${text} ${currency}`;
  }
  return decimalText(payment.amount, currency);
}
