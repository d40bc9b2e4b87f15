// `engines.node` of the packed package names exactly the Node lines tested here, and npm under
// each of them installs the tarball with --engine-strict, with no EBADENGINE and no warning.
// npm compares every `engines` of the tree (the package's and its dependencies') with the Node
// running it, so this machine's npm is run by each line's binary: what a merchant on that line
// gets from `npm install stream-payments`. That check is made while npm plans the tree, so under
// each line a --dry-run suffices; one real install, under this machine's Node, shows that
// unpacking adds no warning of its own. Run by tests/scripts/test-runtimes.sh with STREAM_SCRATCH
// and STREAM_TARBALL set; --offline: the dependencies come from npm's cache, which the scratch
// install filled.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from './processes.mjs';
import { NODE_LINES } from './node-lines.mjs';

const scratch = process.env.STREAM_SCRATCH && resolve(process.env.STREAM_SCRATCH);
const tarball = process.env.STREAM_TARBALL && resolve(process.env.STREAM_TARBALL);
assert.ok(scratch && tarball, 'STREAM_SCRATCH and STREAM_TARBALL name the scratch project and the packed tarball (set by tests/scripts/test-runtimes.sh)');
const work = join(scratch, 'engines');
const T = { timeout: 120_000 };

/** The JS entry of this machine's npm, so another Node binary can run it. */
const npmCli = realpathSync(execFileSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});

/**
 * `npm install --engine-strict <tarball>` by `node` into a fresh project `name`; -> run()'s
 * result, its whole output, and the Node version npm reports running on (what it checks).
 */
async function install(node, name, tarballPath, { dryRun = true } = {}) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }));
  const env = { NO_COLOR: '1' };
  const versions = await run(node, [npmCli, 'version', '--json'], { cwd: dir, env, limitMs: 30_000 });
  const args = ['install', '--engine-strict', '--offline', '--no-audit', '--no-fund', ...(dryRun ? ['--dry-run'] : []), tarballPath];
  const r = await run(node, [npmCli, ...args], { cwd: dir, env, limitMs: 90_000 });
  assert.equal(r.killed, false, `npm install in ${name} did not finish within 90 s`);
  return { ...r, output: r.stdout + r.stderr, nodeVersion: JSON.parse(versions.stdout).node, dir };
}

test('engines.node of the packed package names exactly the tested Node lines', () => {
  const { engines } = JSON.parse(readFileSync(join(scratch, 'node_modules/stream-payments/package.json'), 'utf8'));
  const ranges = engines.node.split('||').map((r) => r.trim());
  for (const range of ranges) assert.match(range, /^\^\d+\.0\.0$/, `one whole major per range: ${engines.node}`);
  assert.deepEqual(ranges.map((r) => Number(r.slice(1).split('.')[0])), NODE_LINES.map((l) => l.major));
});

for (const { major, bin } of NODE_LINES) {
  test(`Node ${major}: npm install --engine-strict --dry-run of the packed package, no EBADENGINE and no warning`, T, async () => {
    const r = await install(bin, `node${major}`, tarball);
    assert.match(r.nodeVersion, new RegExp(`^${major}\\.`), `npm checked engines against Node ${major}`);
    assert.equal(r.code, 0, `npm install failed under Node ${major}:\n${r.output}`);
    assert.match(r.output, /add stream-payments /, 'npm planned the install');
    assert.doesNotMatch(r.output, /EBADENGINE/);
    assert.doesNotMatch(r.output, /npm warn/i);
  });
}

test(`a real install under this machine's Node (${process.versions.node}): no warning, the package and its dependencies in node_modules`, T, async () => {
  const r = await install(process.execPath, 'installed', tarball, { dryRun: false });
  assert.equal(r.code, 0, `npm install failed:\n${r.output}`);
  assert.doesNotMatch(r.output, /npm warn/i);
  const installed = JSON.parse(readFileSync(join(r.dir, 'node_modules/stream-payments/package.json'), 'utf8'));
  assert.equal(installed.name, 'stream-payments');
  for (const dependency of Object.keys(installed.dependencies ?? {})) {
    assert.ok(existsSync(join(r.dir, 'node_modules', dependency, 'package.json')), `${dependency} installed`);
  }
});

test('the check above fails for a package whose engines leave the running Node out', T, async () => {
  const pkg = join(work, 'needs-node-21');
  mkdirSync(pkg);
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'needs-node-21', version: '1.0.0', engines: { node: '^21.0.0' } }));
  const packed = await run(process.execPath, [npmCli, 'pack', '--silent', '--pack-destination', work], { cwd: pkg, limitMs: 30_000 });
  assert.equal(packed.code, 0, packed.stderr);
  const r = await install(process.execPath, 'refused', join(work, packed.stdout.trim().split('\n').at(-1)));
  assert.notEqual(r.code, 0, 'npm --engine-strict refuses it');
  assert.match(r.output, /EBADENGINE/);
});
