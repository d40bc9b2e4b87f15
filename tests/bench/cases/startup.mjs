// Module start-up in Node: a fresh child process per sample imports the module and makes the
// first call. Reported: import + first call (measured inside the child), and the child's time from
// process start to that first result (what a CLI or a cold serverless function waits).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, spreadPct } from '../lib/stats.mjs';
import { scratchDir } from '../lib/subject.mjs';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [name, cwd ('scratch' | 'bench'), module kind, code that imports and calls]. */
function subjects() {
  const plainUrl = new URL('../lib/plain-units.mjs', import.meta.url).href;
  return [
    ['node, nothing imported (baseline)', 'bench', 'esm', 'globalThis.x = 1;'],
    ['stream-payments, ESM import', 'scratch', 'esm', "const { formatUnits } = await import('stream-payments'); formatUnits('1500000', 6);"],
    ['stream-payments, CommonJS require', 'scratch', 'cjs', "const { formatUnits } = require('stream-payments'); formatUnits('1500000', 6);"],
    ["viem (import { formatUnits } from 'viem')", 'bench', 'esm', "const { formatUnits } = await import('viem'); formatUnits(1500000n, 6);"],
    ["viem/utils", 'bench', 'esm', "const { formatUnits } = await import('viem/utils'); formatUnits(1500000n, 6);"],
    ['ethers v6', 'bench', 'esm', "const { formatUnits } = await import('ethers'); formatUnits('1500000', 6);"],
    ['@near-js/utils', 'bench', 'esm', "const { formatNearAmount } = await import('@near-js/utils'); formatNearAmount('1500000');"],
    ['bignumber.js', 'bench', 'esm', "const { default: B } = await import('bignumber.js'); new B('1500000').shiftedBy(-6).toFixed();"],
    ['plain JS string slicing', 'bench', 'esm', `const { formatUnits } = await import(${JSON.stringify(plainUrl)}); formatUnits('1500000', 6);`],
  ];
}

function sample([, where, kind, body]) {
  const code = `const t0 = performance.now(); ${body} const t1 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, fromStartMs: t1 }));`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  const cwd = where === 'scratch' ? scratchDir() : benchDir;
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`start-up sample failed in ${cwd}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export const COMPARISONS = [{ id: 'startup' }];

export async function run(_id, { startupRuns = 15 }) {
  const list = subjects();
  const samples = list.map(() => []);
  for (const s of list) sample(s); // warms the OS file cache
  for (let r = 0; r < startupRuns; r++) {
    list.forEach((s, i) => samples[i].push(sample(s)));
  }
  return {
    id: 'startup',
    title: 'Module start-up in Node: import and first call, fresh process each time',
    runs: startupRuns,
    results: list.map(([name], i) => ({
      name,
      importMs: median(samples[i].map((x) => x.importMs)),
      importSpreadPct: spreadPct(samples[i].map((x) => x.importMs)),
      fromStartMs: median(samples[i].map((x) => x.fromStartMs)),
    })),
  };
}
