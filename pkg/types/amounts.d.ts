/** Rounding modes, named as in Java's BigDecimal. */
export type Rounding = 'trunc' | 'floor' | 'ceil' | 'halfUp' | 'halfEven' | 'expand';

/** Options of `formatUnits`. */
export interface FormatUnitsOptions {
  /** Most fraction digits shown; defaults to `decimals`. */
  maxFractionDigits?: number;
  /** Trailing zeros are dropped down to this many fraction digits; default 0. */
  minFractionDigits?: number;
  /** How digits beyond `maxFractionDigits` are dropped; default `'trunc'`. */
  rounding?: Rounding;
  /** Separate thousands (`,` unless `locale` says otherwise); default false. */
  grouping?: boolean;
  /** A BCP 47 locale whose separators are used (the digits stay ASCII). */
  locale?: string;
}

/** Options of `parseUnits`. */
export interface ParseUnitsOptions {
  /** Round extra fraction digits this way instead of refusing them. */
  rounding?: Rounding;
}

/**
 * Formats an integer amount in smallest units (e.g. yoctoSTRM) as a decimal string, exactly.
 *
 * `formatUnits("166389351081530800779973", 24, { maxFractionDigits: 5 })` is `"0.16638"`.
 * A result that rounds to zero is `"0"`, never `"-0"`. Throws a `StreamError` with code
 * `INVALID_ARGUMENT` for anything else than an integer string or `bigint` amount, a `decimals`
 * outside 0..=255, or a bad option.
 */
export function formatUnits(amount: string | bigint, decimals: number, options?: FormatUnitsOptions): string;

/**
 * Parses human decimal text into an integer amount in smallest units, exactly.
 *
 * `parseUnits("1.5", 6)` is `"1500000"`. More fraction digits than `decimals` are refused
 * unless a `rounding` is given.
 */
export function parseUnits(text: string, decimals: number, options?: ParseUnitsOptions): string;

/**
 * Decimals of a token (`STRM`, `NEAR`, `USDC`, `SOL`) or currency (`SAR`, `KWD`, ...), or
 * `undefined` when unknown. Case-insensitive.
 */
export function tokenDecimals(tokenOrCurrency: string): number | undefined;

/** Adds or overrides the decimals of a token or currency; `undefined` removes the override. */
export function setTokenDecimals(token: string, decimals: number | undefined): void;
