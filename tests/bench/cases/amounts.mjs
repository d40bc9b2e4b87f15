// formatUnits / parseUnits against the JS anchors, one amount kind per process.
// Every implementation is first checked against the plain-JS reference on every input (after
// normalising harmless differences: ethers' trailing ".0", NEAR's thousands commas), then timed.
import { formatUnits as viemFormat, parseUnits as viemParse } from 'viem';
import { formatUnits as ethersFormat, parseUnits as ethersParse } from 'ethers';
import { formatNearAmount, parseNearAmount } from '@near-js/utils';
import BigNumber from 'bignumber.js';
import * as plain from '../lib/plain-units.mjs';
import { dataset } from '../lib/datasets.mjs';
import { compareSync } from '../lib/harness.mjs';
import { loadPackage } from '../lib/subject.mjs';
import { loadFloor } from '../lib/floor.mjs';

const normalize = (v) => String(v).replace(/,/g, '').replace(/\.0$/, '');

/** The comparisons this module runs; `amounts.mjs <id>` runs one of them. */
export const COMPARISONS = [
  { id: 'format-yocto', op: 'format', kind: 'yocto' },
  { id: 'format-yocto-display', op: 'display', kind: 'yocto' },
  { id: 'format-usdc', op: 'format', kind: 'usdc' },
  { id: 'format-fiat2', op: 'format', kind: 'fiat2' },
  { id: 'format-fiat3', op: 'format', kind: 'fiat3' },
  { id: 'parse-yocto', op: 'parse', kind: 'yocto' },
  { id: 'parse-usdc', op: 'parse', kind: 'usdc' },
  { id: 'parse-fiat2', op: 'parse', kind: 'fiat2' },
  { id: 'parse-fiat3', op: 'parse', kind: 'fiat3' },
  { id: 'boundary', op: 'boundary' },
];

export async function run(id, { count, timedCount = Math.min(count, 25_000), rounds }) {
  const spec = COMPARISONS.find((c) => c.id === id);
  if (!spec) throw new Error(`unknown amounts comparison ${id}`);
  const sp = await loadPackage();
  if (spec.op === 'boundary') return boundary(sp, { count, rounds });
  const data = dataset(spec.kind, count);
  const d = data.decimals;
  const all = spec.op === 'parse' ? data.texts : data.amounts;
  const impls = implementations(spec.op, d, sp, loadFloor());
  // Every input is checked; the first `timedCount` of them (a random sample too) are timed.
  const checks = impls.map((impl) => agreement({ ...impl, inputs: impl.prepare?.(all) }, all));
  const inputs = all.slice(0, timedCount);
  const results = compareSync(impls.map((impl) => ({ ...impl, inputs: impl.prepare?.(inputs) })), inputs, { rounds });
  return {
    id,
    title: `${{ format: 'formatUnits', display: 'formatUnits to 5 digits', parse: 'parseUnits' }[spec.op]}: ${data.label}`,
    op: spec.op,
    kind: spec.kind,
    inputs: inputs.length,
    checked: all.length,
    example: { input: inputs[1], output: impls[0].fn(inputs[1]) },
    rounds,
    results: results.map((r, i) => ({ ...r, samples: undefined, role: impls[i].role, note: impls[i].note, ...checks[i] })),
  };
}

/** [{ name, role, fn, expect }]: `expect(input)` is the right answer that impl must give. */
function implementations(op, d, sp, floor) {
  // The floor: the same digit work in a bare wasm module, bytes in and out of static buffers.
  const floorRow = (fn, expect) => (floor ? [{ name: 'floor: raw no_std wasm call', role: 'floor', fn, ...(expect && { expect }) }] : []);
  if (op === 'format') {
    const list = [
      { name: 'stream-payments formatUnits', role: 'ours', fn: (s) => sp.formatUnits(s, d) },
      ...floorRow((s) => floor.formatUnits(s, d)),
      { name: 'plain JS string slicing', role: 'plain', fn: (s) => plain.formatUnits(s, d) },
      { name: 'viem formatUnits(BigInt(s))', role: 'viem', fn: (s) => viemFormat(BigInt(s), d), note: 'string -> BigInt included, as from a JSON API' },
      { name: 'viem formatUnits(bigint)', role: 'viem-bigint', fn: (b) => viemFormat(b, d), prepare: (xs) => xs.map(BigInt), note: 'BigInts made before timing' },
      { name: 'ethers formatUnits', role: 'ethers', fn: (s) => ethersFormat(s, d) },
      { name: 'bignumber.js shiftedBy().toFixed()', role: 'bignumber', fn: (s) => new BigNumber(s).shiftedBy(-d).toFixed() },
    ];
    if (d === 24) list.push({ name: '@near-js/utils formatNearAmount', role: 'near', fn: (s) => formatNearAmount(s, 24) });
    return list.map((impl) => ({ ...impl, expect: (s) => plain.formatUnits(s, d) }));
  }
  if (op === 'display') {
    const trunc = (s) => plain.formatUnits(s, d, 5);
    const halfUp = (s) => sp.formatUnits(s, d, { maxFractionDigits: 5, rounding: 'halfUp' });
    return [
      { name: 'stream-payments formatUnits {maxFractionDigits: 5}', role: 'ours', fn: (s) => sp.formatUnits(s, d, { maxFractionDigits: 5 }), expect: trunc },
      ...floorRow((s) => floor.formatUnits(s, d, 5), trunc),
      { name: 'plain JS string slicing (trunc)', role: 'plain', fn: (s) => plain.formatUnits(s, d, 5), expect: trunc },
      { name: 'stream-payments formatUnits {.., rounding: halfUp}', role: 'ours-halfUp', fn: halfUp, expect: (s) => new BigNumber(s).shiftedBy(-d).decimalPlaces(5, BigNumber.ROUND_HALF_UP).toFixed() },
      { name: 'bignumber.js decimalPlaces(5, ROUND_DOWN)', role: 'bignumber', fn: (s) => new BigNumber(s).shiftedBy(-d).decimalPlaces(5, BigNumber.ROUND_DOWN).toFixed(), expect: trunc },
      { name: '@near-js/utils formatNearAmount(s, 5)', role: 'near', fn: (s) => formatNearAmount(s, 5), expect: halfUp, note: 'rounds half up, groups with commas' },
    ];
  }
  const list = [
    { name: 'stream-payments parseUnits', role: 'ours', fn: (t) => sp.parseUnits(t, d) },
    ...floorRow((t) => floor.parseUnits(t, d)),
    { name: 'plain JS string slicing', role: 'plain', fn: (t) => plain.parseUnits(t, d) },
    { name: 'viem parseUnits', role: 'viem', fn: (t) => viemParse(t, d), note: 'returns a bigint' },
    { name: 'ethers parseUnits', role: 'ethers', fn: (t) => ethersParse(t, d), note: 'returns a bigint' },
    { name: 'bignumber.js shiftedBy().toFixed()', role: 'bignumber', fn: (t) => new BigNumber(t).shiftedBy(d).toFixed() },
  ];
  if (d === 24) list.push({ name: '@near-js/utils parseNearAmount', role: 'near', fn: (t) => parseNearAmount(t) });
  return list.map((impl) => ({ ...impl, expect: (t) => plain.parseUnits(t, d) }));
}

function agreement(impl, inputs) {
  let agree = 0;
  let firstMismatch = null;
  const own = impl.inputs ?? inputs;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    let got;
    try { got = normalize(impl.fn(own[i])); } catch (e) { got = `threw ${e.message}`; }
    const want = normalize(impl.expect(input));
    if (got === want) agree++;
    else firstMismatch ??= { input, got, want };
  }
  return { agree, checked: inputs.length, firstMismatch };
}

/** What one call across the JS <-> wasm boundary costs, next to the work itself. */
function boundary(sp, { count, rounds }) {
  const n = Math.max(1000, Math.min(20_000, Math.floor(count / 5)));
  const same = (v) => new Array(n).fill(v);
  const inputs = same('1500000');
  const impls = [
    { name: 'JS call returning its argument (loop floor)', fn: (s) => s },
    { name: 'plain JS formatUnits(s, 6)', fn: (s) => plain.formatUnits(s, 6) },
    { name: "tokenDecimals('USDC') (string in, number out)", fn: () => sp.tokenDecimals('USDC') },
    { name: 'formatUnits(s, 6)', fn: (s) => sp.formatUnits(s, 6) },
    { name: 'formatUnits(s, 6, undefined)', fn: (s) => sp.formatUnits(s, 6, undefined) },
    { name: 'formatUnits(s, 6, {})', fn: (s) => sp.formatUnits(s, 6, {}) },
    { name: 'formatUnits(s, 6, { maxFractionDigits: 2 })', fn: (s) => sp.formatUnits(s, 6, { maxFractionDigits: 2 }) },
    { name: "formatUnits(s, 6, { rounding: 'halfUp' })", fn: (s) => sp.formatUnits(s, 6, { rounding: 'halfUp' }) },
    { name: "formatUnits(s, 6, { grouping: true, locale: 'en-US' })", fn: (s) => sp.formatUnits(s, 6, { grouping: true, locale: 'en-US' }), inputs: inputs.slice(0, Math.ceil(n / 20)) },
    { name: 'formatUnits(1500000n, 6) (bigint in)', fn: () => sp.formatUnits(1500000n, 6) },
    { name: "parseUnits('1.5', 6)", fn: () => sp.parseUnits('1.5', 6) },
  ];
  const results = compareSync(impls, inputs, { rounds });
  return { id: 'boundary', title: 'Cost of one call across the JS <-> wasm boundary', inputs: n, rounds, results: results.map((r) => ({ ...r, samples: undefined })) };
}
