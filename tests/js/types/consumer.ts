// Compiled with `tsc --strict --noEmit` against the installed package's .d.ts.
import { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from 'stream-payments';
import type { FormatUnitsOptions, Rounding, StreamError, StreamErrorCode } from 'stream-payments';

const rounding: Rounding = 'halfEven';
const options: FormatUnitsOptions = { maxFractionDigits: 5, rounding, grouping: true, locale: 'en-US' };
const shown: string = formatUnits('166389351081530800779973', 24, options);
const fromBigint: string = formatUnits(10n ** 24n, 24);
const units: string = parseUnits('1.5', 6, { rounding: 'trunc' });
const decimals: number | undefined = tokenDecimals('STRM');
setTokenDecimals('DOGE', 8);

function describe(err: StreamError): string {
  const code: StreamErrorCode = err.code;
  return `${code} ${err.status ?? '-'} ${err.retryable} ${err.requestId ?? ''}`;
}

// @ts-expect-error: amounts are strings or bigints, never numbers.
formatUnits(1.5, 6);
// @ts-expect-error: an unknown rounding mode is a type error.
formatUnits('1', 6, { rounding: 'nearest' });

export { shown, fromBigint, units, decimals, describe };
