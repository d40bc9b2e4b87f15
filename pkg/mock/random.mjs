// Seeded PRNG (mulberry32) and the small helpers the generators need. Deterministic per seed.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

export function createRandom(seed = 1) {
  let s = (Number(seed) >>> 0) || 0x9e3779b9;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1)); // inclusive
  const chars = (alphabet, n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** entries: [[value, weight], ...] */
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) {
        if ((r -= w) < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    uuid() {
      const h = chars(HEX, 32).split('');
      h[12] = '4';
      h[16] = HEX[(HEX.indexOf(h[16]) & 0x3) | 0x8];
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    base62: (n) => chars(BASE62, n),
    base58: (n) => chars(BASE58, n),
    hex: (n) => chars(HEX, n),
  };
}

/** A number in [min, max] from a value that is either a number or a [min, max] pair. */
export function fromRange(random, range) {
  if (Array.isArray(range)) return random.int(Math.round(range[0]), Math.round(range[1]));
  return Math.round(Number(range));
}
