// How the checkout and the merchant table print amounts: exact, via the package, never a float.
import { formatUnits, parseUnits, tokenDecimals } from 'stream-payments/checkout';

/** Fraction digits the gateway shows for a coin (its `displayAmount` is truncated to 5). */
export const GATEWAY_DIGITS = 5;

/**
 * One gateway coin -> { short, exact, roundedUp } display texts. `short` is what a payer is asked
 * to send: 5 fraction digits like the gateway's `displayAmount`, but rounded UP (the gateway's
 * own text is truncated, and a payer who sends a truncated amount underpays and the payment never
 * completes), padded to as many digits as the gateway shows (so USDC reads "1.00"). `exact`
 * keeps every digit, without grouping, ready to paste into a wallet; `roundedUp` says whether
 * `short` is more than the exact amount.
 */
export function coinAmountText(coin) {
  if (coin.decimals == null) return { short: `${coin.amount} (smallest units)`, exact: '', roundedUp: false };
  const shown = /\.(\d+)$/.exec(coin.displayAmount ?? '')?.[1].length ?? 0;
  const max = Math.min(coin.decimals, GATEWAY_DIGITS);
  const short = formatUnits(coin.amount, coin.decimals, {
    maxFractionDigits: max,
    minFractionDigits: Math.min(shown, max),
    grouping: true,
    rounding: 'ceil',
  });
  const exact = coin.formattedAmount ?? formatUnits(coin.amount, coin.decimals);
  const roundedUp = BigInt(parseUnits(short.replaceAll(',', ''), coin.decimals)) !== BigInt(coin.amount);
  return { short, exact, roundedUp };
}

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
