// What the results were measured on and with: written beside every table.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
};

const versionOf = (dir) => {
  const file = join(dir, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
};

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch { /* not Linux */ }
  return cpus()[0]?.model ?? 'unknown';
}

export const ANCHORS = ['viem', 'ethers', '@near-js/utils', 'bignumber.js', '@streamsdk/typescript'];

export function environment({ root, benchDir, scratch }) {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: cpus().length,
    cpu: cpuModel(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg()[0],
    node: process.version,
    rustc: run('rustc', ['--version'])?.split(' ').slice(0, 2).join(' ') ?? 'unknown',
    wasmBindgen: run('wasm-bindgen', ['--version']) ?? 'unknown',
    packageVersion: versionOf(join(scratch, 'node_modules/stream-payments')),
    vite: versionOf(join(root, 'tests/node_modules/vite')),
    anchors: Object.fromEntries(ANCHORS.map((name) => [name, versionOf(join(benchDir, 'node_modules', name))])),
  };
}
