// What a payer is asked to send, per coin: shortened only upwards, and the exact amount in full.
import { formatUnits, parseUnits, tokenDecimals } from 'stream-payments/checkout';

/** Fraction digits shown for the 24-decimal coins (the gateway's own `displayAmount` shows 5). */
const SHORT_DIGITS = 5;

/**
 * One gateway coin -> `{ shown, exact, digits, roundedUp }`, or null when its decimals are unknown.
 * `shown` is rounded up (`ceil`), so a payer who sends it never underpays; `exact` is every digit of
 * the amount due, plain ASCII digits and `.`, no grouping: what "Copy amount" copies.
 */
export function coinAmounts(coin) {
  const decimals = coin.decimals ?? tokenDecimals(String(coin.token ?? ''));
  if (decimals === undefined || coin.amount == null) return null;
  const digits = decimals >= 24 ? SHORT_DIGITS : decimals;
  // Pad to the digits the gateway shows ("1.00" for USDC) but never past those the amount has.
  const padded = /\.(\d+)$/.exec(coin.displayAmount ?? '')?.[1].length ?? 0;
  const shown = formatUnits(coin.amount, decimals, {
    maxFractionDigits: digits,
    minFractionDigits: Math.min(padded, digits),
    grouping: true,
    rounding: 'ceil',
  });
  const exact = formatUnits(coin.amount, decimals);
  const roundedUp = BigInt(parseUnits(shown.replaceAll(',', ''), decimals)) !== BigInt(coin.amount);
  return { shown, exact, digits, roundedUp };
}

/** The gateway's fiat amounts as it gives them, the payment's own currency first. */
export function fiatAmounts(payment) {
  const usd = payment.displayAmountUsd != null ? `${payment.displayAmountUsd} USD` : null;
  const eur = payment.displayAmountEur != null ? `${payment.displayAmountEur} EUR` : null;
  return (payment.localCurrency === 'eur' ? [eur, usd] : [usd, eur]).filter(Boolean);
}
