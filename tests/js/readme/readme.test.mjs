// Runs the README's marked code blocks (see blocks.mjs) against the packed package installed in
// the scratch project of tests/scripts/test-package.sh (STREAM_SCRATCH): Node ESM and CommonJS
// with node, TypeScript with tsc --strict and then run, a page without a bundler in headless
// Chromium, a real Vite project (tests/js/vite) built with `vite build` and loaded in Chromium,
// and shell blocks with bash in the scratch project (see shell-setup.mjs for what they get).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startStaticServer } from '../../support/static-server.mjs';
import { assertEmittedWasm, viteBuild } from '../../support/bundlers.mjs';
import { launchChromium, watchErrors } from '../../support/chromium.mjs';
import { KINDS, checkComments, extractBlocks, page, program, shellCheckComments, shellProgram } from './blocks.mjs';
import { startShellSetup } from './shell-setup.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = process.env.STREAM_SCRATCH;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = extractBlocks(readme);
const work = scratch && join(scratch, 'readme');
const tools = join(root, 'tests/node_modules');
/** The amount every browser quick start puts on its page (the gateway's documented payment). */
const SHOWN = '0.16638';

let browser;
let shell;
const browserNeeded = blocks.some((b) => b.kind === 'browser' || b.kind === 'vite');

before(async () => {
  assert.ok(scratch, 'STREAM_SCRATCH names the scratch project with the installed package');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'favicon.ico'), ''); // so Chromium's favicon request is no console error
  if (browserNeeded) browser = await launchChromium();
  if (blocks.some((b) => b.kind === 'shell')) shell = await startShellSetup({ cwd: work, packageModule: createRequire(join(scratch, 'package.json'))('stream-payments') });
});

after(async () => {
  await browser?.close();
  await shell?.close();
});

const label = (b) => `README.md line ${b.line}: \`\`\`${b.lang} test:${b.kind}`;

test('the README has a tested quick start for every kind', () => {
  const found = new Set(blocks.map((b) => b.kind));
  assert.deepEqual(KINDS.filter((k) => !found.has(k)), []);
});

test('the npm front page is this README', () => {
  const packed = readFileSync(join(scratch, 'node_modules/stream-payments/README.md'), 'utf8');
  assert.ok(packed === readme, 'the packed README.md differs from the repository README.md: rebuild (make build)');
});

async function node(file) {
  const { stdout, stderr } = await run(process.execPath, [file], { cwd: work });
  return stdout + stderr;
}

blocks.forEach((block, index) => {
  if (block.kind === 'node-esm' || block.kind === 'node-cjs') {
    test(label(block), async (t) => {
      const { code, checks } = program(block);
      assertEveryCheckParsed(checks, block);
      const file = join(work, `block-${index}.${block.kind === 'node-esm' ? 'mjs' : 'cjs'}`);
      writeFileSync(file, code);
      await node(file);
      t.diagnostic(`${checks} checked values`);
    });
  }
  if (block.kind === 'ts') {
    test(label(block), async () => {
      const base = `block-${index}`;
      writeFileSync(join(work, `${base}.ts`), block.code + '\n');
      writeFileSync(join(work, `tsconfig.${base}.json`), JSON.stringify({
        // What the README's TypeScript section tells a user to set, and nothing more.
        compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'ESNext.Disposable'], skipLibCheck: false, types: [] },
        files: [`${base}.ts`],
      }));
      try {
        await run(join(tools, '.bin/tsc'), ['-p', `tsconfig.${base}.json`], { cwd: work });
      } catch (err) {
        assert.fail(`tsc --strict rejects the README's TypeScript:\n${err.stdout}${err.stderr}`);
      }
      // Then run it: the same checks as the JS blocks, on the type-stripped code.
      const ts = createRequire(join(tools, 'package.json'))('typescript');
      const { code, checks } = program(block);
      assertEveryCheckParsed(checks, block);
      const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      writeFileSync(join(work, `${base}.mjs`), js);
      await node(join(work, `${base}.mjs`));
    });
  }
  if (block.kind === 'shell') {
    test(label(block), async (t) => {
      const { code, checks } = shellProgram(block);
      assert.ok(checks > 0, `${label(block)}: no line is checked (a line ending in \`  # => text\` is)`);
      assert.equal(checks, shellCheckComments(block.code), `${label(block)}: a line with a \`# =>\` comment is not turned into a check (the form is \`command  # => text\`)`);
      const file = join(work, `block-${index}.sh`);
      writeFileSync(file, code);
      try {
        await run('bash', [file], { cwd: work, env: shell.env, timeout: 120_000 });
      } catch (err) {
        assert.fail(`the README's shell block failed (exit ${err.code}):\n${err.stdout}${err.stderr}`);
      }
      t.diagnostic(`${checks} checked outputs`);
    });
  }
  if (block.kind === 'browser') {
    test(label(block), async () => {
      const { html, scripts, checks } = page(block.code, block.line);
      assert.ok(scripts > 0, 'the page has a <script type="module">');
      assertEveryCheckParsed(checks, block);
      writeFileSync(join(work, `block-${index}.html`), html);
      // Served like a user's project folder: the page at the top, node_modules beside it.
      const server = await startStaticServer({ '/node_modules/': join(scratch, 'node_modules'), '/': work });
      try {
        await expectPage(`${server.url}/block-${index}.html`, scripts);
      } finally {
        await server.close();
      }
    });
  }
});

/**
 * A quick start that runs must check something, and every `// <value>` line in it must have
 * become a check: otherwise a README showing wrong values, or a parser that stopped finding
 * them, would pass with nothing compared.
 */
function assertEveryCheckParsed(checks, block) {
  assert.ok(checks > 0, `${label(block)}: no line is checked (a line ending in \`// 'value'\` is)`);
  assert.equal(checks, checkComments(block.code), `${label(block)}: a line with a \`// value\` comment is not turned into a check`);
}

const viteBlocks = blocks.filter((b) => b.kind === 'vite');

/** tests/js/vite copied into the scratch project (so `stream-payments` resolves to the tarball), built, served, loaded. */
async function buildAndLoadVite(name, replace) {
  const app = join(work, name);
  cpSync(join(root, 'tests/js/vite'), app, { recursive: true });
  for (const [file, text] of Object.entries(replace)) writeFileSync(join(app, file), text);
  assertEmittedWasm(await viteBuild(app), 'web');
  writeFileSync(join(app, 'dist/favicon.ico'), '');
  const server = await startStaticServer({ '/': join(app, 'dist') });
  try {
    await expectPage(`${server.url}/`, 1);
  } finally {
    await server.close();
  }
}

test('tests/js/vite as committed: vite build, then the page in Chromium', { skip: !browserNeeded && 'no browser blocks' }, async () => {
  const main = readFileSync(join(root, 'tests/js/vite/main.js'), 'utf8');
  await buildAndLoadVite('vite-committed', { 'main.js': program({ code: main, line: 1 }).code + doneMark() });
});

if (viteBlocks.length) {
  test(`README.md lines ${viteBlocks.map((b) => b.line).join(', ')}: the Vite quick start, built with vite build and loaded in Chromium`, async () => {
    const replace = {};
    for (const b of viteBlocks) {
      if (b.lang === 'html') replace['index.html'] = b.code + '\n';
      else {
        const { code, checks } = program(b);
        assertEveryCheckParsed(checks, b);
        replace['main.js'] = code + doneMark();
      }
    }
    await buildAndLoadVite('vite-readme', replace);
  });
}

function doneMark() {
  return '\ndocument.documentElement.dataset.readmeDone = String(Number(document.documentElement.dataset.readmeDone ?? 0) + 1);\n';
}

/** Loads the page, waits until its module scripts finished, and wants no error and the amount shown. */
async function expectPage(url, scripts) {
  const tab = await browser.context.newPage();
  const errors = watchErrors(tab);
  try {
    await tab.goto(url);
    await tab.waitForFunction((n) => Number(document.documentElement.dataset.readmeDone ?? 0) >= n, scripts, { timeout: 15_000 })
      .catch(() => assert.fail(`the page's scripts did not finish; errors: ${JSON.stringify(errors)}`));
    assert.deepEqual(errors, [], 'no console errors or uncaught exceptions');
    const text = await tab.evaluate(() => document.body.innerText);
    assert.ok(text.includes(SHOWN), `the page shows ${SHOWN}; it shows: ${JSON.stringify(text)}`);
  } finally {
    await tab.close();
  }
}
