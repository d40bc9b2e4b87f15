// Deterministic inputs: the same amounts for every implementation and every run.
import { formatUnits } from './plain-units.mjs';

/** mulberry32: a small seeded PRNG, so a dataset is the same on every machine. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` positive integer strings of 1..maxDigits digits (uniform length, no leading zero). */
export function amountStrings(count, maxDigits, seed) {
  const random = createRandom(seed);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * maxDigits);
    let s = String(1 + Math.floor(random() * 9));
    while (s.length < length) s += String(Math.floor(random() * 10));
    out[i] = length === 1 && random() < 0.1 ? '0' : s;
  }
  return out;
}

/**
 * The amount kinds a Stream client meets. `maxDigits` bounds the smallest-unit integer:
 * 30 digits of yocto is up to a million STRM; fiat up to ten billion.
 */
export const KINDS = {
  yocto: { label: 'STRM/NEAR, 24 decimals', decimals: 24, maxDigits: 30, seed: 24, fixedFraction: false },
  usdc: { label: 'USDC, 6 decimals', decimals: 6, maxDigits: 15, seed: 6, fixedFraction: false },
  fiat2: { label: 'SAR/USD, 2 decimals', decimals: 2, maxDigits: 12, seed: 2, fixedFraction: true },
  fiat3: { label: 'KWD/BHD, 3 decimals', decimals: 3, maxDigits: 12, seed: 3, fixedFraction: true },
};

/** Smallest-unit strings to format, and the display texts to parse back (fiat as "115.00"). */
export function dataset(kind, count) {
  const k = KINDS[kind];
  const amounts = amountStrings(count, k.maxDigits, k.seed);
  const texts = amounts.map((a) => {
    const text = formatUnits(a, k.decimals);
    if (!k.fixedFraction) return text;
    const [whole, fraction = ''] = text.split('.');
    return `${whole}.${fraction.padEnd(k.decimals, '0')}`;
  });
  return { ...k, amounts, texts };
}
