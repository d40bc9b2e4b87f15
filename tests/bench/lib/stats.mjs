// Medians, ratios and number formatting shared by the cases and the report.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spread of samples around their median, in percent: (max - min) / median. */
export function spreadPct(values) {
  const m = median(values);
  return m ? ((Math.max(...values) - Math.min(...values)) / m) * 100 : 0;
}

export function fmtNs(ns) {
  if (ns == null || Number.isNaN(ns)) return 'n/a';
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e4) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

export function fmtMs(ms) {
  return ms == null ? 'n/a' : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function fmtRatio(r) {
  return r == null || !Number.isFinite(r) ? 'n/a' : `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`;
}

export function fmtBytes(n) {
  return n == null ? 'n/a' : n.toLocaleString('en-US');
}
