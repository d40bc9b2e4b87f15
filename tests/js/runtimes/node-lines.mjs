// The Node lines the package is tested on: this machine's Node (the one running the tests; 20 on
// a fresh machine) and each `nodeNN` of tests/runtimes/package.json, the official Linux build of
// that line published as an npm package (no install script, locked by package-lock.json).
// `node tests/js/runtimes/node-lines.mjs` prints "MAJOR BINARY" for each line besides this one,
// for the loop of tests/scripts/test-runtimes.sh.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runtimes = join(dirname(fileURLToPath(import.meta.url)), '../../runtimes');
const { devDependencies } = JSON.parse(readFileSync(join(runtimes, 'package.json'), 'utf8'));

/** The installed Node lines besides this machine's: [{ major, bin }], oldest first. */
export const OTHER_NODE_LINES = Object.keys(devDependencies)
  .map((name) => /^node(\d+)$/.exec(name))
  .filter(Boolean)
  .map(([name, major]) => ({ major: Number(major), bin: join(runtimes, 'node_modules', name, 'bin/node') }))
  .sort((a, b) => a.major - b.major);

/** Every tested Node line, this machine's first. */
export const NODE_LINES = [
  { major: Number(process.versions.node.split('.')[0]), bin: process.execPath },
  ...OTHER_NODE_LINES,
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { major, bin } of OTHER_NODE_LINES) console.log(`${major} ${bin}`);
}
