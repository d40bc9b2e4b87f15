// The MCP SDK is a dependency of the command line only: no build of the package contains it, a
// browser bundle of `stream-payments` and `stream-payments/checkout` does not pull it in, and
// importing or requiring the library entries in Node does not load it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SCRATCH } from './helpers.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const packageDir = SCRATCH ? dirname(createRequire(join(SCRATCH, 'package.json')).resolve('stream-payments/package.json')) : join(root, 'pkg');
const cwd = SCRATCH ?? join(root, 'pkg');
const SDK = 'modelcontextprotocol';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const mentions = (path) => readFileSync(path).toString('latin1').includes(SDK);

test('no build of the package (node, web, checkout) contains the MCP SDK', () => {
  const builds = ['node', 'web', 'checkout'].flatMap((d) => files(join(packageDir, d)));
  assert.ok(builds.length >= 9, `the builds are there: ${builds.length} files`);
  assert.deepEqual(builds.filter(mentions), []);
  // The scan finds the SDK where it is used: the command line's MCP server.
  assert.ok(mentions(join(packageDir, 'cli/mcp/server.mjs')));
});

test('a browser bundle of stream-payments and stream-payments/checkout does not contain it', async () => {
  const { build } = await import(join(root, 'tests/node_modules/esbuild/lib/main.js'));
  const bundle = (contents) => build({
    stdin: { contents, resolveDir: cwd, loader: 'js' },
    bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent',
  }).then((r) => r.outputFiles.map((f) => f.text).join('\n'));
  const page = await bundle("import * as full from 'stream-payments'; import * as checkout from 'stream-payments/checkout'; console.log(full, checkout);");
  assert.match(page, /StreamPayClient/, 'the bundle has the package');
  assert.ok(!page.includes(SDK), 'no MCP SDK in the browser bundle');
  const control = await bundle("import { Server } from '@modelcontextprotocol/sdk/server/index.js'; console.log(Server);");
  assert.ok(control.includes(SDK), 'a bundle that does import the SDK is seen to contain it');
});

// A resolve hook that refuses the SDK: an import that would load it fails.
const REFUSE_SDK = `data:text/javascript,export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('${SDK}')) throw new Error('loaded the MCP SDK: ' + r.url); return r; }`;
const node = (code) => run(process.execPath, ['--input-type=module', '-e', code], { cwd }).then(() => 'ok', (err) => err.stderr);

test('importing or requiring the library entries in Node does not load the MCP SDK', async () => {
  const register = `import { register } from 'node:module'; register(${JSON.stringify(REFUSE_SDK)});`;
  assert.equal(await node(`${register} await import('stream-payments'); await import('stream-payments/checkout'); await import('stream-payments/mock');`), 'ok');
  assert.match(await node(`${register} await import('@modelcontextprotocol/sdk/server/index.js');`), /loaded the MCP SDK/, 'the hook does refuse the SDK');
  const requiring = (what) => `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/x.js');
    ${what.map((m) => `require('${m}');`).join(' ')}
    const loaded = Object.keys(require.cache).filter((k) => k.includes('${SDK}'));
    if (loaded.length) throw new Error('required the MCP SDK: ' + loaded[0]);`;
  assert.equal(await node(requiring(['stream-payments', 'stream-payments/checkout'])), 'ok');
  assert.match(await node(requiring(['@modelcontextprotocol/sdk/server/index.js'])), /required the MCP SDK/, 'the check does see a required SDK');
});
