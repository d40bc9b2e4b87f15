// `make bench`: every comparison in its own Node process, results printed and written to
// BENCHMARKS.md between the bench markers. Run through tests/scripts/bench.sh, which builds the
// scratch project (BENCH_SCRATCH) this needs.
//
// Environment: BENCH_ONLY=id,id (run some), BENCH_QUICK=1 (small inputs, a smoke run),
// BENCH_ROUNDS (default 7), BENCH_WRITE=0 (print only), BENCH_COMMAND (recorded as the command).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environment } from './lib/environment.mjs';
import { printResult, replaceSection, renderMarkdown } from './lib/report.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '../..');

/** Every comparison, in order. A new one: a case module exporting run(id, options), and a line here. */
const SUITE = [
  ...['format-yocto', 'format-yocto-display', 'format-usdc', 'format-fiat2', 'format-fiat3',
    'parse-yocto', 'parse-usdc', 'parse-fiat2', 'parse-fiat3', 'boundary'].map((id) => ({ id, module: 'cases/amounts.mjs' })),
  { id: 'startup', module: 'cases/startup.mjs' },
  { id: 'startup-browser', module: 'cases/startup-browser.mjs' },
  { id: 'size', module: 'cases/size.mjs' },
  { id: 'page-decode', module: 'cases/client.mjs' },
  { id: 'get-payment', module: 'cases/client.mjs' },
  { id: 'watcher', module: 'cases/client.mjs' },
  { id: 'heap', module: 'cases/client.mjs' },
];

const quick = process.env.BENCH_QUICK === '1';
const options = quick
  ? { count: 5_000, timedCount: 5_000, rounds: 3, startupRuns: 3, decodeCalls: 50, httpCalls: 200, watchCount: 1_000 }
  : { count: 100_000, timedCount: 25_000, rounds: 7, startupRuns: 9, decodeCalls: 200, httpCalls: 1_500, watchCount: 10_000 };
if (process.env.BENCH_ROUNDS) options.rounds = Number(process.env.BENCH_ROUNDS);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const scratch = process.env.BENCH_SCRATCH;
if (!scratch) throw new Error('run through tests/scripts/bench.sh (BENCH_SCRATCH is not set)');

function runCase({ id, module }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(benchDir, 'lib/run-case.mjs'), join(benchDir, module), id], {
      cwd: benchDir,
      env: { ...process.env, BENCH_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => { out += d; });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`${id}: exited with ${code}\n${out}`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)));
    });
  });
}

const started = performance.now();
const env = environment({ root, benchDir, scratch });
console.log(`stream-payments ${env.packageVersion} on ${env.cores} cores (${env.cpu}), Node ${env.node}, load ${env.loadAverage.toFixed(2)}${quick ? ', QUICK run' : ''}`);
const results = [];
for (const item of SUITE.filter((s) => !only || only.includes(s.id))) {
  const t0 = performance.now();
  const result = await runCase(item);
  result.seconds = (performance.now() - t0) / 1000;
  results.push(result);
  printResult(result);
}
env.totalSeconds = (performance.now() - started) / 1000;
env.loadAverageEnd = environment({ root, benchDir, scratch }).loadAverage;
env.command = process.env.BENCH_COMMAND ?? 'make bench';
env.quick = quick;
env.options = options;
console.log(`\nbench finished in ${env.totalSeconds.toFixed(0)} s`);

// The raw results, for comparing runs or rendering them differently.
const resultsFile = join(dirname(scratch), 'results.json');
writeFileSync(resultsFile, JSON.stringify({ env, results }, null, 2));
console.log(`raw results in ${resultsFile}`);

if (process.env.BENCH_WRITE !== '0') {
  const file = join(root, 'BENCHMARKS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), renderMarkdown(env, results, { partial: Boolean(only) })));
  console.log(`results written to ${file}`);
}
